//! The fact-check GUI of issue 3, driven like a user would in egui_kittest: verdict, summary,
//! claim date and sources in the claim editor (each undoable), the review-details dialog, and
//! File → Export… writing the same bytes as the core exporters.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::{DialogAnswer, ScriptedDialogs};
use claimdesk::app::notices::Level;
use claimdesk::app::settings::Settings;
use claimdesk::ui::UiModal;
use claimdesk_model::{Claim, ClaimStatus, ReviewDetails};
use claimdesk_reports::{ExportFormat, export};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

use crate::common;

const ARTICLE: &str = "Officials said the reports were lies and fabrications.\n\n\
“Libya is not to blame for the displacement of thousands of persons,” Besher added.\n\n\
The agency is ready to cooperate with any initiative — café owners agreed.\n";

struct Fixture {
    dir: tempfile::TempDir,
    article: PathBuf,
    dialogs: Arc<ScriptedDialogs>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("libya-report.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    Fixture {
        dir,
        article,
        dialogs: Arc::new(ScriptedDialogs::default()),
    }
}

fn harness(fx: &Fixture, open: &Path) -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), fx.dialogs.clone());
    wb.open_path(open);
    common::harness_of(wb, Vec2::new(1280.0, 800.0))
}

fn char_offset(needle: &str) -> usize {
    common::char_offset(ARTICLE, needle)
}

/// Drags over `needle` in the article and presses the status key: a new, selected claim.
fn mark(h: &mut Harness<'_, Workbench>, needle: &str, status: ClaimStatus) {
    let a = char_offset(needle);
    let b = a + needle.chars().count();
    common::drag_select(h, a, b);
    h.key_press(common::status_key(status));
    h.run();
}

/// The selected claim, as it is now.
fn selected(h: &Harness<'_, Workbench>) -> Claim {
    common::selected_claim(h)
}

/// Focuses the `nth` text field named `label` (one line or multiline) and types into it.
fn type_into_nth(h: &mut Harness<'_, Workbench>, label: &str, nth: usize, text: &str) {
    let field = |h: &Harness<'_, Workbench>, f: &dyn Fn(&egui_kittest::Node<'_>)| {
        let node = h
            .get_all(
                By::new()
                    .label(label)
                    .predicate(|n| matches!(n.role(), Role::TextInput | Role::MultilineTextInput)),
            )
            .nth(nth)
            .unwrap_or_else(|| panic!("no text field {label:?} #{nth}"));
        f(&node);
    };
    field(h, &|n| n.scroll_to_me());
    h.run();
    field(h, &|n| n.focus());
    h.run();
    field(h, &|n| n.type_text(text));
    h.run();
}

fn type_into(h: &mut Harness<'_, Workbench>, label: &str, text: &str) {
    type_into_nth(h, label, 0, text);
}

/// Scrolls the `nth` widget named `label` into view and clicks it.
fn click_nth(h: &mut Harness<'_, Workbench>, label: &str, nth: usize) {
    h.get_all_by_label(label)
        .nth(nth)
        .unwrap_or_else(|| panic!("nothing labelled {label:?} #{nth}"))
        .scroll_to_me();
    h.run();
    h.get_all_by_label(label).nth(nth).unwrap().click();
    h.run();
}

fn click(h: &mut Harness<'_, Workbench>, label: &str) {
    click_nth(h, label, 0);
}

fn undo(h: &mut Harness<'_, Workbench>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// Leaves the focused text field, so the next key goes to the window.
fn leave_field(h: &mut Harness<'_, Workbench>) {
    h.key_press(Key::Escape);
    h.run();
}

fn menu(h: &mut Harness<'_, Workbench>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn verdict_typed_then_picked_and_each_undo_restores() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    type_into(&mut h, "Verdict:", "Mostly fals");
    assert_eq!(selected(&h).verdict, "Mostly fals");
    leave_field(&mut h);
    click(&mut h, "Verdict suggestions");
    click(&mut h, "Misleading");
    assert_eq!(selected(&h).verdict, "Misleading");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Verdict:")
            .value()
            .as_deref(),
        Some("Misleading"),
        "the field shows the pick"
    );
    undo(&mut h);
    assert_eq!(selected(&h).verdict, "Mostly fals", "undo the pick");
    undo(&mut h);
    assert_eq!(selected(&h).verdict, "", "undo the typing");
    assert_eq!(selected(&h).status, ClaimStatus::Disputed);
}

