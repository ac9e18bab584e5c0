//! The answers to the app's questions ([`crate::app::question`]), applied to what each asked
//! about: save, discard or cancel before going on; overwrite, save elsewhere or reload a file
//! changed on disk; save elsewhere after a refused save; restore or discard unsaved work found
//! from an earlier run.

use super::picker::{self, FilePick};
use super::{open_path, proceed, save, save_then};
use crate::app::AppState;
use crate::app::open_review::{Document, OpenReview};
use crate::app::question::{Answer, Asked, Question, SaveRefused, ask};
use crate::app::recovery::Found;

/// Applies `answer` to the open question (an answer with no question open does nothing).
pub fn apply(app: &mut AppState, answer: Answer, ctx: &egui::Context) {
    let Some(question) = app.question.take() else {
        return;
    };
    if !question.offers(answer) {
        // Not one of its choices: the question stays open.
        app.question = Some(question);
        return;
    }
    match (question.about, answer) {
        (_, Answer::Cancel) => {}
        (Asked::Unsaved(pending), Answer::Save) => save(app, Some(pending), ctx),
        (Asked::Unsaved(pending), Answer::Discard) => {
            discard_recovery(app);
            proceed(app, pending, ctx);
        }
        (Asked::ExternalChange(path, then), Answer::Overwrite) => save_then(app, path, then, ctx),
        (Asked::ExternalChange(_, then), Answer::SaveAs)
        | (Asked::SaveRefused(SaveRefused { then, .. }), Answer::SaveAs) => {
            picker::start(app, FilePick::SaveAs(then), ctx);
        }
        (Asked::ExternalChange(path, _), Answer::Reload) => {
            discard_recovery(app);
            open_path(app, &path);
        }
        (Asked::Recovery(found), Answer::Discard) => discard_offer(app, &found),
        (Asked::Recovery(found), Answer::Restore) => restore(app, found),
        _ => {}
    }
}

/// Takes back the offer of recovered work, if it is the open question (another review is
/// being opened: the offer was for the one before).
pub(crate) fn withdraw_recovery_offer(app: &mut AppState) {
    if matches!(
        app.question.as_ref().map(|q| &q.about),
        Some(Asked::Recovery(_))
    ) {
        app.question = None;
    }
}

/// At a start with no file: offers the newest unsaved work of a review never saved.
pub(crate) fn offer_unsaved_recovery(app: &mut AppState) {
    let offer = app
        .recovery
        .as_ref()
        .and_then(|r| r.store.unsaved_reviews().into_iter().next());
    if let Some(found) = offer {
        ask(app, Question::recovery(found));
    }
}

/// Deletes the open review's recovery file (its changes were discarded on purpose).
pub(crate) fn discard_recovery(app: &mut AppState) {
    let (Some(recovery), Some(open)) = (&app.recovery, &mut app.review) else {
        return;
    };
    if let Some(slot) = open.autosave.slot.take() {
        let _ = recovery.store.remove(&slot);
    }
}

/// Deletes the recovery file offered.
fn discard_offer(app: &mut AppState, found: &Found) {
    let Some(recovery) = &app.recovery else {
        return;
    };
    if let Err(e) = recovery.store.remove(&found.file) {
        app.notices
            .error(format!("Could not delete the recovery file: {e}"));
    }
}

/// Opens the recovered work as the open review, unsaved, writing on to its recovery file.
fn restore(app: &mut AppState, found: Found) {
    let Some(recovery) = &app.recovery else {
        return;
    };
    match recovery.store.load(&found) {
        Ok(loaded) => {
            let header = found.header;
            // Keep what we know of the file on disk, to notice outside changes.
            let disk = app
                .review
                .as_ref()
                .map(OpenReview::doc)
                .filter(|d| d.path().is_some() && d.path() == header.review_path.as_deref())
                .and_then(|d| d.disk_sha256().map(str::to_owned));
            let paths = (header.review_path, header.article_path);
            let mut open = OpenReview::new(Document::restored(loaded.review, paths, disk));
            open.autosave.slot = Some(found.file);
            app.review = Some(open);
            app.notices
                .info("Unsaved work restored; save it to keep it.");
        }
        Err(e) => app.notices.error(format!(
            "Could not restore from {}: {e}. The recovery file was kept.",
            found.file.display()
        )),
    }
}
