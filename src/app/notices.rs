//! Messages for the user: errors and warnings stay until dismissed, information fades.

use std::time::{Duration, Instant};

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something failed; nothing was lost, but the user must know.
    Error,
    /// Something was fixed up or needs a look (load warnings).
    Warning,
    /// A confirmation ("Saved to …").
    Info,
}

/// One message.
#[derive(Clone, Debug)]
pub struct Notice {
    /// Its seriousness.
    pub level: Level,
    /// The headline.
    pub text: String,
    /// Details (one line each), shown folded.
    pub details: Vec<String>,
    /// When it was posted.
    pub at: Instant,
}

/// How long an information notice stays visible.
pub const INFO_TTL: Duration = Duration::from_secs(5);

/// The current messages.
#[derive(Default)]
pub struct Notices {
    /// Newest last.
    pub items: Vec<Notice>,
}

impl Notices {
    /// Removes the notice at position `i` (the user dismissed it).
    pub fn dismiss(&mut self, i: usize) {
        if i < self.items.len() {
            self.items.remove(i);
        }
    }

    /// Posts an error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.post(Level::Error, text.into(), Vec::new());
    }

    /// Posts a warning with details.
    pub fn warning(&mut self, text: impl Into<String>, details: Vec<String>) {
        self.post(Level::Warning, text.into(), details);
    }

    /// Posts a confirmation.
    pub fn info(&mut self, text: impl Into<String>) {
        self.post(Level::Info, text.into(), Vec::new());
    }

    fn post(&mut self, level: Level, text: String, details: Vec<String>) {
        self.items.retain(|n| n.text != text);
        self.items.push(Notice {
            level,
            text,
            details,
            at: Instant::now(),
        });
    }

    /// Drops expired information notices.
    pub fn expire(&mut self, now: Instant) {
        self.items
            .retain(|n| n.level != Level::Info || now.duration_since(n.at) < INFO_TTL);
    }

    /// The newest error, if any (for tests and the status bar).
    pub fn last_error(&self) -> Option<&str> {
        self.items
            .iter()
            .rev()
            .find(|n| n.level == Level::Error)
            .map(|n| n.text.as_str())
    }
}
