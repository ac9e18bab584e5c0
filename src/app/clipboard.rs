//! Reading the system clipboard, behind a small trait so tests can script it.
//!
//! egui only hands the app clipboard text as `Event::Paste` for Ctrl+V (Ctrl+Shift+V arrives as
//! a plain key), and eframe is built without its clipboard feature, so "New review from
//! clipboard" reads the clipboard itself through `arboard`, on a thread: an X11 clipboard
//! owner that does not answer can take seconds.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::mpsc::{self, Sender};

use super::AppState;
use super::in_flight::InFlight;

/// Why the clipboard is being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClipboardPurpose {
    /// Start a new review of the text.
    NewReview,
    /// Update the open review's article to the text.
    UpdateArticle,
}

/// Reads the clipboard on its thread for `purpose` (one read at a time); the answer is acted
/// on when it arrives ([`crate::app::arrived`]).
pub(crate) fn read_clipboard(app: &mut AppState, purpose: ClipboardPurpose, ctx: &egui::Context) {
    if app.clipboard_read.is_some() {
        return;
    }
    let (tx, rx) = mpsc::channel();
    app.clipboard.read_text(ctx, tx);
    app.clipboard_read = Some(InFlight::new(purpose, rx));
}

/// What came back from the clipboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClipboardAnswer {
    /// The clipboard's text.
    Text(String),
    /// No text on the clipboard, or it could not be read (the reason, in plain words).
    Unavailable(String),
}

/// Reads the clipboard. Each call sends exactly one answer on `reply`.
pub trait ClipboardReader: Send + Sync {
    /// Reads the clipboard's text.
    fn read_text(&self, ctx: &egui::Context, reply: Sender<ClipboardAnswer>);
}

/// The system clipboard (arboard: X11, XWayland, Windows, macOS).
pub struct SystemClipboard;

impl ClipboardReader for SystemClipboard {
    fn read_text(&self, ctx: &egui::Context, reply: Sender<ClipboardAnswer>) {
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let answer = match arboard::Clipboard::new().and_then(|mut c| c.get_text()) {
                Ok(text) => ClipboardAnswer::Text(text),
                Err(arboard::Error::ContentNotAvailable) => {
                    ClipboardAnswer::Unavailable("The clipboard holds no text.".to_owned())
                }
                Err(e) => {
                    ClipboardAnswer::Unavailable(format!("Could not read the clipboard: {e}"))
                }
            };
            let _ = reply.send(answer);
            ctx.request_repaint();
        });
    }
}

/// A clipboard that answers from a script, immediately; for tests.
#[derive(Default)]
pub struct ScriptedClipboard {
    answers: Mutex<VecDeque<ClipboardAnswer>>,
}

impl ScriptedClipboard {
    /// Queues the answer for the next read.
    pub fn push_text(&self, text: impl Into<String>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push_back(ClipboardAnswer::Text(text.into()));
        }
    }
}

impl ClipboardReader for ScriptedClipboard {
    fn read_text(&self, _ctx: &egui::Context, reply: Sender<ClipboardAnswer>) {
        let answer = self
            .answers
            .lock()
            .ok()
            .and_then(|mut a| a.pop_front())
            .unwrap_or_else(|| ClipboardAnswer::Unavailable("The clipboard holds no text.".into()));
        let _ = reply.send(answer);
    }
}

/// A title for a review of pasted text: its first non-empty line, trimmed and cut at a word
/// boundary below 80 characters; else "Pasted text <date>".
pub fn title_for(text: &str, today: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    let Some(line) = first else {
        return format!("Pasted text {today}");
    };
    const MAX: usize = 80;
    if line.chars().count() <= MAX {
        return line.to_owned();
    }
    let cut: String = line.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_first_line() {
        assert_eq!(
            title_for("\n  Hello world \nmore", "2025-01-01"),
            "Hello world"
        );
        assert_eq!(title_for("   \n ", "2025-01-01"), "Pasted text 2025-01-01");
        let long = "word ".repeat(40);
        let t = title_for(&long, "d");
        assert!(t.ends_with('…') && t.chars().count() <= 81, "{t}");
    }
}