#[test]
fn summary_and_claim_date_are_edited_and_undone() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    mark(&mut h, "Libya is not to blame", ClaimStatus::Disputed);
    // Empty: the default from the quote is offered, with its length.
    assert!(
        h.query_by_label_contains("the quote’s start is used (21 / 75 characters)")
            .is_some()
    );
    let summary_label = "Short summary (for ClaimReview):";
    type_into(
        &mut h,
        summary_label,
        "Libya denies any blame for displacement",
    );
    assert_eq!(
        selected(&h).summary,
        "Libya denies any blame for displacement"
    );
    assert!(h.query_by_label("39 / 75 characters").is_some());
    let long = "x".repeat(80);
    type_into(&mut h, summary_label, &long);
    assert!(
        h.query_by_label_contains("keep it under 75").is_some(),
        "a too-long summary is flagged"
    );
    leave_field(&mut h);
    type_into(&mut h, "Claim made on:", "2024-05-12");
    assert_eq!(selected(&h).claim_date, "2024-05-12");
    assert!(h.query_by_label_contains("Not a YYYY-MM-DD").is_none());
    leave_field(&mut h);
    undo(&mut h);
    assert_eq!(selected(&h).claim_date, "");
    undo(&mut h);
    assert_eq!(
        selected(&h).summary,
        "",
        "both summary edits were one typing run"
    );
}

#[test]
fn sources_are_added_edited_removed_and_undone() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    assert!(h.query_by_label("Sources (0)").is_some());
    click(&mut h, "Add source");
    click(&mut h, "Add source");
    assert_eq!(selected(&h).evidence.len(), 2);
    type_into_nth(&mut h, "URL", 0, "https://www.unhcr.org/libya");
    leave_field(&mut h);
    type_into_nth(&mut h, "Title", 0, "UNHCR Libya");
    leave_field(&mut h);
    type_into_nth(&mut h, "Title", 1, "IOM displacement tracking");
    leave_field(&mut h);
    type_into_nth(&mut h, "Excerpt", 1, "Over 100,000 displaced");
    leave_field(&mut h);
    type_into_nth(&mut h, "Accessed on", 1, "2024-05-13");
    leave_field(&mut h);
    type_into_nth(&mut h, "Note on the source", 1, "Primary data");
    leave_field(&mut h);
    let ev = selected(&h).evidence;
    assert_eq!(ev[0].url, "https://www.unhcr.org/libya");
    assert_eq!(ev[0].title, "UNHCR Libya");
    assert_eq!(ev[1].title, "IOM displacement tracking");
    assert_eq!(ev[1].excerpt, "Over 100,000 displaced");
    assert_eq!(ev[1].accessed, "2024-05-13");
    assert_eq!(ev[1].note, "Primary data");
    assert_eq!(h.query_all_by_label("Open").count(), 1, "one web link");

    // Remove the first source: the second stays.
    click_nth(&mut h, "Remove", 0);
    let ev = selected(&h).evidence;
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].title, "IOM displacement tracking");
    assert!(h.query_by_label("Open").is_none());

    undo(&mut h);
    let ev = selected(&h).evidence;
    assert_eq!(ev.len(), 2, "undo brings the source back");
    assert_eq!(ev[0].title, "UNHCR Libya");
    assert_eq!(ev[0].url, "https://www.unhcr.org/libya");
    undo(&mut h); // note
    undo(&mut h); // accessed
    undo(&mut h); // excerpt
    undo(&mut h); // title of source 2
    assert_eq!(selected(&h).evidence[1], Default::default());
    undo(&mut h); // title of source 1
    undo(&mut h); // url of source 1
    assert_eq!(selected(&h).evidence[0], Default::default());
    undo(&mut h);
    undo(&mut h);
    assert!(
        selected(&h).evidence.is_empty(),
        "and undo removes the added sources"
    );
}

