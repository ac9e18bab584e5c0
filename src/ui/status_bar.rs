//! The status bar: the latest confirmation, what is selected, and what the keys do.

use crate::app::OpenReview;
use crate::app::notices::Level;
use crate::ui::Frame;

/// Draws the status bar.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: Option<&OpenReview>) {
    let wb = f.app;
    let info = wb
        .notices
        .items
        .iter()
        .rev()
        .find(|n| n.level == Level::Info)
        .map(|n| n.text.clone());
    let hint = hint(open);
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        // The right side first, so the messages on the left get what is left and are cut
        // with "…" instead of running under it.
        if let Some(open) = open {
            let doc = open.doc();
            let n = doc.review().article.char_len();
            let dirty = doc.is_dirty();
            let encoding = doc.import().map(|i| i.encoding_label());
            ui.weak(format!("{n} characters"));
            if let Some(label) = encoding {
                ui.separator();
                ui.menu_button(label, |ui| {
                    crate::ui::update_dialog::encoding_menu(ui, f, open)
                })
                .response
                .on_hover_text("The article file's encoding: click to read it with another");
            }
            if dirty {
                ui.separator();
                ui.label("Unsaved changes");
            }
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            if let Some(job) = wb.export_running() {
                ui.spinner();
                let file = job.path.file_name().unwrap_or(job.path.as_os_str());
                ui.label(format!(
                    "Writing the {} to {}…",
                    job.format.label(),
                    file.to_string_lossy()
                ));
                ui.separator();
            }
            if let Some(info) = info {
                ui.add(egui::Label::new(info).truncate());
                ui.separator();
            }
            ui.add(egui::Label::new(egui::RichText::new(hint).weak()).truncate());
        });
    });
}

/// What the keys do right now.
fn hint(open: Option<&OpenReview>) -> String {
    let Some(open) = open else {
        return "No review open".to_owned();
    };
    let state = &open.view;
    if state.bulk() {
        return format!(
            "{} claims picked — A / D / I change all their statuses, Del removes them, Esc deselects",
            state.picked_claims.len()
        );
    }
    match (
        state.selection.filter(|s| !s.is_empty()),
        &state.selected_claim,
    ) {
        (Some(sel), _) => {
            let (a, b) = sel.range();
            format!(
                "{} characters selected — press A (asserted), D (disputed) or I (under investigation)",
                b - a
            )
        }
        (None, Some(_)) => {
            "Claim selected — A / D / I change its status, Del removes it, Esc deselects".to_owned()
        }
        (None, None) if state.selected_suggestion.is_some() => {
            "Suggestion selected — A / D / I mark the sentence, X dismisses it, N goes to the next"
                .to_owned()
        }
        (None, None) => {
            "Select the text of a claim: drag, double-click a word, or Ctrl+F to find it".to_owned()
        }
    }
}
