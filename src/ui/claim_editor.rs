//! The editor of the selected claim: its quote, status, verdict, claimant, date, summary, note,
//! sources (see [`evidence_editor`]), and Delete.

use claimdesk_model::Claim;
use claimdesk_model::fields::ClaimField;
use claimdesk_model::status::STATUS_LOOKS;
use claimdesk_model::verdict::{SUMMARY_LIMIT, VERDICT_SUGGESTIONS};
use egui::TextEdit;

use crate::app::open_review::claims::ClaimCommand;
use crate::app::{Command, OpenReview};
use crate::ui::Frame;
use crate::ui::{claim_history, evidence_editor, theme};

/// Draws the editor for the open review's selected claim.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let view = &open.view;
    let Some(claim) = view
        .selected_claim
        .as_ref()
        .and_then(|id| open.review().claim(id))
    else {
        return;
    };
    let mut commands = Vec::new();
    let has_selection = view.has_text_selected();
    let place = place_in_document(open.review(), claim);
    let focus_verdict = std::mem::take(&mut f.state.focus_claim_editor);
    egui::ScrollArea::vertical()
        .id_salt("claim_editor")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Room on the right for the scroll bar, which floats over the content.
            egui::Frame::new()
                .inner_margin(egui::Margin {
                    right: 12,
                    ..Default::default()
                })
                .show(ui, |ui| {
                    let history = HistoryPart {
                        reason: &mut f.state.reason,
                        unnamed: f.app.settings.analyst.is_unset(),
                    };
                    editor(
                        ui,
                        (claim, place.as_deref()),
                        (has_selection, focus_verdict),
                        history,
                        &mut commands,
                    );
                });
        });
    f.extend(commands);
}

/// Where a claim sits in the original document: its page(s) in a PDF ("p. 3", "pp. 3–4") and
/// its time in the media for subtitles ("00:12:34"); `None` for an article from text.
fn place_in_document(review: &claimdesk_model::Review, claim: &Claim) -> Option<String> {
    let pages = review
        .article
        .pages_of(claim.span)
        .map(|(first, last)| match first == last {
            true => format!("p. {first}"),
            false => format!("pp. {first}–{last}"),
        });
    let time = review
        .article
        .media_millis_at(claim.span.start)
        .map(claimdesk_model::media_time::format_media_time);
    let parts: Vec<String> = pages.into_iter().chain(time).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// What the history part of the editor needs from the UI state.
struct HistoryPart<'a> {
    reason: &'a mut Option<claim_history::ReasonDraft>,
    unnamed: bool,
}

/// `place`: its page(s) or media time ([`place_in_document`]); `has_selection`: text is
/// selected in the article; `focus_verdict`: the verdict field takes the keyboard (F2 in the
/// claims list).
fn editor(
    ui: &mut egui::Ui,
    (claim, place): (&Claim, Option<&str>),
    (has_selection, focus_verdict): (bool, bool),
    history: HistoryPart,
    commands: &mut Vec<Command>,
) {
    let id = claim.id.clone();
    let dark = ui.visuals().dark_mode;
    ui.strong("Selected claim");
    egui::Frame::new()
        .fill(theme::status_fill(claim.status, dark))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            crate::ui::bidi_layout::label_or_plain(ui, &format!("“{}”", claim.quote));
        });
    if let Some(place) = place {
        ui.weak(place)
            .on_hover_text("Its page in the PDF, or its time in the video");
    }
    if claim.orphaned {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Orphan: this quote is no longer in the article text at exactly one place, \
             so it is not highlighted. It is kept so nothing is lost.",
        );
        if ui
            .add_enabled(
                has_selection,
                egui::Button::new("Re-attach to selection (R)"),
            )
            .on_hover_text("Attach this claim to the text selected in the article")
            .on_disabled_hover_text("Select the claim's new text in the article first")
            .clicked()
        {
            commands.push(ClaimCommand::Reattach(id.clone()).into());
        }
    }
    ui.add_space(4.0);
    ui.label("Status:");
    ui.horizontal_wrapped(|ui| {
        for look in &STATUS_LOOKS {
            let (status, key) = (look.status, look.key);
            let text = format!("{} ({key})", status.label());
            if ui.selectable_label(claim.status == status, text).clicked() {
                commands.push(ClaimCommand::SetStatus(id.clone(), status).into());
            }
        }
    });
    ui.add_space(4.0);
    verdict(ui, claim, focus_verdict, commands);
    ui.add_space(4.0);
    claim_history::show(ui, claim, history.reason, history.unnamed, commands);
    ui.add_space(4.0);
    let label = ui.label("Claimant (who made the claim):");
    let hint = "e.g. Mohammed Besher, AIID";
    text_field(
        ui,
        claim,
        ClaimField::Claimant,
        label.id,
        hint,
        f32::INFINITY,
        commands,
    );
    claim_date(ui, claim, commands);
    summary(ui, claim, commands);
    let label = ui.label("Note:");
    let hint = "Why this status? What to check next?";
    text_field(
        ui,
        claim,
        ClaimField::Note,
        label.id,
        hint,
        f32::INFINITY,
        commands,
    );
    ui.add_space(6.0);
    evidence_editor::show(ui, claim, commands);
    ui.add_space(6.0);
    ui.separator();
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
        commands.push(ClaimCommand::Delete(id.clone()).into());
    }
}

