//! Native file dialogs behind a small trait, so tests can answer them without a window.
//!
//! Dialogs never block the frame loop: the real implementation runs rfd on a thread and sends
//! the answer back through a channel.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use claimdesk_import::ArticleKind;
use claimdesk_reports::ExportFormat;

/// What came back from a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user picked this path.
    Picked(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown on this system.
    Unavailable,
}

/// Asks the user for files. Each call sends exactly one answer on `reply`.
pub trait FileDialogs: Send + Sync {
    /// Pick a review or article to open.
    fn pick_open(&self, ctx: &egui::Context, reply: Sender<DialogAnswer>);
    /// Pick where to save a review, proposing `suggested`.
    fn pick_save(&self, ctx: &egui::Context, suggested: PathBuf, reply: Sender<DialogAnswer>);
    /// Pick where to write an export in `format`, proposing `suggested`.
    fn pick_export(
        &self,
        ctx: &egui::Context,
        suggested: PathBuf,
        format: ExportFormat,
        reply: Sender<DialogAnswer>,
    );
    /// Pick an updated article file (for File → Update article text…).
    fn pick_article(&self, ctx: &egui::Context, reply: Sender<DialogAnswer>) {
        self.pick_open(ctx, reply);
    }
    /// Pick a suggestion model made by `claimdesk train-suggester`.
    fn pick_model(&self, ctx: &egui::Context, reply: Sender<DialogAnswer>) {
        self.pick_open(ctx, reply);
    }
    /// Pick a folder or a file to add to the claim archive's library (File → Library…).
    fn pick_library_source(
        &self,
        ctx: &egui::Context,
        _pick: super::archive::library::LibraryPick,
        reply: Sender<DialogAnswer>,
    ) {
        self.pick_open(ctx, reply);
    }
}

/// The system's dialog to pick one file: `title`, a filter (name, extensions) and "All files".
fn pick_file(title: &str, (name, extensions): (&str, &[&str])) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title(title)
        .add_filter(name, extensions)
        .add_filter("All files", &["*"])
        .pick_file()
}

/// rfd answers "cancelled" within milliseconds when it could not show any dialog (no portal,
/// no zenity); no person cancels that fast.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(150);

fn answer_of(picked: Option<PathBuf>, started: Instant) -> DialogAnswer {
    match picked {
        Some(p) => DialogAnswer::Picked(p),
        None if started.elapsed() < NO_DIALOG_THRESHOLD => DialogAnswer::Unavailable,
        None => DialogAnswer::Cancelled,
    }
}

/// The system's dialogs through rfd (xdg portal, or zenity, on Linux).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&self, ctx: &egui::Context, reply: Sender<DialogAnswer>) {
        let mut extensions = vec!["claimdesk"];
        extensions.extend(ArticleKind::all_extensions());
        spawn_dialog(ctx, reply, move || {
            pick_file(
                "Open a review or an article",
                ("Reviews and articles", &extensions),
            )
        });
    }

    fn pick_article(&self, ctx: &egui::Context, reply: Sender<DialogAnswer>) {
        let extensions: Vec<&str> = ArticleKind::all_extensions().collect();
        spawn_dialog(ctx, reply, move || {
            pick_file("The updated article", ("Articles", &extensions))
        });
    }

    fn pick_model(&self, ctx: &egui::Context, reply: Sender<DialogAnswer>) {
        spawn_dialog(ctx, reply, || {
            pick_file(
                "A suggestion model (claimdesk train-suggester)",
                ("Suggestion models", &["bin"]),
            )
        });
    }

    fn pick_library_source(
        &self,
        ctx: &egui::Context,
        pick: super::archive::library::LibraryPick,
        reply: Sender<DialogAnswer>,
    ) {
        use super::archive::library::LibraryPick;
        spawn_dialog(ctx, reply, move || match pick {
            LibraryPick::Folder => rfd::FileDialog::new()
                .set_title("Add a folder of reviews and fact-checks to the library")
                .pick_folder(),
            LibraryPick::File => pick_file(
                "Add a file to the library",
                (
                    "Reviews, ClaimReview files, saved pages",
                    &["claimdesk", "json", "jsonld", "html", "htm"],
                ),
            ),
        });
    }

    fn pick_save(&self, ctx: &egui::Context, suggested: PathBuf, reply: Sender<DialogAnswer>) {
        spawn_save(ctx, suggested, reply, || {
            rfd::FileDialog::new()
                .set_title("Save review")
                .add_filter("Claimdesk review", &["claimdesk"])
        });
    }

    fn pick_export(
        &self,
        ctx: &egui::Context,
        suggested: PathBuf,
        format: ExportFormat,
        reply: Sender<DialogAnswer>,
    ) {
        spawn_save(ctx, suggested, reply, move || {
            rfd::FileDialog::new()
                .set_title(format!("Export the review as {}", format.label()))
                .add_filter(format.label(), &[format.extension()])
                .add_filter("All files", &["*"])
        });
    }
}

/// Runs the dialog `show` on a thread (it blocks until the user answers) and sends its answer
/// on `reply`, then wakes the UI.
fn spawn_dialog(
    ctx: &egui::Context,
    reply: Sender<DialogAnswer>,
    show: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) {
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let started = Instant::now();
        let _ = reply.send(answer_of(show(), started));
        ctx.request_repaint();
    });
}

/// Shows the save dialog `make` builds, proposing `suggested` (folder and name).
fn spawn_save(
    ctx: &egui::Context,
    suggested: PathBuf,
    reply: Sender<DialogAnswer>,
    make: impl FnOnce() -> rfd::FileDialog + Send + 'static,
) {
    spawn_dialog(ctx, reply, move || {
        let mut dialog = make();
        if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        dialog.save_file()
    });
}

/// Dialogs that answer from a script, immediately; for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    answers: Mutex<VecDeque<DialogAnswer>>,
    /// The suggested paths save dialogs were opened with.
    pub suggestions: Mutex<Vec<PathBuf>>,
}

impl ScriptedDialogs {
    /// Queues the answer for the next dialog.
    pub fn push_answer(&self, answer: DialogAnswer) {
        self.answers.lock().expect("not poisoned").push_back(answer);
    }

    fn next(&self) -> DialogAnswer {
        self.answers
            .lock()
            .expect("not poisoned")
            .pop_front()
            .unwrap_or(DialogAnswer::Cancelled)
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&self, _ctx: &egui::Context, reply: Sender<DialogAnswer>) {
        let _ = reply.send(self.next());
    }

    fn pick_save(&self, _ctx: &egui::Context, suggested: PathBuf, reply: Sender<DialogAnswer>) {
        self.suggestions
            .lock()
            .expect("not poisoned")
            .push(suggested);
        let _ = reply.send(self.next());
    }

    fn pick_export(
        &self,
        _ctx: &egui::Context,
        suggested: PathBuf,
        _format: ExportFormat,
        reply: Sender<DialogAnswer>,
    ) {
        self.suggestions
            .lock()
            .expect("not poisoned")
            .push(suggested);
        let _ = reply.send(self.next());
    }
}
