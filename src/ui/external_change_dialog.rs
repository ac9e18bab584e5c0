//! "The file changed on disk": overwrite it, save this version elsewhere, or reload.

use crate::app::commands::{Command, ExternalChoice};
use crate::ui::Frame;

/// Shows the question while a save is held back.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let wb = f.app;
    let Some(held) = wb.external_change_prompt() else {
        return;
    };
    let name = held.path.file_name().map_or_else(
        || held.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("external_change")).show(ui.ctx(), |ui| {
        ui.set_width(480.0);
        ui.heading("The file changed on disk");
        ui.add_space(6.0);
        ui.label(format!(
            "{name} was changed by another program or person since you opened or saved it. \
             Saving now would replace their version."
        ));
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui
                .button("Overwrite")
                .on_hover_text("Replace the file with this version")
                .clicked()
            {
                choice = Some(ExternalChoice::Overwrite);
            }
            if ui
                .button("Save as…")
                .on_hover_text("Keep both: save this version under a new name")
                .clicked()
            {
                choice = Some(ExternalChoice::SaveAs);
            }
            if ui
                .button("Reload")
                .on_hover_text("Drop this version's changes and open the file")
                .clicked()
            {
                choice = Some(ExternalChoice::Reload);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ExternalChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(ExternalChoice::Cancel);
    }
    if let Some(choice) = choice {
        f.push(Command::ExternalChange(choice));
    }
}
