//! File → Library…: the sources of the claim archive. Adding (through the file dialogs),
//! removing and reindexing are asked of the archive's thread ([`super::archive_worker`]), which
//! answers with the library's new state; the frame never waits for the index.

use std::path::PathBuf;

use super::archive_worker::WorkerRequest;
use super::checked_before::ArchiveStatus;
use super::{AppState, DialogPurpose};

/// What to pick when adding to the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryPick {
    /// A folder (searched recursively).
    Folder,
    /// One file: a review, a ClaimReview file or feed, a saved page.
    File,
}

impl AppState {
    /// Opens the Library window and reads the library (starting the archive's thread, or
    /// trying again if the archive could not be opened).
    pub(crate) fn show_library(&mut self, ctx: &egui::Context) {
        self.checked_before.library_open = true;
        if matches!(self.checked_before.status, ArchiveStatus::Unavailable(_)) {
            self.checked_before.status = ArchiveStatus::NotOpened;
        }
        self.start_worker(ctx);
    }

    /// Asks the user for a folder or a file to add to the library.
    pub(crate) fn pick_library_source(&mut self, pick: LibraryPick, ctx: &egui::Context) {
        self.start_dialog(DialogPurpose::AddToLibrary(pick), ctx);
    }

    /// Adds `path` to the library and updates the index.
    pub(crate) fn add_to_library(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.change_library(WorkerRequest::Add(vec![path]), ctx);
    }

    /// Removes `path` from the library and updates the index.
    pub(crate) fn remove_from_library(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.change_library(WorkerRequest::Remove(path), ctx);
    }

    /// Rebuilds the index from scratch.
    pub(crate) fn reindex_library(&mut self, ctx: &egui::Context) {
        self.change_library(WorkerRequest::Reindex, ctx);
    }

    fn change_library(&mut self, change: WorkerRequest, ctx: &egui::Context) {
        if self.start_worker(ctx).is_some() {
            self.checked_before.library_busy += 1;
            self.ask_worker(change, ctx);
        }
    }
}
