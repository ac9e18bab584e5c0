//! The "Checked before" panel (issue 14): the archive's best matches for the selected claim or
//! text, each with its verdict, organisation, date and a snippet with the matching words
//! marked, and actions: open the earlier review at its claim, open the fact-check's page, copy
//! the earlier verdict into the selected claim as evidence. It only reads the app's
//! [`crate::app::open_review::checked_before::CheckedBefore`] state and the archive's status
//! (the search runs on the archive's thread) and emits commands.

use claimdesk_archive::SearchHit;
use claimdesk_model::ClaimId;
use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText};

use crate::app::archive::{ArchiveCommand, ArchiveStatus, is_review_hit};
use crate::app::{Command, OpenReview};
use crate::ui::Frame;
use crate::ui::evidence_editor::openable_url;

/// Lines of a snippet shown at most.
const SNIPPET_ROWS: usize = 4;

/// Draws the panel.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let status = &f.app.archive.status;
    let panel = &open.checked_before;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.strong("Checked before");
        if let ArchiveStatus::Ready(claims) = status {
            ui.weak(format!("· archive of {claims} claims"));
        }
    });
    if let ArchiveStatus::Unavailable(message) = status {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("Archive unavailable: {message}. Library… in the File menu tries again."),
        );
        return;
    }
    if panel.query.is_none() {
        ui.weak("Select a claim or some text to see earlier fact-checks of it.");
        return;
    }
    if *status == ArchiveStatus::Ready(0) {
        empty_library_hint(ui);
        return;
    }
    let Some(hits) = &panel.hits else {
        // No spinner: it would repaint every frame; the search thread wakes the UI when done.
        ui.weak(if *status == ArchiveStatus::Opening {
            "Opening the archive…"
        } else {
            "Searching…"
        });
        return;
    };
    if hits.is_empty() {
        ui.weak("No earlier fact-check matches.");
        return;
    }
    let target = copy_target(open);
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("checked_before_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for hit in hits {
                hit_card(ui, hit, target.as_ref(), &mut commands);
            }
        });
    f.extend(commands);
}

/// Where "Copy verdict as evidence" copies to: the selected claim, if it exists.
fn copy_target(open: &OpenReview) -> Option<ClaimId> {
    let id = open.view.selected_claim.as_ref()?;
    open.review().claim(id).map(|c| c.id.clone())
}

fn empty_library_hint(ui: &mut egui::Ui) {
    ui.weak("The claim archive is empty.").on_hover_text(
        "Add folders of .claimdesk reviews or ClaimReview files with Library… in the File \
         menu, or from the command line: claimdesk library add FOLDER",
    );
    ui.label("Library… in the File menu adds earlier reviews.");
}

/// One match: verdict, organisation and date; the snippet; where it came from; the actions.
fn hit_card(
    ui: &mut egui::Ui,
    hit: &SearchHit,
    target: Option<&ClaimId>,
    commands: &mut Vec<Command>,
) {
    let c = &hit.claim;
    egui::Frame::group(ui.style())
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let verdict = if c.verdict.is_empty() {
                    "No verdict"
                } else {
                    c.verdict.as_str()
                };
                ui.label(RichText::new(verdict).strong());
                for part in [&c.organisation, &c.date] {
                    if !part.is_empty() {
                        ui.weak(format!("· {part}"));
                    }
                }
            });
            ui.label(snippet_job(ui, hit));
            ui.weak(origin(hit));
            actions(ui, hit, target, commands);
        });
}

/// The snippet with its matching words drawn strong on the selection colour.
fn snippet_job(ui: &egui::Ui, hit: &SearchHit) -> LayoutJob {
    let visuals = ui.visuals();
    let font_id = FontId::proportional(13.0);
    let plain = TextFormat {
        font_id: font_id.clone(),
        color: visuals.text_color(),
        ..Default::default()
    };
    let marked = TextFormat {
        font_id,
        color: visuals.strong_text_color(),
        background: visuals.selection.bg_fill.gamma_multiply(0.6),
        ..Default::default()
    };
    let text = &hit.snippet.text;
    let byte_at = |char_pos: usize| {
        text.char_indices()
            .nth(char_pos)
            .map_or(text.len(), |(b, _)| b)
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for range in &hit.snippet.highlights {
        let (start, end) = (byte_at(range.start).max(at), byte_at(range.end));
        if start >= end {
            continue;
        }
        job.append(&text[at..start], 0.0, plain.clone());
        job.append(&text[start..end], 0.0, marked.clone());
        at = end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_rows = SNIPPET_ROWS;
    job.wrap.max_width = ui.available_width();
    job
}

/// Where the match came from: the review file, or the fact-check's page.
fn origin(hit: &SearchHit) -> String {
    let file = hit.source.file_name().map_or_else(
        || hit.source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if is_review_hit(hit) || hit.claim.url.is_empty() {
        format!("From {file}")
    } else {
        format!("{} (from {file})", hit.claim.url)
    }
}

fn actions(ui: &mut egui::Ui, hit: &SearchHit, target: Option<&ClaimId>, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if is_review_hit(hit)
            && ui
                .button("Open review")
                .on_hover_text("Open the earlier review at this claim")
                .clicked()
        {
            let id = ClaimId(hit.claim.claim_id.clone());
            out.push(ArchiveCommand::OpenClaim(hit.source.clone(), id).into());
        }
        if let Some(url) = openable_url(&hit.claim.url)
            && ui
                .button("Open link")
                .on_hover_text(format!("Open {url} in the browser"))
                .clicked()
        {
            ui.ctx().open_url(egui::OpenUrl::new_tab(&url));
        }
        let copy = ui.add_enabled(
            target.is_some(),
            egui::Button::new("Copy verdict as evidence"),
        );
        let copy = if target.is_some() {
            copy.on_hover_text("Add this verdict and its sources to the selected claim's evidence")
        } else {
            copy.on_disabled_hover_text("Select a claim to copy the verdict into")
        };
        if copy.clicked()
            && let Some(id) = target
        {
            out.push(ArchiveCommand::CopyVerdict(id.clone(), Box::new(hit.clone())).into());
        }
    });
}
