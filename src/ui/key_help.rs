//! Every key of the app in one table: the Help → Keyboard shortcuts window (F1) draws it, and
//! a test checks that README's key table says the same. The status keys come from the core's
//! status table and the review keys (J, K, U, S) from [`REVIEW_KEYS`], so neither is written
//! twice.

use claimdesk_model::status::STATUS_LOOKS;

use crate::ui::review_keys::REVIEW_KEYS;

/// One row of the table: the keys and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRow {
    /// The keys, as README and the help show them ("Ctrl+F, Enter").
    pub keys: String,
    /// What they do.
    pub action: String,
}

/// Every row, in README's order: the status keys first, then the other keys, then the review
/// keys.
pub fn key_rows() -> Vec<KeyRow> {
    let status_keys: Vec<String> = STATUS_LOOKS.iter().map(|l| l.key.to_string()).collect();
    let mut rows = vec![KeyRow {
        keys: status_keys.join(" / "),
        action: format!(
            "Mark the selection {}, or change the selected claim's status",
            STATUS_LOOKS
                .iter()
                .map(|l| l.status.label().to_lowercase())
                .collect::<Vec<_>>()
                .join(" / ")
        ),
    }];
    rows.extend(OTHER_KEYS.iter().map(|(keys, action)| KeyRow {
        keys: (*keys).to_owned(),
        action: (*action).to_owned(),
    }));
    rows.extend(REVIEW_KEYS.iter().map(|k| KeyRow {
        keys: k.key.name().to_owned(),
        action: k.action.to_owned(),
    }));
    rows.push(KeyRow {
        keys: "F1".into(),
        action: "Show the keyboard shortcuts".into(),
    });
    rows
}

/// The keys that have no table of their own elsewhere.
const OTHER_KEYS: &[(&str, &str)] = &[
    ("Delete", "Remove the selected claim"),
    (
        "Esc",
        "Clear the selection; again: deselect the suggestion, then the claim; in the find bar: close it",
    ),
    (
        "Ctrl+F, Enter, Shift+Enter",
        "Find, next match, previous match",
    ),
    ("Ctrl+C", "Copy the selected text"),
    ("Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y", "Undo, redo"),
    (
        "Ctrl+O, Ctrl+S, Ctrl+Shift+S, Ctrl+Q",
        "Open, save, save as, quit",
    ),
    ("Ctrl+Shift+V", "New review from the text on the clipboard"),
    (
        "R",
        "Re-attach the selected orphan claim to the selected text",
    ),
    (
        "Shift+S",
        "Show or hide suggested claims (View menu: Suggest claims)",
    ),
    (
        "N / Shift+N",
        "Select the next / previous suggestion, best first, and scroll to it",
    ),
    (
        "A / D / I on a suggestion",
        "Mark the suggested sentence (no text selected)",
    ),
    ("X", "Dismiss the selected suggestion"),
    (
        "W",
        "Give the reason for the selected claim's last status or verdict change (Enter saves, Esc cancels)",
    ),
    (
        "Space / Shift+Space, PageDown / PageUp, Ctrl+Home / Ctrl+End (and Up/Down with no caret)",
        "Scroll the article",
    ),
    (
        "Left / Right, Ctrl+Left / Ctrl+Right",
        "Move the caret by character (never inside an emoji or accented letter) / by word",
    ),
    (
        "Home / End, Up / Down",
        "Move the caret to the visual line's start / end, one visual line up / down",
    ),
    (
        "PageDown / PageUp with a caret",
        "Scroll a page and take the caret along, at its place on screen",
    ),
    (
        "Ctrl+Up / Ctrl+Down",
        "Move the caret to the paragraph's start / end",
    ),
    (
        "Shift + any caret key",
        "Extend the selection instead (Ctrl+Shift+Right: by word)",
    ),
    (
        "Ctrl-click / Shift-click in the claims list, Ctrl+A",
        "Pick several claims / a range / every claim the filter shows; A/D/I and Delete then act on all of them, one undo step each",
    ),
    (
        "Up / Down, Home / End, Enter, F2 in the claims list",
        "Select the next / previous claim, the first / last (a click or Tab gives the list the keyboard; A/D/I, J/K/U and Delete act there too); Enter: to the article, caret at the claim's start; F2: type the claim's verdict",
    ),
];
