//! What arrives from off the UI thread, acted on at the start of a frame: the path a file
//! dialog gave (opened, saved to, exported to, compared with, added to the library…) and the
//! clipboard's text (a new review, or an article update). Each goes to the feature that
//! asked for it.

use claimdesk_model::format;

use super::AppState;
use super::article_update;
use super::clipboard::{ClipboardAnswer, ClipboardPurpose};
use super::file_dialogs::DialogAnswer;
use super::files::picker::FilePick;
use super::files::{guard, open_path, save_then};
use super::in_flight::InFlight;
use super::open_review::Shared;
use super::open_review::comparison::open_comparison;
use super::question::Pending;
use super::{archive, exporting, suggestions};

/// Handles the answer of a file dialog, if one has arrived.
pub(crate) fn poll_dialog(app: &mut AppState, ctx: &egui::Context) {
    let Some((pick, answer)) = InFlight::take_answer(&mut app.dialog, || DialogAnswer::Unavailable)
    else {
        return;
    };
    let path = match answer {
        DialogAnswer::Picked(path) => path,
        DialogAnswer::Cancelled => return,
        DialogAnswer::Unavailable => {
            app.notices.error(
                "No file dialog could be shown on this system. Drop a file on the window, \
                 or pass its path on the command line.",
            );
            return;
        }
    };
    match pick {
        FilePick::Open => open_path(app, &path),
        FilePick::SaveAs(then) => {
            let path = if path.extension().is_none() {
                path.with_extension(format::EXTENSION)
            } else {
                path
            };
            save_then(app, path, then, ctx);
        }
        FilePick::Export(format) => {
            exporting::export_to(app, &path, format, ctx);
        }
        FilePick::UpdateArticle => article_update::update_from_file(app, &path),
        FilePick::Compare => {
            let AppState {
                review: Some(open),
                notices,
                settings,
                ..
            } = app
            else {
                return;
            };
            open_comparison(open, &path, &mut Shared { notices, settings });
        }
        FilePick::SuggestionModel => {
            suggestions::set_model(app, suggestions::ModelChoice::File(path));
        }
        FilePick::AddToLibrary(_) => archive::library::add(app, path, ctx),
    }
}

/// Handles the clipboard's answer, if it has arrived.
pub(crate) fn poll_clipboard(app: &mut AppState, ctx: &egui::Context) {
    let Some((purpose, answer)) = InFlight::take_answer(&mut app.clipboard_read, || {
        ClipboardAnswer::Unavailable("Could not read the clipboard.".to_owned())
    }) else {
        return;
    };
    let text = match answer {
        ClipboardAnswer::Text(t) if !t.trim().is_empty() => t,
        ClipboardAnswer::Text(_) => {
            app.notices.info("The clipboard holds no text to review.");
            return;
        }
        ClipboardAnswer::Unavailable(why) => {
            app.notices.info(why);
            return;
        }
    };
    match purpose {
        ClipboardPurpose::NewReview => guard(app, Pending::NewFromText(text), ctx),
        ClipboardPurpose::UpdateArticle => article_update::update_from_text(app, &text),
    }
}
