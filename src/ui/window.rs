//! The window's layout: menu and toolbar on top, find bar, status bar, claims panel on the
//! right, the article in the middle; or the start screen when no review is open.

use crate::app::Workbench;
use crate::app::commands::Command;
use crate::ui::article_view::ViewRequest;
use crate::ui::{
    claims_panel, external_change_dialog, find_bar, menu_bar, notices, recovery_dialog,
    start_screen, status_bar, unsaved_dialog,
};

/// Draws every panel of one frame.
pub fn show(ui: &mut egui::Ui, wb: &mut Workbench) {
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::show(ui, wb));
    if wb.doc.is_some() && wb.find.is_some() {
        egui::Panel::top("find_bar").show(ui, |ui| find_bar::show(ui, wb));
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::show(ui, wb));
    if wb.doc.is_some() {
        egui::Panel::right("claims_panel")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=600.0)
            .show(ui, |ui| claims_panel::show(ui, wb));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        notices::show(ui, &mut wb.notices);
        if let Some(doc) = &mut wb.doc {
            {
                ui.horizontal(|ui| {
                    ui.add_space(8.0);
                    ui.heading(&doc.review.article.title);
                });
                if !doc.review.article.source.is_empty() {
                    ui.horizontal(|ui| {
                        ui.add_space(8.0);
                        ui.weak(&doc.review.article.source);
                    });
                }
                ui.separator();
                let mut requests = Vec::new();
                doc.view.show(
                    ui,
                    &doc.review,
                    doc.generation,
                    &mut wb.view_state,
                    &mut requests,
                );
                for request in requests {
                    match request {
                        ViewRequest::Mark(status) => wb.commands.push(Command::Mark(status)),
                        ViewRequest::DeleteSelectedClaim => {
                            if let Some(id) = wb.view_state.selected_claim.clone() {
                                wb.commands.push(Command::DeleteClaim(id));
                            }
                        }
                    }
                }
            }
        } else {
            start_screen::show(ui, wb);
        }
    });
    unsaved_dialog::show(ui, wb);
    external_change_dialog::show(ui, wb);
    recovery_dialog::show(ui, wb);
    crate::ui::review_details::show(ui, wb);
    crate::ui::export_dialog::show(ui, wb);
    crate::ui::update_dialog::show(ui, wb);
}
