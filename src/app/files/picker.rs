//! Asking the user for a file: the dialog is shown off the UI thread (one at a time), and what
//! it is for ([`FilePick`]) waits with it until the answer arrives ([`crate::app::arrived`]).

use std::sync::mpsc;

use claimdesk_reports::ExportFormat;

use crate::app::AppState;
use crate::app::archive::library::LibraryPick;
use crate::app::in_flight::InFlight;
use crate::app::question::Pending;

/// What a file dialog was opened for.
#[derive(Clone, Debug)]
pub enum FilePick {
    /// A review or an article to open.
    Open,
    /// Where to save the review, and what to do after.
    SaveAs(Option<Pending>),
    /// Where to write an export in this format.
    Export(ExportFormat),
    /// The updated article file.
    UpdateArticle,
    /// A trained suggestion model.
    SuggestionModel,
    /// A folder or file to add to the claim archive's library.
    AddToLibrary(LibraryPick),
    /// Another analyst's review to compare with.
    Compare,
}

/// Shows the file dialog for `pick` (the save and export dialogs propose a name for the open
/// review); says so if one is open already.
pub(crate) fn start(app: &mut AppState, pick: FilePick, ctx: &egui::Context) {
    if app.dialog.is_some() {
        app.notices
            .info("A file dialog is already open; finish with it first.");
        return;
    }
    let (tx, rx) = mpsc::channel();
    let dialogs = &app.dialogs;
    let doc = app.review.as_ref().map(|open| open.doc());
    match &pick {
        FilePick::Open | FilePick::Compare => dialogs.pick_open(ctx, tx),
        FilePick::UpdateArticle => dialogs.pick_article(ctx, tx),
        FilePick::SuggestionModel => dialogs.pick_model(ctx, tx),
        FilePick::AddToLibrary(what) => dialogs.pick_library_source(ctx, *what, tx),
        FilePick::SaveAs(_) => {
            let suggested = doc.map(|d| d.suggested_path()).unwrap_or_default();
            dialogs.pick_save(ctx, suggested, tx);
        }
        FilePick::Export(format) => {
            let suggested = doc
                .map(|d| crate::app::exporting::suggested_export_path(d, *format))
                .unwrap_or_default();
            dialogs.pick_export(ctx, suggested, *format, tx);
        }
    }
    app.dialog = Some(InFlight::new(pick, rx));
}
