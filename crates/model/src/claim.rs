//! A marked claim and its identifier.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::evidence::Evidence;
use crate::extra::Extra;
use crate::span::Span;
use crate::status::ClaimStatus;
use crate::status_change::StatusChange;
use crate::timestamp::Timestamp;

/// A claim's identifier, unique within a review.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub String);

impl ClaimId {
    /// A new random identifier (`c-` and 12 hex digits), unlikely to collide even across
    /// reviews of the same article by different analysts.
    pub fn generate() -> Self {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        Self(format!("c-{:012x}", h.finish() & 0xffff_ffff_ffff))
    }

    /// The identifier text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A marked claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Unique within the review.
    pub id: ClaimId,
    /// Where the claim is in the article. For an orphan: where it was last.
    pub span: Span,
    /// The claimed text. Equals the article text at `span` unless the claim is an orphan.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] chars before the quote, to find it again after a change.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after the quote.
    pub suffix: String,
    /// The verdict state.
    pub status: ClaimStatus,
    /// Who made the claim; empty if not noted.
    pub claimant: String,
    /// The analyst's note; empty if none.
    pub note: String,
    /// The verdict in words ("False", "Misleading"…); free text, empty if none yet. See
    /// [`VERDICT_SUGGESTIONS`].
    pub verdict: String,
    /// A short summary of the claim for ClaimReview's `claimReviewed`; empty means "derive it
    /// from the quote" (see [`Claim::effective_summary`]).
    pub summary: String,
    /// When the claim was made (a date such as `2026-11-28`), as typed; empty if unknown.
    pub claim_date: String,
    /// Sources cited for or against the claim, in the analyst's order.
    pub evidence: Vec<Evidence>,
    /// When the claim was marked.
    pub created: Timestamp,
    /// When the claim was last changed.
    pub modified: Timestamp,
    /// True when the quote could not be found in the article: the claim is kept and shown, but
    /// not drawn in the text.
    pub orphaned: bool,
    /// Status and verdict changes, oldest first (format version 5).
    pub history: Vec<StatusChange>,
    /// Unknown fields of this claim, preserved.
    pub extra: Extra,
}

/// How many chars of context are stored around a quote.
pub const CONTEXT_CHARS: usize = 32;

impl Claim {
    /// A new claim over `span` of `article`, with fresh id and timestamps.
    pub fn new(article: &Article, span: Span, status: ClaimStatus) -> Self {
        let now = Timestamp::now();
        let mut claim = Self {
            id: ClaimId::generate(),
            span,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            status,
            claimant: String::new(),
            note: String::new(),
            verdict: String::new(),
            summary: String::new(),
            claim_date: String::new(),
            evidence: Vec::new(),
            created: now.clone(),
            modified: now,
            orphaned: false,
            history: Vec::new(),
            extra: Extra::new(),
        };
        claim.anchor_to(article, span);
        claim
    }

    /// Points the claim at `span`, refreshing its quote and context from the article.
    pub fn anchor_to(&mut self, article: &Article, span: Span) {
        self.span = span;
        self.quote = article.slice(span.start, span.end).to_owned();
        self.prefix = article
            .slice(span.start.saturating_sub(CONTEXT_CHARS), span.start)
            .to_owned();
        self.suffix = article
            .slice(span.end, (span.end + CONTEXT_CHARS).min(article.char_len()))
            .to_owned();
        self.orphaned = false;
    }

    /// The summary for ClaimReview: [`Claim::summary`] if set, else the quote cut below 75
    /// characters at a word boundary.
    pub fn effective_summary(&self) -> String {
        let own = self.summary.trim();
        if own.is_empty() {
            crate::verdict::short_summary(&self.quote)
        } else {
            own.to_owned()
        }
    }

    /// The verdict to show: [`Claim::verdict`] if set, else the status label.
    pub fn effective_verdict(&self) -> String {
        let own = self.verdict.trim();
        if own.is_empty() {
            self.status.label().to_owned()
        } else {
            own.to_owned()
        }
    }

    /// The order claims are kept and written in: by start, end, then id.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, self.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new("t", "", text.to_owned())
    }

    #[test]
    fn new_claim_takes_quote_and_context_in_chars() {
        let a = article("🇱🇾 Libya is not to blame, he said.");
        let claim = Claim::new(&a, Span::new(3, 24), ClaimStatus::Disputed);
        assert_eq!(claim.quote, "Libya is not to blame");
        assert_eq!(claim.prefix, "🇱🇾 ");
        assert_eq!(claim.suffix, ", he said.");
    }

    #[test]
    fn generated_ids_differ() {
        let a = ClaimId::generate();
        let b = ClaimId::generate();
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("c-"));
    }
}
