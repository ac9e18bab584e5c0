//! The menu bar (File, Edit, View) and the marking toolbar under it.

use claimdesk_model::status::STATUS_LOOKS;

use crate::app::OpenReview;
use crate::app::archive::ArchiveCommand;
use crate::app::article_update::ArticleCommand;
use crate::app::files::FileCommand;
use crate::app::open_review::claims::ClaimCommand;
use crate::app::open_review::edit::EditCommand;
use crate::app::suggestions::SuggestionCommand;
use crate::app::team::TeamCommand;
use crate::app::window::WindowCommand;
use crate::ui::Frame;
use crate::ui::{export_dialog, find_bar, review_details, theme};

/// Draws the menus and, with a review open, the toolbar.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: Option<&OpenReview>) {
    let wb = f.app;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, f, open));
        ui.menu_button("Edit", |ui| edit_menu(ui, f, open));
        ui.menu_button("View", |ui| {
            ui.label("Theme");
            for (choice, label) in [
                (egui::ThemePreference::System, "Follow the desktop"),
                (egui::ThemePreference::Light, "Light"),
                (egui::ThemePreference::Dark, "Dark"),
            ] {
                if ui.radio(wb.settings.theme == choice, label).clicked() {
                    f.push(WindowCommand::SetTheme(choice));
                }
            }
            ui.separator();
            suggest_item(ui, f, open.is_some());
        });
        crate::ui::help_menu::menus(ui, f);
    });
    if let Some(open) = open {
        toolbar(ui, f, open);
    }
}

fn file_menu(ui: &mut egui::Ui, f: &mut Frame, open: Option<&OpenReview>) {
    let wb = f.app;
    let has_doc = open.is_some();
    if ui
        .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
        .clicked()
    {
        f.push(FileCommand::OpenDialog);
    }
    if ui.button("Open sample article").clicked() {
        f.push(FileCommand::OpenSample);
    }
    if ui
        .add(egui::Button::new("New review from clipboard").shortcut_text("Ctrl+Shift+V"))
        .on_hover_text("Start a review of the text on the clipboard")
        .clicked()
    {
        f.push(FileCommand::NewFromClipboard);
    }
    ui.menu_button("Open recent", |ui| {
        if wb.settings.recent_files.is_empty() {
            ui.weak("No recent files");
        }
        for path in wb.settings.recent_files.clone() {
            if ui.button(path.display().to_string()).clicked() {
                f.push(FileCommand::Open(path));
            }
        }
    });
    ui.separator();
    if ui
        .add_enabled(has_doc, egui::Button::new("Save").shortcut_text("Ctrl+S"))
        .clicked()
    {
        f.push(FileCommand::Save);
    }
    if ui
        .add_enabled(
            has_doc,
            egui::Button::new("Save as…").shortcut_text("Ctrl+Shift+S"),
        )
        .clicked()
    {
        f.push(FileCommand::SaveAs);
    }
    ui.separator();
    article_items(ui, f, has_doc);
    let has_article_file = open
        .map(OpenReview::doc)
        .is_some_and(|d| d.article_path().is_some() && d.import().is_some());
    ui.add_enabled_ui(has_article_file, |ui| {
        ui.menu_button("Reload with encoding", |ui| {
            if let Some(open) = open {
                crate::ui::update_dialog::encoding_menu(ui, f, open);
            }
        });
    });
    ui.separator();
    if ui
        .add_enabled(has_doc, egui::Button::new("Review details…"))
        .on_hover_text("Reviewer, organisation, article and report URLs")
        .clicked()
        && let Some(open) = open
    {
        review_details::open(f, open);
    }
    if ui
        .add_enabled(has_doc, egui::Button::new("Export…"))
        .on_hover_text("HTML, Markdown, CSV, ClaimReview or Web Annotation")
        .clicked()
    {
        export_dialog::open(f);
    }
    if ui
        .button("Library…")
        .on_hover_text("The claim archive's sources: earlier reviews and published fact-checks")
        .clicked()
    {
        f.push(ArchiveCommand::ShowLibrary);
    }
    ui.separator();
    if ui
        .add(egui::Button::new("Quit").shortcut_text("Ctrl+Q"))
        .clicked()
    {
        f.push(FileCommand::Quit);
    }
}

