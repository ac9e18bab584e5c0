//! Never losing work, at the workbench level: autosave to a recovery file, the restore offer,
//! its removal after a save or a discard, changes made to the file by others, failed saves, and
//! the panic guard.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use claimdesk::Workbench;
use claimdesk::app::Selection;
use claimdesk::app::file_dialogs::{DialogAnswer, ScriptedDialogs};
use claimdesk::app::question::Asked;
use claimdesk::app::recovery::RecoveryStore;
use claimdesk::app::settings::Settings;
use claimdesk_model::{ClaimStatus, format};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;

const ARTICLE: &str = "The reports were lies and fabrications, the official said.\n";

struct Fixture {
    dir: tempfile::TempDir,
    dialogs: Arc<ScriptedDialogs>,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
        Self {
            dir,
            dialogs: Arc::new(ScriptedDialogs::default()),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn store(&self) -> RecoveryStore {
        RecoveryStore::new(self.path("recovery"))
    }

    fn recovery_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.path("recovery")) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// A workbench as the app starts it: with recovery on, opening `file` or offering unsaved
    /// work when there is none.
    fn start(&self, file: Option<&Path>) -> Harness<'static, Workbench> {
        let mut wb =
            Workbench::new(Settings::default(), self.dialogs.clone()).with_recovery(self.store());
        match file {
            Some(path) => wb.open_path(path),
            None => wb.offer_unsaved_recovery(),
        }
        common::harness_of(wb, Vec2::new(1000.0, 650.0))
    }
}

/// Selects `needle` in the article and presses the key of `status`.
fn mark(h: &mut Harness<'_, Workbench>, needle: &str, status: ClaimStatus) {
    common::mark_selected_text(h, needle, status);
}

/// Lets the autosave delay pass (it runs on the wall clock), then runs a frame.
fn let_autosave_run(h: &mut Harness<'_, Workbench>) {
    std::thread::sleep(Duration::from_millis(2100));
    h.step();
    h.run();
}

fn quotes(h: &Harness<'_, Workbench>) -> Vec<String> {
    h.state().review().map_or_else(Vec::new, |d| {
        d.review()
            .claims()
            .iter()
            .map(|c| c.quote.clone())
            .collect()
    })
}

