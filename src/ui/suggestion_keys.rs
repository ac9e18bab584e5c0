//! The single keys of suggestions, read with the window's other single keys (only while the
//! article, or nothing, has the keyboard): Shift+S shows or hides them (S alone selects a
//! sentence), N / Shift+N go to the next /
//! previous one, X dismisses the selected one. A, D and I are the marking keys, which mark a
//! selected suggestion's sentence when no text is selected.

use egui::Key;

use crate::app::open_review::navigation::Direction;
use crate::app::suggestions::SuggestionCommand;
use crate::app::{Command, OpenReview};
use crate::ui::Frame;
use crate::ui::shortcuts::pressed_with_shift;

/// The key that shows or hides suggestions, with Shift.
pub const TOGGLE_KEY: Key = Key::S;

/// How the menu names the toggle key.
pub fn toggle_key_name() -> String {
    format!("Shift+{}", TOGGLE_KEY.name())
}

/// Turns this frame's suggestion keys into commands.
pub fn read(
    input: &egui::InputState,
    f: &mut Frame,
    open: &OpenReview,
    commands: &mut Vec<Command>,
) {
    let shown = f.app.suggestions.shown;
    if pressed_with_shift(input, TOGGLE_KEY, true) {
        commands.push(SuggestionCommand::Show(!shown).into());
        f.state.claims_tab = false;
    }
    if !shown {
        return;
    }
    if pressed_with_shift(input, Key::N, false) {
        commands.push(SuggestionCommand::Step(Direction::Forward).into());
    }
    if pressed_with_shift(input, Key::N, true) {
        commands.push(SuggestionCommand::Step(Direction::Backward).into());
    }
    if input.key_pressed(Key::X) && open.view.selected_suggestion.is_some() {
        commands.push(SuggestionCommand::Dismiss.into());
    }
}