#[test]
fn the_open_link_asks_the_system_to_open_the_normalised_url() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    click(&mut h, "Add source");
    type_into(&mut h, "URL", "  HTTPS://Example.org/a b");
    leave_field(&mut h);
    h.get_by_label("Open").scroll_to_me();
    h.run();
    h.get_by_label("Open").click();
    let mut opened = Vec::new();
    for _ in 0..6 {
        h.step();
        for command in &h.output().platform_output.commands {
            if let egui::OutputCommand::OpenUrl(open) = command {
                opened.push(open.url.clone());
            }
        }
    }
    assert_eq!(opened, ["https://example.org/a%20b"]);
}

#[test]
fn a_javascript_url_is_never_a_link() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    for (i, url) in [
        "javascript:alert(document.cookie)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ]
    .into_iter()
    .enumerate()
    {
        click(&mut h, "Add source");
        type_into_nth(&mut h, "URL", i, url);
        leave_field(&mut h);
        assert_eq!(selected(&h).evidence[i].url, url, "kept as typed");
    }
    assert!(h.query_by_label("Open").is_none(), "no Open link for any");
    assert!(h.query_all(By::new().role(Role::Link)).next().is_none());
    assert_eq!(
        h.query_all_by_label_contains("Not an http(s) address")
            .count(),
        4
    );
}

#[test]
fn review_details_are_saved_undone_and_survive_a_reopen() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    menu(&mut h, "Review details…");
    assert!(matches!(
        h.state().ui_state.modal,
        Some(UiModal::Details(_))
    ));
    type_into(&mut h, "Reviewer", "Ana Analyst");
    type_into(&mut h, "Organisation", "Desk of Facts");
    type_into(&mut h, "Article URL", "https://news.example/libya");
    type_into(&mut h, "Article published", "2024-05-12");
    type_into(&mut h, "Report URL", "javascript:alert(1)");
    assert!(
        h.query_by_label_contains("Report URL is not an http(s) address")
            .is_some()
    );
    click(&mut h, "Save details");
    assert!(h.state().ui_state.modal.is_none(), "Save closes the dialog");
    let expected = ReviewDetails {
        reviewer: "Ana Analyst".into(),
        organisation: "Desk of Facts".into(),
        article_url: "https://news.example/libya".into(),
        article_published: "2024-05-12".into(),
        report_url: "javascript:alert(1)".into(),
        ..ReviewDetails::default()
    };
    assert_eq!(h.state().review().unwrap().review().details, expected);

    // Reopened, the dialog shows what was saved; Cancel changes nothing.
    menu(&mut h, "Review details…");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Reviewer")
            .value()
            .as_deref(),
        Some("Ana Analyst")
    );
    type_into(&mut h, "Reviewer", " (draft)");
    click(&mut h, "Cancel");
    assert!(h.state().ui_state.modal.is_none());
    assert_eq!(h.state().review().unwrap().review().details, expected);

    // Undo and redo, then save the review and open it again.
    undo(&mut h);
    assert_eq!(
        h.state().review().unwrap().review().details,
        ReviewDetails::default()
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().review().unwrap().review().details, expected);
    let saved = fx.dir.path().join("libya.claimdesk");
    fx.dialogs.push_answer(DialogAnswer::Picked(saved.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(saved.exists(), "{:?}", h.state().notices.last_error());
    let mut h = harness(&fx, &saved);
    assert_eq!(h.state().review().unwrap().review().details, expected);
    menu(&mut h, "Review details…");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Report URL")
            .value()
            .as_deref(),
        Some("javascript:alert(1)")
    );
}

/// A review with claims of every status, a verdict, sources and details, for the exports.
fn rich_harness(fx: &Fixture) -> Harness<'static, Workbench> {
    let mut h = harness(fx, &fx.article);
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    type_into(&mut h, "Verdict:", "False");
    leave_field(&mut h);
    click(&mut h, "Add source");
    type_into(&mut h, "URL", "https://www.unhcr.org/libya");
    leave_field(&mut h);
    mark(&mut h, "The agency", ClaimStatus::UnderInvestigation);
    mark(&mut h, "Besher added", ClaimStatus::Asserted);
    menu(&mut h, "Review details…");
    type_into(&mut h, "Reviewer", "Ana Analyst");
    type_into(&mut h, "Report URL", "https://factcheck.example/libya");
    click(&mut h, "Save details");
    h
}

