//! The application state ([`Workbench`]) and the one place that changes it ([`commands`]).
//!
//! Each frame, UI code reads the state and pushes [`Command`]s; after all panels have run,
//! [`Workbench::run`] applies them in order. That is where undo/redo, saving and opening live.

mod autosave;
pub mod clipboard;
pub mod commands;
pub mod document;
pub mod factcheck;
pub mod file_dialogs;
pub mod find;
mod in_flight;
pub mod notices;
pub mod recovery;
pub mod settings;
pub mod update;

use std::path::PathBuf;
use std::sync::Arc;

pub use commands::Command;
use document::Document;
use file_dialogs::FileDialogs;
use find::FindBar;
use notices::Notices;
use settings::Settings;

use crate::ui::article_view::ViewState;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    OpenDialog,
    /// Open the bundled sample article.
    OpenSample,
    /// Close the window.
    Close,
    /// Start a new review of this text (from the clipboard).
    NewFromText(String),
}

/// Why a file dialog was opened.
#[derive(Clone, Debug)]
pub(crate) enum DialogPurpose {
    Open,
    SaveAs {
        then: Option<Pending>,
    },
    /// Where to write an export in this format.
    Export(claimdesk_core::export::ExportFormat),
    /// The updated article file.
    UpdateArticle,
}

/// The whole application: the open review (if any) and everything around it.
///
/// Runs without `eframe` (tests and benchmarks drive [`Workbench::ui`] directly).
pub struct Workbench {
    /// The open review.
    pub doc: Option<Document>,
    /// Selection, selected claim and scroll requests shared by the view and the panels.
    pub view_state: ViewState,
    /// Which statuses the claims list shows.
    pub status_filter: [bool; 3],
    /// The find bar, when open.
    pub find: Option<FindBar>,
    /// Messages for the user (errors stay until dismissed).
    pub notices: Notices,
    /// Preferences and recent files (persisted by the GUI shell).
    pub settings: Settings,
    /// An action waiting on the Save / Discard / Cancel prompt.
    pub unsaved_prompt: Option<Pending>,
    /// Set once the user has agreed to close: the next close request goes through.
    pub allow_close: bool,
    /// The review-details dialog, when open: the draft being edited (applied on Save).
    pub details_dialog: Option<claimdesk_core::ReviewDetails>,
    /// The export dialog, when open: the format picked so far.
    pub export_dialog: Option<claimdesk_core::export::ExportFormat>,
    /// Where unsaved work is copied for crash recovery; `None` disables autosave.
    pub recovery: Option<recovery::RecoveryStore>,
    /// Unsaved work from an earlier run, offered for restoring.
    pub recovery_offer: Option<recovery::Found>,
    /// The file changed on disk since it was opened or saved: asks overwrite / save as / reload.
    pub external_change_prompt: Option<commands::ExternalChange>,
    /// The article-update review (File → Update article text…), when open.
    pub update_dialog: Option<update::UpdateDialog>,
    pub(crate) clipboard: Arc<dyn clipboard::ClipboardReader>,
    pub(crate) clipboard_read:
        Option<in_flight::InFlight<update::ClipboardPurpose, clipboard::ClipboardAnswer>>,
    pub(crate) autosave: autosave::Autosave,
    pub(crate) dialogs: Arc<dyn FileDialogs>,
    pub(crate) dialog: Option<in_flight::InFlight<DialogPurpose, file_dialogs::DialogAnswer>>,
    pub(crate) commands: Vec<Command>,
    /// A text field had the keyboard at the end of the last frame. egui drops focus on Esc
    /// before the frame runs, so this tells "Esc left a text field" from "Esc in the article".
    pub(crate) typing_last_frame: bool,
    last_title: String,
}

impl Workbench {
    /// A workbench with no review open, using `dialogs` for file pickers.
    pub fn new(settings: Settings, dialogs: Arc<dyn FileDialogs>) -> Self {
        Self {
            doc: None,
            view_state: ViewState::default(),
            status_filter: [true; 3],
            find: None,
            notices: Notices::default(),
            settings,
            unsaved_prompt: None,
            allow_close: false,
            details_dialog: None,
            export_dialog: None,
            recovery: None,
            recovery_offer: None,
            external_change_prompt: None,
            update_dialog: None,
            clipboard: Arc::new(clipboard::SystemClipboard),
            clipboard_read: None,
            autosave: autosave::Autosave::new(),
            dialogs,
            dialog: None,
            commands: Vec::new(),
            typing_last_frame: false,
            last_title: String::new(),
        }
    }

    /// True while a modal question or a file dialog waits for an answer (keys must not edit
    /// the review: they are meant for the dialog).
    pub fn modal_open(&self) -> bool {
        self.dialog.is_some()
            || self.unsaved_prompt.is_some()
            || self.details_dialog.is_some()
            || self.export_dialog.is_some()
            || self.recovery_offer.is_some()
            || self.external_change_prompt.is_some()
            || self.update_dialog.is_some()
    }

    /// Reads the clipboard through `clipboard` instead of the system's (tests).
    pub fn with_clipboard(mut self, clipboard: Arc<dyn clipboard::ClipboardReader>) -> Self {
        self.clipboard = clipboard;
        self
    }

    /// Turns on autosave and crash recovery in `store`.
    pub fn with_recovery(mut self, store: recovery::RecoveryStore) -> Self {
        self.recovery = Some(store);
        self
    }

    /// Queues a command, applied at the end of the current (or next) frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The window title: file name, an unsaved-changes marker, the app name.
    pub fn title(&self) -> String {
        match &self.doc {
            Some(doc) => {
                let marker = if doc.is_dirty() { "● " } else { "" };
                format!("{marker}{} — Claimdesk", doc.display_name())
            }
            None => "Claimdesk".to_owned(),
        }
    }

    /// Draws one frame of the whole window and applies what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_dialog(&ctx);
        self.poll_clipboard(&ctx);
        self.take_dropped_files(ui);
        self.watch_close_request(ui);
        crate::ui::shortcuts::read(ui, self);
        crate::ui::window::show(ui, self);
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What a command opened or changed is drawn in the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.run(command, &ctx);
        }
        self.autosave_tick(&ctx);
        self.typing_last_frame = ctx.text_edit_focused();
        let title = self.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    fn take_dropped_files(&mut self, ui: &egui::Ui) {
        let dropped = ui.input(|i| i.raw.dropped_files.clone());
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_owned())
            .find(|p| !p.as_os_str().is_empty())
        {
            self.push(Command::Open(path));
        } else if !dropped.is_empty() {
            self.notices
                .error("The dropped item is not a file on disk; drop a saved file instead.");
        }
    }

    fn watch_close_request(&mut self, ui: &egui::Ui) {
        if ui.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.doc.as_ref().is_some_and(Document::is_dirty)
        {
            ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.unsaved_prompt = Some(Pending::Close);
        }
    }
}
