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
    /// Light, dark, or whatever the desktop prefers (the default).
    pub theme: egui::ThemePreference,
    /// Read from settings written before `theme` existed ("dark_mode": true); see
    /// [`Settings::upgraded`].
    #[serde(rename = "dark_mode", skip_serializing)]
    legacy_dark_mode: bool,
    /// The model that scores suggestions: the built-in one or a trained file.
    pub suggestion_model: super::suggestions::worker::ModelChoice,
    /// The suggestion threshold picked with the slider (`None`: the default).
    pub suggestion_threshold: Option<f32>,
    /// Suggestions were on when the user last turned them on or off (View → Suggest claims).
    pub suggestions_shown: bool,
    /// Who is working: written into each claim's history of changes. Unset until the analyst
    /// says (Edit → Your name…); never guessed from the system.
    pub analyst: claimdesk_model::status_change::Analyst,
    /// HTML and Markdown reports include each claim's timeline (File → Export…).
    pub export_timeline: bool,
}

impl Settings {
    /// Settings from an older build carry their dark-mode choice over to `theme`.
    pub fn upgraded(mut self) -> Self {
        if std::mem::take(&mut self.legacy_dark_mode) {
            self.theme = egui::ThemePreference::Dark;
        }
        self
    }

    /// Sentences scoring at least this are suggested.
    pub fn suggestion_threshold(&self) -> f32 {
        self.suggestion_threshold
            .unwrap_or(claimdesk_suggest::DEFAULT_THRESHOLD)
    }

    /// Moves `path` to the front of the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Switches the theme of `ctx` (light, dark, or the desktop's) and remembers it.
    pub fn set_theme(&mut self, theme: egui::ThemePreference, ctx: &egui::Context) {
        self.theme = theme;
        ctx.set_theme(theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_follows_the_desktop_unless_chosen() {
        assert_eq!(Settings::default().theme, egui::ThemePreference::System);
        let old: Settings = serde_json::from_str(r#"{"dark_mode": true}"#).unwrap();
        assert_eq!(old.upgraded().theme, egui::ThemePreference::Dark);
        let old_light: Settings = serde_json::from_str(r#"{"dark_mode": false}"#).unwrap();
        assert_eq!(old_light.upgraded().theme, egui::ThemePreference::System);
        let chosen = Settings {
            theme: egui::ThemePreference::Light,
            ..Settings::default()
        };
        let json = serde_json::to_string(&chosen).unwrap();
        assert!(!json.contains("dark_mode"), "{json}");
        let back: Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(back.upgraded().theme, egui::ThemePreference::Light);
    }

    #[test]
    fn the_suggestion_model_and_threshold_are_remembered() {
        use crate::app::suggestions::{DEFAULT_THRESHOLD, ModelChoice};
        let old: Settings = serde_json::from_str(r#"{"recent_files": []}"#).unwrap();
        assert_eq!(old.suggestion_model, ModelChoice::Builtin);
        assert_eq!(old.suggestion_threshold(), DEFAULT_THRESHOLD);
        let chosen = Settings {
            suggestion_model: ModelChoice::File("/models/newsroom.bin".into()),
            suggestion_threshold: Some(0.7),
            ..Settings::default()
        };
        let back: Settings =
            serde_json::from_str(&serde_json::to_string(&chosen).unwrap()).unwrap();
        assert_eq!(back.suggestion_model, chosen.suggestion_model);
        assert_eq!(back.suggestion_threshold(), 0.7);
    }
}
