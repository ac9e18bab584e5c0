//! Resolving a merged review's conflicts (issue 11) one by one: take ours, take theirs, or
//! keep the field as edited by hand. Each is one undo step; when the last is resolved the review
//! saves without `conflicts`.

use claimdesk_team::merge::{Take, resolve_edits};

use super::AppState;

impl AppState {
    /// Resolves conflict `index` of the open review by `take`.
    pub(super) fn resolve_conflict(&mut self, index: usize, take: Take) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        if take == Take::Theirs
            && let Some(theirs) = their_article_text(&doc.review, index)
        {
            // Their text replaces ours through the article-update review: every claim is
            // re-anchored and the analyst sees what moved or changed before applying.
            self.begin_update(&theirs, "their version (merge conflict)".to_owned(), None);
            if let Some(dialog) = self.update_dialog_mut() {
                dialog.resolves_conflict = Some(index);
            }
            return;
        }
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

/// Their text of article conflict `index` (kept by the merge as an earlier version), if that
/// conflict is over the article text.
fn their_article_text(review: &claimdesk_model::Review, index: usize) -> Option<String> {
    let conflict = review.conflicts.get(index)?;
    if conflict.claim.is_some() {
        return None;
    }
    let sha = conflict.theirs.value.get("sha256")?.as_str()?;
    review
        .earlier_versions
        .iter()
        .rev()
        .find(|v| v.sha256 == sha)
        .map(|v| v.text.clone())
}