/// The verdict in words: free text, with the usual verdicts one click away. `focus` gives the
/// text field the keyboard.
fn verdict(ui: &mut egui::Ui, claim: &Claim, focus: bool, commands: &mut Vec<Command>) {
    let id = &claim.id;
    let label = ui.label("Verdict:");
    // Right to left: the combo keeps its size, the text field takes the rest of the row.
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            egui::ComboBox::from_id_salt(("verdict_suggestions", id.as_str()))
                .selected_text("Suggestions")
                .show_ui(ui, |ui| {
                    for suggestion in VERDICT_SUGGESTIONS {
                        let current = claim.verdict.trim() == *suggestion;
                        if ui.selectable_label(current, *suggestion).clicked() && !current {
                            commands.push(
                                ClaimCommand::PickVerdict(id.clone(), (*suggestion).to_owned())
                                    .into(),
                            );
                        }
                    }
                })
                .response
                .accessible_name("Verdict suggestions");
            let (hint, width) = (claim.status.label(), ui.available_width());
            let field = text_field(
                ui,
                claim,
                ClaimField::Verdict,
                label.id,
                hint,
                width,
                commands,
            );
            if focus {
                field.request_focus();
                field.scroll_to_me(None);
            }
        });
    });
}

/// The date the claim was made, as typed, with a gentle hint when it is not `YYYY-MM-DD`.
fn claim_date(ui: &mut egui::Ui, claim: &Claim, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label("Claim made on:");
        let field = ClaimField::ClaimDate;
        text_field(ui, claim, field, label.id, "YYYY-MM-DD", 110.0, commands);
    });
    if !is_iso_date(&claim.claim_date) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Not a YYYY-MM-DD date; reports show it as typed.",
        );
    }
}

/// The short summary for ClaimReview, with the default from the quote as a hint and a count.
fn summary(ui: &mut egui::Ui, claim: &Claim, commands: &mut Vec<Command>) {
    let label = ui.label("Short summary (for ClaimReview):");
    let hint = claim.effective_summary();
    text_field(
        ui,
        claim,
        ClaimField::Summary,
        label.id,
        &hint,
        f32::INFINITY,
        commands,
    );
    let own = claim.summary.trim();
    let count_text = if own.is_empty() {
        let count = claim.effective_summary().chars().count();
        format!("Empty: the quote’s start is used ({count} / {SUMMARY_LIMIT} characters)")
    } else {
        format!("{} / {SUMMARY_LIMIT} characters", own.chars().count())
    };
    let count = own.chars().count();
    if count >= SUMMARY_LIMIT {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("{count_text} — keep it under {SUMMARY_LIMIT}"),
        );
    } else {
        ui.weak(count_text);
    }
}

/// One text field of the claim, labelled by `label`: the note is several lines, the others one.
/// Typing sends [`Command::SetText`].
fn text_field(
    ui: &mut egui::Ui,
    claim: &Claim,
    field: ClaimField,
    label: egui::Id,
    hint: &str,
    width: f32,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let mut text = field.get(claim).to_owned();
    let edit = match field {
        ClaimField::Note => TextEdit::multiline(&mut text).desired_rows(4),
        _ => TextEdit::singleline(&mut text),
    };
    let resp = ui
        .add(edit.hint_text(hint).desired_width(width))
        .labelled_by(label);
    if resp.changed() {
        commands.push(ClaimCommand::SetText(claim.id.clone(), field, text).into());
    }
    resp
}

/// True for an empty text or a plausible `YYYY-MM-DD` (also `YYYY` or `YYYY-MM`).
pub fn is_iso_date(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return true;
    }
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range =
        |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 1, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && digits(d, 2) && in_range(m, 1, 12) && in_range(d, 1, 31)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_iso_date;

    #[test]
    fn dates_are_checked_loosely() {
        for ok in ["", " ", "2026", "2026-11", "2026-11-28", " 2026-01-31 "] {
            assert!(is_iso_date(ok), "{ok:?}");
        }
        for bad in [
            "yesterday",
            "28/11/2026",
            "2026-13-01",
            "2026-11-32",
            "2026-1-5",
            "٢٠٢٦",
        ] {
            assert!(!is_iso_date(bad), "{bad:?}");
        }
    }
}
