//! File → Export…: pick a report format, then where to save it (the native save dialog).

use claimdesk_reports::{ExportFormat, notes};

use crate::app::OpenReview;
use crate::app::exporting::ExportCommand;
use crate::ui::{Frame, UiModal};

/// One line on what each format is for.
pub fn description(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Html => "One self-contained page to read, share, or print.",
        ExportFormat::Pdf => "Pages to send as they are: real text, links, bookmarks (A4).",
        ExportFormat::Markdown => "The same report as text; renders on GitHub.",
        ExportFormat::Csv => "One row per claim, for spreadsheets.",
        ExportFormat::ClaimReview => {
            "schema.org markup for the published fact check (claims with a verdict)."
        }
        ExportFormat::WebAnnotation => "Every claim as a W3C annotation, for annotation tools.",
    }
}

/// Opens the dialog (on HTML, or on the format picked so far if it is already open).
pub fn open(f: &mut Frame) {
    let format = match f.state.modal {
        Some(UiModal::Export(format)) => format,
        _ => ExportFormat::Html,
    };
    f.state.modal = Some(UiModal::Export(format));
}

/// Shows the dialog while it is open.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let Some(UiModal::Export(mut format)) = f.state.modal else {
        return;
    };
    let app = f.app;
    let mut go = false;
    let mut cancel = false;
    let mut timeline_choice = None;
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading("Export the review");
        ui.add_space(6.0);
        for f in ExportFormat::ALL {
            ui.radio_value(&mut format, f, f.label());
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                ui.add(egui::Label::new(egui::RichText::new(description(f)).weak()).wrap());
            });
            ui.add_space(2.0);
        }
        if matches!(
            format,
            ExportFormat::Html | ExportFormat::Markdown | ExportFormat::Pdf
        ) {
            let mut timeline = app.settings.export_timeline;
            let label = "Include each claim's timeline (who changed it, when, why)";
            if ui.checkbox(&mut timeline, label).changed() {
                timeline_choice = Some(timeline);
            }
        }
        let remarks = notes(open.review(), format);
        if !remarks.is_empty() {
            ui.add_space(6.0);
            for remark in remarks {
                ui.colored_label(ui.visuals().warn_fg_color, remark);
            }
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Choose file and export…").clicked() {
                go = true;
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            go = true;
        }
    });
    f.state.modal = Some(UiModal::Export(format));
    if let Some(on) = timeline_choice {
        f.push(ExportCommand::SetTimeline(on));
    }
    if go {
        f.state.modal = None;
        f.push(ExportCommand::Start(format));
    } else if cancel || modal.should_close() {
        f.state.modal = None;
    }
}
