//! "Checked before" for the open review's selection (issue 14): what the archive is searched
//! for — the selected text, else the selected claim's quote — and the newest search's answer.
//! The search itself runs on the archive's thread ([`crate::app::archive`]).

use claimdesk_archive::SearchHit;
use claimdesk_model::ClaimId;

use super::OpenReview;

/// The longest text searched for, in chars: a whole-article selection is cut to its start.
const QUERY_CHARS: usize = 1_000;
/// Matches scoring below this share of the best one are not shown: a match on one common word
/// ("its", "the") beside a real one is noise in a panel of five.
const WEAK_MATCH: f32 = 0.25;

/// What is searched for now and what the archive found.
#[derive(Default)]
pub struct CheckedBefore {
    /// What is searched for now (`None`: nothing is selected).
    pub query: Option<String>,
    /// What the query was made from, to notice a change without building the text each frame.
    query_key: Option<QueryKey>,
    /// The serial of the newest search asked for.
    serial: u64,
    /// The matches of the current query; `None` while its search runs.
    pub hits: Option<Vec<SearchHit>>,
}

/// The source of the query: a text selection or a claim, in a given version of the review.
#[derive(Clone, Debug, PartialEq, Eq)]
enum QueryKey {
    Selection(usize, usize, u64),
    Claim(ClaimId, u64),
}

impl CheckedBefore {
    /// Takes the archive's answer to search `serial` (an answer for a selection already gone
    /// is dropped): the matches, without the weak ones.
    pub fn found(&mut self, serial: u64, hits: Vec<SearchHit>) {
        if serial == self.serial {
            self.hits = Some(without_weak_matches(hits));
        }
    }

    /// Search `serial` failed: nothing is shown for it; true if it was the newest search
    /// (the user is then told why).
    pub fn failed(&mut self, serial: u64) -> bool {
        let newest = serial == self.serial;
        if newest {
            self.hits = Some(Vec::new());
        }
        newest
    }

    /// Forgets the query, so the selection is searched again (the library changed).
    pub fn search_again(&mut self) {
        self.query = None;
        self.query_key = None;
    }
}

/// The text to search for when the selection changed since the last search, with `serial`
/// recorded as the search asked for; `None` when nothing new is to be searched (the panel then
/// keeps what it shows, or shows nothing for an empty selection).
pub fn next_search(open: &mut OpenReview, serial: impl FnOnce() -> u64) -> Option<String> {
    let key = query_key(open);
    if key == open.checked_before.query_key {
        return None;
    }
    let query = query_text(open, key.as_ref());
    let panel = &mut open.checked_before;
    panel.query_key = key;
    if query == panel.query {
        return None;
    }
    panel.query.clone_from(&query);
    panel.hits = None;
    let text = query?;
    panel.serial = serial();
    Some(text)
}

fn query_key(open: &OpenReview) -> Option<QueryKey> {
    let doc = open.doc();
    if let Some(sel) = open.view.selection.filter(|s| !s.is_empty()) {
        let (a, b) = sel.range();
        return Some(QueryKey::Selection(a, b, doc.article_generation()));
    }
    let id = open.view.selected_claim.clone()?;
    Some(QueryKey::Claim(id, doc.generation()))
}

fn query_text(open: &OpenReview, key: Option<&QueryKey>) -> Option<String> {
    let review = open.review();
    let text = match key? {
        // Through the article's char index: no walk from the start of a long article.
        QueryKey::Selection(a, b, _) => review
            .article
            .slice(*a, (*b).min(a + QUERY_CHARS))
            .to_owned(),
        QueryKey::Claim(id, _) => review.claim(id)?.quote.chars().take(QUERY_CHARS).collect(),
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The hits scoring at least [`WEAK_MATCH`] of the best one.
fn without_weak_matches(mut hits: Vec<SearchHit>) -> Vec<SearchHit> {
    let best = hits.iter().map(|h| h.score).fold(0.0, f32::max);
    hits.retain(|h| h.score >= best * WEAK_MATCH);
    hits
}
