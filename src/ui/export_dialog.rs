//! File → Export…: pick a report format, then where to save it (the native save dialog).

use claimdesk_core::export::{ExportFormat, notes};

use crate::app::Workbench;
use crate::app::commands::Command;

/// One line on what each format is for.
pub fn description(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Html => "One self-contained page to read, share, or print to PDF.",
        ExportFormat::Markdown => "The same report as text; renders on GitHub.",
        ExportFormat::Csv => "One row per claim, for spreadsheets.",
        ExportFormat::ClaimReview => {
            "schema.org markup for the published fact check (claims with a verdict)."
        }
        ExportFormat::WebAnnotation => "Every claim as a W3C annotation, for annotation tools.",
    }
}

/// Opens the dialog, remembering nothing from last time but the format.
pub fn open(wb: &mut Workbench) {
    if wb.doc.is_some() {
        wb.export_dialog = Some(wb.export_dialog.unwrap_or(ExportFormat::Html));
    }
}

/// Shows the dialog while it is open.
pub fn show(ui: &mut egui::Ui, wb: &mut Workbench) {
    let Some(doc) = &wb.doc else {
        wb.export_dialog = None;
        return;
    };
    let Some(mut format) = wb.export_dialog else {
        return;
    };
    let mut go = false;
    let mut cancel = false;
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
        let remarks = notes(&doc.review, format);
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
    wb.export_dialog = Some(format);
    if go {
        wb.export_dialog = None;
        wb.push(Command::Export(format));
    } else if cancel || modal.should_close() {
        wb.export_dialog = None;
    }
}
