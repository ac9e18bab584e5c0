//! Claims and their facts, changed from the article, the toolbar, the lists and the claim
//! editor ([`ClaimCommand`]): marking (a selection, a suggestion, the selected claim or the
//! picked claims), the status, the text fields, the verdict, the sources, the reason for the
//! last change, re-attaching an orphan, removing. Each change is one undo step (typing in a
//! field coalesces) and is stamped with the analyst's name ([`change::update_claim`]).

mod bulk;
pub mod change;
mod mark;

use claimdesk_model::fields::{ClaimField, EvidenceField, TypingKey};
use claimdesk_model::history::Edit;
use claimdesk_model::status_history;
use claimdesk_model::{ClaimId, ClaimStatus};

use super::{OpenReview, Shared};
use change::update_claim;

/// What the user does to claims.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimCommand {
    /// Mark the selected text as a new claim with this status (or the selected suggestion's
    /// sentence); with no text selected, change the selected claim's status (or the picked
    /// claims').
    Mark(ClaimStatus),
    /// Change a claim's status.
    SetStatus(ClaimId, ClaimStatus),
    /// Change a text field of a claim (typing: quick successive changes are one undo step).
    SetText(ClaimId, ClaimField, String),
    /// Set a claim's verdict to a suggestion picked from the list (its own undo step).
    PickVerdict(ClaimId, String),
    /// Remove a claim.
    Delete(ClaimId),
    /// Remove every picked claim (one undo step).
    DeletePicked,
    /// Attach this claim (an orphan) to the selected text.
    Reattach(ClaimId),
    /// Give the reason for the claim's last status or verdict change (one undo step).
    SetReason(ClaimId, String),
    /// Add an empty source at the end of a claim's list.
    AddEvidence(ClaimId),
    /// Change one field of a claim's source (by position; typing coalesces).
    SetEvidence(ClaimId, usize, EvidenceField, String),
    /// Remove a claim's source (by position).
    RemoveEvidence(ClaimId, usize),
}

/// Applies a claim command to the open review.
pub fn apply(open: &mut OpenReview, command: ClaimCommand, shared: &mut Shared) {
    let settings = shared.settings;
    let analyst = &settings.analyst;
    match command {
        ClaimCommand::Mark(status) => mark::mark(open, status, shared),
        ClaimCommand::SetStatus(id, status) => {
            let label = mark::label(status);
            update_claim(open, analyst, (&id, &label), None, |c| c.status = status);
        }
        ClaimCommand::SetText(id, field, text) => {
            let label = format!("edit {}", field.name());
            let key = TypingKey::Claim(id.clone(), field);
            update_claim(open, analyst, (&id, &label), Some(key), |c| {
                *field.of(c) = text;
            });
        }
        ClaimCommand::PickVerdict(id, text) => {
            update_claim(open, analyst, (&id, "set verdict"), None, |c| {
                c.verdict = text
            });
        }
        ClaimCommand::Delete(id) => delete(open, &id),
        ClaimCommand::DeletePicked => bulk::delete_picked(open),
        ClaimCommand::Reattach(id) => mark::reattach(open, &id, shared),
        ClaimCommand::SetReason(id, reason) => set_reason(open, &id, &reason, shared),
        ClaimCommand::AddEvidence(id) => {
            update_claim(open, analyst, (&id, "add source"), None, |c| {
                c.evidence.push(Default::default());
            });
        }
        ClaimCommand::SetEvidence(id, i, field, text) => {
            let key = TypingKey::Evidence(id.clone(), i, field);
            let label = format!("edit source {}", field.key());
            update_claim(open, analyst, (&id, &label), Some(key), |c| {
                if let Some(e) = c.evidence.get_mut(i) {
                    *field.of(e) = text;
                }
            });
        }
        ClaimCommand::RemoveEvidence(id, i) => {
            update_claim(open, analyst, (&id, "remove source"), None, |c| {
                if i < c.evidence.len() {
                    c.evidence.remove(i);
                }
            });
        }
    }
}

/// Removes claim `id` (one undo step).
fn delete(open: &mut OpenReview, id: &ClaimId) {
    let _ = open.apply("delete claim", vec![Edit::Remove(id.clone())]);
}

/// Gives the reason for the last status or verdict change of claim `id`, as one undo step.
fn set_reason(open: &mut OpenReview, id: &ClaimId, reason: &str, shared: &mut Shared) {
    let has_history = open
        .review()
        .claim(id)
        .is_some_and(|c| !c.history.is_empty());
    if !has_history {
        shared
            .notices
            .info("This claim has no recorded change to give a reason for.");
        return;
    }
    let settings = shared.settings;
    let analyst = &settings.analyst;
    update_claim(open, analyst, (id, "give a reason"), None, |c| {
        status_history::set_last_reason(c, reason);
    });
}
