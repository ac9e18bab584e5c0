//! "Save changes?" before closing or opening another file: Save (Enter), Discard, Cancel (Esc).

use crate::app::Pending;
use crate::app::commands::{Command, UnsavedChoice};
use crate::ui::Frame;

/// Shows the prompt while an action waits on it.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let wb = f.app;
    let Some(pending) = wb.unsaved_prompt() else {
        return;
    };
    let name = wb
        .doc
        .as_ref()
        .map_or_else(String::new, |d| d.display_name());
    let action = match pending {
        Pending::Close => "closing".to_owned(),
        Pending::Open(p) => format!(
            "opening {}",
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ),
        Pending::OpenDialog | Pending::OpenSample => "opening another file".to_owned(),
        Pending::NewFromText(_) => "starting a review of the pasted text".to_owned(),
    };
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ui.ctx(), |ui| {
        ui.set_width(420.0);
        ui.heading("Unsaved changes");
        ui.add_space(6.0);
        ui.label(format!("Save the changes to {name} before {action}?"));
        ui.label("If you discard them, they are lost.");
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            choice = Some(UnsavedChoice::Save);
        }
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    if let Some(choice) = choice {
        f.push(Command::Unsaved(choice));
    }
}
