//! The claims list from the keyboard (issue 10): Tab (or a click on a row) gives the list the
//! keyboard; Up and Down move the selected claim through the rows the list shows (Home and End
//! to the first and last), showing each in the article as a click would; Enter gives the
//! article the keyboard with the caret at the selected claim's start; F2 puts the keyboard in
//! the claim editor's verdict field. While the list has the keyboard the status keys, J/K/U
//! and Delete act as in the article.

use egui::{Key, Rect, Sense};

use crate::app::open_review::navigation::SelectCommand;
use crate::app::{OpenReview, Selection};
use crate::ui::Frame;

/// Makes the list's area (`rect`) one focusable widget, named for screen readers, and returns
/// its response. Rows stay clickable: this widget senses focus only.
pub fn focus_target(ui: &mut egui::Ui, f: &mut Frame, rect: Rect) -> egui::Response {
    let id = ui.make_persistent_id("claims_list_keys");
    f.state.claims_list_id = Some(id);
    let resp = ui.interact(rect, id, Sense::focusable_noninteractive());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListBox, true, "Claims"));
    if resp.has_focus() {
        // The arrows move through the rows, not the keyboard focus.
        let arrows = egui::EventFilter {
            vertical_arrows: true,
            ..Default::default()
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(id, arrows));
        let stroke = ui.visuals().selection.stroke;
        ui.painter()
            .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
    }
    resp
}

/// Reads this frame's list keys while `list` has the keyboard; `rows` are the review indices
/// of the claims the list shows, in list order.
pub fn read(
    ui: &egui::Ui,
    f: &mut Frame,
    list: &egui::Response,
    open: &OpenReview,
    rows: &[usize],
) {
    if !list.has_focus() || rows.is_empty() {
        return;
    }
    let review = open.review();
    let current = open
        .view
        .selected_claim
        .as_ref()
        .and_then(|id| rows.iter().position(|&i| review.claims()[i].id == *id));
    let last = rows.len() - 1;
    let pressed = |key| ui.input(|i| i.modifiers.is_none() && i.key_pressed(key));
    let target = if pressed(Key::ArrowDown) {
        Some(current.map_or(0, |r| (r + 1).min(last)))
    } else if pressed(Key::ArrowUp) {
        Some(current.map_or(last, |r| r.saturating_sub(1)))
    } else if pressed(Key::Home) {
        Some(0)
    } else if pressed(Key::End) {
        Some(last)
    } else {
        None
    };
    if let Some(row) = target.filter(|&row| Some(row) != current) {
        let claim = &review.claims()[rows[row]];
        f.push(SelectCommand::Claim(Some(claim.id.clone())));
        f.push(SelectCommand::Text(None));
        if !claim.orphaned {
            f.push(SelectCommand::ScrollTo(claim.span.start));
        }
    }
    let Some(current) = current.map(|row| &review.claims()[rows[row]]) else {
        return;
    };
    if pressed(Key::Enter) && !current.orphaned {
        let start = current.span.start;
        f.push(SelectCommand::Text(Some(Selection {
            anchor: start,
            head: start,
        })));
        f.push(SelectCommand::ScrollTo(start));
        if let Some(article) = f.state.article_id {
            ui.memory_mut(|m| m.request_focus(article));
        }
    }
    if pressed(Key::F2) {
        f.state.focus_claim_editor = true;
    }
}
