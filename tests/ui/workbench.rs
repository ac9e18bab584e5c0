//! The core workbench flow, driven like a user would in egui_kittest: drag, double-click, keys,
//! find, clicks on highlights and list entries, editing, saving, reopening, closing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::{DialogAnswer, ScriptedDialogs};
use claimdesk::app::settings::Settings;
use claimdesk_model::{ClaimStatus, format};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;
use common::{char_offset, char_rect, claim_quotes, click_at, drag_select};

const ARTICLE: &str = "Officials said the reports were lies and fabrications.\n\n\
“Libya is not to blame for the displacement of thousands of persons,” Besher added.\n\n\
The agency is ready to cooperate with any initiative — café owners agreed.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    article: PathBuf,
    dialogs: Arc<ScriptedDialogs>,
}

fn fixture(text: &str) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("libya-report.txt");
    std::fs::write(&article, text).unwrap();
    Fixture {
        _dir: dir,
        article,
        dialogs: Arc::new(ScriptedDialogs::default()),
    }
}

fn harness(fx: &Fixture, open: Option<&Path>) -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), fx.dialogs.clone());
    if let Some(path) = open {
        wb.open_path(path);
    }
    common::harness_of(wb, Vec2::new(1100.0, 700.0))
}

fn selected_text(h: &Harness<'_, Workbench>) -> Option<String> {
    let wb = h.state();
    let (a, b) = wb.review().unwrap().view.selection?.range();
    Some(wb.review()?.review().article.slice(a, b).to_owned())
}

#[test]
fn drag_select_then_d_creates_a_disputed_claim() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    let a = char_offset(ARTICLE, "lies");
    let b = char_offset(ARTICLE, " and fabrications") + " and fabrications".chars().count();
    drag_select(&mut h, a, b);
    assert_eq!(selected_text(&h).as_deref(), Some("lies and fabrications"));
    h.key_press(Key::D);
    h.run();
    assert_eq!(
        claim_quotes(&h),
        vec![("lies and fabrications".to_owned(), ClaimStatus::Disputed)]
    );
    let wb = h.state();
    let claim = &wb.review().unwrap().review().claims()[0];
    assert_eq!((claim.span.start, claim.span.end), (a, b));
    assert_eq!(
        wb.review().unwrap().view.selected_claim.as_ref(),
        Some(&claim.id)
    );
    // The text is no longer selected: a caret waits at the claim's end.
    let caret = wb.review().unwrap().view.selection.expect("a caret");
    assert_eq!((caret.anchor, caret.head), (b, b));
    assert!(
        wb.title().starts_with("● "),
        "unsaved marker in {}",
        wb.title()
    );
}

#[test]
fn a_drag_inside_words_selects_whole_words_trimmed() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    // From the middle of "reports" to the middle of "were".
    let a = char_offset(ARTICLE, "reports") + 3;
    let b = char_offset(ARTICLE, "were") + 2;
    drag_select(&mut h, a, b);
    assert_eq!(selected_text(&h).as_deref(), Some("reports were"));
}

#[test]
fn double_click_selects_a_word_and_keys_set_then_change_status() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    let pos = char_rect(&h, char_offset(ARTICLE, "Besher") + 2).center();
    common::multi_click(&mut h, pos, 2);
    assert_eq!(selected_text(&h).as_deref(), Some("Besher"));
    h.key_press(Key::A);
    h.run();
    assert_eq!(
        claim_quotes(&h),
        vec![("Besher".to_owned(), ClaimStatus::Asserted)]
    );
    // With the new claim selected and no text selected, a key changes its status.
    h.key_press(Key::I);
    h.run();
    assert_eq!(
        claim_quotes(&h),
        vec![("Besher".to_owned(), ClaimStatus::UnderInvestigation)]
    );
}

#[test]
fn find_then_enter_selects_the_match_and_escape_keeps_it() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find:")
        .type_text("LIBYA IS");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(selected_text(&h).as_deref(), Some("Libya is"));
    assert!(h.query_by_label_contains("1 of 1").is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state().review().unwrap().find.is_none(),
        "Esc closes the find bar"
    );
    assert_eq!(
        selected_text(&h).as_deref(),
        Some("Libya is"),
        "and keeps the selection"
    );
    h.key_press(Key::D);
    h.run();
    assert_eq!(
        claim_quotes(&h),
        vec![("Libya is".to_owned(), ClaimStatus::Disputed)]
    );
}

#[test]
fn toolbar_button_marks_the_selection() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    let a = char_offset(ARTICLE, "The agency");
    drag_select(&mut h, a, a + "The agency".len());
    h.get_by_label("Under investigation  (I)").click();
    h.run();
    assert_eq!(
        claim_quotes(&h),
        vec![("The agency".to_owned(), ClaimStatus::UnderInvestigation)]
    );
}

