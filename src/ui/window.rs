//! The window's layout: menu and toolbar on top, find bar, status bar, claims panel on the
//! right, the article in the middle; or the start screen when no review is open.

use crate::ui::{
    Frame, analyst_question, claims_panel, export_dialog, external_change_dialog, find_bar,
    menu_bar, notices, recovery_dialog, review_details, save_refused_dialog, start_screen,
    status_bar, unsaved_dialog, update_dialog,
};

/// Draws every panel of one frame.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let app = f.app;
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::show(ui, f));
    if app.doc.is_some() && app.find.is_some() {
        egui::Panel::top("find_bar").show(ui, |ui| find_bar::show(ui, f));
    }
    if app
        .doc
        .as_ref()
        .is_some_and(|d| !d.review.conflicts.is_empty())
    {
        egui::Panel::top("conflicts").show(ui, |ui| crate::ui::conflicts_panel::show(ui, f));
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::show(ui, f));
    if app.doc.is_some() {
        egui::Panel::right("claims_panel")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=600.0)
            .show(ui, |ui| {
                checked_before_section(ui, f);
                claims_panel::show(ui, f);
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        notices::show(ui, f);
        analyst_question::show(ui, f);
        if app.doc.is_some() {
            article(ui, f);
        } else {
            start_screen::show(ui, f);
        }
    });
    unsaved_dialog::show(ui, f);
    external_change_dialog::show(ui, f);
    save_refused_dialog::show(ui, f);
    recovery_dialog::show(ui, f);
    review_details::show(ui, f);
    export_dialog::show(ui, f);
    update_dialog::show(ui, f);
    crate::ui::library_window::show(ui, f);
    crate::ui::compare_window::show(ui, f);
    crate::ui::help_menu::shortcuts_window(ui, f);
}

/// The article's title and source, and the article view.
fn article(ui: &mut egui::Ui, f: &mut Frame) {
    let Some(doc) = &f.app.doc else {
        return;
    };
    ui.horizontal(|ui| {
        ui.add_space(8.0);
        crate::ui::bidi_layout::heading(ui, &doc.review.article.title);
    });
    if !doc.review.article.source.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            ui.weak(&doc.review.article.source);
        });
    }
    ui.separator();
    let mut commands = Vec::new();
    let view = f.state.article_view_for(doc);
    let id = view.show(
        ui,
        &doc.review,
        doc.generation,
        &f.app.view_state,
        &mut commands,
    );
    if f.app.suggestions.shown {
        let state = &f.app.view_state;
        view.show_suggestions(ui, &doc.review, &f.app.suggestions, state, &mut commands);
    }
    if let Some(comparison) = &f.app.comparison {
        view.show_comparison(ui, &doc.review, comparison);
    }
    f.state.article_id = Some(id);
    f.extend(commands);
}

/// The "Checked before" matches at the bottom of the claims column: two fifths of it at first,
/// then as the user resizes it. With no match to show (nothing selected, an empty archive, no
/// match) it shrinks to its one or two lines, leaving the room to the list and the editor.
fn checked_before_section(ui: &mut egui::Ui, f: &mut Frame) {
    let has_matches = f
        .app
        .checked_before
        .hits
        .as_ref()
        .is_some_and(|hits| !hits.is_empty());
    if !has_matches {
        egui::Panel::bottom("checked_before_compact")
            .resizable(false)
            .show(ui, |ui| crate::ui::checked_before::show(ui, f));
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
            crate::ui::checked_before::show(ui, f);
        });
}
