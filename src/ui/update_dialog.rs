//! File → Update article text…: the review of how every claim follows the new text. Unchanged
//! and moved claims apply automatically; changed and ambiguous ones wait for a pick; orphans
//! are listed with their old quote. "Apply update" is one undoable step.
//!
//! Also the encoding menu (status bar, File → Reload with encoding).

use claimdesk_import::reanchor::{ChangeKind, ClaimUpdate, OrphanReason, Outcome, WordChange};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::app::article_update::{ArticleCommand, COMMON_ENCODINGS, MORE_ENCODINGS};
use crate::app::open_review::update::{Pick, UpdateCommand, UpdateReview};
use crate::app::{Command, OpenReview};
use crate::ui::Frame;

/// Chars of context shown around an ambiguous candidate.
const CONTEXT: usize = 40;

/// The list of encodings; a click reads the article file again with it.
pub fn encoding_menu(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let doc = open.doc();
    let current = doc.import().map(|i| i.encoding.to_ascii_lowercase());
    let has_claims = !doc.review().claims().is_empty() || doc.is_dirty();
    ui.weak(if has_claims {
        "Read the article file again with:\n(the claims are re-anchored; you review it first)"
    } else {
        "Read the article file again with:"
    });
    for (label, what) in COMMON_ENCODINGS.iter().chain(MORE_ENCODINGS.iter()) {
        let is_current = current.as_deref() == Some(&label.to_ascii_lowercase());
        let text = format!("{label}  —  {what}");
        if ui.add(egui::Button::selectable(is_current, text)).clicked() {
            f.push(ArticleCommand::ReimportWithEncoding((*label).to_owned()));
            ui.close();
        }
    }
}

/// Shows the update review while it is open.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let Some(dialog) = &open.update else {
        return;
    };
    let mut picks = Vec::new();
    let old_len = open.review().article.char_len();
    let mut apply = false;
    let mut cancel = false;
    let screen = ui.ctx().content_rect();
    let modal = egui::Modal::new(egui::Id::unique("update_dialog")).show(ui.ctx(), |ui| {
        let width = (screen.width() - 80.0).clamp(360.0, 760.0);
        ui.set_width(width);
        ui.heading("Update the article text");
        ui.label(format!(
            "New text from {}: {} characters (was {old_len}).",
            dialog.from,
            dialog.index.char_len()
        ));
        let c = dialog.plan.counts();
        ui.label(format!(
            "{} unchanged, {} moved (applied automatically) · {} changed · {} ambiguous · {} orphaned",
            c.unchanged, c.moved, c.changed, c.ambiguous, c.orphaned
        ));
        if !dialog.plan.diff_complete {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The texts differ a lot: the comparison was cut short, so more claims may be \
                 listed as changed or orphaned than strictly needed.",
            );
        }
        ui.add_space(6.0);
        let list_height = (screen.height() - 260.0).max(160.0);
        egui::ScrollArea::vertical()
            .id_salt("update_list")
            .max_height(list_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Frame::new()
                    .inner_margin(egui::Margin {
                        right: 12,
                        ..Default::default()
                    })
                    .show(ui, |ui| sections(ui, dialog, &mut picks));
            });
        ui.separator();
        let orphans = dialog.orphans_after();
        if orphans > 0 {
            ui.label(format!(
                "{orphans} claim{} will be kept as orphan{} with {} old quote: nothing is \
                 deleted. Re-attach {} later by selecting the new text.",
                if orphans == 1 { "" } else { "s" },
                if orphans == 1 { "" } else { "s" },
                if orphans == 1 { "its" } else { "their" },
                if orphans == 1 { "it" } else { "them" },
            ));
        }
        ui.weak("The old text is kept in the review as an earlier version. Undo reverts the whole update.");
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Apply update").clicked() {
                apply = true;
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    });
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) || modal.should_close() {
        cancel = true;
    }
    f.extend(picks);
    if apply {
        f.push(UpdateCommand::Apply);
    } else if cancel {
        f.push(UpdateCommand::Cancel);
    }
}

