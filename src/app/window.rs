//! The window's own concerns ([`WindowCommand`]): the theme, dismissing a notice, files dropped
//! on the window, the close button (held while an export is written, or asking about unsaved
//! changes first) and the title.

use super::AppState;
use super::files::{FileCommand, Pending, guard};

/// What the user asks of the window.
#[derive(Clone, Debug, PartialEq)]
pub enum WindowCommand {
    /// Choose the light or dark theme, or follow the desktop's.
    SetTheme(egui::ThemePreference),
    /// Remove a notice (by position in the list).
    DismissNotice(usize),
}

/// Applies a window command.
pub fn apply(app: &mut AppState, command: WindowCommand, ctx: &egui::Context) {
    match command {
        WindowCommand::SetTheme(theme) => app.settings.set_theme(theme, ctx),
        WindowCommand::DismissNotice(i) => app.notices.dismiss(i),
    }
}

/// A file dropped on the window is opened (after the unsaved-changes question).
pub(crate) fn take_dropped_files(app: &mut AppState, ui: &egui::Ui) {
    let dropped = ui.input(|i| i.raw.dropped_files.clone());
    if let Some(path) = dropped
        .iter()
        .map(|f| f.path().to_owned())
        .find(|p| !p.as_os_str().is_empty())
    {
        app.push(FileCommand::Open(path));
    } else if !dropped.is_empty() {
        app.notices
            .error("The dropped item is not a file on disk; drop a saved file instead.");
    }
}

/// The close button: held while an export is being written; with unsaved changes, asks first.
pub(crate) fn watch_close_request(app: &mut AppState, ui: &egui::Ui) {
    if !ui.input(|i| i.viewport().close_requested()) {
        return;
    }
    if super::exporting::defer_close(app) {
        ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        return;
    }
    let dirty = app.review.as_ref().is_some_and(|r| r.doc().is_dirty());
    if !app.allow_close && dirty {
        ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        guard(app, Pending::Close, ui.ctx());
    }
}

/// The window title: file name, an unsaved-changes marker, the app name.
pub fn title(app: &AppState) -> String {
    match &app.review {
        Some(open) => {
            let doc = open.doc();
            let marker = if doc.is_dirty() { "● " } else { "" };
            format!("{marker}{} — Claimdesk", doc.display_name())
        }
        None => "Claimdesk".to_owned(),
    }
}

/// Sends the title to the window when it changed.
pub(crate) fn update_title(app: &mut AppState, ctx: &egui::Context) {
    let title = title(app);
    if title != app.last_title {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        app.last_title = title;
    }
}
