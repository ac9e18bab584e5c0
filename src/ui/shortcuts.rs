//! Keyboard shortcuts of the whole window, read once per frame before the panels run.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::Command;
use crate::app::files::FileCommand;
use crate::app::open_review::claims::ClaimCommand;
use crate::app::open_review::edit::EditCommand;
use crate::app::open_review::navigation::SelectCommand;
use crate::app::suggestions::SuggestionCommand;
use crate::ui::Frame;
use claimdesk_model::ClaimStatus;
use claimdesk_model::status::STATUS_LOOKS;

/// Turns this frame's shortcut keys into commands.
pub fn read(ui: &mut egui::Ui, f: &mut Frame) {
    let wb = f.app;
    let open = wb.review();
    let mut commands: Vec<Command> = Vec::new();
    ui.input_mut(|i| read_file_and_edit_chords(i, &mut commands));
    let Some(open) = open else {
        // Ctrl+V on the start screen starts a review of the pasted text.
        if !ui.ctx().text_edit_focused() && !f.state.modal_open(wb) {
            let pasted = ui.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                commands.push(FileCommand::NewFromText(text).into());
            }
        }
        f.extend(commands);
        return;
    };
    let view = &open.view;
    let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    if ui.input_mut(|i| i.consume_shortcut(&find)) {
        crate::ui::find_bar::open(f);
    }
    // Single keys act on the article only while nothing else has the keyboard: not a text
    // field (this frame or, for Esc, the last), not a focused button or link, not a dialog.
    let typing = ui.ctx().text_edit_focused() || f.state.typing_last_frame;
    let focus = ui.memory(|m| m.focused());
    let article_has_keys =
        focus.is_none() || focus == f.state.article_id || focus == f.state.claims_list_id;
    if !typing && article_has_keys && !f.state.modal_open(wb) {
        ui.input(|i| {
            if i.modifiers.command || i.modifiers.alt {
                return;
            }
            crate::ui::suggestion_keys::read(i, f, open, &mut commands);
            for look in &STATUS_LOOKS {
                if i.key_pressed(status_key(look.status)) {
                    commands.push(ClaimCommand::Mark(look.status).into());
                }
            }
            crate::ui::review_keys::read(i, &mut commands);
            crate::ui::claim_history::read_why_key(i, f, open);
            // R re-attaches the selected claim to the selected text.
            if i.key_pressed(Key::R)
                && view.has_text_selected()
                && let Some(id) = &view.selected_claim
            {
                commands.push(ClaimCommand::Reattach(id.clone()).into());
            }
            let delete = i.key_pressed(Key::Delete) || i.key_pressed(Key::Backspace);
            if delete && view.bulk() {
                commands.push(ClaimCommand::DeletePicked.into());
            } else if delete && let Some(id) = &view.selected_claim {
                commands.push(ClaimCommand::Delete(id.clone()).into());
            }
            // With the find bar open, Esc closes it (and keeps the selection).
            if i.key_pressed(Key::Escape) && open.find.is_none() {
                // A bare caret is not a selection: Esc then deselects the claim.
                if view.has_text_selected() {
                    commands.push(SelectCommand::Text(None).into());
                } else if view.selected_suggestion.is_some() {
                    commands.push(SuggestionCommand::Select(None).into());
                } else {
                    commands.push(SelectCommand::Claim(None).into());
                }
            }
        });
    }
    f.extend(commands);
}

/// The file and edit chords that work everywhere, review open or not (Ctrl+S, Ctrl+Shift+S,
/// Ctrl+O, Ctrl+Shift+V, undo and redo, Ctrl+Q).
fn read_file_and_edit_chords(i: &mut egui::InputState, commands: &mut Vec<Command>) {
    let shortcut = |m, k| KeyboardShortcut::new(m, k);
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    // Longer combinations first: consume_shortcut ignores an extra Shift.
    if i.consume_shortcut(&shortcut(cmd_shift, Key::S)) {
        commands.push(FileCommand::SaveAs.into());
    }
    // egui-winit turns only Ctrl+V (no Shift) into Event::Paste: Ctrl+Shift+V is a key.
    if i.consume_shortcut(&shortcut(cmd_shift, Key::V)) {
        commands.push(FileCommand::NewFromClipboard.into());
    }
    if i.consume_shortcut(&shortcut(cmd, Key::S)) {
        commands.push(FileCommand::Save.into());
    }
    if i.consume_shortcut(&shortcut(cmd, Key::O)) {
        commands.push(FileCommand::OpenDialog.into());
    }
    if i.consume_shortcut(&shortcut(cmd_shift, Key::Z))
        || i.consume_shortcut(&shortcut(cmd, Key::Y))
    {
        commands.push(EditCommand::Redo.into());
    }
    if i.consume_shortcut(&shortcut(cmd, Key::Z)) {
        commands.push(EditCommand::Undo.into());
    }
    if i.consume_shortcut(&shortcut(cmd, Key::Q)) {
        commands.push(FileCommand::Quit.into());
    }
}

/// The key that marks with `status` (from the status table in the core).
pub fn status_key(status: ClaimStatus) -> Key {
    let key = status.look().key;
    Key::from_name(key.encode_utf8(&mut [0; 4])).expect("status keys are letters")
}

/// True if `key` was pressed this frame with Shift (`shift`) or without, and without Ctrl/Cmd
/// or Alt. Read from the key event itself: a quick Shift+key can be pressed and released
/// within one frame (X11 under load, xdotool), and the frame's modifiers then say no Shift.
pub fn pressed_with_shift(input: &egui::InputState, key: Key, shift: bool) -> bool {
    input.events.iter().any(|e| {
        matches!(e, egui::Event::Key { key: k, pressed: true, modifiers, .. }
            if *k == key && modifiers.shift == shift && !modifiers.command && !modifiers.alt)
    })
}