/// Focuses a text field and types into it.
fn type_into(h: &mut Harness<'_, Workbench>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn mark(h: &mut Harness<'_, Workbench>, needle: &str, status: ClaimStatus) {
    let a = char_offset(ARTICLE, needle);
    drag_select(h, a, a + needle.chars().count());
    h.key_press(common::status_key(status));
    h.run();
}

#[test]
fn clicking_overlapping_highlights_cycles_through_the_claims() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    mark(&mut h, "lies", ClaimStatus::Asserted);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().review().unwrap().view.selected_claim.is_none());
    let on_lies = char_rect(&h, char_offset(ARTICLE, "lies") + 1).center();
    let selected_quote = |h: &Harness<'_, Workbench>| {
        let wb = h.state();
        let id = wb.review().unwrap().view.selected_claim.clone()?;
        Some(wb.review()?.review().claim(&id)?.quote.clone())
    };
    // Pauses between clicks so they are not taken for a double-click.
    click_at(&mut h, on_lies);
    assert_eq!(
        selected_quote(&h).as_deref(),
        Some("lies"),
        "innermost first"
    );
    h.run_steps(40);
    click_at(&mut h, on_lies);
    assert_eq!(selected_quote(&h).as_deref(), Some("lies and fabrications"));
    h.run_steps(40);
    click_at(&mut h, on_lies);
    assert_eq!(
        selected_quote(&h).as_deref(),
        Some("lies"),
        "and around again"
    );
    h.run_steps(40);
    // A click outside any claim clears the selection of claims.
    let outside = char_rect(&h, char_offset(ARTICLE, "Officials") + 2).center();
    click_at(&mut h, outside);
    assert!(h.state().review().unwrap().view.selected_claim.is_none());
}

#[test]
fn clicking_a_list_entry_selects_the_claim_and_scrolls_to_it() {
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!(
            "Paragraph {i} repeats a sentence about migrants and the law.\n\n"
        ));
    }
    text.push_str("The final paragraph holds the disputed figure of 4,000 persons.\n");
    let fx = fixture(&text);
    let mut h = harness(&fx, Some(&fx.article));
    let target = char_offset(&text, "4,000 persons");
    let first = char_offset(&text, "Paragraph 0 ");
    // Mark a claim at the top, then one at the far end (found with the find bar).
    let start = h.state().article_view().unwrap().char_rect(first);
    assert!(start.is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find:")
        .type_text("4,000 persons");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::D);
    h.run();
    // Scroll back to the top: the far claim is off screen.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state()
            .article_view()
            .unwrap()
            .char_rect(target)
            .is_none()
    );
    h.get_by_label("Disputed: 4,000 persons").click();
    h.run();
    let wb = h.state();
    let doc = wb.review().unwrap();
    let id = wb
        .review()
        .unwrap()
        .view
        .selected_claim
        .clone()
        .expect("the entry selects its claim");
    assert_eq!(doc.review().claim(&id).unwrap().quote, "4,000 persons");
    assert!(
        h.state()
            .article_view()
            .unwrap()
            .char_rect(target)
            .is_some(),
        "the article scrolled to the claim"
    );
}

#[test]
fn claimant_and_note_are_edited_in_the_panel_and_delete_removes() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    mark(&mut h, "Libya is not to blame", ClaimStatus::Disputed);
    type_into(
        &mut h,
        Role::TextInput,
        "Claimant (who made the claim):",
        "Mohammed Besher",
    );
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Note:",
        "UN reports contradict this.",
    );
    {
        let claim = &h.state().review().unwrap().review().claims()[0];
        assert_eq!(claim.claimant, "Mohammed Besher");
        assert_eq!(claim.note, "UN reports contradict this.");
    }
    // Typing is one undo step per pause, not per character.
    let undo = h
        .state()
        .review()
        .unwrap()
        .doc()
        .history()
        .undo_label()
        .map(str::to_owned);
    assert_eq!(undo.as_deref(), Some("edit note"));
    // Leave the text field, then Delete removes the selected claim; Ctrl+Z brings it back.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(claim_quotes(&h).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(claim_quotes(&h).len(), 1);
    assert_eq!(
        h.state().review().unwrap().review().claims()[0].claimant,
        "Mohammed Besher"
    );
}

