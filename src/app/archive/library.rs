//! File → Library…: the sources of the claim archive. Adding (through the file dialogs),
//! removing and reindexing are asked of the archive's thread ([`super::worker`]), which
//! answers with the library's new state; the frame never waits for the index.

use std::path::PathBuf;

use super::worker::WorkerRequest;
use super::{AppState, ArchiveStatus};

/// What to pick when adding to the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryPick {
    /// A folder (searched recursively).
    Folder,
    /// One file: a review, a ClaimReview file or feed, a saved page.
    File,
}

/// Opens the Library window and reads the library (starting the archive's thread, or trying
/// again if the archive could not be opened).
pub(super) fn show(app: &mut AppState, ctx: &egui::Context) {
    let archive = &mut app.archive;
    archive.library_open = true;
    if matches!(archive.status, ArchiveStatus::Unavailable(_)) {
        archive.status = ArchiveStatus::NotOpened;
    }
    archive.start_worker(ctx);
}

/// Adds `path` to the library and updates the index (the file dialog's answer).
pub(crate) fn add(app: &mut AppState, path: PathBuf, ctx: &egui::Context) {
    change(app, WorkerRequest::Add(vec![path]), ctx);
}

/// Asks the archive's thread for a change of the library.
pub(super) fn change(app: &mut AppState, change: WorkerRequest, ctx: &egui::Context) {
    let archive = &mut app.archive;
    if archive.start_worker(ctx).is_some() {
        archive.library_busy += 1;
        archive.ask(change, ctx);
    }
}
