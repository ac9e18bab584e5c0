//! Marking: the selected text becomes a claim (its speaker as claimant in a transcript), or
//! the selected suggestion's sentence does, or the selected claim (or every picked claim) gets
//! the status; and re-attaching an orphan to the selected text.

use claimdesk_model::history::Edit;
use claimdesk_model::status_history::Recording;
use claimdesk_model::text::claim_span;
use claimdesk_model::{Claim, ClaimId, ClaimStatus, Span};

use super::bulk::mark_picked;
use super::change::{stamp, update_claim};
use crate::app::open_review::suggestions::accept;
use crate::app::open_review::view::Selection;
use crate::app::open_review::{OpenReview, Shared};

/// The undo step's name for marking with `status` ("mark disputed").
pub fn label(status: ClaimStatus) -> String {
    format!("mark {}", status.label().to_lowercase())
}

/// Marks what is selected with `status`: the picked claims, the selected text, the selected
/// suggestion, or the selected claim, in that order; says what to select when nothing is.
pub fn mark(open: &mut OpenReview, status: ClaimStatus, shared: &mut Shared) {
    let settings = shared.settings;
    let analyst = &settings.analyst;
    if open.view.bulk() {
        mark_picked(open, status, analyst);
    } else if let Some(sel) = open.view.selection.filter(|s| !s.is_empty()) {
        mark_selection(open, sel.range(), status, shared);
    } else if let Some(span) = open.view.selected_suggestion {
        accept(open, span, status, analyst);
    } else if let Some(id) = open.view.selected_claim.clone() {
        update_claim(open, analyst, (&id, &label(status)), None, |c| {
            c.status = status;
        });
    } else {
        shared
            .notices
            .info("Select the text of a claim first (drag, or double-click a word).");
    }
}

/// Marks chars `a..b` (trimmed) as a new claim; in a transcript, the speaker of the turn
/// holding the whole selection is the claimant (in the same undo step).
fn mark_selection(
    open: &mut OpenReview,
    (a, b): (usize, usize),
    status: ClaimStatus,
    shared: &mut Shared,
) {
    let transcript = open.transcript();
    let article = &open.review().article;
    let Some((a, b)) = claim_span(article.text(), article.index(), a, b) else {
        shared
            .notices
            .info("The selection is only whitespace; select the words of the claim.");
        return;
    };
    let mut claim = Claim::new(article, Span::new(a, b), status);
    if let Some(t) = &transcript
        && let Some(turn) = t.turn_at(a)
        && Some(turn) == t.turn_at(b - 1)
    {
        claim.claimant = t.speakers[turn.speaker].name.clone();
    }
    stamp(
        &shared.settings.analyst,
        None,
        &mut claim,
        Recording::NewEntry,
    );
    let id = claim.id.clone();
    if open
        .apply(&label(status), vec![Edit::Insert(claim)])
        .is_ok()
    {
        // A caret at the claim's end: the keyboard review goes on from there.
        let view = &mut open.view;
        view.selection = Some(Selection { anchor: b, head: b });
        view.select_claim(Some(id));
        view.picked_claims.clear();
    }
}

/// Attaches a claim (typically an orphan) to the selected text, as one undoable step.
pub fn reattach(open: &mut OpenReview, id: &ClaimId, shared: &mut Shared) {
    let Some(sel) = open.view.selection.filter(|s| !s.is_empty()) else {
        shared
            .notices
            .info("Select the claim's new text in the article first, then re-attach.");
        return;
    };
    let (a, b) = sel.range();
    let article = &open.review().article;
    let Some((a, b)) = claim_span(article.text(), article.index(), a, b) else {
        shared
            .notices
            .info("The selection is only whitespace; select the words of the claim.");
        return;
    };
    // Anchor a copy of the claim here, so the article itself need not be copied.
    let Some(mut moved) = open.review().claim(id).cloned() else {
        return;
    };
    moved.anchor_to(article, Span::new(a, b));
    update_claim(
        open,
        &shared.settings.analyst,
        (id, "re-attach claim"),
        None,
        |c| *c = moved,
    );
    open.view.selection = None;
    open.view.selected_claim = Some(id.clone());
}
