//! The application state, split by lifetime. [`AppState`] holds what outlives a review: the
//! settings and recent files, the notices, the file dialog and the clipboard read in flight,
//! the archive's worker and the library window, the recovery folder, the export being
//! written, the suggestion worker, the analyst's first-use question and the question being
//! asked. [`OpenReview`] exists only while a review is open (`Option<OpenReview>`, never half
//! open): it owns the review and the state of every feature that belongs to one review.
//!
//! Each frame, the UI layer reads the state and returns [`Command`]s; after all panels have
//! run, [`AppState::run`] ([`command`]) hands each to the feature that applies it. Nothing here
//! names the UI module (checked by `tests/layering.rs`): the frame is driven by
//! [`crate::Workbench`], which owns both this state and the UI's own state.

pub mod archive;
mod arrived;
pub mod article_update;
pub mod clipboard;
pub mod command;
pub mod exporting;
pub mod file_dialogs;
pub mod files;
mod in_flight;
pub mod notices;
pub mod open_review;
pub mod question;
pub mod recovery;
pub mod settings;
pub mod suggestions;
pub mod team;
pub mod window;

use std::path::Path;
use std::sync::Arc;

use claimdesk_model::Review;
use claimdesk_reports::ExportFormat;

pub use command::Command;
use file_dialogs::FileDialogs;
use in_flight::InFlight;
use notices::Notices;
pub use open_review::{OpenReview, Selection, ViewState};
use question::Question;
use settings::Settings;

/// The whole application: what outlives a review, and the open review (if any).
///
/// Runs without `eframe` and without the UI (tests drive it through [`crate::Workbench`]).
pub struct AppState {
    /// Preferences and recent files (persisted by the GUI shell).
    pub settings: Settings,
    /// Messages for the user (errors stay until dismissed).
    pub notices: Notices,
    /// The open review, with its features' state.
    review: Option<OpenReview>,
    /// The question waiting on the user, if any.
    question: Option<Question>,
    /// Check-worthiness suggestions: shown or not, and the worker that scores the open text.
    pub suggestions: suggestions::Suggestions,
    /// The claim archive: its search thread and the library window.
    pub archive: archive::ClaimArchive,
    /// Set once the user has agreed to close: the next close request goes through.
    pub allow_close: bool,
    /// Where unsaved work is copied for crash recovery; `None` disables autosave.
    recovery: Option<recovery::Recovery>,
    /// The export being written.
    exporting: exporting::Exporting,
    /// The first-use question for the analyst's name: asked while a review is open and no name
    /// is set, until answered or declined.
    analyst_question: team::AnalystQuestion,
    pub(crate) clipboard: Arc<dyn clipboard::ClipboardReader>,
    pub(crate) clipboard_read:
        Option<InFlight<clipboard::ClipboardPurpose, clipboard::ClipboardAnswer>>,
    pub(crate) dialogs: Arc<dyn FileDialogs>,
    pub(crate) dialog: Option<InFlight<files::picker::FilePick, file_dialogs::DialogAnswer>>,
    commands: Vec<Command>,
    last_title: String,
}

impl AppState {
    /// An app with no review open, using `dialogs` for file pickers.
    pub fn new(settings: Settings, dialogs: Arc<dyn FileDialogs>) -> Self {
        let suggestions_shown = settings.suggestions_shown;
        Self {
            settings,
            notices: Notices::default(),
            review: None,
            question: None,
            suggestions: suggestions::Suggestions::shown_if(suggestions_shown),
            archive: archive::ClaimArchive::default(),
            allow_close: false,
            recovery: None,
            exporting: exporting::Exporting::default(),
            analyst_question: team::AnalystQuestion::default(),
            clipboard: Arc::new(clipboard::SystemClipboard),
            clipboard_read: None,
            dialogs,
            dialog: None,
            commands: Vec::new(),
            last_title: String::new(),
        }
    }

    /// Reads the clipboard through `clipboard` instead of the system's (tests).
    pub fn with_clipboard(mut self, clipboard: Arc<dyn clipboard::ClipboardReader>) -> Self {
        self.clipboard = clipboard;
        self
    }

    /// Turns on autosave and crash recovery in `store`.
    pub fn with_recovery(mut self, store: recovery::RecoveryStore) -> Self {
        self.recovery = Some(recovery::Recovery::new(store));
        self
    }

