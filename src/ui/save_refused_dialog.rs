//! "Could not save": the file system refused the save (a read-only folder, a full disk, a
//! removed drive). The review is still only in memory: offer to save it somewhere else.

use crate::app::commands::{Command, SaveRefusedChoice};
use crate::ui::Frame;

/// Shows the question while a failed save waits for an answer.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let Some(held) = f.app.save_refused_prompt() else {
        return;
    };
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("save_refused")).show(ui.ctx(), |ui| {
        ui.set_width(520.0);
        ui.heading("Could not save");
        ui.add_space(6.0);
        ui.label(egui::RichText::new(&held.reason).italics());
        ui.add_space(6.0);
        ui.label(
            "The file was not changed. Your work is still open here (and in the recovery \
             copy): save it to another place.",
        );
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui
                .button("Save as…")
                .on_hover_text("Pick another folder or name for this review")
                .clicked()
            {
                choice = Some(SaveRefusedChoice::SaveAs);
            }
            if ui.button("Not now").clicked() {
                choice = Some(SaveRefusedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(SaveRefusedChoice::Cancel);
    }
    if let Some(choice) = choice {
        f.push(Command::SaveRefused(choice));
    }
}
