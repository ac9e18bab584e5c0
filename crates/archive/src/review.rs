//! Claimdesk's own reviews in the archive: every claim of a `.claimdesk` file.

use claimdesk_model::Claim;
use claimdesk_model::format::Loaded;

use super::record::ArchivedClaim;

/// The archived claims of a loaded review, in text order.
pub(crate) fn review_claims(loaded: &Loaded) -> impl Iterator<Item = ArchivedClaim> + '_ {
    let review = &loaded.review;
    let d = &review.details;
    review.claims().iter().map(move |c| ArchivedClaim {
        text: claim_text(c),
        headline: review.article.title.trim().to_owned(),
        verdict: c.effective_verdict(),
        claimant: c.claimant.trim().to_owned(),
        organisation: d.organisation.trim().to_owned(),
        // As the ClaimReview export: the day the claim's review last changed.
        date: c.modified.as_str().get(..10).unwrap_or("").to_owned(),
        url: d.report_url.trim().to_owned(),
        claim_id: c.id.as_str().to_owned(),
    })
}

/// The quote, followed by the analyst's summary when it says something else.
fn claim_text(c: &Claim) -> String {
    let quote = c.quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let summary = c.summary.trim();
    if summary.is_empty() || quote.contains(summary) {
        quote
    } else {
        format!("{quote} — {summary}")
    }
}
