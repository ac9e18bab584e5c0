//! "Restore unsaved work?" after a crash: Enter restores, Esc discards.

use crate::app::commands::{Command, RecoveryChoice};
use crate::ui::Frame;

/// Shows the offer while there is one.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let wb = f.app;
    let Some(found) = wb.recovery_offer() else {
        return;
    };
    let header = &found.header;
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery_offer")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading("Restore unsaved work?");
        ui.add_space(6.0);
        ui.label(format!(
            "Claimdesk did not close normally. Unsaved changes to {} were kept from {}.",
            header.name, header.written
        ));
        if let Some(path) = &header.review_path {
            ui.weak(format!("Review file: {}", path.display()));
        } else if let Some(path) = &header.article_path {
            ui.weak(format!("Article: {}", path.display()));
        }
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button("Restore  (Enter)").clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if ui.button("Discard  (Esc)").clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            choice = Some(RecoveryChoice::Restore);
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            choice = Some(RecoveryChoice::Discard);
        }
    });
    if let Some(choice) = choice {
        f.push(Command::Recovery(choice));
    }
}
