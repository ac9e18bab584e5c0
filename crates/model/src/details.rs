//! The review's details: who published it, and where.

use serde::{Deserialize, Serialize};

use crate::extra::Extra;

/// Who published the review, and where: what ClaimReview and the reports need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewDetails {
    /// The analyst's name.
    pub reviewer: String,
    /// The fact-checking organisation.
    pub organisation: String,
    /// Where the reviewed article was published.
    pub article_url: String,
    /// When the article was published (a date), as typed.
    pub article_published: String,
    /// The page where the fact check is published.
    pub report_url: String,
    /// Unknown fields of this object, preserved.
    #[serde(flatten)]
    pub extra: Extra,
}