fn export_via_dialog(h: &mut Harness<'_, Workbench>, format: ExportFormat) {
    menu(h, "Export…");
    assert!(matches!(h.state().ui_state.modal, Some(UiModal::Export(_))));
    h.get_by_label(format.label()).click();
    h.run();
    h.get_by_label("Choose file and export…").click();
    // Not `run`: the status bar's spinner repaints while the export is written.
    h.step();
    finish_export(h);
}

/// Runs frames until the export the dialog's answer starts (a frame or two after the click;
/// none if the dialog was cancelled) has been written and reported.
fn finish_export(h: &mut Harness<'_, Workbench>) {
    let mut started = false;
    for frame in 0..2_000 {
        match h.state().export_running() {
            Some(_) => started = true,
            None if started || frame > 10 => {
                h.run();
                return;
            }
            None => {}
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    panic!("the export never finished");
}

#[test]
fn export_writes_each_format_exactly_as_the_core_exporter() {
    let fx = fixture();
    let mut h = rich_harness(&fx);
    let out_dir = fx.dir.path().join("exports");
    std::fs::create_dir(&out_dir).unwrap();
    for format in ExportFormat::ALL {
        // No extension typed: the format's own is added.
        let picked = out_dir.join(format!("report-{}", format.name()));
        fx.dialogs.push_answer(DialogAnswer::Picked(picked.clone()));
        export_via_dialog(&mut h, format);
        assert!(h.state().ui_state.modal.is_none(), "the dialog closed");
        let written = picked.with_extension(format.extension());
        let bytes = std::fs::read(&written)
            .unwrap_or_else(|e| panic!("{format}: {e}; {:?}", h.state().notices.last_error()));
        let expected = export(h.state().review().unwrap().review(), format).unwrap();
        assert_eq!(bytes, expected.bytes, "{format}");
        let notice = h.state().notices.items.last().unwrap();
        assert!(notice.text.starts_with("Exported the"), "{}", notice.text);
        if format == ExportFormat::ClaimReview {
            assert_eq!(notice.level, Level::Warning);
            assert!(notice.text.contains("left out"), "{}", notice.text);
        }
    }
    // Proposed beside the article, named after it.
    let suggestions = fx.dialogs.suggestions.lock().unwrap().clone();
    let names: Vec<_> = suggestions
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "libya-report.html",
            "libya-report.pdf",
            "libya-report.md",
            "libya-report.csv",
            "libya-report.claimreview.jsonld",
            "libya-report.annotations.jsonld"
        ]
    );
    assert!(
        suggestions
            .iter()
            .all(|p| p.parent() == fx.article.parent())
    );
    assert!(h.state().notices.last_error().is_none());
}

#[test]
fn a_failed_export_shows_an_error_and_leaves_no_file() {
    let fx = fixture();
    let mut h = rich_harness(&fx);
    let missing = fx.dir.path().join("no-such-folder");
    let target = missing.join("report.html");
    fx.dialogs.push_answer(DialogAnswer::Picked(target.clone()));
    export_via_dialog(&mut h, ExportFormat::Html);
    let error = h.state().notices.last_error().expect("an error is shown");
    assert!(error.contains("Could not write the HTML report"), "{error}");
    assert!(
        h.query_by_label_contains("Could not write the HTML report")
            .is_some()
    );
    assert!(!target.exists());
    assert!(!missing.exists());
    let leftovers: Vec<_> = std::fs::read_dir(fx.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "only the article: {leftovers:?}");
}

#[test]
fn export_dialog_cancel_and_dialog_cancel_write_nothing() {
    let fx = fixture();
    let mut h = rich_harness(&fx);
    menu(&mut h, "Export…");
    click(&mut h, "Cancel");
    assert!(h.state().ui_state.modal.is_none());
    // The save dialog cancelled: nothing written, no error.
    fx.dialogs.push_answer(DialogAnswer::Cancelled);
    export_via_dialog(&mut h, ExportFormat::Csv);
    assert!(h.state().notices.last_error().is_none());
    let files = std::fs::read_dir(fx.dir.path()).unwrap().count();
    assert_eq!(files, 1);
}

