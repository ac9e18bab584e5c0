//! The status bar: the latest confirmation, what is selected, and what the keys do.

use crate::app::Workbench;
use crate::app::notices::Level;

/// Draws the status bar.
pub fn show(ui: &mut egui::Ui, wb: &mut Workbench) {
    ui.horizontal(|ui| {
        if let Some(info) = wb.notices.items.iter().rev().find(|n| n.level == Level::Info) {
            ui.label(&info.text);
            ui.separator();
        }
        let Some(doc) = &wb.doc else {
            ui.weak("No review open");
            return;
        };
        let state = &wb.view_state;
        match (state.selection.filter(|s| !s.is_empty()), &state.selected_claim) {
            (Some(sel), _) => {
                let (a, b) = sel.range();
                ui.label(format!(
                    "{} characters selected — press A (asserted), D (disputed) or I (under investigation)",
                    b - a
                ));
            }
            (None, Some(_)) => {
                ui.label("Claim selected — A / D / I change its status, Del removes it, Esc deselects");
            }
            (None, None) => {
                ui.weak("Select the text of a claim: drag, double-click a word, or Ctrl+F to find it");
            }
        }
        let n = doc.review.article.char_len();
        let dirty = doc.is_dirty();
        let encoding = doc.import.as_ref().map(|i| i.encoding_label());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(format!("{n} characters"));
            if let Some(label) = encoding {
                ui.separator();
                ui.menu_button(label, |ui| crate::ui::update_dialog::encoding_menu(ui, wb))
                    .response
                    .on_hover_text("The article file's encoding: click to read it with another");
            }
            if dirty {
                ui.label("Unsaved changes");
            }
        });
    });
}