#[test]
fn a_change_is_autosaved_and_offered_back_on_reopening() {
    let fx = Fixture::new();
    let review = fx.path("r.claimdesk");
    let mut h = fx.start(Some(&fx.path("article.txt")));
    mark(&mut h, "lies and fabrications", ClaimStatus::Disputed);
    fx.dialogs.push_answer(DialogAnswer::Picked(review.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        fx.recovery_files().is_empty(),
        "nothing unsaved, no recovery file"
    );

    mark(&mut h, "the official", ClaimStatus::UnderInvestigation);
    assert!(
        fx.recovery_files().is_empty(),
        "not before the autosave delay"
    );
    let_autosave_run(&mut h);
    assert_eq!(
        fx.recovery_files().len(),
        1,
        "written within about two seconds"
    );
    let on_disk = format::load_file(&review).unwrap().review.claims().len();
    assert_eq!(on_disk, 1, "the user's file is not touched by autosave");
    drop(h); // a crash: nothing more is written

    let mut again = fx.start(Some(&review));
    assert!(again.query_by_label("Restore unsaved work?").is_some());
    again.key_press(Key::Enter);
    again.run();
    assert_eq!(quotes(&again), ["lies and fabrications", "the official"]);
    let wb = again.state();
    assert!(
        wb.review().unwrap().doc().is_dirty(),
        "restored work is unsaved"
    );
    assert_eq!(wb.review().unwrap().doc().path(), Some(review.as_path()));
    // Saving puts it in the review file and removes the recovery file.
    again.key_press_modifiers(Modifiers::COMMAND, Key::S);
    again.run();
    assert_eq!(format::load_file(&review).unwrap().review.claims().len(), 2);
    assert!(fx.recovery_files().is_empty());
}

#[test]
fn escape_discards_the_offer_and_deletes_the_recovery_file() {
    let fx = Fixture::new();
    let mut h = fx.start(Some(&fx.path("article.txt")));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    let_autosave_run(&mut h);
    assert_eq!(fx.recovery_files().len(), 1);
    drop(h);

    let mut again = fx.start(Some(&fx.path("article.txt")));
    assert!(
        again
            .state()
            .question()
            .is_some_and(|q| matches!(q.about, Asked::Recovery(_))),
        "offered for the same article"
    );
    again.key_press(Key::Escape);
    again.run();
    assert!(again.state().question().is_none());
    assert!(quotes(&again).is_empty());
    assert!(fx.recovery_files().is_empty());
}

#[test]
fn a_review_never_saved_is_offered_at_a_start_with_no_file() {
    let fx = Fixture::new();
    let mut h = fx.start(None);
    h.get_by_label("Open sample article").click();
    h.run();
    let needle = "lies and fabrications";
    common::mark_selected_text(&mut h, needle, ClaimStatus::Disputed);
    let_autosave_run(&mut h);
    drop(h);

    let mut again = fx.start(None);
    assert!(again.query_by_label("Restore unsaved work?").is_some());
    again.get_by_label("Restore  (Enter)").click();
    again.run();
    assert_eq!(quotes(&again), [needle]);
    assert_eq!(
        again.state().review().unwrap().review().article.title,
        "sample-article.txt"
    );
}

#[test]
fn discarding_changes_at_close_removes_the_recovery_file() {
    let fx = Fixture::new();
    let mut h = fx.start(Some(&fx.path("article.txt")));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    let_autosave_run(&mut h);
    assert_eq!(fx.recovery_files().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().allow_close);
    assert!(fx.recovery_files().is_empty());
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten_without_asking() {
    let fx = Fixture::new();
    let review = fx.path("r.claimdesk");
    let mut h = fx.start(Some(&fx.path("article.txt")));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    fx.dialogs.push_answer(DialogAnswer::Picked(review.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();

    // A colleague saves another version (here: with the claim asserted).
    let theirs = std::fs::read_to_string(&review)
        .unwrap()
        .replace("\"disputed\"", "\"asserted\"");
    std::fs::write(&review, &theirs).unwrap();
    mark(&mut h, "the official", ClaimStatus::UnderInvestigation);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        std::fs::read_to_string(&review).unwrap(),
        theirs,
        "their version is intact"
    );

    // Reload: their version opens, ours is dropped on purpose.
    h.get_by_label("Reload").click();
    h.run();
    let doc = h.state().review().unwrap();
    assert_eq!(doc.review().claims().len(), 1);
    assert_eq!(doc.review().claims()[0].status, ClaimStatus::Asserted);

    // Change again, someone writes again, and this time we overwrite.
    mark(&mut h, "the official", ClaimStatus::UnderInvestigation);
    std::fs::write(&review, theirs.replace("\"asserted\"", "\"disputed\"")).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(format::load_file(&review).unwrap().review.claims().len(), 2);
    assert!(!h.state().review().unwrap().doc().is_dirty());
}

#[test]
fn a_failed_save_says_why_keeps_the_work_and_offers_save_as() {
    let fx = Fixture::new();
    let mut h = fx.start(Some(&fx.path("article.txt")));
    mark(&mut h, "lies", ClaimStatus::Disputed);
    let nowhere = fx.path("no-such-folder").join("r.claimdesk");
    fx.dialogs
        .push_answer(DialogAnswer::Picked(nowhere.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let held = match h.state().question().map(|q| &q.about) {
        Some(Asked::SaveRefused(refused)) => refused.clone(),
        other => panic!("the failed save is a question, not just a notice: {other:?}"),
    };
    assert!(
        held.reason.contains("could not save") && held.reason.contains("no-such-folder"),
        "{}",
        held.reason
    );
    assert_eq!(held.path, nowhere);
    assert!(h.query_by_label("Could not save").is_some());
    assert!(h.state().review().unwrap().doc().is_dirty());
    assert!(!nowhere.exists());

    // Save as… picks a folder that exists: the review is saved there, whole.
    let elsewhere = fx.path("saved-elsewhere.claimdesk");
    fx.dialogs
        .push_answer(DialogAnswer::Picked(elsewhere.clone()));
    h.get_by_label("Save as…").click();
    h.run();
    h.run();
    assert!(h.state().question().is_none());
    assert!(!h.state().review().unwrap().doc().is_dirty());
    let saved = format::load_file(&elsewhere).unwrap().review;
    assert_eq!(saved.claims().len(), 1);
    assert_eq!(saved.claims()[0].status, ClaimStatus::Disputed);
}

#[test]
fn a_panic_in_a_frame_writes_the_recovery_file_first() {
    let fx = Fixture::new();
    let mut wb = Workbench::new(Settings::default(), fx.dialogs.clone()).with_recovery(fx.store());
    wb.open_path(&fx.path("article.txt"));
    let ctx = egui::Context::default();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        claimdesk::gui::run_frame_guarded(&mut wb, |wb| {
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                wb.review_mut().unwrap().view.selection = Some(Selection {
                    anchor: 17,
                    head: 38,
                });
                wb.push(claimdesk::app::open_review::claims::ClaimCommand::Mark(
                    ClaimStatus::Disputed,
                ));
                wb.ui(ui);
            });
            out.textures_delta.clear();
            panic!("a bug");
        });
    }));
    assert!(
        result.is_err(),
        "the panic goes on after the recovery file is written"
    );
    let files = fx.recovery_files();
    assert_eq!(files.len(), 1);
    assert_eq!(
        fx.store().unsaved_reviews().len(),
        1,
        "never saved: offered at a bare start"
    );
    let header = claimdesk::app::recovery::RecoveryHeader {
        article_path: Some(fx.path("article.txt")),
        ..Default::default()
    };
    let found = fx.store().find_for(&header).expect("found by article");
    let loaded = fx.store().load(&found).unwrap();
    assert_eq!(loaded.review.claims()[0].quote, "lies and fabrications");
}
