//! The start screen shown with no review open: open a file, the sample, or a recent file.

use crate::app::files::FileCommand;
use crate::ui::Frame;

/// Draws the start screen.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let wb = f.app;
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.12).min(120.0));
        ui.heading(egui::RichText::new("Claimdesk").size(32.0).strong());
        ui.label("Mark the claims in an article as asserted, disputed or under investigation.");
        ui.add_space(24.0);
        if ui
            .add(
                egui::Button::new("Open a review or an article…").min_size(egui::vec2(260.0, 32.0)),
            )
            .clicked()
        {
            f.push(FileCommand::OpenDialog);
        }
        ui.add_space(6.0);
        if ui
            .add(egui::Button::new("Open sample article").min_size(egui::vec2(260.0, 32.0)))
            .clicked()
        {
            f.push(FileCommand::OpenSample);
        }
        ui.add_space(6.0);
        ui.weak("…or drop a .txt, .md or .claimdesk file on this window.");
        ui.add_space(24.0);
        if !wb.settings.recent_files.is_empty() {
            ui.strong("Recent files");
            for path in wb.settings.recent_files.clone() {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .link(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    f.push(FileCommand::Open(path));
                }
            }
        }
    });
}
