//! The selected claim's history in the claim editor: who changed its status or verdict, when
//! and why, newest first; and the one-line reason field that W opens for the last change.

use claimdesk_model::{Claim, ClaimId};
use egui::{Key, TextEdit};

use crate::app::Command;
use crate::app::OpenReview;
use crate::app::open_review::claims::ClaimCommand;

/// The reason being typed for a claim's last change (W); Enter saves it, Esc cancels.
#[derive(Clone, Debug, PartialEq)]
pub struct ReasonDraft {
    /// The claim whose last change it explains.
    pub claim: ClaimId,
    /// The text typed so far.
    pub text: String,
    /// The field takes the keyboard in the next frame it is drawn.
    pub focus: bool,
}

impl ReasonDraft {
    /// A draft for `claim`'s last change, starting from its current reason.
    pub fn for_claim(claim: &Claim) -> Option<Self> {
        let last = claim.history.last()?;
        Some(Self {
            claim: claim.id.clone(),
            text: last.reason.clone(),
            focus: true,
        })
    }
}

/// Draws the reason field (when a draft is open for `claim`) and the timeline; `unnamed`: the
/// analyst has not said who they are (a hint says where to).
pub fn show(
    ui: &mut egui::Ui,
    claim: &Claim,
    draft: &mut Option<ReasonDraft>,
    unnamed: bool,
    commands: &mut Vec<Command>,
) {
    ui.strong("History");
    if let Some(d) = draft.as_mut().filter(|d| d.claim == claim.id) {
        reason_field(ui, d, commands);
        if !d.focus && !ui.memory(|m| m.has_focus(reason_id())) {
            *draft = None;
        }
    }
    if unnamed {
        ui.weak("Set your name in the Edit menu (Your name), so your changes say who made them.");
    }
    if claim.history.is_empty() {
        ui.weak("No status or verdict change recorded yet.");
        return;
    }
    for (i, change) in claim.history.iter().enumerate().rev() {
        let who = if change.by.trim().is_empty() {
            "unknown analyst"
        } else {
            change.by.as_str()
        };
        let last = i + 1 == claim.history.len();
        ui.horizontal_wrapped(|ui| {
            ui.weak(change.at.as_str());
            ui.label(who);
            ui.label(change.summary());
        });
        if !change.reason.is_empty() {
            ui.label(format!("    Why: {}", change.reason));
        } else if last {
            ui.weak("    No reason given yet (W)");
        }
    }
}

/// W ("why"): opens the reason field for the selected claim's last change (the caller has
/// checked that the article has the keyboard).
pub fn read_why_key(input: &egui::InputState, f: &mut crate::ui::Frame, open: &OpenReview) {
    if !input.key_pressed(Key::W) || open.view.bulk() {
        return;
    }
    let selected = open.view.selected_claim.as_ref();
    if let Some(claim) = selected.and_then(|id| open.review().claim(id)) {
        f.state.reason = ReasonDraft::for_claim(claim);
    }
}

/// The widget id of the reason field.
pub fn reason_id() -> egui::Id {
    egui::Id::unique("claim_history_reason")
}

fn reason_field(ui: &mut egui::Ui, d: &mut ReasonDraft, commands: &mut Vec<Command>) {
    ui.label("Why? (Enter saves, Esc cancels)");
    let response = ui.add(
        TextEdit::singleline(&mut d.text)
            .id(reason_id())
            .hint_text("The reason for the last change")
            .desired_width(f32::INFINITY),
    );
    if std::mem::take(&mut d.focus) {
        response.request_focus();
        // The current reason, all selected: typing replaces it, arrows edit it.
        let mut state =
            egui::text_edit::TextEditState::load(ui.ctx(), reason_id()).unwrap_or_default();
        let all = egui::text_selection::CCursorRange::select_all_str(&d.text);
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), reason_id());
        // The editor may be short: bring the field (and the timeline under it) into view.
        response.scroll_to_me(Some(egui::Align::TOP));
    }
    // Enter saves; Esc or a click elsewhere cancels. Either way the field closes (the caller
    // sees it no longer has the keyboard).
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        commands.push(ClaimCommand::SetReason(d.claim.clone(), d.text.clone()).into());
    }
}
