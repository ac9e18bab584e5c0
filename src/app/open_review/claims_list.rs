//! The claims list: its status filter and text search ([`ListCommand`]), and what it shows —
//! the rows that pass both filters, the per-status counts and the orphan count. Kept between
//! frames and recomputed only when the review, the status filter or the search changed, so a
//! steady frame does not walk every claim (issue 16: what 5,000 claims cost a frame that
//! changes nothing).

use claimdesk_model::ClaimStatus;

use super::claim_search::ClaimSearch;
use super::document::Document;

/// What the user does to the claims list's filters.
#[derive(Clone, Debug, PartialEq)]
pub enum ListCommand {
    /// Show or hide claims of a status in the list.
    SetStatusFilter(ClaimStatus, bool),
    /// Filter the list by this text (quote, claimant, note, verdict, sources).
    SetQuery(String),
}

/// What the rows were computed from: (article generation, generation), the status filter and
/// the search query.
type Key = ((u64, u64), [bool; 3], String);

/// The claims list's filters, rows and counts.
pub struct ClaimsList {
    /// Which statuses the list shows (indexed by `ClaimStatus as usize`).
    filter: [bool; 3],
    /// The text filter.
    search: ClaimSearch,
    key: Option<Key>,
    rows: Vec<usize>,
    counts: [usize; 3],
    orphans: usize,
}

impl Default for ClaimsList {
    fn default() -> Self {
        Self {
            filter: [true; 3],
            search: ClaimSearch::default(),
            key: None,
            rows: Vec::new(),
            counts: [0; 3],
            orphans: 0,
        }
    }
}

impl ClaimsList {
    /// Applies a change of the filters (the next refresh shows it).
    pub fn apply(&mut self, command: ListCommand) {
        match command {
            ListCommand::SetStatusFilter(status, shown) => self.filter[status as usize] = shown,
            ListCommand::SetQuery(query) => self.search.set_query(query),
        }
    }

    /// True if claims of `status` are listed.
    pub fn shows_status(&self, status: ClaimStatus) -> bool {
        self.filter[status as usize]
    }

    /// What the search field holds.
    pub fn query(&self) -> &str {
        &self.search.query
    }

    /// Review indices (review order) of the claims the list shows.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Claims per status, indexed by `ClaimStatus as usize`, over the whole review.
    pub fn counts(&self) -> [usize; 3] {
        self.counts
    }

    /// Claims whose quote was not found in the text.
    pub fn orphans(&self) -> usize {
        self.orphans
    }

    /// Brings the search, the rows and the counts up to date with `doc`; does nothing when
    /// neither the review nor a filter changed.
    pub fn refresh(&mut self, doc: &Document) {
        self.search.refresh(doc);
        let generations = (doc.article_generation(), doc.generation());
        let filter = self.filter;
        let fresh = self.key.as_ref().is_some_and(|(g, f, q)| {
            *g == generations && *f == filter && q.as_str() == self.search.query
        });
        if fresh {
            return;
        }
        let review = doc.review();
        self.counts = review.counts();
        self.orphans = review.orphan_count();
        self.rows = review
            .claims()
            .iter()
            .enumerate()
            .filter(|(i, c)| filter[c.status as usize] && self.search.shows(*i))
            .map(|(i, _)| i)
            .collect();
        self.key = Some((generations, filter, self.search.query.clone()));
    }
}

#[cfg(test)]
mod tests {
    use claimdesk_model::history::Edit;
    use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

    use super::*;
    use crate::app::open_review::OpenReview;

    fn open() -> OpenReview {
        let article = Article::new("T", "", "One claim. Two claims. Three.".into());
        let mut review = Review::new(article);
        for (span, status) in [
            (Span::new(0, 10), ClaimStatus::Asserted),
            (Span::new(11, 22), ClaimStatus::Disputed),
        ] {
            let claim = Claim::new(&review.article, span, status);
            review.insert(claim);
        }
        OpenReview::new(Document::new_from_article(review, None))
    }

    #[test]
    fn rows_follow_the_review_the_filter_and_the_search() {
        let mut open = open();
        let mut list = ClaimsList::default();
        list.refresh(open.doc());
        assert_eq!(list.rows(), &[0, 1]);
        assert_eq!(list.counts(), [1, 1, 0]);

        list.apply(ListCommand::SetStatusFilter(ClaimStatus::Asserted, false));
        list.refresh(open.doc());
        assert_eq!(list.rows(), &[1], "status filter");

        let mut changed = open.review().claims()[1].clone();
        changed.status = ClaimStatus::Asserted;
        open.apply("status", vec![Edit::Replace(changed)]).unwrap();
        list.refresh(open.doc());
        assert_eq!(list.rows(), &[] as &[usize], "a status change is seen");
        assert_eq!(list.counts(), [2, 0, 0]);

        list.apply(ListCommand::SetStatusFilter(ClaimStatus::Asserted, true));
        list.apply(ListCommand::SetQuery("two".into()));
        list.refresh(open.doc());
        assert_eq!(list.rows(), &[1], "text filter");
    }
}
