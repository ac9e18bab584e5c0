//! The on-disk shape of a project file, version 1, as serde structs.
//!
//! Field order here is the key order in written files; do not reorder without reason.

use serde::{Deserialize, Serialize};

use crate::model::{ClaimStatus, Extra};

/// The whole file.
#[derive(Serialize, Deserialize)]
pub struct FileV1 {
    pub format: String,
    pub version: u64,
    pub article: ArticleV1,
    pub claims: Vec<ClaimV1>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `article` object.
#[derive(Serialize, Deserialize)]
pub struct ArticleV1 {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of `claims`.
#[derive(Serialize, Deserialize)]
pub struct ClaimV1 {
    pub id: String,
    pub start: u64,
    pub end: u64,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    pub status: ClaimStatus,
    #[serde(default)]
    pub claimant: String,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphaned: bool,
    #[serde(flatten)]
    pub extra: Extra,
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
