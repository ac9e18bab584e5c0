//! The window's layout: menu and toolbar on top, find bar, status bar, claims panel on the
//! right, the article in the middle; or the start screen when no review is open. The open
//! review is unwrapped here, once, and handed to the panels that draw it.

use crate::app::OpenReview;
use crate::ui::{
    Frame, analyst_question, claims_panel, export_dialog, find_bar, menu_bar, notices,
    question_dialog, review_details, start_screen, status_bar, update_dialog,
};

/// Draws every panel of one frame.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let open = f.app.review();
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::show(ui, f, open));
    if let Some(open) = open {
        review_panels(ui, f, open);
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::show(ui, f, open));
    if let Some(open) = open {
        egui::Panel::right("claims_panel")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=600.0)
            .show(ui, |ui| {
                checked_before_section(ui, f, open);
                claims_panel::show(ui, f, open);
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        notices::show(ui, f);
        analyst_question::show(ui, f);
        match open {
            Some(open) => article(ui, f, open),
            None => start_screen::show(ui, f),
        }
    });
    question_dialog::show(ui, f);
    if let Some(open) = open {
        review_details::show(ui, f, open);
        export_dialog::show(ui, f, open);
        update_dialog::show(ui, f, open);
        crate::ui::compare_window::show(ui, f, open);
    } else {
        f.state.modal = None;
    }
    crate::ui::library_window::show(ui, f);
    crate::ui::help_menu::shortcuts_window(ui, f);
}

/// The bars above the article: find, and a merged review's conflicts.
fn review_panels(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    if let Some(find) = &open.find {
        egui::Panel::top("find_bar").show(ui, |ui| find_bar::show(ui, f, find));
    }
    if !open.review().conflicts.is_empty() {
        egui::Panel::top("conflicts").show(ui, |ui| crate::ui::conflicts_panel::show(ui, f, open));
    }
}

/// The article's title and source, and the article view.
fn article(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let review = open.review();
    ui.horizontal(|ui| {
        ui.add_space(8.0);
        crate::ui::bidi_layout::heading(ui, &review.article.title);
    });
    if !review.article.source.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            ui.weak(&review.article.source);
        });
    }
    ui.separator();
    let mut commands = Vec::new();
    let view = f.state.article_view_for(open);
    let id = view.show(ui, open, &mut commands);
    if f.app.suggestions.shown {
        view.show_suggestions(ui, open, &mut commands);
    }
    if let Some(comparison) = &open.comparison {
        view.show_comparison(ui, review, comparison);
    }
    f.state.article_id = Some(id);
    f.extend(commands);
}

/// The "Checked before" matches at the bottom of the claims column: two fifths of it at first,
/// then as the user resizes it. With no match to show (nothing selected, an empty archive, no
/// match) it shrinks to its one or two lines, leaving the room to the list and the editor.
fn checked_before_section(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let has_matches = open
        .checked_before
        .hits
        .as_ref()
        .is_some_and(|hits| !hits.is_empty());
    if !has_matches {
        egui::Panel::bottom("checked_before_compact")
            .resizable(false)
            .show(ui, |ui| crate::ui::checked_before::show(ui, f, open));
        return;
    }
    let height = (ui.available_height() * 0.4).clamp(120.0, 320.0);
    egui::Panel::bottom("checked_before")
        .resizable(true)
        .default_size(height)
        .size_range(80.0..=520.0)
        .show(ui, |ui| {
            // A panel shrinks to its content: fill it, so it keeps its size between matches.
            ui.set_min_height(ui.available_height());
            crate::ui::checked_before::show(ui, f, open);
        });
}
