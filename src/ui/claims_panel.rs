//! The claims panel: counts and legend with status filters, the list of claims in text order,
//! and the editor of the selected claim.

use claimdesk_model::{Claim, ClaimStatus};
use egui::{Rect, Sense, pos2, vec2};

use crate::app::OpenReview;
use crate::app::open_review::claims_list::ListCommand;
use crate::app::open_review::navigation::SelectCommand;
use crate::ui::Frame;
use crate::ui::{bidi_layout, claim_editor, claims_list_keys, claims_pick, list_entry, theme};

/// Height of one entry of the list.
const ROW_HEIGHT: f32 = 46.0;

/// Draws the panel.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    if crate::ui::suggestions_panel::tabs(ui, f, open) {
        return;
    }
    let review = open.review();
    let list = &open.claims_list;
    let counts = list.counts();
    let dark = ui.visuals().dark_mode;
    ui.add_space(4.0);
    ui.heading(format!("Claims ({})", review.claims().len()));
    ui.label("Legend and filter:");
    for status in ClaimStatus::ALL {
        ui.horizontal(|ui| {
            let idx = status as usize;
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
            theme::paint_swatch(ui.painter(), rect, status, dark);
            let mut shown = list.shows_status(status);
            let resp = ui
                .checkbox(&mut shown, format!("{}: {}", status.label(), counts[idx]))
                .on_hover_text(format!(
                    "Show {} claims in the list",
                    status.label().to_lowercase()
                ));
            if resp.changed() {
                f.push(ListCommand::SetStatusFilter(status, shown));
            }
        });
    }
    let orphans = list.orphans();
    if orphans > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("{orphans} orphaned (quote not found in the text)"),
        );
    }
    ui.separator();

    let visible = list.rows();
    crate::ui::claims_search_box::show(ui, f, list.query(), (visible.len(), review.claims().len()));
    let view = &open.view;
    let editor_open = view
        .selected_claim
        .as_ref()
        .is_some_and(|id| review.claim(id).is_some());
    let list_height = if editor_open {
        (ui.available_height() * 0.45).max(ROW_HEIGHT * 2.0)
    } else {
        ui.available_height()
    };
    if review.claims().is_empty() {
        ui.weak("No claims yet. Select text in the article and press A, D or I.");
    } else if visible.is_empty() {
        ui.weak("No claims match the statuses ticked and the search above.");
    }
    let mut clicked = None;
    let scrolled = egui::ScrollArea::vertical()
        .id_salt("claims_list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, visible.len(), |ui, range| {
            let selected = view.selected_claim.as_ref();
            let rows = (visible, &range);
            crate::ui::claims_list_follow::follow_selection(ui, review, selected, rows, ROW_HEIGHT);
            for &i in &visible[range] {
                let claim = &review.claims()[i];
                let selected = claims_pick::is_picked(view, &claim.id);
                if list_row(ui, claim, selected, dark).clicked() {
                    clicked = Some(i);
                }
            }
        });
    let keys = claims_list_keys::focus_target(ui, f, scrolled.inner_rect);
    if clicked.is_some() {
        keys.request_focus();
    }
    claims_list_keys::read(ui, f, &keys, open, visible);
    let modifiers = claims_pick::click_modifiers(ui);
    let pick = clicked
        .and_then(|i| claims_pick::click(review, view, visible, i, modifiers))
        .or_else(|| claims_pick::select_all(ui, review, visible));
    if let Some(pick) = pick {
        f.push(pick);
    } else if let Some(i) = clicked {
        let claim = &review.claims()[i];
        f.push(SelectCommand::Claim(Some(claim.id.clone())));
        f.push(SelectCommand::Text(None));
        if !claim.orphaned {
            f.push(SelectCommand::ScrollTo(claim.span.start));
        }
    }
    if editor_open {
        ui.separator();
        claim_editor::show(ui, f, open);
    }
}

/// One entry: a status swatch and label, the claimant, and the quote on one line.
fn list_row(ui: &mut egui::Ui, claim: &Claim, selected: bool, dark: bool) -> egui::Response {
    let label = format!("{}: {}", claim.status.label(), claim.quote);
    let (rect, resp, painter) = list_entry::allocate(ui, ROW_HEIGHT, &label, selected);
    let Some(painter) = painter else {
        return resp;
    };
    let visuals = ui.visuals();
    let swatch = Rect::from_min_size(rect.min + vec2(4.0, 6.0), vec2(18.0, 14.0));
    theme::paint_swatch(&painter, swatch, claim.status, dark);
    let mut head = claim.status.label().to_owned();
    if claim.orphaned {
        head.push_str(" · ORPHAN");
    }
    if !claim.claimant.is_empty() {
        head.push_str(" · ");
        head.push_str(&claim.claimant);
    }
    let text_x = swatch.right() + 8.0;
    let max_w = rect.right() - text_x - 4.0;
    let small = list_entry::text_job(head, 12.0, visuals.weak_text_color(), max_w, 1);
    let quote = list_entry::text_job(
        claim.quote.replace('\n', " "),
        14.0,
        visuals.text_color(),
        max_w,
        1,
    );
    let small = bidi_layout::galley(ui, small);
    let quote = bidi_layout::galley(ui, quote);
    painter.galley(pos2(text_x, rect.top() + 5.0), small, visuals.text_color());
    painter.galley(pos2(text_x, rect.top() + 23.0), quote, visuals.text_color());
    resp
}
