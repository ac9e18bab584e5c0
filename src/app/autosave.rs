//! Autosave: within about two seconds of a change, the open review is written to its recovery
//! file; the file goes away once the review is saved, or its changes are discarded.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use claimdesk_model::Timestamp;
use claimdesk_model::format;

use super::AppState;
use super::document::Document;
use super::recovery::RecoveryHeader;

/// Quiet time after the last change before writing.
const DEBOUNCE: Duration = Duration::from_millis(800);
/// Longest a change waits, even while the user keeps typing.
const MAX_DELAY: Duration = Duration::from_secs(2);

/// Autosave bookkeeping for the open review.
#[derive(Default)]
pub struct Autosave {
    /// Identifies this run, for reviews that have neither a file nor an article path.
    session: String,
    seen_generation: Option<u64>,
    written_generation: Option<u64>,
    first_change: Option<Instant>,
    last_change: Option<Instant>,
    /// The recovery file this run has written, if any.
    pub(crate) slot: Option<PathBuf>,
}

impl Autosave {
    /// Bookkeeping for a new run.
    pub fn new() -> Self {
        Self {
            session: claimdesk_model::ClaimId::generate().0,
            ..Self::default()
        }
    }

    /// Fresh bookkeeping for a newly opened review (same run).
    pub fn restart(&mut self) {
        *self = Self {
            session: std::mem::take(&mut self.session),
            ..Self::default()
        };
    }
}

/// The header that says what `doc` is.
pub(crate) fn header_of(doc: &Document) -> RecoveryHeader {
    RecoveryHeader {
        review_path: doc.path.clone(),
        article_path: doc.article_path.clone(),
        name: doc.display_name(),
        written: Timestamp::now().as_str().to_owned(),
    }
}

impl AppState {
    /// Writes the recovery file when a change has waited long enough; removes it once there is
    /// nothing unsaved. Called once per frame.
    pub(crate) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let (Some(store), Some(doc)) = (&self.recovery, &self.doc) else {
            return;
        };
        let now = Instant::now();
        let state = &mut self.autosave;
        if state.seen_generation != Some(doc.generation) {
            state.seen_generation = Some(doc.generation);
            state.last_change = Some(now);
            state.first_change.get_or_insert(now);
        }
        if !doc.is_dirty() {
            state.first_change = None;
            state.written_generation = Some(doc.generation);
            if let Some(slot) = state.slot.take()
                && let Err(e) = store.remove(&slot)
            {
                self.notices.error(format!(
                    "Could not remove the recovery file {}: {e}",
                    slot.display()
                ));
            }
            return;
        }
        if state.written_generation == Some(doc.generation) {
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
        self.write_recovery_now();
    }

    /// Writes the recovery file of the open review now, if it has unsaved changes. Used by
    /// autosave and by the panic handler.
    pub fn write_recovery_now(&mut self) {
        let (Some(store), Some(doc)) = (&self.recovery, &self.doc) else {
            return;
        };
        if !doc.is_dirty() {
            return;
        }
        let header = header_of(doc);
        let slot = store.slot(&header, &self.autosave.session);
        match store.write(&slot, &header, &format::to_json(&doc.review)) {
            Ok(()) => {
                // The key changes when a new review is first saved: drop the old file.
                if let Some(old) = self.autosave.slot.replace(slot.clone())
                    && old != slot
                {
                    let _ = store.remove(&old);
                }
                self.autosave.written_generation = Some(doc.generation);
                self.autosave.first_change = None;
            }
            Err(e) => {
                self.autosave.written_generation = Some(doc.generation);
                self.notices.error(format!(
                    "Autosave failed ({e}); your work is still open — save it with Ctrl+S."
                ));
            }
        }
    }

    /// Deletes the open review's recovery file (its changes were discarded on purpose).
    pub(crate) fn discard_recovery(&mut self) {
        let Some(store) = &self.recovery else {
            return;
        };
        if let Some(slot) = self.autosave.slot.take() {
            let _ = store.remove(&slot);
        }
    }
}
