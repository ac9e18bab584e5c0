//! Files in and out ([`FileCommand`]): opening a review or an article (through the
//! unsaved-changes question, [`guard`]), new reviews of the sample or of pasted text, saving
//! (asking where the first time; a file changed on disk or a refused save is a question), and
//! closing the window. The file dialogs are asked through [`picker`] (their answers are routed
//! by [`crate::app::arrived`]); articles are read by [`import`]; the answers to the questions
//! are applied by [`answers`].

pub mod answers;
pub mod import;
pub mod picker;

use std::path::{Path, PathBuf};

use claimdesk_model::format::{self, is_project_path};
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, Review};

use super::AppState;
use super::clipboard::{ClipboardPurpose, read_clipboard};
use super::open_review::{Document, OpenReview};
pub use super::question::Pending;
use super::question::{Question, SaveRefused, ask};
use super::recovery::RecoveryHeader;
use import::import_document;
use picker::FilePick;

/// The bundled sample article (a real news report with quoted claims and denials).
pub const SAMPLE_ARTICLE: &str = include_str!("../../../assets/sample-article.txt");
/// The title the sample opens under.
pub const SAMPLE_TITLE: &str = "sample-article.txt";

/// What the user asks of files and the window.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Open a review or an article (asks about unsaved changes first).
    Open(PathBuf),
    /// Show the open dialog (asks about unsaved changes first).
    OpenDialog,
    /// Open the bundled sample article as a new review.
    OpenSample,
    /// Read the clipboard and start a new review of its text (asks about unsaved changes).
    NewFromClipboard,
    /// Start a new review of this text (asks about unsaved changes first).
    NewFromText(String),
    /// Save to the review's file, asking where the first time.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Close the window (asks about unsaved changes first).
    Quit,
}

/// Applies a file command.
pub fn apply(app: &mut AppState, command: FileCommand, ctx: &egui::Context) {
    match command {
        FileCommand::Open(path) => guard(app, Pending::Open(path), ctx),
        FileCommand::OpenDialog => guard(app, Pending::OpenDialog, ctx),
        FileCommand::OpenSample => guard(app, Pending::OpenSample, ctx),
        FileCommand::NewFromClipboard => read_clipboard(app, ClipboardPurpose::NewReview, ctx),
        FileCommand::NewFromText(text) => guard(app, Pending::NewFromText(text), ctx),
        FileCommand::Save => save(app, None, ctx),
        FileCommand::SaveAs => {
            if app.review.is_some() {
                picker::start(app, FilePick::SaveAs(None), ctx);
            }
        }
        FileCommand::Quit => guard(app, Pending::Close, ctx),
    }
}

/// True if the open review has changes not yet saved.
fn dirty(app: &AppState) -> bool {
    app.review.as_ref().is_some_and(|r| r.doc().is_dirty())
}

/// Runs `pending` now, or asks first if the open review has unsaved changes.
pub(crate) fn guard(app: &mut AppState, pending: Pending, ctx: &egui::Context) {
    if dirty(app) {
        let name = app
            .review
            .as_ref()
            .map_or_else(String::new, |r| r.doc().display_name());
        ask(app, Question::unsaved(&name, pending));
    } else {
        proceed(app, pending, ctx);
    }
}