#[test]
fn keys_typed_in_the_dialogs_never_reach_the_claims_behind_them() {
    let fx = fixture();
    let mut h = harness(&fx, &fx.article);
    mark(
        &mut h,
        "lies and fabrications",
        ClaimStatus::UnderInvestigation,
    );
    let before = selected(&h);
    // The details dialog opens with the keyboard in its first field.
    menu(&mut h, "Review details…");
    h.key_press(Key::A);
    h.get_by_role_and_label(Role::TextInput, "Reviewer")
        .type_text("Ana Analyst");
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Reviewer")
            .value()
            .as_deref(),
        Some("Ana Analyst")
    );
    click(&mut h, "Cancel");
    // The export dialog has no text field: single keys are swallowed while it is open.
    menu(&mut h, "Export…");
    for key in [Key::A, Key::D, Key::I, Key::Delete, Key::Backspace] {
        h.key_press(key);
        h.run();
    }
    assert!(matches!(h.state().ui_state.modal, Some(UiModal::Export(_))));
    assert_eq!(selected(&h), before, "the claim is untouched");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().ui_state.modal.is_none(), "Esc closes the dialog");
}

#[test]
fn export_can_include_the_timeline_and_remembers_it() {
    let fx = fixture();
    let mut h = rich_harness(&fx);
    let picked = fx.dir.path().join("with-timeline.html");
    fx.dialogs.push_answer(DialogAnswer::Picked(picked.clone()));
    menu(&mut h, "Export…");
    h.get_by_label(ExportFormat::Html.label()).click();
    h.run();
    h.get_by_label("Include each claim's timeline (who changed it, when, why)")
        .click();
    h.run();
    assert!(h.state().settings.export_timeline, "remembered");
    h.get_by_label("Choose file and export…").click();
    h.step();
    finish_export(&mut h);
    let written = std::fs::read_to_string(&picked).unwrap();
    let review = &h.state().review().unwrap().review();
    let options = claimdesk_reports::ExportOptions {
        report: claimdesk_reports::ReportOptions {
            timeline: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let expected = claimdesk_reports::export_with(review, ExportFormat::Html, &options).unwrap();
    assert_eq!(written.as_bytes(), expected.bytes);
    assert!(
        written.contains("<h4>Timeline</h4>"),
        "marking recorded a history"
    );
}

#[test]
fn an_export_runs_beside_the_window_one_at_a_time_and_closing_waits_for_it() {
    let fx = fixture();
    let mut h = rich_harness(&fx);
    let ctx = h.ctx.clone();
    let pdf = fx.dir.path().join("report.pdf");
    assert!(h.state_mut().export_to(&pdf, ExportFormat::Pdf, &ctx));
    // The command returned at once: the worker writes the file; the outcome is taken in a
    // later frame.
    let job = h.state().export_running().cloned().expect("an export runs");
    assert_eq!(
        (job.format, job.path.as_path()),
        (ExportFormat::Pdf, pdf.as_path())
    );
    let csv = fx.dir.path().join("report.csv");
    assert!(!h.state_mut().export_to(&csv, ExportFormat::Csv, &ctx));
    let refused = h.state().notices.last_error().unwrap().to_owned();
    assert!(refused.contains("still being written to"), "{refused}");
    // Closing the window now is put off until the file is written, then asked again.
    common::request_close(&mut h);
    let mut seen = common::root_commands(&h);
    assert!(seen.contains(&egui::ViewportCommand::CancelClose));
    assert!(
        h.state()
            .notices
            .items
            .iter()
            .any(|n| n.text == "Finishing the PDF report before closing…"),
        "{:?}",
        h.state().notices.items
    );
    for _ in 0..2_000 {
        if h.state().export_running().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
        seen.extend(common::root_commands(&h));
    }
    assert!(h.state().export_running().is_none(), "the export finished");
    assert!(seen.contains(&egui::ViewportCommand::Close), "{seen:?}");
    let expected = export(h.state().review().unwrap().review(), ExportFormat::Pdf).unwrap();
    assert_eq!(std::fs::read(&pdf).unwrap(), expected.bytes);
    assert!(!csv.exists(), "the refused export wrote nothing");
}
