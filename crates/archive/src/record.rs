//! One archived claim: what a search finds and shows.

use serde::{Deserialize, Serialize};

/// A claim that was checked before: from a Claimdesk review or a published ClaimReview.
///
/// Every field is plain text as found in the source; an empty string means "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedClaim {
    /// The claim: a review's quote, or a ClaimReview's `claimReviewed`.
    pub text: String,
    /// The fact-check's headline (a ClaimReview's `headline` or `name`; a review's article title).
    pub headline: String,
    /// The verdict in words ("False", "Mostly true"…).
    pub verdict: String,
    /// Who made the claim.
    pub claimant: String,
    /// The fact-checking organisation.
    pub organisation: String,
    /// When the fact-check was published or last changed, as written in the source.
    pub date: String,
    /// The fact-check's address.
    pub url: String,
    /// The claim's id inside a Claimdesk review, or a ClaimReview's `@id`; empty if none.
    pub claim_id: String,
}
