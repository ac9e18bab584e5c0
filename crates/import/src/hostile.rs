//! Hostile article shapes (issue 16, "bounded import work"): the pages and Markdown files that
//! made an importer slower than linear in its input. Generated, not committed: the same list
//! feeds the hostile-import tests, the `import/hostile` benches and the fuzz seeds.

use crate::ArticleKind;

/// One generated hostile input.
pub struct HostileInput {
    /// A short stable name (bench id, test message).
    pub name: &'static str,
    /// How it is imported.
    pub kind: ArticleKind,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Every hostile shape at the size that hurt (each is a few MB at most).
pub fn hostile_inputs() -> Vec<HostileInput> {
    let html = |name, page: String| HostileInput {
        name,
        kind: ArticleKind::Html,
        bytes: page.into_bytes(),
    };
    let markdown = |name, text: String| HostileInput {
        name,
        kind: ArticleKind::Markdown,
        bytes: text.into_bytes(),
    };
    let class = "x".repeat(2_000_000);
    vec![
        html(
            "deep_divs",
            format!(
                "<title>Deep</title><p>Before.</p>{}The middle.{}<p>After.</p>",
                "<div>".repeat(200_000),
                "</div>".repeat(200_000)
            ),
        ),
        html(
            "unclosed_bold",
            (0..100_000).map(|n| format!("<p><b>w{n} ")).collect(),
        ),
        html("million_paragraphs", "<p>w".repeat(1_000_000)),
        html(
            "wide_table",
            format!(
                "<table><tr>{}</tr></table>",
                (0..200_000)
                    .map(|n| format!("<td>c{n}</td>"))
                    .collect::<String>()
            ),
        ),
        html(
            "huge_attributes_and_breaks",
            format!(
                "<div class=\"{class}\" id=\"{class}\"><p>Kept text.</p></div>{}end",
                "w<br>".repeat(300_000)
            ),
        ),
        markdown(
            "deep_markdown_quotes",
            format!("{} deep quote\n", ">".repeat(100_000)),
        ),
        markdown(
            "nested_markdown_emphasis",
            format!("{}word{}\n", "*_".repeat(100_000), "_*".repeat(100_000)),
        ),
        markdown(
            "open_markdown_links",
            format!("{}x{}\n", "[".repeat(100_000), "](u)".repeat(100_000)),
        ),
    ]
}
