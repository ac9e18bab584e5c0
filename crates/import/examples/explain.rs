//! Shows why the web import chose what it chose on one saved page: the best-scoring
//! containers and the parts chosen by each reading; with snippets after the page, the
//! smallest element holding each snippet and its ancestors (a tuning aid).
//! Run: `cargo run --release -p claimdesk-import --example explain -- PAGE.html[.gz] [TEXT…]`.

use std::io::Read;

use claimdesk_import::html::score::{Analysis, Rules};
use claimdesk_import::html::{parse, select};

fn main() {
    let path = std::env::args().nth(1).expect("a page");
    let mut bytes = std::fs::read(&path).expect("readable");
    if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .expect("gzip");
        bytes = out;
    }
    let html = String::from_utf8_lossy(&bytes);
    let parsed = parse::parse_document(&html);
    let snippets: Vec<String> = std::env::args().skip(2).collect();
    if !snippets.is_empty() {
        let analysis = Analysis::new(&parsed.doc, Rules::ATTEMPTS[0]);
        let parts = select::article_parts(&analysis);
        for snippet in snippets {
            locate(&analysis, &parts, &snippet);
        }
        return;
    }
    for (attempt, rules) in Rules::ATTEMPTS.into_iter().enumerate() {
        let analysis = Analysis::new(&parsed.doc, rules);
        let mut scored: Vec<(usize, f64)> = analysis.scores.iter().map(|(i, s)| (*i, *s)).collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        println!("== attempt {attempt} {rules:?}");
        for (i, s) in scored.iter().take(8) {
            println!(
                "  {s:7.1} {} text {} links {} chrome {}",
                describe(&analysis, *i),
                analysis.totals[*i].text,
                analysis.totals[*i].links,
                analysis.in_chrome(*i)
            );
        }
        let parts = select::article_parts(&analysis);
        for p in &parts {
            println!(
                "  part: {} text {}",
                describe(&analysis, *p),
                analysis.totals[*p].text
            );
        }
    }
}

fn describe(analysis: &Analysis, i: usize) -> String {
    describe_up(analysis, i, 4)
}

fn describe_up(analysis: &Analysis, i: usize, depth: usize) -> String {
    let mut chain = Vec::new();
    let mut at = Some(i);
    while let Some(a) = at {
        let e = analysis.nodes[a].el.value();
        let mut s = e.name().to_owned();
        if let Some(id) = e.attr("id") {
            s.push('#');
            s.push_str(id);
        }
        if let Some(c) = e.attr("class") {
            for w in c.split_whitespace().take(3) {
                s.push('.');
                s.push_str(w);
            }
        }
        chain.push(s);
        at = analysis.nodes[a].parent;
        if chain.len() >= depth {
            break;
        }
    }
    chain.reverse();
    format!("[{i}] {}", chain.join(" > "))
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Prints the smallest listed element whose text holds `snippet`, and its ancestors.
fn locate(analysis: &Analysis, parts: &[usize], snippet: &str) {
    let want = fold(snippet);
    let found = (0..analysis.nodes.len())
        .rev()
        .find(|&i| fold(&analysis.nodes[i].el.text().collect::<String>()).contains(&want));
    println!(">> {}", want.chars().take(60).collect::<String>());
    let Some(i) = found else {
        println!("   not in any listed element");
        return;
    };
    let mut at = Some(i);
    while let Some(a) = at {
        let t = analysis.totals[a];
        println!(
            "   {:60} text {:6} links {:5} score {:6.1} chrome {} part {}",
            describe_up(analysis, a, 1)
                .chars()
                .take(60)
                .collect::<String>(),
            t.text,
            t.links,
            analysis.score(a),
            u8::from(analysis.nodes[a].chrome),
            u8::from(parts.contains(&a))
        );
        at = analysis.nodes[a].parent;
    }
}
