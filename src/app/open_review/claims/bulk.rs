//! Several claims at once (issue 10): the claims picked in the list (Ctrl-click, Shift-click,
//! Ctrl+A) get one status or are removed together, as one undo step each
//! ("mark 12 claims disputed").

use claimdesk_model::history::Edit;
use claimdesk_model::status_change::Analyst;
use claimdesk_model::status_history::Recording;
use claimdesk_model::{ClaimStatus, Timestamp};

use super::change::stamp;
use crate::app::open_review::OpenReview;

/// Gives every picked claim `status`, as one undo step.
pub fn mark_picked(open: &mut OpenReview, status: ClaimStatus, analyst: &Analyst) {
    let now = Timestamp::now();
    let review = open.review();
    let edits: Vec<Edit> = open
        .view
        .picked_claims
        .iter()
        .filter_map(|id| review.claim(id))
        .filter(|c| c.status != status)
        .map(|c| {
            let mut claim = c.clone();
            claim.status = status;
            claim.modified = now.clone();
            stamp(analyst, Some(c), &mut claim, Recording::NewEntry);
            Edit::Replace(claim)
        })
        .collect();
    if edits.is_empty() {
        return;
    }
    let label = format!(
        "mark {} {} {}",
        edits.len(),
        claims_word(edits.len()),
        status.label().to_lowercase()
    );
    let _ = open.apply(&label, edits);
}

/// Removes every picked claim, as one undo step.
pub fn delete_picked(open: &mut OpenReview) {
    let review = open.review();
    let edits: Vec<Edit> = open
        .view
        .picked_claims
        .iter()
        .filter(|id| review.claim(id).is_some())
        .map(|id| Edit::Remove(id.clone()))
        .collect();
    if edits.is_empty() {
        return;
    }
    let label = format!("delete {} {}", edits.len(), claims_word(edits.len()));
    if open.apply(&label, edits).is_ok() {
        open.view.picked_claims.clear();
        open.view.selected_claim = None;
    }
}

fn claims_word(n: usize) -> &'static str {
    if n == 1 { "claim" } else { "claims" }
}
