//! The "Checked before" panel of issue 14, driven in egui_kittest: a small library (a
//! `.claimdesk` review and a ClaimReview file) in a temporary data folder, a new article whose
//! claim was checked before, the match shown in the panel, its verdict copied as evidence, and
//! Ctrl+Z taking the copy back in one step. The search runs on the app's worker thread; the test
//! waits for it by running frames, a bounded number of times.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::{DialogAnswer, ScriptedDialogs};
use claimdesk::app::settings::Settings;
use claimdesk_archive::Archive;
use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimStatus, Evidence, Review, Span};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;

const ARTICLE: &str = "The mayor repeated that the new bridge cost twice its budget.\n\n\
Residents said the river park opened on time.\n\n\
A post claimed that drinking hot water kills the virus.\n";

const EARLIER: &str = "Officials said the new bridge cost twice its budget. Others disagreed.";

struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    article: PathBuf,
    earlier: PathBuf,
}

/// A library of one earlier review (a disputed claim about the bridge, with a source) and one
/// ClaimReview file about something else; a new article to review.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir(&library).unwrap();
    let earlier = library.join("bridge.claimdesk");
    write_earlier_review(&earlier);
    write_claimreview(&library.join("feed.json"));
    let data = dir.path().join("data");
    Archive::in_data_dir(&data).add(&[library]).unwrap();
    let article = dir.path().join("mayor.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    Fixture {
        earlier: earlier.canonicalize().unwrap(),
        _dir: dir,
        data,
        article,
    }
}

fn write_earlier_review(path: &Path) {
    let article = Article::new("Bridge story", "", EARLIER.into());
    let mut claim = Claim::new(&article, Span::new(15, 51), ClaimStatus::Disputed);
    claim.verdict = "Misleading".into();
    claim.evidence.push(Evidence {
        url: "https://budget.example/bridge".into(),
        title: "City budget 2025".into(),
        ..Evidence::default()
    });
    let mut review = Review::with_claims(article, vec![claim]);
    review.details.organisation = "Our Desk".into();
    save_file(path, &review).unwrap();
}

fn write_claimreview(path: &Path) {
    let review = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "Drinking hot water kills the coronavirus",
        "url": "https://checkers.example/hot-water",
        "datePublished": "2025-03-04",
        "author": {"@type": "Organization", "name": "Feed Checkers"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"}
    });
    std::fs::write(path, serde_json::to_vec(&review).unwrap()).unwrap();
}

fn harness(fx: &Fixture) -> Harness<'static, Workbench> {
    harness_on(fx, &fx.data, Vec2::new(1280.0, 800.0))
}

/// The fixture's article open, with the archive of the data folder `data`.
fn harness_on(fx: &Fixture, data: &Path, size: Vec2) -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()))
        .with_archive(Archive::in_data_dir(data));
    wb.open_path(&fx.article);
    harness_of(wb, size)
}

/// As `common::harness_of`, with room for the frames the search thread's answers wake.
fn harness_of(wb: Workbench, size: Vec2) -> Harness<'static, Workbench> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(32)
        .build_ui_state(|ui, wb: &mut Workbench| wb.ui(ui), wb);
    h.run();
    h
}

/// Runs frames until `done` holds; fails after a bounded number (the worker never answered).
fn run_until(h: &mut Harness<'_, Workbench>, what: &str, done: impl Fn(&Workbench) -> bool) {
    for _ in 0..2_000 {
        if done(h.state()) {
            return;
        }
        h.step();
        std::thread::yield_now();
    }
    panic!("gave up waiting for {what}");
}

/// Scrolls the button `label` (of the best match) into view and clicks it.
fn click(h: &mut Harness<'_, Workbench>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn panel_has_hits(wb: &Workbench) -> bool {
    wb.review()
        .unwrap()
        .checked_before
        .hits
        .as_ref()
        .is_some_and(|h| !h.is_empty())
}

/// The selected claim's evidence, as (title, url).
fn evidence(h: &Harness<'_, Workbench>) -> Vec<(String, String)> {
    common::selected_claim(h)
        .evidence
        .iter()
        .map(|e| (e.title.clone(), e.url.clone()))
        .collect()
}