/// Does what waited on a question (or needed none).
pub(crate) fn proceed(app: &mut AppState, pending: Pending, ctx: &egui::Context) {
    match pending {
        Pending::Open(path) => open_path(app, &path),
        Pending::OpenDialog => picker::start(app, FilePick::Open, ctx),
        Pending::OpenSample => open_sample(app),
        Pending::NewFromText(text) => open_text(app, &text),
        Pending::Close => {
            app.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Opens a review (`.claimdesk`) or starts a new review of an article. On failure the current
/// review stays open and the user is told why.
pub(crate) fn open_path(app: &mut AppState, path: &Path) {
    let result = if is_project_path(path) {
        format::load_file(path)
            .map(|loaded| {
                let (review, warnings) = (loaded.review, loaded.warnings);
                Document::opened(review, path.to_owned(), warnings, loaded.file_sha256)
            })
            .map_err(|e| e.to_string())
    } else {
        import_document(app, path, None)
    };
    match result {
        Ok(doc) => {
            app.settings.add_recent(path);
            install(app, doc);
        }
        Err(message) => app
            .notices
            .error(format!("Could not open {}: {message}", path.display())),
    }
}

/// Starts a new review of the bundled sample article.
pub(crate) fn open_sample(app: &mut AppState) {
    let article = Article::new(
        SAMPLE_TITLE,
        "Claimdesk sample article",
        normalize_article_text(SAMPLE_ARTICLE),
    );
    install(app, Document::new_from_article(Review::new(article), None));
}

/// Starts a new, unsaved review of pasted text.
pub(crate) fn open_text(app: &mut AppState, text: &str) {
    match import::pasted_text(text) {
        // The pasted text is nowhere on disk: closing asks to save it.
        Ok(doc) => {
            install(app, doc.unsaved());
            app.notices.info("New review of the pasted text.");
        }
        Err(_) => app
            .notices
            .info("The clipboard has no text to review (it is empty or only whitespace)."),
    }
}

/// Makes `doc` the open review (every feature of the old one is gone), tells the user what its
/// loading fixed or flagged, and offers unsaved work of it found from an earlier run.
pub(crate) fn install(app: &mut AppState, doc: Document) {
    if !doc.load_warnings().is_empty() {
        let n = doc.load_warnings().len();
        app.notices.warning(
            format!(
                "{} opened with {n} problem{} fixed or flagged; nothing was dropped.",
                doc.display_name(),
                if n == 1 { "" } else { "s" }
            ),
            doc.load_warnings().to_vec(),
        );
    }
    let offer = app.recovery.as_ref().and_then(|r| {
        r.store.find_for(&RecoveryHeader {
            review_path: doc.path().map(Path::to_owned),
            article_path: doc.article_path().map(Path::to_owned),
            ..Default::default()
        })
    });
    // An offer for the review that was open before is stale now.
    answers::withdraw_recovery_offer(app);
    app.review = Some(OpenReview::new(doc));
    if let Some(found) = offer {
        ask(app, Question::recovery(found));
    }
}

/// Saves; `then` runs after a successful save. Asks for a path on the first save.
pub(crate) fn save(app: &mut AppState, then: Option<Pending>, ctx: &egui::Context) {
    let Some(open) = &app.review else {
        return;
    };
    let doc = open.doc();
    let Some(path) = doc.path().map(Path::to_owned) else {
        picker::start(app, FilePick::SaveAs(then), ctx);
        return;
    };
    if doc.changed_on_disk(&path) {
        ask(app, Question::external_change(path, then));
        return;
    }
    save_then(app, path, then, ctx);
}

/// Saves to `path`, then runs `then`; a failed save asks whether to save elsewhere (the review
/// stays open and unsaved, and `then` waits for that save).
pub(crate) fn save_then(
    app: &mut AppState,
    path: PathBuf,
    then: Option<Pending>,
    ctx: &egui::Context,
) {
    match try_save_to(app, &path) {
        Ok(()) => {
            if let Some(then) = then {
                proceed(app, then, ctx);
            }
        }
        Err(reason) => ask(
            app,
            Question::save_refused(SaveRefused { path, reason, then }),
        ),
    }
}

/// Writes the review to `path` and says so; the error's message on failure.
pub(crate) fn try_save_to(app: &mut AppState, path: &Path) -> Result<(), String> {
    let Some(open) = &mut app.review else {
        return Err("No review is open.".to_owned());
    };
    open.save_to(path).map_err(|e| e.to_string())?;
    app.settings.add_recent(path);
    app.notices.info(format!("Saved to {}", path.display()));
    Ok(())
}
