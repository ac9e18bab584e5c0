//! The claims list follows the selected claim: when the selection changes (J / K / U, a click
//! in the article) to a claim whose row is out of view, the list scrolls to it. Rows the user
//! scrolled away from stay where they are until the selection changes again.

use std::ops::Range;

use claimdesk_model::{ClaimId, Review};
use egui::{Rect, pos2, vec2};

/// Called first thing inside the list's `show_rows` (so the cursor is at the first row of
/// `range`): scrolls the list to the selected claim's row if the selection changed since the
/// last frame and that row is not among the visible ones. `visible` holds the review indices
/// of the claims the list shows, `row_height` the height `show_rows` was given.
pub fn follow_selection(
    ui: &mut egui::Ui,
    review: &Review,
    selected: Option<&ClaimId>,
    (visible, range): (&[usize], &Range<usize>),
    row_height: f32,
) {
    let id = ui.scope_id().with("followed_claim");
    let now = selected.cloned();
    let before: Option<ClaimId> = ui.data(|d| d.get_temp(id));
    if now == before {
        return;
    }
    ui.data_mut(|d| d.insert_temp(id, now.clone()));
    let Some(row) =
        selected.and_then(|sel| visible.iter().position(|&i| review.claims()[i].id == *sel))
    else {
        return;
    };
    if range.contains(&row) {
        return;
    }
    let spacing = ui.spacing().item_spacing.y;
    let top = ui.cursor().top() + (row as f32 - range.start as f32) * (row_height + spacing);
    let rect = Rect::from_min_size(pos2(ui.cursor().left(), top), vec2(1.0, row_height));
    ui.scroll_to_rect(rect, Some(egui::Align::Center));
}