#[test]
fn save_asks_where_first_then_reopening_restores_everything() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    type_into(
        &mut h,
        Role::TextInput,
        "Claimant (who made the claim):",
        "Officials",
    );
    mark(
        &mut h,
        "The agency is ready",
        ClaimStatus::UnderInvestigation,
    );
    let target = fx.article.with_extension("claimdesk");
    fx.dialogs.push_answer(DialogAnswer::Picked(target.clone()));
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let suggested = fx.dialogs.suggestions.lock().unwrap().clone();
    assert_eq!(
        suggested,
        vec![target.clone()],
        "proposes <article>.claimdesk beside it"
    );
    assert!(target.exists());
    assert!(!h.state().review().unwrap().doc().is_dirty());
    assert!(!h.state().title().contains('●'));

    // The second save writes without asking.
    mark(&mut h, "café owners agreed", ClaimStatus::Asserted);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(fx.dialogs.suggestions.lock().unwrap().len(), 1);

    let before = h.state().review().unwrap().review().claims().to_vec();
    let reopened = harness(&fx, Some(&target));
    let doc = reopened.state().review().unwrap();
    assert_eq!(doc.review().article.text(), ARTICLE);
    assert_eq!(doc.review().claims(), &before[..]);
    assert_eq!(doc.review().claims().len(), 3);
    assert!(doc.doc().load_warnings().is_empty());
    assert!(!doc.doc().is_dirty());
    let loaded = format::load_file(&target).unwrap();
    assert_eq!(loaded.review.claims().len(), 3);
}

#[test]
fn closing_with_unsaved_changes_asks_save_discard_cancel() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    common::request_close(&mut h);
    let cancelled = common::root_commands(&h).contains(&egui::ViewportCommand::CancelClose);
    assert!(cancelled, "the close is held back");
    h.run();
    assert!(
        h.query_by_label_contains("Save the changes to libya-report.txt")
            .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().question().is_none());
    assert_eq!(claim_quotes(&h).len(), 1, "Cancel keeps the review");

    // Save from the prompt: asks where, writes, then lets the window close.
    let target = fx.article.with_extension("claimdesk");
    fx.dialogs.push_answer(DialogAnswer::Picked(target.clone()));
    common::request_close(&mut h);
    h.run();
    h.get_by_label("Save").click();
    h.step();
    let closing = common::root_commands(&h).contains(&egui::ViewportCommand::Close);
    h.run();
    assert!(target.exists());
    assert!(closing || h.state().allow_close);
}

#[test]
fn discard_lets_the_window_close_without_writing() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().allow_close);
    assert!(!fx.article.with_extension("claimdesk").exists());
}

#[test]
fn opening_a_corrupt_file_keeps_the_current_review_and_says_why() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, Some(&fx.article));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    h.key_press(Key::Escape);
    h.run();
    let bad = fx.article.with_file_name("broken.claimdesk");
    std::fs::write(
        &bad,
        "{\"format\": \"claimdesk\", \"version\": 1, \"article\": {",
    )
    .unwrap();
    // Opening asks about unsaved changes first; discard, and the broken file fails to open.
    fx.dialogs.push_answer(DialogAnswer::Picked(bad.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    let wb = h.state();
    let error = wb.notices.last_error().expect("an error is shown");
    assert!(
        error.contains("broken.claimdesk") && error.contains("not valid JSON"),
        "{error}"
    );
    assert_eq!(
        claim_quotes(&h).len(),
        1,
        "the current review is still open"
    );
    assert!(
        h.query_by_label_contains("not valid JSON").is_some(),
        "visible in the window"
    );
}

/// A file dropped on the window, as the windowing backend would deliver it.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn start_screen_opens_the_sample_and_dropped_files() {
    let fx = fixture(ARTICLE);
    let mut h = harness(&fx, None);
    assert!(h.state().review().is_none());
    h.get_by_label("Open sample article").click();
    h.run();
    let title = h.state().review().unwrap().review().article.title.clone();
    assert_eq!(title, "sample-article.txt");
    assert!(
        !h.state().review().unwrap().doc().is_dirty(),
        "nothing to lose yet"
    );

    let dropped: Arc<dyn egui::DroppedFile + Send + Sync> =
        Arc::new(DroppedPath(fx.article.clone()));
    h.input_mut().dropped_files.push(dropped);
    h.run();
    assert_eq!(
        h.state().review().unwrap().review().article.title,
        "libya-report.txt"
    );
}

#[test]
fn screen_readers_get_the_visible_article_text() {
    let fx = fixture(ARTICLE);
    let h = harness(&fx, Some(&fx.article));
    // egui_kittest always runs with AccessKit on: each visible row is a text run.
    let row = "Officials said the reports were lies and fabrications.";
    assert!(
        h.query_all_by_role(Role::TextRun).count() >= 3,
        "one run per visible row"
    );
    assert!(
        h.query_all_by_value(row).count() >= 1,
        "the first row is exposed"
    );
    assert_eq!(h.query_all_by_value("Not in the article.").count(), 0);
}
