//! The schema.org ClaimReview export (JSON-LD, as Google documents it): one `ClaimReview` per
//! asserted or disputed claim; claims under investigation have no verdict and are left out.

use serde_json::{Map, Value, json};

use super::safe::{anchor_id, http_url, json_for_html};
use super::{ExportError, claims_word, has_verdict};
use claimdesk_model::verdict::SUMMARY_LIMIT;
use claimdesk_model::{Claim, ClaimStatus, Review};

/// A JSON array of ClaimReview objects, each with its own `@context`, pretty-printed, with
/// `<`, `>` and `&` escaped so it can be pasted into a `<script type="application/ld+json">`.
pub fn claimreview(review: &Review) -> Result<String, ExportError> {
    let items: Vec<Value> = review
        .claims()
        .iter()
        .filter(|c| has_verdict(c.status))
        .map(|c| one(review, c))
        .collect();
    let mut out = json_for_html(&serde_json::to_string_pretty(&Value::Array(items))?);
    out.push('\n');
    Ok(out)
}

/// One claim's ClaimReview.
fn one(review: &Review, c: &Claim) -> Value {
    // Every field named, so a new one does not compile until ClaimReview decides about it.
    let Claim {
        id: _,         // the URL's fragment
        status: _,     // only claims with a verdict get here
        claimant: _,   // the claim's author
        claim_date: _, // when the claim appeared
        summary: _,    // claimReviewed (the quote's start when empty)
        quote: _,
        verdict: _,  // the rating's alternateName (the status when empty)
        note: _,     // the rating's explanation
        modified: _, // datePublished of the review of this claim
        span: _,     // ClaimReview has no place for offsets, context or sources
        prefix: _,
        suffix: _,
        evidence: _,
        created: _,
        orphaned: _,
        history: _, // the team's internal record, not part of the published rating
        extra: _,
    } = c;
    let d = &review.details;
    let fragment = anchor_id(c.id.as_str());
    // Required. Without a report URL, a relative fragment: right when embedded in the report.
    let url = match http_url(&d.report_url) {
        Some(mut u) => {
            u.set_fragment(Some(&fragment));
            u.to_string()
        }
        None => format!("#{fragment}"),
    };
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if !c.claimant.trim().is_empty() {
        item.insert(
            "author".into(),
            json!({"@type": "Person", "name": c.claimant.trim()}),
        );
    }
    let said_on = [c.claim_date.trim(), d.article_published.trim()]
        .into_iter()
        .find(|s| !s.is_empty());
    if let Some(date) = said_on {
        item.insert("datePublished".into(), json!(date));
    }
    if let Some(article) = http_url(&d.article_url) {
        let mut work = Map::new();
        work.insert("@type".into(), json!("CreativeWork"));
        work.insert("url".into(), json!(article.as_str()));
        if !review.article.title.trim().is_empty() {
            work.insert("headline".into(), json!(review.article.title.trim()));
        }
        if !d.article_published.trim().is_empty() {
            work.insert("datePublished".into(), json!(d.article_published.trim()));
        }
        item.insert("appearance".into(), Value::Object(work));
    }

    let mut review_obj = Map::new();
    review_obj.insert("@context".into(), json!("https://schema.org"));
    review_obj.insert("@type".into(), json!("ClaimReview"));
    review_obj.insert("url".into(), json!(url));
    review_obj.insert("claimReviewed".into(), json!(c.effective_summary()));
    // The language the fact-check is written in: the review's (English when not set, as its
    // reports are).
    let language = claimdesk_i18n::Language::from_tag(&d.language)
        .unwrap_or(claimdesk_i18n::Language::ENGLISH);
    review_obj.insert("inLanguage".into(), json!(language.tag()));
    review_obj.insert("itemReviewed".into(), Value::Object(item));
    if let Some(author) = author(review) {
        review_obj.insert("author".into(), author);
    }
    // The date this claim's review was last changed: deterministic, unlike "now".
    let reviewed_on = c.modified.as_str().get(..10).unwrap_or(c.modified.as_str());
    review_obj.insert("datePublished".into(), json!(reviewed_on));
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert("alternateName".into(), json!(c.effective_verdict()));
    if !c.note.trim().is_empty() {
        rating.insert("ratingExplanation".into(), json!(c.note.trim()));
    }
    review_obj.insert("reviewRating".into(), Value::Object(rating));
    Value::Object(review_obj)
}

/// The fact-checker: the organisation and/or the reviewer.
fn author(review: &Review) -> Option<Value> {
    let d = &review.details;
    let mut authors = Vec::new();
    if !d.organisation.trim().is_empty() {
        let mut org = Map::new();
        org.insert("@type".into(), json!("Organization"));
        org.insert("name".into(), json!(d.organisation.trim()));
        if let Some(site) = http_url(&d.report_url).and_then(|u| origin(&u)) {
            org.insert("url".into(), json!(site));
        }
        authors.push(Value::Object(org));
    }
    if !d.reviewer.trim().is_empty() {
        authors.push(json!({"@type": "Person", "name": d.reviewer.trim()}));
    }
    match authors.len() {
        0 => None,
        1 => authors.pop(),
        _ => Some(Value::Array(authors)),
    }
}

/// `https://host/` of a URL.
fn origin(url: &url::Url) -> Option<String> {
    let mut site = url.clone();
    site.set_path("/");
    site.set_query(None);
    site.set_fragment(None);
    Some(site.to_string())
}

/// What the user should know about a ClaimReview export of `review`.
pub fn notes(review: &Review) -> Vec<String> {
    let mut notes = Vec::new();
    let reviewed: Vec<&Claim> = review
        .claims()
        .iter()
        .filter(|c| has_verdict(c.status))
        .collect();
    let left_out = review.counts()[ClaimStatus::UnderInvestigation as usize];
    if left_out > 0 {
        notes.push(format!(
            "{} under investigation {} left out: a ClaimReview needs a verdict.",
            claims_word(left_out),
            if left_out == 1 { "was" } else { "were" }
        ));
    }
    if reviewed.is_empty() {
        return notes;
    }
    let d = &review.details;
    if http_url(&d.report_url).is_none() {
        notes.push(
            "The review has no http(s) report URL: each ClaimReview's url is a relative \
             \"#claim-…\" link, right only when the JSON-LD is embedded in the published report."
                .to_owned(),
        );
    }
    if d.organisation.trim().is_empty() && d.reviewer.trim().is_empty() {
        notes.push(
            "The review names no reviewer or organisation: ClaimReview has no author.".to_owned(),
        );
    }
    let no_claimant = reviewed
        .iter()
        .filter(|c| c.claimant.trim().is_empty())
        .count();
    if no_claimant > 0 {
        notes.push(format!(
            "{} no claimant: Google asks that every claim be attributed.",
            match no_claimant {
                1 => "1 claim has".to_owned(),
                n => format!("{n} claims have"),
            }
        ));
    }
    let long = reviewed
        .iter()
        .filter(|c| c.effective_summary().chars().count() >= SUMMARY_LIMIT)
        .count();
    if long > 0 {
        notes.push(format!(
            "{} a summary of {SUMMARY_LIMIT} characters or more; Google recommends shorter.",
            match long {
                1 => "1 claim has".to_owned(),
                n => format!("{n} claims have"),
            }
        ));
    }
    notes
}
