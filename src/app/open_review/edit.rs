//! Edits of the review as a whole ([`EditCommand`]): undo, redo (telling the user which step),
//! and the review's details (reviewer, organisation, URLs), one undo step.

use claimdesk_model::ReviewDetails;
use claimdesk_model::history::Edit;

use super::{OpenReview, Shared};

/// Undo, redo, and the review's details.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Replace the review's details (reviewer, organisation, URLs, dates).
    SetDetails(ReviewDetails),
}

/// Applies an edit command to the open review.
pub fn apply(open: &mut OpenReview, command: EditCommand, shared: &mut Shared) {
    match command {
        EditCommand::Undo => {
            if let Some(label) = open.undo() {
                shared.notices.info(format!("Undone: {label}"));
            }
        }
        EditCommand::Redo => {
            if let Some(label) = open.redo() {
                shared.notices.info(format!("Redone: {label}"));
            }
        }
        EditCommand::SetDetails(details) => {
            if open.review().details != details {
                let _ = open.apply("edit review details", vec![Edit::SetDetails(details)]);
            }
        }
    }
}