/// The claims that need a look, by kind; picks go to `picks` as commands.
fn sections(ui: &mut egui::Ui, dialog: &UpdateReview, picks: &mut Vec<Command>) {
    let changed: Vec<ClaimUpdate> = of_kind(dialog, |o| matches!(o, Outcome::Changed { .. }));
    let ambiguous: Vec<ClaimUpdate> = of_kind(dialog, |o| matches!(o, Outcome::Ambiguous { .. }));
    let orphaned: Vec<ClaimUpdate> = of_kind(dialog, |o| matches!(o, Outcome::Orphaned { .. }));
    let automatic: Vec<ClaimUpdate> = of_kind(dialog, Outcome::is_automatic);

    if !changed.is_empty() {
        ui.horizontal(|ui| {
            ui.strong(format!("Changed ({}): the quote was edited", changed.len()));
            if ui.button("Accept all changed").clicked() {
                picks.push(UpdateCommand::AcceptAllChanged.into());
            }
        });
        for u in &changed {
            let Outcome::Changed { candidate, diff } = &u.outcome else {
                continue;
            };
            entry(ui, |ui| {
                ui.add(egui::Label::new(diff_job(ui, diff)).wrap());
                ui.weak(format!("similarity {:.0} %", candidate.score * 100.0));
                let old = dialog.pick(&u.id);
                let mut pick = old;
                ui.horizontal(|ui| {
                    ui.radio_value(&mut pick, Pick::Accept, "Accept the new text");
                    ui.radio_value(&mut pick, Pick::KeepOrphan, "Keep as orphan");
                });
                if pick != old {
                    picks.push(UpdateCommand::Pick(u.id.clone(), pick).into());
                }
            });
        }
        ui.add_space(8.0);
    }

    if !ambiguous.is_empty() {
        ui.strong(format!(
            "Ambiguous ({}): several places fit; pick one",
            ambiguous.len()
        ));
        for u in &ambiguous {
            let Outcome::Ambiguous { candidates } = &u.outcome else {
                continue;
            };
            entry(ui, |ui| {
                ui.add(egui::Label::new(format!("Was: “{}”", one_line(&u.old_quote))).wrap());
                let old = dialog.pick(&u.id);
                let mut pick = old;
                for (i, cand) in candidates.iter().enumerate() {
                    let job = context_job(ui, dialog, cand.span.start, cand.span.end);
                    ui.horizontal_top(|ui| {
                        ui.radio_value(&mut pick, Pick::Candidate(i), format!("Place {}:", i + 1));
                        ui.add(egui::Label::new(job).wrap());
                    });
                }
                ui.radio_value(&mut pick, Pick::KeepOrphan, "Keep as orphan");
                if pick != old {
                    picks.push(UpdateCommand::Pick(u.id.clone(), pick).into());
                }
            });
        }
        ui.add_space(8.0);
    }

    if !orphaned.is_empty() {
        ui.strong(format!(
            "Orphaned ({}): not found in the new text; kept with the old quote",
            orphaned.len()
        ));
        for u in &orphaned {
            let Outcome::Orphaned { reason } = &u.outcome else {
                continue;
            };
            entry(ui, |ui| {
                ui.add(egui::Label::new(format!("“{}”", one_line(&u.old_quote))).wrap());
                ui.weak(reason_text(reason));
            });
        }
        ui.add_space(8.0);
    }

    egui::CollapsingHeader::new(format!(
        "Unchanged or moved ({}): applied automatically",
        automatic.len()
    ))
    .id_salt("update_automatic")
    .default_open(changed.is_empty() && ambiguous.is_empty() && orphaned.is_empty())
    .show(ui, |ui| {
        for u in &automatic {
            let how = if matches!(u.outcome, Outcome::Moved { .. }) {
                "moved"
            } else {
                "unchanged"
            };
            ui.add(egui::Label::new(format!("{how}: “{}”", one_line(&u.old_quote))).truncate());
        }
    });
}