#[test]
fn a_claim_checked_before_shows_its_verdict_and_copies_it_as_one_undo_step() {
    let fx = fixture();
    let mut h = harness(&fx);
    h.get_by_label("Select a claim or some text to see earlier fact-checks of it.");

    common::mark_selected_text(
        &mut h,
        "the new bridge cost twice its budget",
        ClaimStatus::Disputed,
    );
    run_until(&mut h, "the archive's matches", panel_has_hits);
    h.run();
    let hits = h
        .state()
        .review()
        .unwrap()
        .checked_before
        .hits
        .clone()
        .unwrap();
    assert_eq!(
        hits.len(),
        1,
        "only the bridge claim, not one on \"the\": {hits:?}"
    );
    assert_eq!(hits[0].source, fx.earlier);
    assert_eq!(hits[0].claim.verdict, "Misleading");
    h.get_by_label("Misleading");
    h.get_by_label("· Our Desk");
    assert!(
        !hits[0].snippet.highlights.is_empty(),
        "the matching words are marked"
    );

    click(&mut h, "Copy verdict as evidence");
    h.run();
    let copied = evidence(&h);
    assert_eq!(
        copied,
        vec![
            ("Earlier review: Bridge story".to_owned(), String::new()),
            (
                "City budget 2025".to_owned(),
                "https://budget.example/bridge".to_owned()
            ),
        ],
        "the verdict and the earlier claim's source"
    );
    h.get_by_label(
        "Added the earlier verdict and 1 of its sources to the claim's sources (Ctrl+Z to undo).",
    );
    let note = &common::selected_claim(&h).evidence[0].note;
    assert!(
        note.contains("Misleading") && note.contains("Our Desk"),
        "{note}"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        evidence(&h).is_empty(),
        "one undo takes the whole copy back"
    );
    assert_eq!(common::claim_quotes(&h).len(), 1, "the claim itself stays");
}

#[test]
fn selected_text_is_searched_and_open_review_selects_the_earlier_claim() {
    let fx = fixture();
    let mut h = harness(&fx);
    let a = common::char_offset(ARTICLE, "hot water");
    common::select(&mut h, a, a + "hot water".len());
    h.run();
    run_until(&mut h, "a match for the selection", panel_has_hits);
    let hits = h
        .state()
        .review()
        .unwrap()
        .checked_before
        .hits
        .clone()
        .unwrap();
    assert_eq!(hits[0].claim.verdict, "False", "{hits:?}");
    assert_eq!(hits[0].claim.organisation, "Feed Checkers");

    // Now a selection that matches the earlier review, then open it at its claim.
    let a = common::char_offset(ARTICLE, "bridge cost twice");
    common::select(&mut h, a, a + "bridge cost twice".len());
    run_until(&mut h, "the bridge match", |wb| {
        wb.review()
            .unwrap()
            .checked_before
            .hits
            .as_ref()
            .is_some_and(|h| h.first().is_some_and(|h| h.claim.verdict == "Misleading"))
    });
    h.run();
    click(&mut h, "Open review");
    let wb = h.state();
    let doc = wb.review().expect("a review is open");
    assert_eq!(doc.doc().path(), Some(fx.earlier.as_path()));
    let selected = wb
        .review()
        .unwrap()
        .view
        .selected_claim
        .clone()
        .expect("the claim is selected");
    assert_eq!(doc.review().claim(&selected).unwrap().verdict, "Misleading");
}

#[test]
fn an_empty_library_shows_how_to_add_sources() {
    let fx = fixture();
    let empty = fx.data.join("empty");
    let mut h = harness_on(&fx, &empty, Vec2::new(1024.0, 600.0));
    common::mark_selected_text(&mut h, "river park", ClaimStatus::Asserted);
    run_until(&mut h, "the archive to open", |wb| {
        wb.archive.status == claimdesk::app::archive::ArchiveStatus::Ready(0)
    });
    h.run();
    h.get_by_label("The claim archive is empty.");
}

