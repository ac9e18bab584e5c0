//! The Go menu (the review keys J, K, U, S, with their keys shown) and Help → Keyboard
//! shortcuts (F1): a window listing every key from the one table in [`crate::ui::key_help`].

use egui::Key;

use crate::ui::Frame;
use crate::ui::key_help::key_rows;
use crate::ui::review_keys::REVIEW_KEYS;

/// Adds the Go and Help menus to the menu bar.
pub fn menus(ui: &mut egui::Ui, f: &mut Frame) {
    let has_doc = f.app.review().is_some();
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
        .default_size([620.0, 460.0])
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for row in key_rows() {
                    key_row(ui, &row.keys, &row.action);
                }
            });
        });
    f.state.shortcuts_open = open;
}

/// One row: the keys in a fixed-width column, what they do beside them (both wrap).
fn key_row(ui: &mut egui::Ui, keys: &str, action: &str) {
    const KEYS_WIDTH: f32 = 210.0;
    ui.horizontal_top(|ui| {
        let layout = egui::Layout::top_down(egui::Align::LEFT);
        ui.allocate_ui_with_layout(egui::vec2(KEYS_WIDTH, 0.0), layout, |ui| {
            ui.set_width(KEYS_WIDTH);
            ui.add(egui::Label::new(egui::RichText::new(keys).strong()).wrap());
        });
        ui.add(egui::Label::new(action).wrap());
    });
    ui.add_space(4.0);
}
