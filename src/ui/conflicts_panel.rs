//! The merge conflicts of the open review (issue 11), in a bar above the article while any are
//! left: each with both values and who set them, and Take ours / Take theirs / Edit (select the
//! claim, then Keep as edited). Each choice is one undo step.

use claimdesk_model::merge_conflict::MergeConflict;
use claimdesk_team::merge::Take;

use crate::app::open_review::conflicts::ConflictCommand;
use crate::app::open_review::navigation::SelectCommand;
use crate::app::{Command, OpenReview};
use crate::ui::Frame;

/// Draws the bar if the review has conflicts.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let conflicts = &open.review().conflicts;
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
                row(ui, open, n, c, &mut commands);
            }
        });
    f.extend(commands);
}

fn row(
    ui: &mut egui::Ui,
    open: &OpenReview,
    n: usize,
    c: &MergeConflict,
    commands: &mut Vec<Command>,
) {
    let review = open.review();
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
        if c.is_article_text() {
            // Their text is kept as an earlier version; the review keeps ours until their text
            // is taken through the article-update review (claims re-anchored).
            if ui.button("Keep our text").clicked() {
                commands.push(ConflictCommand::Resolve(n, Take::AsIs).into());
            }
            if ui
                .button("Take their text…")
                .on_hover_text("Re-anchor every claim on their text, and review the outcome")
                .clicked()
            {
                commands.push(ConflictCommand::Resolve(n, Take::Theirs).into());
            }
            return;
        }
        if ui.button("Take ours").clicked() {
            commands.push(ConflictCommand::Resolve(n, Take::Ours).into());
        }
        if ui.button("Take theirs").clicked() {
            commands.push(ConflictCommand::Resolve(n, Take::Theirs).into());
        }
        if let Some(claim) = claim {
            let editing = open.view.selected_claim.as_ref() == Some(&claim.id);
            if editing {
                if ui
                    .button("Keep as edited")
                    .on_hover_text("Keep the value the claim editor shows now")
                    .clicked()
                {
                    commands.push(ConflictCommand::Resolve(n, Take::AsIs).into());
                }
            } else if ui.button("Edit").clicked() {
                commands.push(SelectCommand::Claim(Some(claim.id.clone())).into());
                commands.push(SelectCommand::ScrollTo(claim.span.start).into());
            }
        }
    });
}
