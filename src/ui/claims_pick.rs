//! Picking several claims in the claims list: Ctrl-click adds or removes one, Shift-click
//! takes the range from the selected claim to the clicked one (in list order), Ctrl+A takes
//! every claim the filter shows. The app then applies A/D/I and Delete to all of them.

use claimdesk_model::{ClaimId, Review};
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::ViewState;
use crate::app::open_review::navigation::SelectCommand;

/// The commands for a click on the list row of claim `clicked` (a review index) with
/// `modifiers`, or `None` for a plain click. `visible` holds the review indices the list shows.
pub fn click(
    review: &Review,
    state: &ViewState,
    visible: &[usize],
    clicked: usize,
    modifiers: Modifiers,
) -> Option<SelectCommand> {
    let claims = review.claims();
    let id = claims[clicked].id.clone();
    if modifiers.shift {
        let anchor = state
            .selected_claim
            .as_ref()
            .and_then(|sel| visible.iter().position(|&i| &claims[i].id == sel));
        let here = visible.iter().position(|&i| i == clicked)?;
        let (a, b) = match anchor {
            Some(a) => (a.min(here), a.max(here)),
            None => (here, here),
        };
        let mut ids: Vec<ClaimId> = visible[a..=b]
            .iter()
            .map(|&i| claims[i].id.clone())
            .collect();
        // The anchor stays the selected claim (the last one picked).
        if anchor.is_some_and(|a| a > here) {
            ids.reverse();
        }
        return Some(SelectCommand::PickClaims(ids));
    }
    if modifiers.command {
        let mut ids = picked(state);
        if let Some(at) = ids.iter().position(|p| p == &id) {
            ids.remove(at);
        } else {
            ids.push(id);
        }
        return Some(SelectCommand::PickClaims(ids));
    }
    None
}

/// Ctrl+A: every claim the list shows, if pressed this frame.
pub fn select_all(ui: &egui::Ui, review: &Review, visible: &[usize]) -> Option<SelectCommand> {
    let all = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);
    if visible.is_empty() || ui.ctx().text_edit_focused() {
        return None;
    }
    ui.input_mut(|i| i.consume_shortcut(&all)).then(|| {
        SelectCommand::PickClaims(
            visible
                .iter()
                .map(|&i| review.claims()[i].id.clone())
                .collect(),
        )
    })
}

/// The modifiers held for this frame's click: the keyboard's, or those the pointer event
/// carried (a click and its modifier can arrive in the same frame).
pub fn click_modifiers(ui: &egui::Ui) -> Modifiers {
    ui.input(|i| {
        i.events.iter().fold(i.modifiers, |m, e| match e {
            egui::Event::PointerButton {
                pressed: false,
                modifiers,
                ..
            } => m | *modifiers,
            _ => m,
        })
    })
}

/// True if the claim is picked or is the selected claim.
pub fn is_picked(state: &ViewState, id: &ClaimId) -> bool {
    state.selected_claim.as_ref() == Some(id) || state.picked_claims.contains(id)
}

/// The picked claims as a list to change: the multi-selection, else the selected claim.
fn picked(state: &ViewState) -> Vec<ClaimId> {
    if state.picked_claims.is_empty() {
        state.selected_claim.iter().cloned().collect()
    } else {
        state.picked_claims.clone()
    }
}
