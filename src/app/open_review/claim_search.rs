//! The claims list's text filter (issue 10): what the user typed and which claims match it,
//! recomputed at the start of a frame only when the query or the review changed.

use claimdesk_archive::claim_search::{ClaimQuery, FoldedClaim, fold_claims};

use super::document::Document;

/// The text filter of the claims list.
#[derive(Default)]
pub struct ClaimSearch {
    /// What the user typed.
    pub query: String,
    parsed: ClaimQuery,
    /// The folded claims and the (article generation, generation) they were folded for.
    folded: Option<((u64, u64), Vec<FoldedClaim>)>,
    /// Per claim (review order): does it match? Empty while the query is empty.
    matched: Vec<bool>,
    matched_for: Option<((u64, u64), String)>,
}

impl ClaimSearch {
    /// Sets the query (the next `refresh` applies it).
    pub fn set_query(&mut self, query: String) {
        self.parsed = ClaimQuery::new(&query);
        self.query = query;
    }

    /// True if claim `i` (review order) passes the text filter.
    pub fn shows(&self, i: usize) -> bool {
        self.parsed.is_empty() || self.matched.get(i).copied().unwrap_or(true)
    }

    /// Brings the matches up to date with `doc` (folding the claims again only after a change).
    pub fn refresh(&mut self, doc: &Document) {
        let key = (doc.article_generation(), doc.generation());
        if self.parsed.is_empty() {
            self.matched.clear();
            self.matched_for = None;
            return;
        }
        if self.matched_for.as_ref() == Some(&(key, self.query.clone())) {
            return;
        }
        if self.folded.as_ref().is_none_or(|(k, _)| *k != key) {
            self.folded = Some((key, fold_claims(doc.review().claims())));
        }
        let folded = &self.folded.as_ref().expect("just folded").1;
        self.matched = folded.iter().map(|f| self.parsed.matches(f)).collect();
        self.matched_for = Some((key, self.query.clone()));
    }
}
