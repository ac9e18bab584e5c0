//! Several claims at once (issue 10): the claims picked in the list (Ctrl-click, Shift-click,
//! Ctrl+A) get one status or are removed together, as one undo step each
//! ("mark 12 claims disputed").

use claimdesk_model::Timestamp;
use claimdesk_model::history::Edit;
use claimdesk_model::{ClaimId, ClaimStatus};

use super::AppState;

impl AppState {
    /// Replaces the multi-selection of claims (fewer than two: back to one selected claim).
    pub(super) fn select_claims(&mut self, ids: Vec<ClaimId>) {
        let state = &mut self.view_state;
        if let Some(last) = ids.last() {
            state.selected_claim = Some(last.clone());
        }
        state.picked_claims = if ids.len() > 1 { ids } else { Vec::new() };
    }

    /// Gives every picked claim `status`, as one undo step.
    pub(super) fn mark_picked(&mut self, status: ClaimStatus) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let now = Timestamp::now();
        let edits: Vec<Edit> = self
            .view_state
            .picked_claims
            .iter()
            .filter_map(|id| doc.review.claim(id))
            .filter(|c| c.status != status)
            .map(|c| {
                let mut claim = c.clone();
                claim.status = status;
                claim.modified = now.clone();
                super::team::stamp(&self.settings.analyst, Some(c), &mut claim, false);
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
        doc.history.seal();
        let _ = doc.apply(&label, edits, None);
    }

    /// Removes every picked claim, as one undo step.
    pub(super) fn delete_picked(&mut self) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let edits: Vec<Edit> = self
            .view_state
            .picked_claims
            .iter()
            .filter(|id| doc.review.claim(id).is_some())
            .map(|id| Edit::Remove(id.clone()))
            .collect();
        if edits.is_empty() {
            return;
        }
        let label = format!("delete {} {}", edits.len(), claims_word(edits.len()));
        doc.history.seal();
        if doc.apply(&label, edits, None).is_ok() {
            self.view_state.picked_claims.clear();
            self.view_state.selected_claim = None;
        }
    }
}

fn claims_word(n: usize) -> &'static str {
    if n == 1 { "claim" } else { "claims" }
}
