//! The find bar: type to search the article, Enter selects the next match, Esc closes.

use egui::{Key, TextEdit};

use crate::app::Workbench;

/// Draws the find bar and handles its keys.
pub fn show(ui: &mut egui::Ui, wb: &mut Workbench) {
    let (Some(find), Some(doc)) = (&mut wb.find, &wb.doc) else {
        return;
    };
    let mut close = false;
    let mut step = None;
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let edit = TextEdit::singleline(&mut find.query)
            .hint_text("text in the article")
            .desired_width(280.0);
        let resp = ui.add(edit).labelled_by(label.id);
        if find.focus_requested {
            resp.request_focus();
            find.focus_requested = false;
        }
        find.update(doc.review.article.text());
        // A single-line edit gives up focus on Enter; take it back so Enter repeats.
        if resp.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Enter)) {
                step = Some(!ui.input(|i| i.modifiers.shift));
                resp.request_focus();
            } else if ui.input(|i| i.key_pressed(Key::Escape)) {
                close = true;
            }
        }
        if resp.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            close = true;
        }
        if ui.button("Previous").clicked() {
            step = Some(false);
        }
        if ui.button("Next").clicked() {
            step = Some(true);
        }
        let status = match (find.matches.len(), find.current) {
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
    if let Some(forward) = step
        && let Some((a, b)) = find.next(forward)
    {
        wb.view_state.selection = Some(crate::ui::article_view::Selection { anchor: a, head: b });
        wb.view_state.selected_claim = None;
        wb.view_state.scroll_to = Some(a);
    }
    if close {
        wb.find = None;
    }
}
