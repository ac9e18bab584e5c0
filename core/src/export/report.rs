//! What the HTML and Markdown reports share: status glyphs and wording, the review's header
//! facts, and a claim's context for display.

use super::safe::http_url;
use crate::model::{Claim, ClaimStatus, Review};

/// The non-colour cue of a status: a glyph shown next to every highlight and in the legend.
pub fn glyph(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Asserted => "✓",
        ClaimStatus::Disputed => "✗",
        ClaimStatus::UnderInvestigation => "?",
    }
}

/// How the highlight of a status is underlined, in words (for the legend).
pub fn underline(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Asserted => "solid underline",
        ClaimStatus::Disputed => "double underline",
        ClaimStatus::UnderInvestigation => "dashed underline",
    }
}

/// The report's title.
pub fn title(review: &Review) -> String {
    let t = review.article.title.trim();
    if t.is_empty() {
        "Fact-check report".to_owned()
    } else {
        format!("Fact-check report: {t}")
    }
}

/// Labelled facts about the review for the report header, in order; empty ones left out.
/// Values are raw (untrusted) text; URL-valued facts are flagged so callers can link them.
pub fn header_facts(review: &Review) -> Vec<(&'static str, String, bool)> {
    let d = &review.details;
    let a = &review.article;
    // The source is shown only if it is a web address other than the article URL: a local
    // path would leak the analyst's folders into a published report.
    let source = match http_url(&a.source) {
        Some(u) if http_url(&d.article_url) != Some(u.clone()) => u.to_string(),
        _ => String::new(),
    };
    let facts = [
        ("Article", a.title.clone(), false),
        ("Article URL", d.article_url.clone(), true),
        ("Published", d.article_published.clone(), false),
        ("Source", source, true),
        ("Reviewer", d.reviewer.clone(), false),
        ("Organisation", d.organisation.clone(), false),
        ("Report URL", d.report_url.clone(), true),
        ("Article SHA-256", a.sha256(), false),
    ];
    facts
        .into_iter()
        .filter(|(_, v, _)| !v.trim().is_empty())
        .collect()
}

/// A claim's facts for its detail section, in order; empty ones left out. Raw text.
pub fn claim_facts(claim: &Claim) -> Vec<(&'static str, String)> {
    let facts = [
        ("Verdict", claim.verdict.trim().to_owned()),
        ("Summary", claim.summary.trim().to_owned()),
        ("Claimant", claim.claimant.trim().to_owned()),
        ("Claim made", claim.claim_date.trim().to_owned()),
        ("Note", claim.note.trim().to_owned()),
        ("Marked", claim.created.as_str().to_owned()),
        ("Last changed", claim.modified.as_str().to_owned()),
    ];
    facts.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

/// A one-line preview of a quote: whitespace collapsed, at most `max` chars.
pub fn preview(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::format::shorten(&collapsed, max)
}