/// Sources added by another process (here `claimdesk library add`'s code path on the same data
/// folder) are searched by the open window at its next search, without opening Library….
#[test]
fn a_library_changed_elsewhere_is_searched_at_once() {
    let fx = fixture();
    let empty = fx.data.join("empty");
    let mut h = harness_on(&fx, &empty, Vec2::new(1280.0, 800.0));
    common::mark_selected_text(&mut h, "river park", ClaimStatus::Asserted);
    run_until(&mut h, "the empty archive to open", |wb| {
        wb.archive.status == claimdesk::app::archive::ArchiveStatus::Ready(0)
    });

    let library = fx.earlier.parent().unwrap().to_owned();
    Archive::in_data_dir(&empty).add(&[library]).unwrap();
    Archive::in_data_dir(&empty).refresh().unwrap();

    let a = common::char_offset(ARTICLE, "bridge cost twice");
    common::select(&mut h, a, a + "bridge cost twice".len());
    run_until(&mut h, "the match from the sources added elsewhere", |wb| {
        wb.review()
            .unwrap()
            .checked_before
            .hits
            .as_ref()
            .is_some_and(|h| h.first().is_some_and(|h| h.claim.verdict == "Misleading"))
    });
    assert!(matches!(
        h.state().archive.status,
        claimdesk::app::archive::ArchiveStatus::Ready(n) if n > 0
    ));
}

#[test]
fn an_unreadable_library_is_reported_once_and_never_panics() {
    let fx = fixture();
    let broken = fx.data.join("broken");
    std::fs::create_dir_all(broken.join("archive")).unwrap();
    std::fs::write(broken.join("archive/library.json"), "not json").unwrap();
    let mut h = harness_on(&fx, &broken, Vec2::new(1280.0, 800.0));
    common::mark_selected_text(&mut h, "river park", ClaimStatus::Asserted);
    run_until(&mut h, "the failure", |wb| {
        matches!(
            wb.archive.status,
            claimdesk::app::archive::ArchiveStatus::Unavailable(_)
        )
    });
    h.run();
    // Another selection does not try again, so nothing more is reported: give a second try's
    // thread ample frames to answer, had one been started.
    common::mark_selected_text(&mut h, "the new bridge", ClaimStatus::Disputed);
    for _ in 0..50 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    h.get_by_label_contains("Archive unavailable: ");
    let errors = h
        .state()
        .notices
        .items
        .iter()
        .filter(|n| n.text.contains("claim archive cannot be used"))
        .count();
    assert_eq!(errors, 1);
}

#[test]
fn file_library_adds_lists_reports_and_removes_sources() {
    let fx = fixture();
    let more = fx.data.parent().unwrap().join("more");
    std::fs::create_dir(&more).unwrap();
    write_claimreview(&more.join("good.json"));
    std::fs::write(more.join("broken.json"), "{ not json").unwrap();
    let dialogs = Arc::new(ScriptedDialogs::default());
    dialogs.push_answer(DialogAnswer::Picked(more.clone()));
    let mut wb = Workbench::new(Settings::default(), dialogs.clone())
        .with_archive(Archive::in_data_dir(&fx.data));
    wb.open_path(&fx.article);
    let mut h = harness_of(wb, Vec2::new(1024.0, 600.0));

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Library…").click();
    run_until(&mut h, "the library", |wb| wb.archive.library.is_some());
    h.run();
    assert_eq!(h.state().archive.library.as_ref().unwrap().claims, 2);

    h.get_by_label("Add folder…").click();
    run_until(&mut h, "the folder added", |wb| {
        wb.archive.library_busy == 0 && wb.archive.library.as_ref().unwrap().sources.len() == 2
    });
    h.run();
    let library = h.state().archive.library.clone().unwrap();
    assert_eq!(library.claims, 3, "the good file's claim is in");
    assert_eq!(library.problems.len(), 1, "{:?}", library.problems);
    assert!(library.problems[0].path.ends_with("broken.json"));
    let problem = h.get_all_by_label_contains("broken.json: ").count();
    assert_eq!(problem, 1, "the bad file is named under its source");
    h.get_by_label("2 files, 1 claim, 1 with problems");

    h.get_all_by_label("Remove")
        .nth(1)
        .expect("two sources")
        .click();
    run_until(&mut h, "the folder removed", |wb| {
        wb.archive.library_busy == 0 && wb.archive.library.as_ref().unwrap().sources.len() == 1
    });
    assert_eq!(h.state().archive.library.as_ref().unwrap().claims, 2);
    let saved = Archive::in_data_dir(&fx.data).library().unwrap();
    assert_eq!(saved.sources.len(), 1, "the removal is saved");
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().archive.library_open);
}
