//! The single-letter keys that move through the article (J, K, U, S), in one table: the
//! shortcut reader and the menus read it, so a key is written once.

use egui::Key;

use crate::app::Command;
use crate::app::open_review::navigation::{ClaimStep, SelectCommand};

/// One review key: the key, what it does, and the command it sends.
pub struct ReviewKey {
    /// The key (typed without modifiers).
    pub key: Key,
    /// What it does, as the menus and the help show it.
    pub action: &'static str,
    /// The command it sends.
    pub command: fn() -> Command,
}

/// Every review key, in the order the menus list them.
pub const REVIEW_KEYS: [ReviewKey; 4] = [
    ReviewKey {
        key: Key::J,
        action: "Next claim",
        command: || SelectCommand::Step(ClaimStep::Next).into(),
    },
    ReviewKey {
        key: Key::K,
        action: "Previous claim",
        command: || SelectCommand::Step(ClaimStep::Previous).into(),
    },
    ReviewKey {
        key: Key::U,
        action: "Next claim under investigation",
        command: || SelectCommand::Step(ClaimStep::NextOpen).into(),
    },
    ReviewKey {
        key: Key::S,
        action: "Select sentence",
        command: || SelectCommand::Sentence.into(),
    },
];

/// Adds the command of every review key pressed this frame (the caller has checked that the
/// article has the keyboard and no modifier is held).
pub fn read(input: &egui::InputState, commands: &mut Vec<Command>) {
    for k in &REVIEW_KEYS {
        if crate::ui::shortcuts::pressed_with_shift(input, k.key, false) {
            commands.push((k.command)());
        }
    }
}
