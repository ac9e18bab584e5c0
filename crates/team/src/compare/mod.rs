//! Comparing two analysts' reviews of the same article (issue 11): which claims pair up, and
//! how far the analysts agree. See `docs/agreement.md` for each figure's formula and a worked
//! example.
//!
//! ```
//! # use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};
//! let article = Article::new("t", "", "The minister said crime fell by half.".into());
//! let a = Review::with_claims(article.clone(), vec![
//!     Claim::new(&article, Span::new(18, 36), ClaimStatus::Disputed)]);
//! let b = Review::with_claims(article.clone(), vec![
//!     Claim::new(&article, Span::new(18, 37), ClaimStatus::Disputed)]);
//! let c = claimdesk_team::compare::compare(&a, &b).unwrap();
//! assert_eq!(c.matching.pairs.len(), 1); // Jaccard 18/19 ≥ 0.5
//! assert_eq!(c.span_exact.f1, 0.0);      // not the same span
//! assert_eq!(c.span_overlapping.f1, 1.0);
//! ```

pub mod agreement;
pub mod differences;
pub mod matching;

use serde::Serialize;

pub use agreement::{CharAlpha, Kappa, SpanScores};
use claimdesk_model::{ClaimStatus, Review};
pub use differences::{Agreement, Mark, differing_fields, marks};
pub use matching::{MIN_JACCARD, MatchRule, MatchedBy, Matching, match_claims};

/// What two reviews of one text agree on.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The claims paired by id, then by overlap.
    pub matching: Matching,
    /// B's spans against A's, identical spans only.
    pub span_exact: SpanScores,
    /// B's spans against A's, any shared character.
    pub span_overlapping: SpanScores,
    /// Cohen's kappa on status over the matched claims.
    pub kappa: Kappa,
    /// Krippendorff's alpha over the characters of the text.
    pub char_alpha: CharAlpha,
}

/// The two reviews are not of the same text, so they cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the reviews are of different article texts: A's is {a_chars} characters (sha256 {a_sha}), \
     B's is {b_chars} characters (sha256 {b_sha}); they first differ at character {at}: \
     A has \"{a_there}\", B has \"{b_there}\""
)]
pub struct DifferentArticles {
    /// A's text length in chars.
    pub a_chars: usize,
    /// B's text length in chars.
    pub b_chars: usize,
    /// A's text hash, shortened.
    pub a_sha: String,
    /// B's text hash, shortened.
    pub b_sha: String,
    /// The first char offset where the texts differ.
    pub at: usize,
    /// A few chars of A's text from there.
    pub a_there: String,
    /// A few chars of B's text from there.
    pub b_there: String,
}

/// Compares review `b` with review `a` (precision is B's, recall A's), refusing reviews of
/// different texts.
pub fn compare(a: &Review, b: &Review) -> Result<Comparison, DifferentArticles> {
    same_article(a, b)?;
    let (ca, cb) = (a.claims(), b.claims());
    let matching = match_claims(ca, cb, MatchRule::IdThenOverlap);
    let (span_exact, span_overlapping) = agreement::span_scores(ca, cb);
    let kappa = agreement::cohen_kappa(&status_pairs(a, b, &matching));
    let char_alpha = agreement::char_alpha(ca, cb, a.article.char_len());
    Ok(Comparison {
        matching,
        span_exact,
        span_overlapping,
        kappa,
        char_alpha,
    })
}

/// The statuses of each matched pair, A's first.
pub fn status_pairs(a: &Review, b: &Review, m: &Matching) -> Vec<(ClaimStatus, ClaimStatus)> {
    m.pairs
        .iter()
        .map(|&(i, j, _)| (a.claims()[i].status, b.claims()[j].status))
        .collect()
}

/// Ok if both reviews hold the same article text; else what differs.
pub fn same_article(a: &Review, b: &Review) -> Result<(), DifferentArticles> {
    let (ta, tb) = (a.article.text(), b.article.text());
    if ta == tb {
        return Ok(());
    }
    let at = ta
        .chars()
        .zip(tb.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let there =
        |t: &str| claimdesk_model::text::shorten(&t.chars().skip(at).collect::<String>(), 24);
    let short = |s: String| s[..12].to_owned();
    Err(DifferentArticles {
        a_chars: a.article.char_len(),
        b_chars: b.article.char_len(),
        a_sha: short(a.article.sha256()),
        b_sha: short(b.article.sha256()),
        at,
        a_there: there(ta),
        b_there: there(tb),
    })
}

/// A comparison as the CLI's `--json` prints it: the figures, and the pairs by claim id.
#[derive(Serialize)]
pub struct ComparisonJson<'r> {
    /// Characters in the article.
    pub chars: usize,
    /// Claims in A and in B.
    pub claims: [usize; 2],
    /// Matched pairs.
    pub pairs: Vec<PairJson<'r>>,
    /// Ids of A's claims with no partner.
    pub only_a: Vec<&'r str>,
    /// Ids of B's claims with no partner.
    pub only_b: Vec<&'r str>,
    /// Span agreement, identical spans.
    pub span_exact: SpanScores,
    /// Span agreement, overlapping spans.
    pub span_overlapping: SpanScores,
    /// Cohen's kappa on status.
    pub kappa: Kappa,
    /// Character-level Krippendorff's alpha.
    pub char_alpha: CharAlpha,
}

/// One matched pair in [`ComparisonJson`].
#[derive(Serialize)]
pub struct PairJson<'r> {
    /// A's claim id.
    pub a: &'r str,
    /// B's claim id.
    pub b: &'r str,
    /// By id or by overlap.
    pub by: MatchedBy,
    /// A's status.
    pub status_a: &'static str,
    /// B's status.
    pub status_b: &'static str,
}

impl Comparison {
    /// The comparison with claim ids, for JSON.
    pub fn to_json<'r>(&self, a: &'r Review, b: &'r Review) -> ComparisonJson<'r> {
        let (ca, cb) = (a.claims(), b.claims());
        ComparisonJson {
            chars: a.article.char_len(),
            claims: [ca.len(), cb.len()],
            pairs: self
                .matching
                .pairs
                .iter()
                .map(|&(i, j, by)| PairJson {
                    a: ca[i].id.as_str(),
                    b: cb[j].id.as_str(),
                    by,
                    status_a: ca[i].status.as_str(),
                    status_b: cb[j].status.as_str(),
                })
                .collect(),
            only_a: self
                .matching
                .only_a
                .iter()
                .map(|&i| ca[i].id.as_str())
                .collect(),
            only_b: self
                .matching
                .only_b
                .iter()
                .map(|&j| cb[j].id.as_str())
                .collect(),
            span_exact: self.span_exact,
            span_overlapping: self.span_overlapping,
            kappa: self.kappa,
            char_alpha: self.char_alpha,
        }
    }
}

/// The first `needle` of `article` as a claim with id `id` (tests of compare and merge).
#[cfg(test)]
pub(crate) fn test_claim(
    article: &claimdesk_model::Article,
    id: &str,
    needle: &str,
    status: ClaimStatus,
) -> claimdesk_model::Claim {
    use claimdesk_model::{Claim, ClaimId, Span};
    let byte = article.text().find(needle).unwrap();
    let start = article.text()[..byte].chars().count();
    let span = Span::new(start, start + needle.chars().count());
    let mut c = Claim::new(article, span, status);
    c.id = ClaimId(id.into());
    c
}

#[cfg(test)]
mod tests;
