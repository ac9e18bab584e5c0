//! Edit → Your name: who is working, written into each claim's history of changes. Set by the
//! analyst here; Claimdesk never guesses it from the system.

use egui::TextEdit;

use crate::app::team::TeamCommand;
use crate::ui::Frame;

/// The submenu with the name and short id fields; each edit is remembered at once.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let current = &f.app.settings.analyst;
    let title = if current.is_unset() {
        "Your name… (not set)".to_owned()
    } else {
        format!("Your name: {}", current.label())
    };
    let mut analyst = current.clone();
    ui.menu_button(title, |ui| {
        ui.label("Written into the history of each status or verdict you change.");
        ui.horizontal(|ui| {
            ui.label("Name:");
            ui.add(TextEdit::singleline(&mut analyst.name).hint_text("Ana Duarte"));
        });
        ui.horizontal(|ui| {
            ui.label("Short id:");
            ui.add(TextEdit::singleline(&mut analyst.short_id).hint_text("AD (optional)"));
        });
    });
    if &analyst != current {
        f.push(TeamCommand::SetAnalyst(analyst));
    }
}
