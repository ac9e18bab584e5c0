//! A merge conflict as the review keeps it until the analyst resolves it (format version 5,
//! top-level `conflicts`): which claim and field, both values and who set them. Merging and
//! resolving are `claimdesk-team`'s.

use serde::{Deserialize, Serialize};

use crate::claim::ClaimId;
use crate::status::ClaimStatus;

/// One side of a conflict: its value and who set it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    /// The value on this side (a status identifier, a text, the list of sources; `null` for a
    /// deleted claim; for the article, its sha256 and length).
    pub value: serde_json::Value,
    /// Who set it: the author of that side's last history entry for the claim, else that
    /// side's reviewer; empty if unknown.
    #[serde(default)]
    pub by: String,
}

/// A field both sides changed differently. The merged review holds "ours" until it is
/// resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeConflict {
    /// The claim; `None` for a field of the review itself (its article, details or unknown
    /// fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimId>,
    /// Which field. Of a claim: `status`, `verdict`, `summary`, `claimant`, `claim_date`,
    /// `note`, `sources`, `span`, `deleted` (one side deleted the claim, the other edited it)
    /// or `extra.KEY` (a field this version does not know). Of the review (`claim` is `None`):
    /// `article` (the text), `article.title`, `article.source`, `article.extra.KEY`,
    /// `details.NAME` (`details.reviewer`…), `details.extra.KEY` or `extra.KEY`.
    pub field: String,
    /// Our side (the branch being merged into).
    pub ours: ConflictSide,
    /// Their side.
    pub theirs: ConflictSide,
}

impl MergeConflict {
    /// True for the conflict over the article text (`claim` is `None`, field `article`): their
    /// text is taken through an article update, not by setting a value.
    pub fn is_article_text(&self) -> bool {
        self.claim.is_none() && self.field == "article"
    }

    /// One line for a list: "status: Disputed (Ana) / Asserted (Bo)".
    pub fn describe(&self) -> String {
        format!(
            "{}: {} ({}) / {} ({})",
            self.field,
            shown(&self.ours.value),
            or_unknown(&self.ours.by),
            shown(&self.theirs.value),
            or_unknown(&self.theirs.by)
        )
    }
}

/// A conflict value as a person reads it: a status by its label, a text shortened, "deleted",
/// "(empty)", "N sources", an article text by its length and hash.
pub fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "deleted".to_owned(),
        serde_json::Value::String(s) if s.is_empty() => "(empty)".to_owned(),
        serde_json::Value::String(s) => match ClaimStatus::parse(s) {
            Some(st) => st.label().to_owned(),
            None => crate::text::shorten(s, 40),
        },
        serde_json::Value::Array(a) if a.len() == 1 => "1 source".to_owned(),
        serde_json::Value::Array(a) => format!("{} sources", a.len()),
        serde_json::Value::Object(o) if o.contains_key("sha256") => {
            // An article text: its length and the start of its hash tell the versions apart.
            let chars = o.get("chars").and_then(|c| c.as_u64()).unwrap_or(0);
            let sha = o.get("sha256").and_then(|s| s.as_str()).unwrap_or("");
            format!("{chars} characters, sha256 {}…", &sha[..sha.len().min(8)])
        }
        other => crate::text::shorten(&other.to_string(), 40),
    }
}

fn or_unknown(by: &str) -> &str {
    if by.trim().is_empty() { "unknown" } else { by }
}
