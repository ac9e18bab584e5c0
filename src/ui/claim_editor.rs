//! The editor of the selected claim: its quote, status, claimant and note, and Delete.

use claimdesk_core::ClaimStatus;
use egui::TextEdit;

use crate::app::Workbench;
use crate::app::commands::Command;
use crate::ui::theme;

/// Draws the editor for `wb.view_state.selected_claim`.
pub fn show(ui: &mut egui::Ui, wb: &mut Workbench) {
    let Some(doc) = &wb.doc else {
        return;
    };
    let Some(claim) = wb
        .view_state
        .selected_claim
        .as_ref()
        .and_then(|id| doc.review.claim(id))
    else {
        return;
    };
    let id = claim.id.clone();
    let dark = ui.visuals().dark_mode;
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("claim_editor")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong("Selected claim");
            egui::Frame::new()
                .fill(theme::status_fill(claim.status, dark))
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.add(egui::Label::new(format!("“{}”", claim.quote)).wrap());
                });
            if claim.orphaned {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "Orphan: this quote is no longer in the article text at exactly one place, \
                     so it is not highlighted. It is kept so nothing is lost.",
                );
            }
            ui.add_space(4.0);
            ui.label("Status:");
            ui.horizontal_wrapped(|ui| {
                for (status, key) in [
                    (ClaimStatus::Asserted, "A"),
                    (ClaimStatus::Disputed, "D"),
                    (ClaimStatus::UnderInvestigation, "I"),
                ] {
                    let text = format!("{} ({key})", status.label());
                    if ui.selectable_label(claim.status == status, text).clicked() {
                        commands.push(Command::SetStatus(id.clone(), status));
                    }
                }
            });
            ui.add_space(4.0);
            let label = ui.label("Claimant (who made the claim):");
            let mut claimant = claim.claimant.clone();
            let resp = ui
                .add(
                    TextEdit::singleline(&mut claimant)
                        .hint_text("e.g. Mohammed Besher, AIID")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if resp.changed() {
                commands.push(Command::SetClaimant(id.clone(), claimant));
            }
            let label = ui.label("Note:");
            let mut note = claim.note.clone();
            let resp = ui
                .add(
                    TextEdit::multiline(&mut note)
                        .hint_text("Why this status? What to check next?")
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if resp.changed() {
                commands.push(Command::SetNote(id.clone(), note));
            }
            ui.add_space(4.0);
            ui.weak(format!(
                "Chars {}–{} · created {} · modified {}",
                claim.span.start,
                claim.span.end,
                claim.created.as_str(),
                claim.modified.as_str()
            ));
            ui.add_space(4.0);
            if ui
                .button("Delete claim")
                .on_hover_text("Del — can be undone with Ctrl+Z")
                .clicked()
            {
                commands.push(Command::DeleteClaim(id.clone()));
            }
        });
    wb.commands.extend(commands);
}
