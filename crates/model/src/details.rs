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
    /// The review's language, a BCP 47 tag (`es`, `pt-BR`): its reports are written in it and
    /// ClaimReview gives it as `inLanguage`. Empty in reviews made before Claimdesk had
    /// languages; their reports are in English. Written only when set.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// The address of the video or audio a subtitled article transcribes, so reports can
    /// link each claim to its moment; written only when set (a later addition to version 5).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub media_url: String,
    /// Unknown fields of this object, preserved.
    #[serde(flatten)]
    pub extra: Extra,
}