/// File menu: a corrected article text, and another analyst's review to compare with.
fn article_items(ui: &mut egui::Ui, f: &mut Frame, has_doc: bool) {
    ui.add_enabled_ui(has_doc, |ui| {
        ui.menu_button("Update article text…", |ui| {
            if ui
                .button("From a file…")
                .on_hover_text("A corrected version of the article: every claim is re-anchored")
                .clicked()
            {
                f.push(ArticleCommand::UpdateFromFile);
            }
            if ui.button("From the clipboard").clicked() {
                f.push(ArticleCommand::UpdateFromClipboard);
            }
        });
    });
    if ui
        .add_enabled(has_doc, egui::Button::new("Compare with…"))
        .on_hover_text(
            "Another analyst's review of the same text: agreement, and take their claims",
        )
        .clicked()
    {
        f.push(TeamCommand::CompareWith);
    }
}

fn edit_menu(ui: &mut egui::Ui, f: &mut Frame, open: Option<&OpenReview>) {
    let history = open.map(|o| o.doc().history());
    let undo = history.and_then(|h| h.undo_label());
    let redo = history.and_then(|h| h.redo_label());
    let (can_undo, can_redo) = (undo.is_some(), redo.is_some());
    let undo_text = undo.map_or_else(|| "Undo".to_owned(), |l| format!("Undo: {l}"));
    let redo_text = redo.map_or_else(|| "Redo".to_owned(), |l| format!("Redo: {l}"));
    if ui
        .add_enabled(
            can_undo,
            egui::Button::new(undo_text).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        f.push(EditCommand::Undo);
    }
    if ui
        .add_enabled(
            can_redo,
            egui::Button::new(redo_text).shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        f.push(EditCommand::Redo);
    }
    ui.separator();
    if ui
        .add_enabled(
            open.is_some(),
            egui::Button::new("Find…").shortcut_text("Ctrl+F"),
        )
        .clicked()
    {
        find_bar::open(f);
    }
    let selected = open.and_then(|o| o.view.selected_claim.clone());
    if ui
        .add_enabled(
            selected.is_some(),
            egui::Button::new("Delete claim").shortcut_text("Del"),
        )
        .clicked()
        && let Some(id) = selected
    {
        f.push(ClaimCommand::Delete(id));
    }
    ui.separator();
    crate::ui::analyst_menu::show(ui, f);
}

/// Buttons to mark the selection (or restatus the selected claim), and Find.
fn toolbar(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let view = &open.view;
    let has_selection = view.has_text_selected();
    let has_claim = view.selected_claim.is_some();
    let has_suggestion = view.selected_suggestion.is_some();
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.label(if has_selection || has_suggestion || !has_claim {
            "Mark as:"
        } else {
            "Change to:"
        });
        for look in &STATUS_LOOKS {
            let (status, key) = (look.status, look.key);
            let text = format!("{}  ({key})", status.label());
            let button = egui::Button::new(text)
                .fill(theme::status_fill(status, dark))
                .stroke(egui::Stroke::new(1.0, theme::status_color(status, dark)));
            let resp = ui
                .add_enabled(has_selection || has_claim || has_suggestion, button)
                .on_hover_text(format!("Press {key}"))
                .on_disabled_hover_text("Select text in the article first");
            if resp.clicked() {
                f.push(ClaimCommand::Mark(status));
            }
        }
        ui.separator();
        if ui
            .button("Find  (Ctrl+F)")
            .on_hover_text("Search the article")
            .clicked()
        {
            find_bar::open(f);
        }
    });
    ui.add_space(2.0);
}

/// View → Suggest claims: shows or hides check-worthiness suggestions.
fn suggest_item(ui: &mut egui::Ui, f: &mut Frame, has_doc: bool) {
    let shown = f.app.suggestions.shown;
    let key = crate::ui::suggestion_keys::toggle_key_name();
    if ui
        .add_enabled(
            has_doc,
            egui::Button::selectable(shown, "Suggest claims").shortcut_text(key),
        )
        .on_hover_text("Point at the sentences most worth checking, with the reasons")
        .clicked()
    {
        f.push(SuggestionCommand::Show(!shown));
        f.state.claims_tab = false;
        ui.close();
    }
}
