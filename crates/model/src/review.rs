//! A review: one article and its claims, and what a review keeps beside them.

use crate::article::{Article, ArticleVersion};
use crate::claim::{Claim, ClaimId};
use crate::details::ReviewDetails;
use crate::extra::Extra;
use crate::merge_conflict::MergeConflict;
use crate::span::Span;
use crate::suggestion_decision::SuggestionDecision;

/// A review: one article and its claims, kept in [`Claim::sort_key`] order.
///
/// Adding a field here breaks [`Review::into_parts`] and [`Review::from_parts`] until
/// [`ReviewParts`] has it too, and then every `let ReviewParts { .. }` that names all fields
/// (the team crate's merge) until it says what happens to the new field.
#[derive(Clone, Debug)]
pub struct Review {
    /// The article as reviewed.
    pub article: Article,
    claims: Vec<Claim>,
    /// Who reviewed it and where the review is published.
    pub details: ReviewDetails,
    /// Earlier texts of the article, oldest first (format version 3, `article_versions`).
    pub earlier_versions: Vec<ArticleVersion>,
    /// Suggested sentences the analyst accepted or dismissed, in text order (format version
    /// 4, `suggestion_decisions`). Never claims: they only keep a sentence from being
    /// suggested again.
    pub suggestion_decisions: Vec<SuggestionDecision>,
    /// Merge conflicts waiting for the analyst (format version 5, `conflicts`); empty in a
    /// clean review.
    pub conflicts: Vec<MergeConflict>,
    /// Unknown top-level fields, preserved.
    pub extra: Extra,
}

/// Every part of a [`Review`], all public, to take apart and put together again (the merge
/// takes each part by destructuring, so a new part does not compile until it is merged).
#[derive(Clone, Debug)]
pub struct ReviewParts {
    /// The article as reviewed.
    pub article: Article,
    /// The claims, in any order ([`Review::from_parts`] sorts them).
    pub claims: Vec<Claim>,
    /// Who reviewed it and where the review is published.
    pub details: ReviewDetails,
    /// Earlier texts of the article, oldest first.
    pub earlier_versions: Vec<ArticleVersion>,
    /// Suggested sentences accepted or dismissed, in text order.
    pub suggestion_decisions: Vec<SuggestionDecision>,
    /// Merge conflicts waiting for the analyst.
    pub conflicts: Vec<MergeConflict>,
    /// Unknown top-level fields, preserved.
    pub extra: Extra,
}

impl Review {
    /// A review with no claims yet.
    pub fn new(article: Article) -> Self {
        Self {
            article,
            claims: Vec::new(),
            details: ReviewDetails::default(),
            earlier_versions: Vec::new(),
            suggestion_decisions: Vec::new(),
            conflicts: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// A review with the given claims (sorted here).
    pub fn with_claims(article: Article, mut claims: Vec<Claim>) -> Self {
        claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Self {
            article,
            claims,
            details: ReviewDetails::default(),
            earlier_versions: Vec::new(),
            suggestion_decisions: Vec::new(),
            conflicts: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The review taken apart (claims in text order).
    pub fn into_parts(self) -> ReviewParts {
        // Every field named: a new one does not compile until it is a part too.
        let Review {
            article,
            claims,
            details,
            earlier_versions,
            suggestion_decisions,
            conflicts,
            extra,
        } = self;
        ReviewParts {
            article,
            claims,
            details,
            earlier_versions,
            suggestion_decisions,
            conflicts,
            extra,
        }
    }

    /// A review put together from its parts; the claims are sorted here.
    pub fn from_parts(parts: ReviewParts) -> Self {
        let ReviewParts {
            article,
            mut claims,
            details,
            earlier_versions,
            suggestion_decisions,
            conflicts,
            extra,
        } = parts;
        claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Review {
            article,
            claims,
            details,
            earlier_versions,
            suggestion_decisions,
            conflicts,
            extra,
        }
    }

    /// The claims, in text order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claim with this id.
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| &c.id == id)
    }

    /// Position of the claim with this id in [`Review::claims`].
    pub fn position(&self, id: &ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| &c.id == id)
    }

    /// Adds a claim at its place in text order.
    pub fn insert(&mut self, claim: Claim) {
        let at = self
            .claims
            .partition_point(|c| c.sort_key() < claim.sort_key());
        self.claims.insert(at, claim);
    }

    /// Removes and returns the claim with this id.
    pub fn remove(&mut self, id: &ClaimId) -> Option<Claim> {
        let at = self.position(id)?;
        Some(self.claims.remove(at))
    }

    /// Replaces the claim with the same id, returning the previous version.
    pub fn replace(&mut self, claim: Claim) -> Option<Claim> {
        let old = self.remove(&claim.id)?;
        self.insert(claim);
        Some(old)
    }

    /// Claims per status, in [`ClaimStatus::ALL`] order.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for c in &self.claims {
            counts[c.status as usize] += 1;
        }
        counts
    }

    /// Swaps in another article, claim list and earlier versions at once (an article update,
    /// and its undo); returns the previous ones. Claims are sorted here.
    pub fn replace_article(
        &mut self,
        article: Article,
        mut claims: Vec<Claim>,
        versions: Vec<ArticleVersion>,
    ) -> (Article, Vec<Claim>, Vec<ArticleVersion>) {
        claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        (
            std::mem::replace(&mut self.article, article),
            std::mem::replace(&mut self.claims, claims),
            std::mem::replace(&mut self.earlier_versions, versions),
        )
    }

    /// The spans of every decided suggestion's sentence found in the article, sorted by start.
    pub fn decided_spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self
            .suggestion_decisions
            .iter()
            .filter_map(|d| d.locate(&self.article))
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }

    /// Number of orphaned claims.
    pub fn orphan_count(&self) -> usize {
        self.claims.iter().filter(|c| c.orphaned).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::ClaimStatus;

    fn article(text: &str) -> Article {
        Article::new("t", "", text.to_owned())
    }

    #[test]
    fn claims_stay_in_text_order() {
        let a = article("one two three four");
        let mut r = Review::new(a.clone());
        r.insert(Claim::new(&a, Span::new(8, 13), ClaimStatus::Asserted));
        r.insert(Claim::new(&a, Span::new(0, 3), ClaimStatus::Disputed));
        r.insert(Claim::new(
            &a,
            Span::new(0, 7),
            ClaimStatus::UnderInvestigation,
        ));
        let quotes: Vec<_> = r.claims().iter().map(|c| c.quote.as_str()).collect();
        assert_eq!(quotes, ["one", "one two", "three"]);
        assert_eq!(r.counts(), [1, 1, 1]);
    }

    #[test]
    fn parts_round_trip_and_claims_are_sorted_again() {
        let a = article("one two three four");
        let mut r = Review::new(a.clone());
        r.insert(Claim::new(&a, Span::new(0, 3), ClaimStatus::Disputed));
        r.insert(Claim::new(&a, Span::new(8, 13), ClaimStatus::Asserted));
        r.details.reviewer = "Ana".into();
        r.extra.insert("x".into(), serde_json::json!(1));
        let mut parts = r.clone().into_parts();
        assert_eq!(parts.claims.len(), 2);
        parts.claims.reverse();
        let back = Review::from_parts(parts);
        assert_eq!(crate::format::to_json(&back), crate::format::to_json(&r));
        let quotes: Vec<_> = back.claims().iter().map(|c| c.quote.as_str()).collect();
        assert_eq!(quotes, ["one", "three"]);
    }
}