fn of_kind(dialog: &UpdateReview, keep: impl Fn(&Outcome) -> bool) -> Vec<ClaimUpdate> {
    dialog
        .plan
        .claims
        .iter()
        .filter(|u| keep(&u.outcome))
        .cloned()
        .collect()
}

fn entry(ui: &mut egui::Ui, body: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            body(ui);
        });
    ui.add_space(4.0);
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

fn reason_text(reason: &OrphanReason) -> String {
    match reason {
        OrphanReason::AlreadyOrphaned => "It was already an orphan.".to_owned(),
        OrphanReason::Deleted => "Its text was deleted.".to_owned(),
        OrphanReason::TooShort => {
            "Too short to match approximately, and not found word for word.".to_owned()
        }
        OrphanReason::NoGoodMatch(Some(c)) => format!(
            "The closest text (“{}”, {:.0} % similar) is not close enough.",
            one_line(&c.quote),
            c.score * 100.0
        ),
        OrphanReason::NoGoodMatch(None) => "Nothing similar is left at its place.".to_owned(),
        OrphanReason::LookAlike(c) => format!(
            "Only a look-alike sentence remains elsewhere (“{}”); it is not the claimed text.",
            one_line(&c.quote)
        ),
    }
}

fn colors(ui: &egui::Ui) -> (Color32, Color32, Color32) {
    if ui.visuals().dark_mode {
        (
            ui.visuals().text_color(),
            Color32::from_rgb(255, 120, 110),
            Color32::from_rgb(110, 220, 130),
        )
    } else {
        (
            ui.visuals().text_color(),
            Color32::from_rgb(185, 30, 30),
            Color32::from_rgb(20, 125, 50),
        )
    }
}

/// The word diff old → new: removed words struck through in red, added words green.
fn diff_job(ui: &egui::Ui, diff: &[WordChange]) -> LayoutJob {
    let (same, removed, added) = colors(ui);
    let font = FontId::proportional(15.0);
    let mut job = LayoutJob::default();
    for change in diff {
        let text = one_line(&change.text);
        let format = match change.kind {
            ChangeKind::Same => TextFormat::simple(font.clone(), same),
            ChangeKind::Removed => TextFormat {
                font_id: font.clone(),
                color: removed,
                strikethrough: Stroke::new(1.5, removed),
                ..Default::default()
            },
            ChangeKind::Added => TextFormat {
                font_id: font.clone(),
                color: added,
                background: added.gamma_multiply(0.15),
                underline: Stroke::new(1.0, added),
                ..Default::default()
            },
        };
        job.append(&text, 0.0, format);
    }
    job
}

/// A candidate in its context: "…before [candidate] after…", the candidate in bold colour.
fn context_job(ui: &egui::Ui, dialog: &UpdateReview, start: usize, end: usize) -> LayoutJob {
    let (same, _, added) = colors(ui);
    let font = FontId::proportional(15.0);
    let weak = ui.visuals().weak_text_color();
    let before = dialog.new_slice(start.saturating_sub(CONTEXT), start);
    let quote = dialog.new_slice(start, end);
    let after = dialog.new_slice(end, end + CONTEXT);
    let mut job = LayoutJob::default();
    job.append(
        &format!("…{}", one_line(before)),
        0.0,
        TextFormat::simple(font.clone(), weak),
    );
    job.append(
        &one_line(quote),
        0.0,
        TextFormat {
            font_id: font.clone(),
            color: same,
            background: added.gamma_multiply(0.15),
            ..Default::default()
        },
    );
    job.append(
        &format!("{}…", one_line(after)),
        0.0,
        TextFormat::simple(font, weak),
    );
    job
}
