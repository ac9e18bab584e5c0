//! Resolving a merged review's conflicts (issue 11) one by one ([`ConflictCommand`]): take
//! ours, take theirs, or keep the field as edited by hand. Each is one undo step; when the last
//! is resolved the review saves without `conflicts`.

use claimdesk_team::merge::{Take, resolve_edits};

use super::update::{NewText, begin};
use super::{OpenReview, Shared};

/// What the conflicts bar asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum ConflictCommand {
    /// Resolve merge conflict `n` of the review: ours, theirs, or as edited (one undo step).
    Resolve(usize, Take),
}

/// Applies a conflict command to the open review.
pub fn apply(open: &mut OpenReview, command: ConflictCommand, shared: &mut Shared) {
    let ConflictCommand::Resolve(index, take) = command;
    if take == Take::Theirs
        && let Some(theirs) = their_article_text(open.review(), index)
    {
        // Their text replaces ours through the article-update review: every claim is
        // re-anchored and the analyst sees what moved or changed before applying.
        let source = NewText {
            from: "their version (merge conflict)".to_owned(),
            import: None,
            article: None,
        };
        if begin(open, &theirs, source, shared)
            && let Some(update) = &mut open.update
        {
            update.resolves_conflict = Some(index);
        }
        return;
    }
    let Some(edits) = resolve_edits(open.review(), index, take) else {
        shared.notices.error(
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
    let _ = open.apply(label, edits);
}

/// Their text of article conflict `index` (kept by the merge as an earlier version), if that
/// conflict is over the article text.
fn their_article_text(review: &claimdesk_model::Review, index: usize) -> Option<String> {
    let conflict = review.conflicts.get(index)?;
    if !conflict.is_article_text() {
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
