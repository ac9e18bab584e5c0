//! File → Compare with… (issue 11): another analyst's review of the same text beside the open
//! one, its agreement figures and the marks of where they agree and differ (core `compare`,
//! kept fresh as the open review changes), and taking a claim or any compared field from it
//! into the open review, one undo step each.

use std::path::{Path, PathBuf};

use claimdesk_model::format::load_file;
use claimdesk_model::history::Edit;
use claimdesk_model::{ClaimId, Review};
use claimdesk_team::compare::{Comparison, Mark, compare, marks};

use super::AppState;

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

impl AppState {
    /// Reads `path` and compares it with the open review; says why not if it cannot.
    pub(super) fn open_comparison(&mut self, path: &Path) {
        let Some(doc) = &self.doc else {
            return;
        };
        let other = match load_file(path) {
            Ok(l) => l.review,
            Err(e) => {
                self.notices
                    .error(format!("Could not compare with {}: {e}", path.display()));
                return;
            }
        };
        match compare(&doc.review, &other) {
            Ok(comparison) => {
                let view = ComparisonView::new(
                    path.to_owned(),
                    &doc.review,
                    other,
                    comparison,
                    doc.generation,
                );
                self.comparison = Some(view);
            }
            Err(e) => self
                .notices
                .error(format!("Cannot compare with {}: {e}", path.display())),
        }
    }

    /// Compares again if the open review changed since the figures were made.
    pub(super) fn refresh_comparison(&mut self) {
        let (Some(doc), Some(view)) = (&self.doc, &mut self.comparison) else {
            return;
        };
        if view.generation == doc.generation {
            return;
        }
        match compare(&doc.review, &view.other) {
            Ok(c) => {
                view.marks = marks(&doc.review, &view.other, &c.matching);
                view.comparison = c;
                view.generation = doc.generation;
            }
            // The article was updated meanwhile: the comparison no longer applies.
            Err(_) => self.comparison = None,
        }
    }

    /// Takes `what` of the other review's claim `other_id` into the open review.
    pub(super) fn take_from_other(&mut self, other_id: &ClaimId, what: TakeFromOther) {
        let Some(view) = &self.comparison else {
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
            .and_then(|p| self.doc.as_ref().map(|d| d.review.claims()[p.0].id.clone()));
        match (what, ours) {
            (TakeFromOther::Claim, None) => self.insert_taken(theirs),
            (TakeFromOther::Field(field), Some(id)) => {
                let label = format!("take their {}", field.replace('_', " "));
                self.update_claim(&id, &label, None, |c| {
                    claimdesk_team::merge::copy_field(&theirs, c, field);
                });
            }
            _ => {}
        }
    }

    /// Adds the other analyst's claim as it is (its id and history too: it is their work).
    fn insert_taken(&mut self, claim: claimdesk_model::Claim) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        if doc.review.claim(&claim.id).is_some() {
            return;
        }
        doc.history.seal();
        let id = claim.id.clone();
        if doc
            .apply("take their claim", vec![Edit::Insert(claim)], None)
            .is_ok()
        {
            self.view_state.select_claim(Some(id));
        }
    }
}
