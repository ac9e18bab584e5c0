//! The find bar: type to search the article, Enter selects the next match, Esc closes.

use egui::{Key, TextEdit};

use crate::app::open_review::find::{FindBar, FindCommand};
use crate::app::open_review::navigation::Direction;
use crate::ui::Frame;

/// Opens the find bar (or, if open, gives its field the keyboard again).
pub fn open(f: &mut Frame) {
    f.push(FindCommand::Open);
    f.state.find_focus = true;
}

/// Draws the find bar and handles its keys.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, find: &FindBar) {
    let mut query = find.query.clone();
    let mut close = false;
    let mut step = None;
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let edit = TextEdit::singleline(&mut query)
            .hint_text("text in the article")
            .desired_width(280.0);
        let resp = ui.add(edit).labelled_by(label.id);
        if std::mem::take(&mut f.state.find_focus) {
            resp.request_focus();
        }
        if resp.changed() {
            f.push(FindCommand::SetQuery(query.clone()));
        }
        // A single-line edit gives up focus on Enter; take it back so Enter repeats.
        if resp.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Enter)) {
                step = Some(if ui.input(|i| i.modifiers.shift) {
                    Direction::Backward
                } else {
                    Direction::Forward
                });
                resp.request_focus();
            } else if ui.input(|i| i.key_pressed(Key::Escape)) {
                close = true;
            }
        }
        if resp.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            close = true;
        }
        if ui.button("Previous").clicked() {
            step = Some(Direction::Backward);
        }
        if ui.button("Next").clicked() {
            step = Some(Direction::Forward);
        }
        let status = match (find.matches.len(), find.current) {
            _ if find.query != query => String::new(),
            (_, _) if find.query.is_empty() => String::new(),
            (0, _) => "No matches".to_owned(),
            (n, Some(i)) => format!("{} of {n}", i + 1),
            (n, None) => format!("{n} matches"),
        };
        ui.label(status);
        if ui.button("Close").on_hover_text("Esc").clicked() {
            close = true;
        }
    });
    if let Some(direction) = step {
        f.push(FindCommand::Step(direction));
    }
    if close {
        f.push(FindCommand::Close);
    }
}
