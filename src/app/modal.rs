//! The one question the app waits on the user for: unsaved changes, restoring unsaved work, a
//! file changed on disk, a save that failed, or the article-update review. At most one is open
//! at a time.

use super::commands::{ExternalChange, SaveRefused};
use super::recovery::Found;
use super::update::UpdateDialog;
use super::{AppState, Pending};

/// A question the app is waiting on.
pub enum Modal {
    /// "Save changes before …?", with what to do afterwards.
    Unsaved(Pending),
    /// "Restore unsaved work from an earlier run?"
    Recovery(Found),
    /// "The file changed on disk": overwrite, save as, or reload.
    ExternalChange(ExternalChange),
    /// "Could not save": save elsewhere, or not now.
    SaveRefused(SaveRefused),
    /// The article-update review (File → Update article text…).
    Update(Box<UpdateDialog>),
}

impl AppState {
    /// Opens `modal` unless another question is open (that one is answered first; nothing the
    /// user has picked in it is thrown away).
    pub(crate) fn ask(&mut self, modal: Modal) {
        if self.modal.is_some() {
            self.notices
                .info("Answer the open question first, then try again.");
        } else {
            self.modal = Some(modal);
        }
    }

    /// The action waiting on the unsaved-changes prompt, if that prompt is open.
    pub fn unsaved_prompt(&self) -> Option<&Pending> {
        match &self.modal {
            Some(Modal::Unsaved(pending)) => Some(pending),
            _ => None,
        }
    }

    /// The unsaved work offered for restoring, if that offer is open.
    pub fn recovery_offer(&self) -> Option<&Found> {
        match &self.modal {
            Some(Modal::Recovery(found)) => Some(found),
            _ => None,
        }
    }

    /// The save held back because the file changed on disk, if that question is open.
    pub fn external_change_prompt(&self) -> Option<&ExternalChange> {
        match &self.modal {
            Some(Modal::ExternalChange(held)) => Some(held),
            _ => None,
        }
    }

    /// The save that failed, if "could not save" is open.
    pub fn save_refused_prompt(&self) -> Option<&SaveRefused> {
        match &self.modal {
            Some(Modal::SaveRefused(held)) => Some(held),
            _ => None,
        }
    }

    /// The article-update review, if it is open.
    pub fn update_dialog(&self) -> Option<&UpdateDialog> {
        match &self.modal {
            Some(Modal::Update(dialog)) => Some(dialog),
            _ => None,
        }
    }

    /// The open article-update review, to record a pick in.
    pub(super) fn update_dialog_mut(&mut self) -> Option<&mut UpdateDialog> {
        match &mut self.modal {
            Some(Modal::Update(dialog)) => Some(dialog),
            _ => None,
        }
    }

    /// Closes the open question if `is_it` says it is the one meant, and returns it.
    pub(super) fn take_modal(&mut self, is_it: impl Fn(&Modal) -> bool) -> Option<Modal> {
        if self.modal.as_ref().is_some_and(is_it) {
            self.modal.take()
        } else {
            None
        }
    }
}
