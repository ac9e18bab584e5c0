//! Saved fact-check pages: the ClaimReviews in their `<script type="application/ld+json">` blocks.

use scraper::{Html, Selector};

use super::claimreview::{Sink, walk};

/// Passes the ClaimReviews of every JSON-LD block of `page` to `sink`. Returns a description of
/// the blocks that are not valid JSON (the valid ones are still used), or `None`.
pub(crate) fn read_html_page(page: &str, sink: &mut Sink<'_>) -> Option<String> {
    let document = Html::parse_document(page);
    let scripts = Selector::parse("script").expect("a valid selector");
    let mut bad = Vec::new();
    let blocks = document.select(&scripts).filter(|s| {
        s.value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    });
    for (n, script) in blocks.enumerate() {
        let json: String = script.text().collect();
        match serde_json::from_str::<serde_json::Value>(json.trim()) {
            Ok(value) => walk(&value, sink),
            Err(e) => bad.push(format!("JSON-LD block {} is not valid JSON: {e}", n + 1)),
        }
    }
    (!bad.is_empty()).then(|| bad.join("; "))
}