    /// Searches the claim archive at `archive` for what is selected ("Checked before").
    pub fn with_archive(mut self, archive: claimdesk_archive::Archive) -> Self {
        self.archive = archive::ClaimArchive::new(Some(archive));
        self
    }

    /// The open review, if any.
    pub fn review(&self) -> Option<&OpenReview> {
        self.review.as_ref()
    }

    /// The open review, to change its view state (tests and benchmarks; the UI sends
    /// commands).
    pub fn review_mut(&mut self) -> Option<&mut OpenReview> {
        self.review.as_mut()
    }

    /// The question waiting on the user, if any.
    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// True while a question, the article-update review or a file dialog waits for an answer
    /// (keys must not edit the review: they are meant for the dialog).
    pub fn modal_open(&self) -> bool {
        self.dialog.is_some()
            || self.question.is_some()
            || self.review.as_ref().is_some_and(OpenReview::update_open)
    }

    /// True while suggestions are on and the worker scores the open text.
    pub fn suggestions_pending(&self) -> bool {
        self.suggestions.shown
            && self
                .review
                .as_ref()
                .is_some_and(|r| r.suggestions.waiting())
    }

    /// True while the window asks for the analyst's name (see [`team`]).
    pub fn asks_for_analyst_name(&self) -> bool {
        team::asks_for_name(self)
    }

    /// The export being written, if any (the status bar shows it).
    pub fn export_running(&self) -> Option<&exporting::ExportJob> {
        self.exporting.running()
    }

    /// The window title: file name, an unsaved-changes marker, the app name.
    pub fn title(&self) -> String {
        window::title(self)
    }

    /// Queues a command, applied at the end of the current (or next) frame.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
    }

    /// Opens a review (`.claimdesk`) or starts a new review of an article. On failure the
    /// current review stays open and the user is told why.
    pub fn open_path(&mut self, path: &Path) {
        files::open_path(self, path);
    }

    /// Opens `review` as a new, unsaved review (benchmarks, and imports that are not files).
    pub fn open_review(&mut self, review: Review) {
        files::install(self, open_review::Document::new_from_article(review, None));
    }

    /// Starts a new review of the bundled sample article.
    pub fn open_sample(&mut self) {
        files::open_sample(self);
    }

    /// Writes the review to `path`; reports the outcome. Returns true on success.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match files::try_save_to(self, path) {
            Ok(()) => true,
            Err(reason) => {
                self.notices.error(reason);
                false
            }
        }
    }

    /// Starts exporting the open review in `format` to `path` on a worker thread; false, with a
    /// message, if nothing was started.
    pub fn export_to(&mut self, path: &Path, format: ExportFormat, ctx: &egui::Context) -> bool {
        exporting::export_to(self, path, format, ctx)
    }

    /// At a start with no file: offers the newest unsaved work of a review never saved.
    pub fn offer_unsaved_recovery(&mut self) {
        files::answers::offer_unsaved_recovery(self);
    }

    /// Writes the recovery file of the open review now, if it has unsaved changes (the panic
    /// handler).
    pub fn write_recovery_now(&mut self) {
        if let (Some(recovery), Some(open)) = (&self.recovery, &mut self.review) {
            open_review::autosave::write_now(open, recovery, &mut self.notices);
        }
    }

    /// The start of a frame: takes the answers of file dialogs, clipboard reads and exports,
    /// dropped files and close requests, lets old notices expire, and brings the open review's
    /// derived data up to date.
    pub fn begin_frame(&mut self, ui: &egui::Ui) {
        let ctx = ui.ctx().clone();
        arrived::poll_dialog(self, &ctx);
        arrived::poll_clipboard(self, &ctx);
        window::take_dropped_files(self, ui);
        // Before the export's answer: a close asked while it ran waits for it.
        window::watch_close_request(self, ui);
        exporting::poll(self, &ctx);
        self.notices.expire(std::time::Instant::now());
        suggestions::poll(self, &ctx);
        if let Some(open) = &mut self.review {
            open.refresh();
        }
    }

    /// The end of a frame: applies the queued commands, then `commands` (what the UI asked for
    /// in this frame) in order, ticks autosave and the archive search, and updates the window
    /// title.
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
        if let (Some(recovery), Some(open)) = (&self.recovery, &mut self.review) {
            open_review::autosave::tick(open, recovery, &mut self.notices, ctx);
        }
        archive::tick(self, ctx);
        window::update_title(self, ctx);
    }
}
