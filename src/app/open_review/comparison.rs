//! File → Compare with… (issue 11): another analyst's review of the same text beside the open
//! one, its agreement figures and the marks of where they agree and differ (core `compare`,
//! kept fresh as the open review changes), and taking a claim or any compared field from it
//! into the open review, one undo step each.

use std::path::{Path, PathBuf};

use claimdesk_model::format::load_file;
use claimdesk_model::history::Edit;
use claimdesk_model::{ClaimId, Review};
use claimdesk_team::compare::{Comparison, Mark, compare, marks};

use super::claims::change::update_claim;
use super::document::Document;
use super::{OpenReview, Shared};

/// What the compare window asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareCommand {
    /// Close the comparison.
    Close,
    /// Take a claim or a field from the compared review (its claim id), one undo step.
    Take(ClaimId, TakeFromOther),
}

/// The other review and how the open one compares with it (open = A, other = B).
pub struct ComparisonView {
    /// Where the other review was read from.
    pub path: PathBuf,
    /// The other analyst's review.
    pub other: Review,
    /// The figures and the pairing, for the open review's `generation`.
    pub comparison: Comparison,
    /// Every compared place of the text, in text order (see [`ComparisonView::marks_in`]).
    pub marks: Vec<Mark>,
    generation: u64,
}

impl ComparisonView {
    fn new(
        path: PathBuf,
        ours: &Review,
        other: Review,
        comparison: Comparison,
        generation: u64,
    ) -> Self {
        let marks = marks(ours, &other, &comparison.matching);
        Self {
            path,
            other,
            comparison,
            marks,
            generation,
        }
    }

    /// The marks that overlap chars `first..last`.
    pub fn marks_in(&self, first: usize, last: usize) -> impl Iterator<Item = &Mark> {
        // Marks are sorted by start; a long one starting far above may still reach the range.
        self.marks
            .iter()
            .take_while(move |m| m.span.start < last)
            .filter(move |m| m.span.end > first)
    }

    /// The mark under char `c` whose claim is only in the other review, if any.
    pub fn theirs_only_at(&self, c: usize) -> Option<&Mark> {
        self.marks_in(c, c + 1)
            .find(|m| m.agreement == claimdesk_team::compare::Agreement::OnlyB)
    }
}

/// What to take from the other review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeFromOther {
    /// The whole claim (one only the other review has).
    Claim,
    /// One field (a name from `claimdesk_team::merge::MERGED_FIELDS`), into the paired claim.
    Field(&'static str),
}

/// Applies a compare command to the open review.
pub fn apply(open: &mut OpenReview, command: CompareCommand, shared: &mut Shared) {
    match command {
        CompareCommand::Close => open.comparison = None,
        CompareCommand::Take(id, what) => take_from_other(open, &id, what, shared),
    }
}

/// Reads `path` and compares it with the open review; says why not if it cannot.
pub fn open_comparison(open: &mut OpenReview, path: &Path, shared: &mut Shared) {
    let other = match load_file(path) {
        Ok(l) => l.review,
        Err(e) => {
            shared
                .notices
                .error(format!("Could not compare with {}: {e}", path.display()));
            return;
        }
    };
    let ours = open.review();
    match compare(ours, &other) {
        Ok(comparison) => {
            let generation = open.doc().generation();
            let view = ComparisonView::new(path.to_owned(), ours, other, comparison, generation);
            open.comparison = Some(view);
        }
        Err(e) => shared
            .notices
            .error(format!("Cannot compare with {}: {e}", path.display())),
    }
}

impl ComparisonView {
    /// Compares again if the open review changed since the figures were made; false when the
    /// comparison no longer applies (the article was updated meanwhile).
    pub fn refresh(&mut self, doc: &Document) -> bool {
        if self.generation == doc.generation() {
            return true;
        }
        match compare(doc.review(), &self.other) {
            Ok(c) => {
                self.marks = marks(doc.review(), &self.other, &c.matching);
                self.comparison = c;
                self.generation = doc.generation();
                true
            }
            Err(_) => false,
        }
    }
}

/// Takes `what` of the other review's claim `other_id` into the open review.
fn take_from_other(
    open: &mut OpenReview,
    other_id: &ClaimId,
    what: TakeFromOther,
    shared: &mut Shared,
) {
    let Some(view) = &open.comparison else {
        return;
    };
    let Some(theirs) = view.other.claim(other_id).cloned() else {
        return;
    };
    let ours = view
        .comparison
        .matching
        .pairs
        .iter()
        .find(|p| view.other.claims()[p.1].id == *other_id)
        .map(|p| open.review().claims()[p.0].id.clone());
    match (what, ours) {
        (TakeFromOther::Claim, None) => insert_taken(open, theirs),
        (TakeFromOther::Field(field), Some(id)) => {
            let label = format!("take their {}", field.replace('_', " "));
            let analyst = &shared.settings.analyst;
            update_claim(open, analyst, (&id, &label), None, |c| {
                claimdesk_team::merge::copy_field(&theirs, c, field);
            });
        }
        _ => {}
    }
}

/// Adds the other analyst's claim as it is (its id and history too: it is their work).
fn insert_taken(open: &mut OpenReview, claim: claimdesk_model::Claim) {
    if open.review().claim(&claim.id).is_some() {
        return;
    }
    let id = claim.id.clone();
    if open
        .apply("take their claim", vec![Edit::Insert(claim)])
        .is_ok()
    {
        open.view.select_claim(Some(id));
    }
}
