//! The application state ([`AppState`]) and the one place that changes it ([`commands`]).
//!
//! Each frame, the UI layer reads the state and returns [`Command`]s; after all panels have run,
//! [`AppState::run`] applies them in order. That is where undo/redo, saving and opening live.
//! Nothing here names the UI module (checked by `tests/layering.rs`): the frame is driven by
//! [`crate::Workbench`], which owns both this state and the UI's own state.

pub mod archive_library;
pub mod archive_worker;
mod autosave;
mod bulk;
pub mod checked_before;
pub mod claim_search;
pub mod claims_list;
pub mod clipboard;
pub mod commands;
pub mod comparison;
mod conflicts;
pub mod document;
pub mod exporting;
pub mod factcheck;
pub mod file_dialogs;
pub mod find;
mod in_flight;
pub mod modal;
pub mod navigation;
pub mod notices;
pub mod recovery;
pub mod settings;
pub mod suggestions;
mod team;
pub mod update;
pub mod view_state;

use std::path::PathBuf;
use std::sync::Arc;

pub use commands::Command;
use document::Document;
use file_dialogs::FileDialogs;
use find::FindBar;
pub use modal::Modal;
use notices::Notices;
use settings::Settings;

pub use view_state::{Selection, ViewState};

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
    Export(claimdesk_reports::ExportFormat),
    /// The updated article file.
    UpdateArticle,
    /// A trained suggestion model.
    SuggestionModel,
    /// A folder or file to add to the claim archive's library.
    AddToLibrary(archive_library::LibraryPick),
    /// Another analyst's review to compare with.
    Compare,
}

/// The whole application: the open review (if any) and everything around it.
///
/// Runs without `eframe` and without the UI (tests drive it through [`crate::Workbench`]).
pub struct AppState {
    /// The open review.
    pub doc: Option<Document>,
    /// Selection and selected claim shared by the view and the panels.
    pub view_state: ViewState,
    /// Which statuses the claims list shows.
    pub status_filter: [bool; 3],
    /// The find bar, when open.
    pub find: Option<FindBar>,
    /// Messages for the user (errors stay until dismissed).
    pub notices: Notices,
    /// Preferences and recent files (persisted by the GUI shell).
    pub settings: Settings,
    /// Set once the user has agreed to close: the next close request goes through.
    pub allow_close: bool,
    /// Where unsaved work is copied for crash recovery; `None` disables autosave.
    pub recovery: Option<recovery::RecoveryStore>,
    /// The question waiting on the user, if any (see [`Modal`]).
    pub modal: Option<Modal>,
    /// Check-worthiness suggestions: shown or not, the worker, the list.
    pub suggestions: suggestions::Suggestions,
    /// The "Checked before" panel: the archive's matches for what is selected.
    pub checked_before: checked_before::CheckedBefore,
    /// The claims list's text filter.
    pub claim_search: claim_search::ClaimSearch,
    /// The claims list's rows and counts, derived from the review and both filters.
    pub claims_list: claims_list::ClaimsList,
    /// File → Compare with…: the other review and the figures, while shown.
    pub comparison: Option<comparison::ComparisonView>,
    pub(crate) clipboard: Arc<dyn clipboard::ClipboardReader>,
    pub(crate) clipboard_read:
        Option<in_flight::InFlight<update::ClipboardPurpose, clipboard::ClipboardAnswer>>,
    pub(crate) autosave: autosave::Autosave,
    pub(crate) dialogs: Arc<dyn FileDialogs>,
    pub(crate) dialog: Option<in_flight::InFlight<DialogPurpose, file_dialogs::DialogAnswer>>,
    pub(crate) commands: Vec<Command>,
    pub(crate) exporting: exporting::Exporting,
    last_title: String,
    /// The first-use question for the analyst's name: asked while a review is open and no name
    /// is set, until answered or declined.
    analyst_question: team::AnalystQuestion,
}

impl AppState {
    /// A workbench with no review open, using `dialogs` for file pickers.
    pub fn new(settings: Settings, dialogs: Arc<dyn FileDialogs>) -> Self {
        let suggestions_shown = settings.suggestions_shown;
        Self {
            doc: None,
            view_state: ViewState::default(),
            status_filter: [true; 3],
            find: None,
            notices: Notices::default(),
            settings,
            allow_close: false,
            recovery: None,
            modal: None,
            suggestions: suggestions::Suggestions::shown_if(suggestions_shown),
            checked_before: checked_before::CheckedBefore::default(),
            claim_search: claim_search::ClaimSearch::default(),
            claims_list: claims_list::ClaimsList::default(),
            comparison: None,
            analyst_question: team::AnalystQuestion::default(),
            clipboard: Arc::new(clipboard::SystemClipboard),
            clipboard_read: None,
            autosave: autosave::Autosave::new(),
            dialogs,
            dialog: None,
            commands: Vec::new(),
            exporting: exporting::Exporting::default(),
            last_title: String::new(),
        }
    }

    /// True while a modal question or a file dialog waits for an answer (keys must not edit
    /// the review: they are meant for the dialog).
    pub fn modal_open(&self) -> bool {
        self.dialog.is_some() || self.modal.is_some()
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

    /// The start of a frame: takes the answers of file dialogs, clipboard reads and exports,
    /// dropped files and close requests, and lets old notices expire.
    pub fn begin_frame(&mut self, ui: &egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_dialog(&ctx);
        self.poll_clipboard(&ctx);
        self.take_dropped_files(ui);
        // Before the export's answer: a close asked while it ran waits for it.
        self.watch_close_request(ui);
        self.poll_export(&ctx);
        self.notices.expire(std::time::Instant::now());
        self.poll_suggestions(&ctx);
        self.claim_search.refresh(self.doc.as_ref());
        self.refresh_comparison();
        let filter = self.status_filter;
        self.claims_list
            .refresh(self.doc.as_ref(), filter, &self.claim_search);
    }

    /// The end of a frame: applies the queued commands, then `commands` (what the UI asked for
    /// in this frame) in order, ticks autosave and updates the window title.
    pub fn end_frame(&mut self, commands: Vec<Command>, ctx: &egui::Context) {
        let mut queued = std::mem::take(&mut self.commands);
        queued.extend(commands);
        if !queued.is_empty() {
            // What a command opened or changed is drawn in the next frame.
            ctx.request_repaint();
        }
        for command in queued {
            self.run(command, ctx);
        }
        self.autosave_tick(ctx);
        self.checked_before_tick(ctx);
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
        if !ui.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.defer_close_for_export() {
            ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            return;
        }
        if !self.allow_close && self.doc.as_ref().is_some_and(Document::is_dirty) {
            ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ask(Modal::Unsaved(Pending::Close));
        }
    }
}
