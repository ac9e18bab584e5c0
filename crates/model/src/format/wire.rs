//! The on-disk shape of a project file as serde structs: version 5, which reads versions 1 to 4
//! too (version 1 is the same shape without `details`, `verdict`, `summary`, `claim_date`,
//! `evidence`; version 2 without `article_versions`; version 3 without
//! `suggestion_decisions`; version 4 without `claims[].history` and `conflicts`).
//!
//! Field order here is the key order in written files; do not reorder without reason.

use serde::{Deserialize, Serialize};

use crate::details::ReviewDetails;
use crate::evidence::Evidence;
use crate::extra::Extra;
use crate::origin::ArticleOrigin;
use crate::status::ClaimStatus;
use crate::status_change::Decision;
use crate::suggestion_decision::DecisionKind;

/// The whole file.
#[derive(Serialize, Deserialize)]
pub struct WireFile {
    pub format: String,
    pub version: u64,
    /// New in version 2; always written.
    #[serde(default)]
    pub details: ReviewDetails,
    pub article: WireArticle,
    pub claims: Vec<WireClaim>,
    /// New in version 3: earlier texts of the article, oldest first; written only when there
    /// are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub article_versions: Vec<WireArticleVersion>,
    /// New in version 4: suggested sentences accepted or dismissed; written only when there
    /// are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestion_decisions: Vec<WireDecision>,
    /// New in version 5: merge conflicts still to resolve; written only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<crate::merge_conflict::MergeConflict>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of `suggestion_decisions` (version 4).
#[derive(Serialize, Deserialize)]
pub struct WireDecision {
    pub start: u64,
    pub end: u64,
    pub quote: String,
    pub decision: DecisionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<String>,
}

/// One entry of `article_versions` (version 3).
#[derive(Serialize, Deserialize)]
pub struct WireArticleVersion {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<String>,
    /// Later addition to version 5: the document file that text came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<ArticleOrigin>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `article` object.
#[derive(Serialize, Deserialize)]
pub struct WireArticle {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Later addition to version 5: the document file the text was extracted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<ArticleOrigin>,
    /// Later addition to version 5: char offset where each page starts (PDFs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_starts: Vec<u64>,
    /// Later addition to version 5: when each stretch of the text is spoken (subtitles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media_times: Vec<WireMediaTime>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of `article.media_times`.
#[derive(Serialize, Deserialize)]
pub struct WireMediaTime {
    pub start: u64,
    pub millis: u64,
}

/// One entry of `claims`.
#[derive(Serialize, Deserialize)]
pub struct WireClaim {
    pub id: String,
    pub start: u64,
    pub end: u64,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    pub status: ClaimStatus,
    /// New in version 2.
    #[serde(default)]
    pub verdict: String,
    /// New in version 2.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub claimant: String,
    /// New in version 2.
    #[serde(default)]
    pub claim_date: String,
    #[serde(default)]
    pub note: String,
    /// New in version 2.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphaned: bool,
    /// New in version 5: status and verdict changes, oldest first; written only when there
    /// are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<WireChange>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of `claims[].history` (version 5).
#[derive(Serialize, Deserialize)]
pub struct WireChange {
    pub at: String,
    #[serde(default)]
    pub by: String,
    pub decision: Decision,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub reason: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Just enough of a file to decide how to read the rest.
#[derive(Deserialize)]
pub struct Header {
    pub format: Option<serde_json::Value>,
    pub version: Option<serde_json::Value>,
}
