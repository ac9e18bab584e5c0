//! The W3C Web Annotation export: an `AnnotationCollection` with one `Annotation` per claim,
//! targeting the article with a TextQuoteSelector and a TextPositionSelector (code points).

use serde_json::{Map, Value, json};

use super::ExportError;
use super::safe::{anchor_id, http_url, json_for_html};
use crate::model::{Claim, ClaimStatus, Evidence, Review};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The collection as pretty-printed JSON-LD (with `<`, `>`, `&` escaped, still the same JSON).
pub fn webannotation(review: &Review) -> Result<String, ExportError> {
    let base = base_iri(review);
    let source = article_iri(review);
    let items: Vec<Value> = review
        .claims()
        .iter()
        .map(|c| annotation(review, c, &base, &source))
        .collect();
    let mut collection = Map::new();
    collection.insert("@context".into(), json!(CONTEXT));
    collection.insert("id".into(), json!(base));
    collection.insert("type".into(), json!("AnnotationCollection"));
    if !review.article.title.trim().is_empty() {
        collection.insert("label".into(), json!(review.article.title.trim()));
    }
    collection.insert("total".into(), json!(items.len()));
    collection.insert(
        "first".into(),
        json!({"id": format!("{base}#page1"), "type": "AnnotationPage", "startIndex": 0, "items": items}),
    );
    let mut out = json_for_html(&serde_json::to_string_pretty(&Value::Object(collection))?);
    out.push('\n');
    Ok(out)
}

/// The collection's IRI: the report URL if it is http(s), else a URN naming the article text.
fn base_iri(review: &Review) -> String {
    match http_url(&review.details.report_url) {
        Some(mut u) => {
            u.set_fragment(None);
            u.to_string()
        }
        None => format!("urn:claimdesk:review:sha256:{}", review.article.sha256()),
    }
}

/// The annotated resource: the article URL, else its source if that is a web URL, else a URN
/// naming its text by hash.
fn article_iri(review: &Review) -> String {
    http_url(&review.details.article_url)
        .or_else(|| http_url(&review.article.source))
        .map(String::from)
        .unwrap_or_else(|| format!("urn:claimdesk:article:sha256:{}", review.article.sha256()))
}

fn annotation(review: &Review, c: &Claim, base: &str, source: &str) -> Value {
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": c.quote,
        "prefix": c.prefix,
        "suffix": c.suffix,
    })];
    if !c.orphaned {
        selectors.push(json!({
            "type": "TextPositionSelector",
            "start": c.span.start,
            "end": c.span.end,
        }));
    }
    let mut a = Map::new();
    a.insert(
        "id".into(),
        json!(format!("{base}#{}", anchor_id(c.id.as_str()))),
    );
    a.insert("type".into(), json!("Annotation"));
    let motivation = match c.status {
        ClaimStatus::UnderInvestigation => "questioning",
        _ => "assessing",
    };
    a.insert("motivation".into(), json!(motivation));
    a.insert("created".into(), json!(c.created.as_str()));
    a.insert("modified".into(), json!(c.modified.as_str()));
    let reviewer = review.details.reviewer.trim();
    if !reviewer.is_empty() {
        a.insert(
            "creator".into(),
            json!({"type": "Person", "name": reviewer}),
        );
    }
    a.insert("body".into(), Value::Array(bodies(c)));
    a.insert(
        "target".into(),
        json!({"type": "SpecificResource", "source": source, "selector": selectors}),
    );
    Value::Object(a)
}

fn text_body(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

/// Status (tagging), verdict (assessing), claimant (describing), note (commenting), and per
/// source a linking body (http(s) URLs only) and a commenting body with its text.
fn bodies(c: &Claim) -> Vec<Value> {
    let mut bodies = vec![text_body("tagging", c.status.as_str())];
    if c.status != ClaimStatus::UnderInvestigation {
        bodies.push(text_body("assessing", &c.effective_verdict()));
    }
    let mut said = String::new();
    if !c.claimant.trim().is_empty() {
        said = format!("Claimed by {}", c.claimant.trim());
    }
    if !c.claim_date.trim().is_empty() {
        said = if said.is_empty() {
            format!("Claimed on {}", c.claim_date.trim())
        } else {
            format!("{said} on {}", c.claim_date.trim())
        };
    }
    if !said.is_empty() {
        bodies.push(text_body("describing", &said));
    }
    if !c.note.trim().is_empty() {
        bodies.push(text_body("commenting", c.note.trim()));
    }
    for e in c.evidence.iter().filter(|e| !e.is_blank()) {
        if let Some(url) = http_url(&e.url) {
            bodies.push(
                json!({"type": "SpecificResource", "purpose": "linking", "source": url.as_str()}),
            );
        }
        let text = source_text(e);
        if !text.is_empty() {
            bodies.push(text_body("commenting", &text));
        }
    }
    bodies
}

/// A source in words: `Source: title (accessed date): “excerpt” — note`, and a URL that is
/// not http(s) as plain text.
fn source_text(e: &Evidence) -> String {
    let mut parts = Vec::new();
    if !e.title.trim().is_empty() {
        parts.push(e.title.trim().to_owned());
    }
    if !e.url.trim().is_empty() && http_url(&e.url).is_none() {
        parts.push(format!("(not a web link: {})", e.url.trim()));
    }
    if !e.accessed.trim().is_empty() {
        parts.push(format!("(accessed {})", e.accessed.trim()));
    }
    if !e.excerpt.trim().is_empty() {
        parts.push(format!("“{}”", e.excerpt.trim()));
    }
    if !e.note.trim().is_empty() {
        parts.push(format!("— {}", e.note.trim()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("Source: {}", parts.join(" "))
    }
}
