//! What the claims list shows: the rows that pass the status filter and the text filter, the
//! per-status counts and the orphan count. Kept between frames and recomputed only when the
//! review, the status filter or the search changed, so a steady frame does not walk every
//! claim (issue 16: what 5,000 claims cost a frame that changes nothing).

use super::claim_search::ClaimSearch;
use super::document::Document;

/// What the rows were computed from: (article generation, generation), the status filter and
/// the search query.
type Key = ((u64, u64), [bool; 3], String);

/// The claims list's rows and counts.
#[derive(Default)]
pub struct ClaimsList {
    key: Option<Key>,
    rows: Vec<usize>,
    counts: [usize; 3],
    orphans: usize,
}

impl ClaimsList {
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

    /// Brings the rows and counts up to date with `doc`, `filter` and `search` (which must be
    /// refreshed first); does nothing when none of them changed.
    pub fn refresh(&mut self, doc: Option<&Document>, filter: [bool; 3], search: &ClaimSearch) {
        let Some(doc) = doc else {
            *self = Self::default();
            return;
        };
        let generations = (doc.article_generation, doc.generation);
        let fresh = self.key.as_ref().is_some_and(|(g, f, q)| {
            *g == generations && *f == filter && q.as_str() == search.query
        });
        if fresh {
            return;
        }
        let claims = doc.review.claims();
        self.counts = doc.review.counts();
        self.orphans = doc.review.orphan_count();
        self.rows = claims
            .iter()
            .enumerate()
            .filter(|(i, c)| filter[c.status as usize] && search.shows(*i))
            .map(|(i, _)| i)
            .collect();
        self.key = Some((generations, filter, search.query.clone()));
    }
}

#[cfg(test)]
mod tests {
    use claimdesk_model::history::Edit;
    use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

    use super::*;

    fn doc() -> Document {
        let article = Article::new("T", "", "One claim. Two claims. Three.".into());
        let mut review = Review::new(article);
        for (span, status) in [
            (Span::new(0, 10), ClaimStatus::Asserted),
            (Span::new(11, 22), ClaimStatus::Disputed),
        ] {
            let claim = Claim::new(&review.article, span, status);
            review.insert(claim);
        }
        Document::new_from_article(review, None)
    }

    #[test]
    fn rows_follow_the_review_the_filter_and_the_search() {
        let mut doc = doc();
        let mut search = ClaimSearch::default();
        let mut list = ClaimsList::default();
        list.refresh(Some(&doc), [true; 3], &search);
        assert_eq!(list.rows(), &[0, 1]);
        assert_eq!(list.counts(), [1, 1, 0]);

        list.refresh(Some(&doc), [false, true, true], &search);
        assert_eq!(list.rows(), &[1], "status filter");

        let mut changed = doc.review.claims()[1].clone();
        changed.status = ClaimStatus::Asserted;
        doc.apply("status", vec![Edit::Replace(changed)], None)
            .unwrap();
        list.refresh(Some(&doc), [false, true, true], &search);
        assert_eq!(list.rows(), &[] as &[usize], "a status change is seen");
        assert_eq!(list.counts(), [2, 0, 0]);

        search.set_query("two".into());
        search.refresh(Some(&doc));
        list.refresh(Some(&doc), [true; 3], &search);
        assert_eq!(list.rows(), &[1], "text filter");

        list.refresh(None, [true; 3], &search);
        assert!(list.rows().is_empty(), "no review, no rows");
    }
}
