//! Preferences kept between runs (recent files, theme). Stored by the GUI shell through
//! eframe's storage; never holds review data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Persisted preferences.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// Dark theme instead of the light reading theme.
    pub dark_mode: bool,
}

impl Settings {
    /// Moves `path` to the front of the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Switches the theme of `ctx` and remembers it.
    pub fn set_dark_mode(&mut self, dark: bool, ctx: &egui::Context) {
        self.dark_mode = dark;
        ctx.set_theme(self.theme());
    }

    /// The egui theme these settings ask for.
    pub fn theme(&self) -> egui::Theme {
        if self.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        }
    }
}
