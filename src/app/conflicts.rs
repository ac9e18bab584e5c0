//! Resolving a merged review's conflicts (issue 11) one by one: take ours, take theirs, or
//! keep the field as edited by hand. Each is one undo step; when the last is resolved the review
//! saves without `conflicts`.

use claimdesk_core::merge::{Take, resolve_edits};

use super::AppState;

impl AppState {
    /// Resolves conflict `index` of the open review by `take`.
    pub(super) fn resolve_conflict(&mut self, index: usize, take: Take) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let Some(edits) = resolve_edits(&doc.review, index, take) else {
            self.notices.error(
                "That value cannot be taken: the conflict is already resolved, its claim is \
                 gone, or the text it names is no longer there (edit the claim, then Keep as \
                 edited).",
            );
            return;
        };
        let label = match take {
            Take::Ours => "take our value",
            Take::Theirs => "take their value",
            Take::AsIs => "keep the value as edited",
        };
        doc.history.seal();
        let _ = doc.apply(label, edits, None);
    }
}
