//! The review-details dialog (File → Review details…): who reviewed the article and where the
//! article and the fact check are published. Edits a draft; Save applies it as one undo step.

use claimdesk_reports::safe::http_url;
use egui::TextEdit;

use crate::app::OpenReview;
use crate::app::open_review::edit::EditCommand;
use crate::ui::claim_editor::is_iso_date;
use crate::ui::{Frame, UiModal};

/// Opens the dialog on a copy of the review's details.
pub fn open(f: &mut Frame, open: &OpenReview) {
    f.state.modal = Some(UiModal::Details(open.review().details.clone()));
}

/// Shows the dialog while it is open.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, _open: &OpenReview) {
    let focused_once = egui::Id::unique("review_details_focused_once");
    let Some(UiModal::Details(draft)) = &mut f.state.modal else {
        ui.data_mut(|d| d.remove::<bool>(focused_once));
        return;
    };
    // The first field takes the keyboard when the dialog opens, so typing goes into it.
    let focus_first = !ui.data(|d| d.get_temp::<bool>(focused_once).unwrap_or(false));
    ui.data_mut(|d| d.insert_temp(focused_once, true));
    let mut save = false;
    let mut cancel = false;
    let modal = egui::Modal::new(egui::Id::unique("review_details")).show(ui.ctx(), |ui| {
        ui.set_width(480.0);
        ui.heading("Review details");
        ui.weak("Used by the reports and by ClaimReview; every field is optional.");
        ui.add_space(8.0);
        egui::Grid::new("review_details_grid")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let reviewer = field(ui, "Reviewer", "Your name", &mut draft.reviewer);
                if focus_first {
                    reviewer.request_focus();
                }
                field(
                    ui,
                    "Organisation",
                    "The fact-checking desk",
                    &mut draft.organisation,
                );
                field(ui, "Article URL", "https://…", &mut draft.article_url);
                field(
                    ui,
                    "Article published",
                    "YYYY-MM-DD",
                    &mut draft.article_published,
                );
                field(
                    ui,
                    "Report URL",
                    "https://… where the fact check is published",
                    &mut draft.report_url,
                );
            });
        let warn = ui.visuals().warn_fg_color;
        for (name, url) in [
            ("Article URL", &draft.article_url),
            ("Report URL", &draft.report_url),
        ] {
            if !url.trim().is_empty() && http_url(url).is_none() {
                ui.colored_label(
                    warn,
                    format!("{name} is not an http(s) address: reports will not link it."),
                );
            }
        }
        if !is_iso_date(&draft.article_published) {
            ui.colored_label(
                warn,
                "Article published is not a YYYY-MM-DD date; reports show it as typed.",
            );
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Save details").clicked() {
                save = true;
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    });
    // Esc cancels; a click beside the dialog does not throw the typing away.
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) && !modal.backdrop_response.clicked() {
        cancel = true;
    }
    if save {
        if let Some(UiModal::Details(details)) = f.state.modal.take() {
            f.push(EditCommand::SetDetails(details));
        }
    } else if cancel {
        f.state.modal = None;
    }
}

fn field(ui: &mut egui::Ui, name: &str, hint: &str, text: &mut String) -> egui::Response {
    let label = ui.label(name);
    let resp = ui
        .add(
            TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(330.0),
        )
        .labelled_by(label.id);
    ui.end_row();
    resp
}
