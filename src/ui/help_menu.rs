//! The Go menu (the review keys J, K, U, S, with their keys shown) and Help → Keyboard
//! shortcuts (F1): a window listing every key from the one table in [`crate::ui::key_help`].

use egui::Key;

use crate::ui::Frame;
use crate::ui::key_help::key_rows;
use crate::ui::review_keys::REVIEW_KEYS;

/// Adds the Go and Help menus to the menu bar.
pub fn menus(ui: &mut egui::Ui, f: &mut Frame) {
    let has_doc = f.app.doc.is_some();
    ui.menu_button("Go", |ui| {
        for k in &REVIEW_KEYS {
            let button = egui::Button::new(k.action).shortcut_text(k.key.name());
            if ui.add_enabled(has_doc, button).clicked() {
                f.push((k.command)());
            }
        }
    });
    ui.menu_button("Help", |ui| {
        let button = egui::Button::new("Keyboard shortcuts").shortcut_text("F1");
        if ui.add(button).clicked() {
            f.state.shortcuts_open = true;
        }
    });
}

/// F1 opens or closes the shortcuts window; draws it while open.
pub fn shortcuts_window(ui: &mut egui::Ui, f: &mut Frame) {
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::F1)) {
        f.state.shortcuts_open = !f.state.shortcuts_open;
    }
    let mut open = f.state.shortcuts_open;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("shortcut_rows")
                    .num_columns(2)
                    .striped(true)
                    .spacing([16.0, 6.0])
                    .show(ui, |ui| {
                        for row in key_rows() {
                            ui.strong(row.keys);
                            ui.add(egui::Label::new(row.action).wrap());
                            ui.end_row();
                        }
                    });
            });
        });
    f.state.shortcuts_open = open;
}
