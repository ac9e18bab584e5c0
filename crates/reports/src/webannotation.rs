//! The W3C Web Annotation export: an `AnnotationCollection` with one `Annotation` per claim,
//! targeting the article with a TextQuoteSelector and a TextPositionSelector (code points).

use serde::Serialize;

use super::ExportError;
use super::safe::{anchor_id, http_url, json_for_html};
use claimdesk_model::{Claim, ClaimStatus, Evidence, Review};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

// Typed, borrowed shapes of the output: serialising them directly is several times faster than
// building a `serde_json::Value` tree (5,000 annotations are ~100,000 small objects). Field
// order is key order.

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    total: usize,
    /// Omitted when there are no annotations: a page MUST hold at least one (Model §5.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<Page<'a>>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    /// The collection this page belongs to (Model §5.2: SHOULD).
    #[serde(rename = "partOf")]
    part_of: &'a str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator<'a>>,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Text {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        value: std::borrow::Cow<'a, str>,
        format: &'static str,
    },
    Link {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        source: String,
    },
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: &'a Source,
    selector: Vec<Selector<'a>>,
}

/// The annotated article: its IRI, the class `Text`, and its media type when known (Model
/// §3.2.1: SHOULD). No `language`: a review does not record the article's language, and a
/// guessed one would be worse than none.
#[derive(Serialize)]
struct Source {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}

/// The collection as pretty-printed JSON-LD (with `<`, `>`, `&` escaped, still the same JSON).
pub fn webannotation(review: &Review) -> Result<String, ExportError> {
    let base = base_iri(review);
    let source = article_source(review);
    let items: Vec<Annotation<'_>> = review
        .claims()
        .iter()
        .map(|c| annotation(review, c, &base, &source))
        .collect();
    let title = review.article.title.trim();
    let collection = Collection {
        context: CONTEXT,
        id: &base,
        kind: "AnnotationCollection",
        label: (!title.is_empty()).then_some(title),
        total: items.len(),
        first: (!items.is_empty()).then(|| Page {
            id: format!("{base}#page1"),
            kind: "AnnotationPage",
            part_of: &base,
            start_index: 0,
            items,
        }),
    };
    let mut out = json_for_html(&serde_json::to_string_pretty(&collection)?);
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
/// naming its text by hash. Its format is `text/plain` for the URN (the exact text reviewed),
/// else what the URL's file extension says, else unknown (many article URLs have none).
fn article_source(review: &Review) -> Source {
    let web = http_url(&review.details.article_url).or_else(|| http_url(&review.article.source));
    match web {
        Some(url) => Source {
            format: format_of_path(url.path()),
            id: url.to_string(),
            kind: "Text",
        },
        None => Source {
            id: format!("urn:claimdesk:article:sha256:{}", review.article.sha256()),
            kind: "Text",
            format: Some("text/plain"),
        },
    }
}

/// The media type a URL path's extension names, for the kinds of article Claimdesk imports.
fn format_of_path(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or_default();
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some("text/html"),
        "txt" => Some("text/plain"),
        "md" | "markdown" => Some("text/markdown"),
        _ => None,
    }
}

fn annotation<'a>(
    review: &'a Review,
    c: &'a Claim,
    base: &str,
    source: &'a Source,
) -> Annotation<'a> {
    // Every field is named, so a new claim field does not compile until this export decides.
    let Claim {
        id,
        span,
        quote,
        prefix,
        suffix,
        status,
        claimant: _, // in `bodies`
        note: _,
        verdict: _,
        claim_date: _,
        evidence: _,
        summary: _, // ClaimReview's short summary; the annotation carries the quote itself
        created,
        modified,
        orphaned,
        history: _, // the team's internal record; the reports can show it
        extra: _,   // fields of a newer version, kept in the file only
    } = c;
    let mut selector = vec![Selector::Quote {
        kind: "TextQuoteSelector",
        exact: quote,
        prefix,
        suffix,
    }];
    if !orphaned {
        selector.push(Selector::Position {
            kind: "TextPositionSelector",
            start: span.start,
            end: span.end,
        });
    }
    let motivation = match status {
        ClaimStatus::UnderInvestigation => "questioning",
        _ => "assessing",
    };
    let reviewer = review.details.reviewer.trim();
    Annotation {
        id: format!("{base}#{}", anchor_id(id.as_str())),
        kind: "Annotation",
        motivation,
        created: created.as_str(),
        modified: modified.as_str(),
        creator: (!reviewer.is_empty()).then_some(Creator {
            kind: "Person",
            name: reviewer,
        }),
        body: bodies(c),
        target: Target {
            kind: "SpecificResource",
            source,
            selector,
        },
    }
}

fn text_body<'a>(purpose: &'static str, value: impl Into<std::borrow::Cow<'a, str>>) -> Body<'a> {
    Body::Text {
        kind: "TextualBody",
        purpose,
        value: value.into(),
        format: "text/plain",
    }
}

/// Status (tagging), verdict (assessing), claimant (describing), note (commenting), and per
/// source a linking body (http(s) URLs only) and a commenting body with its text.
fn bodies(c: &Claim) -> Vec<Body<'_>> {
    let mut bodies = vec![text_body("tagging", c.status.as_str())];
    if c.status != ClaimStatus::UnderInvestigation {
        bodies.push(text_body("assessing", c.effective_verdict()));
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
        bodies.push(text_body("describing", said));
    }
    if !c.note.trim().is_empty() {
        bodies.push(text_body("commenting", c.note.trim()));
    }
    for e in c.evidence.iter().filter(|e| !e.is_blank()) {
        if let Some(url) = http_url(&e.url) {
            bodies.push(Body::Link {
                kind: "SpecificResource",
                purpose: "linking",
                source: url.to_string(),
            });
        }
        let text = source_text(e);
        if !text.is_empty() {
            bodies.push(text_body("commenting", text));
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
