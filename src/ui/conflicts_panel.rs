//! The merge conflicts of the open review (issue 11), in a bar above the article while any are
//! left: each with both values and who set them, and Take ours / Take theirs / Edit (select the
//! claim, then Keep as edited). Each choice is one undo step.

use claimdesk_model::merge_conflict::MergeConflict;
use claimdesk_team::merge::Take;

use crate::app::commands::Command;
use crate::ui::Frame;

/// Draws the bar if the review has conflicts.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let Some(doc) = &f.app.doc else {
        return;
    };
    let conflicts = &doc.review.conflicts;
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("{} merge conflicts to resolve", conflicts.len()),
        );
        ui.weak("The review holds our value until you choose.");
    });
    egui::ScrollArea::vertical()
        .id_salt("conflicts")
        .max_height(140.0)
        .show(ui, |ui| {
            for (n, c) in conflicts.iter().enumerate() {
                row(ui, f, n, c, &mut commands);
            }
        });
    f.extend(commands);
}

fn row(ui: &mut egui::Ui, f: &Frame, n: usize, c: &MergeConflict, commands: &mut Vec<Command>) {
    let review = &f.app.doc.as_ref().expect("shown with a review").review;
    let claim = c.claim.as_ref().and_then(|id| review.claim(id));
    ui.horizontal_wrapped(|ui| {
        match claim {
            Some(claim) => {
                let quote = claimdesk_model::text::shorten(&claim.quote, 40);
                crate::ui::bidi_layout::inline_label(ui, &format!("“{quote}”"));
            }
            None if c.claim.is_none() => {} // `describe` names the article
            None => {
                ui.label("(claim gone)");
            }
        }
        ui.label(c.describe());
        if c.claim.is_none() {
            // Their text is kept as an earlier version; the review keeps ours until their text
            // is taken through the article-update review (claims re-anchored).
            if ui.button("Keep our text").clicked() {
                commands.push(Command::ResolveConflict(n, Take::AsIs));
            }
            if ui
                .button("Take their text…")
                .on_hover_text("Re-anchor every claim on their text, and review the outcome")
                .clicked()
            {
                commands.push(Command::ResolveConflict(n, Take::Theirs));
            }
            return;
        }
        if ui.button("Take ours").clicked() {
            commands.push(Command::ResolveConflict(n, Take::Ours));
        }
        if ui.button("Take theirs").clicked() {
            commands.push(Command::ResolveConflict(n, Take::Theirs));
        }
        if let Some(claim) = claim {
            let editing = f.app.view_state.selected_claim.as_ref() == Some(&claim.id);
            if editing {
                if ui
                    .button("Keep as edited")
                    .on_hover_text("Keep the value the claim editor shows now")
                    .clicked()
                {
                    commands.push(Command::ResolveConflict(n, Take::AsIs));
                }
            } else if ui.button("Edit").clicked() {
                commands.push(Command::SelectClaim(Some(claim.id.clone())));
                commands.push(Command::ScrollTo(claim.span.start));
            }
        }
    });
}
