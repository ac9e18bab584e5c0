//! schema.org ClaimReview in every shape fact-checkers publish it: one `ClaimReview`, an array, an
//! `@graph`, a `DataFeed` whose `dataFeedElement` holds `DataFeedItem`s (each with an `item` of
//! one or more ClaimReviews) or ClaimReviews directly, or a ClaimReview nested in a page's
//! `mainEntity`. Any JSON value is searched for objects typed `ClaimReview`.

use serde_json::{Map, Value};

use super::record::ArchivedClaim;

/// Receives the ClaimReviews found in a source and counts the unusable ones.
pub(crate) struct Sink<'a> {
    emit: &'a mut dyn FnMut(ArchivedClaim),
    /// ClaimReviews turned into claims.
    pub found: usize,
    /// ClaimReviews with no claim text (no `claimReviewed`, no `itemReviewed.name`): skipped.
    pub unusable: usize,
}

impl<'a> Sink<'a> {
    /// A sink that passes each claim to `emit`.
    pub fn new(emit: &'a mut dyn FnMut(ArchivedClaim)) -> Self {
        Self {
            emit,
            found: 0,
            unusable: 0,
        }
    }

    /// Hands over one claim found outside JSON-LD (a Claimdesk review).
    pub fn push(&mut self, claim: ArchivedClaim) {
        self.found += 1;
        (self.emit)(claim);
    }
}

/// Finds every ClaimReview in `value`, in document order, and passes it to `sink`.
pub(crate) fn walk(value: &Value, sink: &mut Sink<'_>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| walk(v, sink)),
        Value::Object(obj) if has_type(obj, "ClaimReview") => match claim_of(obj) {
            Some(claim) => sink.push(claim),
            None => sink.unusable += 1,
        },
        // @graph, dataFeedElement, a DataFeedItem's item, a WebPage's mainEntity…
        Value::Object(obj) => obj.values().for_each(|v| walk(v, sink)),
        _ => {}
    }
}

/// True if the object's `@type` (a string or an array) names `wanted`, with or without a
/// vocabulary prefix (`schema:ClaimReview`, `http://schema.org/ClaimReview`).
fn has_type(obj: &Map<String, Value>, wanted: &str) -> bool {
    let local = |t: &str| t.rsplit(['/', ':', '#']).next() == Some(wanted);
    match obj.get("@type") {
        Some(Value::String(t)) => local(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(local),
        _ => false,
    }
}

/// The archived claim of one ClaimReview object; `None` without any claim text.
fn claim_of(review: &Map<String, Value>) -> Option<ArchivedClaim> {
    let item = review.get("itemReviewed").and_then(first_object);
    let text = [
        review.get("claimReviewed"),
        item.and_then(|i| i.get("name")),
        item.and_then(|i| i.get("text")),
    ]
    .into_iter()
    .flatten()
    .map(text_of)
    .find(|t| !t.is_empty())?;
    let rating = review.get("reviewRating").and_then(first_object);
    Some(ArchivedClaim {
        text,
        headline: first_text(review, &["headline", "name"]),
        verdict: rating
            .map(|r| first_text(r, &["alternateName", "name", "ratingValue"]))
            .unwrap_or_default(),
        claimant: item
            .and_then(|i| i.get("author"))
            .map(|a| names(a, None))
            .unwrap_or_default(),
        organisation: organisation(review),
        date: first_text(review, &["datePublished", "dateCreated", "dateModified"]),
        url: first_text(review, &["url"]),
        claim_id: first_text(review, &["@id"]),
    })
}

/// The fact-checker: the organisations among the authors, else any author, else the publisher.
fn organisation(review: &Map<String, Value>) -> String {
    let Some(author) = review.get("author") else {
        return review
            .get("publisher")
            .map(|p| names(p, None))
            .unwrap_or_default();
    };
    let orgs = names(author, Some("Organization"));
    if orgs.is_empty() {
        names(author, None)
    } else {
        orgs
    }
}

/// The names in a person/organisation value (a string, an object or an array), joined with
/// ", "; only objects of type `only` when given.
fn names(value: &Value, only: Option<&str>) -> String {
    let one = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) if only.is_none() => Some(clean(s)),
            Value::Object(o) if only.is_none_or(|t| has_type(o, t)) => {
                Some(first_text(o, &["name", "alternateName"]))
            }
            _ => None,
        }
    };
    let all: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let all: Vec<String> = all.into_iter().filter(|s| !s.is_empty()).collect();
    all.join(", ")
}

/// The first of `keys` that has text.
fn first_text(obj: &Map<String, Value>, keys: &[&str]) -> String {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .map(text_of)
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

/// Text of a JSON-LD literal: a string, a number, `{"@value": …}`, or the first of an array.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => clean(s),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => o.get("@value").map(text_of).unwrap_or_default(),
        Value::Array(items) => items
            .iter()
            .map(text_of)
            .find(|t| !t.is_empty())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The first object of a value that is an object or an array of them.
fn first_object(value: &Value) -> Option<&Map<String, Value>> {
    match value {
        Value::Object(o) => Some(o),
        Value::Array(items) => items.iter().find_map(Value::as_object),
        _ => None,
    }
}

/// Whitespace collapsed to single spaces, trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
