//! Hostile inputs for every importer (issue 16, "bounded import work"): shapes that made the
//! web-page import quadratic (200,000 nested `<div>`s), very wide tables, a million tiny
//! paragraphs, huge attributes, many `<br>`, unclosed formatting that the HTML parser
//! reopens in every block, and deep Markdown. Generated here rather than committed.
//!
//! The tests check what bounds the work (the parsed tree's depth stays under the cap) and
//! that the text survives; the time is measured by `cargo bench -- import/`.

use std::path::Path;

use claimdesk_import::html::parse::{MAX_DEPTH, MAX_UNCLOSED_FORMATTING, parse_document};
use claimdesk_import::{ArticleKind, ImportOptions, Imported, import_bytes};
use scraper::Html;

fn import(bytes: &[u8], kind: ArticleKind) -> Imported {
    import_bytes(
        bytes,
        Path::new("hostile"),
        "hostile",
        "",
        kind,
        &ImportOptions::default(),
    )
    .expect("imports")
}

/// The deepest element nesting of a parsed document (iteratively: the tree may be deep).
fn depth(doc: &Html) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.tree.root(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(node.children().map(|c| (c, d + 1)));
    }
    deepest
}

#[test]
fn deep_nesting_is_flattened_and_keeps_its_text() {
    let levels = 200_000;
    let page = format!(
        "<title>Deep</title><p>Before the nest, a sentence.</p>{}The middle of the nest.{}<p>After.</p>",
        "<div>".repeat(levels),
        "</div>".repeat(levels)
    );
    assert!(page.len() > 2_000_000);
    let parsed = parse_document(&page);
    assert!(
        depth(&parsed.doc) <= MAX_DEPTH + 8,
        "{}",
        depth(&parsed.doc)
    );
    assert_eq!(parsed.flattened, levels - MAX_DEPTH);
    let i = import(page.as_bytes(), ArticleKind::Html);
    let text = i.review.article.text();
    assert!(text.contains("The middle of the nest."), "{text}");
    assert!(text.contains("Before the nest, a sentence."), "{text}");
    assert!(
        i.notes.iter().any(|n| n.contains("flattened")),
        "{:?}",
        i.notes
    );
}

#[test]
fn unclosed_formatting_reopened_in_every_block_stays_bounded() {
    // The tree builder reopens every unclosed <b> in each new paragraph: without a bound the
    // tree grows with the square of the tags.
    let page: String = (0..20_000)
        .map(|n| format!("<p><b id=b{n}>w{n} "))
        .collect();
    let parsed = parse_document(&page);
    assert!(
        depth(&parsed.doc) <= MAX_UNCLOSED_FORMATTING + 8,
        "{}",
        depth(&parsed.doc)
    );
    let text = import(page.as_bytes(), ArticleKind::Html)
        .review
        .article
        .text()
        .to_owned();
    assert!(text.contains("w19999"));
}

#[test]
fn unclosed_paragraphs_and_list_items_are_not_mistaken_for_depth() {
    let page = format!(
        "<ul>{}</ul><div>{}</div>",
        "<li>item".repeat(2_000),
        "<p>para".repeat(2_000)
    );
    let parsed = parse_document(&page);
    assert_eq!(parsed.flattened, 0);
    assert!(depth(&parsed.doc) < 10);
}

#[test]
fn very_wide_table_keeps_every_cell() {
    let cells: String = (0..100_000).map(|n| format!("<td>c{n}</td>")).collect();
    let page = format!("<table><tr>{cells}</tr></table>");
    let text = import(page.as_bytes(), ArticleKind::Html)
        .review
        .article
        .text()
        .to_owned();
    assert!(text.contains("c0\n\nc1\n") && text.contains("c99999"));
}

#[test]
fn a_million_tiny_paragraphs_keep_their_words_past_the_element_budget() {
    let page = "<p>w".repeat(1_000_000);
    let parsed = parse_document(&page);
    assert!(parsed.over_budget > 700_000, "{}", parsed.over_budget);
    let imported = import(page.as_bytes(), ArticleKind::Html);
    let text = imported.review.article.text();
    assert_eq!(text.matches('w').count(), 1_000_000);
    assert!(!text.contains("ww"), "words past the budget stay apart");
    assert!(
        text.starts_with("w\n\nw\n\n"),
        "paragraphs within the budget stay paragraphs"
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.contains("more than 200000 elements")
                || n.contains("more than 200,000 elements")),
        "{:?}",
        imported.notes
    );
}

#[test]
fn huge_attributes_and_many_line_breaks() {
    let class = "x".repeat(4_000_000);
    let page = format!(
        "<div class=\"{class}\" id=\"{class}\"><p>Kept text.</p></div>{}end",
        "w<br>".repeat(150_000)
    );
    let text = import(page.as_bytes(), ArticleKind::Html)
        .review
        .article
        .text()
        .to_owned();
    assert!(text.contains("Kept text.") && text.ends_with("w\nend\n"));
    assert_eq!(text.matches("w\n").count(), 150_000);
}

#[test]
fn deep_markdown_imports() {
    let quotes = format!("{} deep quote\n", ">".repeat(100_000));
    let lists: String = (0..2_000)
        .map(|n| format!("{}- item{n}\n", " ".repeat(n % 400)))
        .collect();
    let emphasis = format!("{}word{}\n", "*_".repeat(100_000), "_*".repeat(100_000));
    let links = format!("{}x{}\n", "[".repeat(100_000), "](u)".repeat(100_000));
    for md in [quotes, lists, emphasis, links] {
        let text = import(md.as_bytes(), ArticleKind::Markdown)
            .review
            .article
            .text()
            .to_owned();
        assert!(!text.trim().is_empty());
    }
}

#[test]
fn one_long_line_of_plain_text() {
    let line = "word ".repeat(800_000);
    let i = import(line.as_bytes(), ArticleKind::Text);
    assert_eq!(i.review.article.text().len(), line.trim_end().len() + 1);
}
