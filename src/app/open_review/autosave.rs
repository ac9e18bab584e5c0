//! Autosave: within about two seconds of a change, the open review is written to its recovery
//! file; the file goes away once the review is saved, or its changes are discarded. The
//! bookkeeping belongs to the open review; the recovery folder is app-wide
//! ([`crate::app::recovery`]).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimdesk_model::Timestamp;
use claimdesk_model::format;

use super::OpenReview;
use super::document::Document;
use crate::app::notices::Notices;
use crate::app::recovery::{Recovery, RecoveryHeader};

/// Quiet time after the last change before writing.
const DEBOUNCE: Duration = Duration::from_millis(800);
/// Longest a change waits, even while the user keeps typing.
const MAX_DELAY: Duration = Duration::from_secs(2);

/// Autosave bookkeeping for the open review.
#[derive(Default)]
pub struct Autosave {
    seen_generation: Option<u64>,
    written_generation: Option<u64>,
    first_change: Option<Instant>,
    last_change: Option<Instant>,
    /// The recovery file this run has written for the review, if any.
    pub(crate) slot: Option<PathBuf>,
}

/// The header that says what `doc` is.
pub(crate) fn header_of(doc: &Document) -> RecoveryHeader {
    RecoveryHeader {
        review_path: doc.path().map(PathBuf::from),
        article_path: doc.article_path().map(PathBuf::from),
        name: doc.display_name(),
        written: Timestamp::now().as_str().to_owned(),
    }
}

/// Writes the recovery file when a change has waited long enough; removes it once there is
/// nothing unsaved. Called once per frame.
pub(crate) fn tick(
    open: &mut OpenReview,
    recovery: &Recovery,
    notices: &mut Notices,
    ctx: &egui::Context,
) {
    let now = Instant::now();
    let generation = open.doc().generation();
    let dirty = open.doc().is_dirty();
    let state = &mut open.autosave;
    if state.seen_generation != Some(generation) {
        state.seen_generation = Some(generation);
        state.last_change = Some(now);
        state.first_change.get_or_insert(now);
    }
    if !dirty {
        state.first_change = None;
        state.written_generation = Some(generation);
        if let Some(slot) = state.slot.take()
            && let Err(e) = recovery.store.remove(&slot)
        {
            notices.error(format!(
                "Could not remove the recovery file {}: {e}",
                slot.display()
            ));
        }
        return;
    }
    if state.written_generation == Some(generation) {
        return;
    }
    let (Some(first), Some(last)) = (state.first_change, state.last_change) else {
        return;
    };
    let due = (last + DEBOUNCE).min(first + MAX_DELAY);
    if now < due {
        ctx.request_repaint_after(due - now);
        return;
    }
    write_now(open, recovery, notices);
}

/// Writes the recovery file of the open review now, if it has unsaved changes. Used by
/// autosave and by the panic handler.
pub(crate) fn write_now(open: &mut OpenReview, recovery: &Recovery, notices: &mut Notices) {
    let doc = open.doc();
    if !doc.is_dirty() {
        return;
    }
    let header = header_of(doc);
    let store = &recovery.store;
    let slot = store.slot(&header, &recovery.session);
    let written = store.write(&slot, &header, &format::to_json(doc.review()));
    let generation = doc.generation();
    let state = &mut open.autosave;
    match written {
        Ok(()) => {
            // The key changes when a new review is first saved: drop the old file.
            if let Some(old) = state.slot.replace(slot.clone())
                && old != slot
            {
                let _ = store.remove(&old);
            }
            state.written_generation = Some(generation);
            state.first_change = None;
        }
        Err(e) => {
            state.written_generation = Some(generation);
            notices.error(format!(
                "Autosave failed ({e}); your work is still open — save it with Ctrl+S."
            ));
        }
    }
}
