//! [`Workbench`]: the app state and the UI's own state, and one frame that joins them. This is
//! the only place that names both layers; the eframe shell, the tests and the benchmarks drive
//! the app through it.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use crate::app::file_dialogs::FileDialogs;
use crate::app::settings::Settings;
use crate::app::{AppState, clipboard, recovery};
use crate::ui::UiState;
use crate::ui::article_view::ArticleView;

/// The whole application: [`AppState`] (reachable through `Deref`) plus [`UiState`].
///
/// Runs without `eframe`: tests and benchmarks call [`Workbench::ui`] with a bare
/// `egui::Context`.
pub struct Workbench {
    /// The review, the files, the commands: everything that is not drawing.
    pub app: AppState,
    /// Layout caches, dialog drafts and focus requests of the UI layer.
    pub ui_state: UiState,
}

impl Workbench {
    /// A workbench with no review open, using `dialogs` for file pickers.
    pub fn new(settings: Settings, dialogs: Arc<dyn FileDialogs>) -> Self {
        Self {
            app: AppState::new(settings, dialogs),
            ui_state: UiState::default(),
        }
    }

    /// Reads the clipboard through `clipboard` instead of the system's (tests).
    pub fn with_clipboard(mut self, clipboard: Arc<dyn clipboard::ClipboardReader>) -> Self {
        self.app = self.app.with_clipboard(clipboard);
        self
    }

    /// Turns on autosave and crash recovery in `store`.
    pub fn with_recovery(mut self, store: recovery::RecoveryStore) -> Self {
        self.app = self.app.with_recovery(store);
        self
    }

    /// Searches the claim archive at `archive` for what is selected ("Checked before").
    pub fn with_archive(mut self, archive: claimdesk_archive::Archive) -> Self {
        self.app = self.app.with_archive(archive);
        self
    }

    /// Draws one frame of the whole window and applies what the user did: the app takes its
    /// input (dialog answers, dropped files), the UI draws from `&AppState` and returns
    /// commands, the app applies them.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.app.begin_frame(ui);
        let commands = crate::ui::frame(ui, &self.app, &mut self.ui_state);
        self.app.end_frame(commands, ui.ctx());
    }

    /// The article view as drawn in the last frame (tests and benchmarks look at it).
    pub fn article_view(&self) -> Option<&ArticleView> {
        self.ui_state.article_view()
    }
}

impl Deref for Workbench {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.app
    }
}

impl DerefMut for Workbench {
    fn deref_mut(&mut self) -> &mut AppState {
        &mut self.app
    }
}
