fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "new" {
        let path = std::path::Path::new(&args[2]);
        let i = claimdesk_import::import_article(path, &Default::default()).unwrap();
        let v = serde_json::json!({"article": {"text": i.review.article.text(), "title": i.review.article.title}, "details": {"article_published": i.review.details.article_published}});
        std::fs::write(&args[4], v.to_string()).unwrap();
        for n in i.notes {
            eprintln!("note: {n}");
        }
        return;
    }
    let html = std::fs::read_to_string(&args[1]).unwrap();
    let page = claimdesk_import::html::extract(&html);
    println!("{:?}\n{}", page.meta, page.text);
}
