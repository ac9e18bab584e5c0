//! Soak: thousands of seeded random edits with undo/redo, autosave and saves on the synthetic
//! 1 MB / 5,000-claim review; at every save the file on disk, at every autosave the recovery
//! file, and at the end both, agree byte for byte with the review in memory.
//!
//! `cargo test --test stress_soak` runs 1,000 edits (under a minute in a debug build); the full
//! 10,000 are `cargo test --profile bench --test stress_soak -- --ignored --nocapture`.
//!
//! Autosave is driven by calling [`Workbench::write_recovery_now`], the write the debounced
//! autosave timer makes, so the test does not wait for wall-clock debounce time.

use std::path::Path;
use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::Selection;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::files::FileCommand;
use claimdesk::app::open_review::claims::ClaimCommand;
use claimdesk::app::open_review::edit::EditCommand;
use claimdesk::app::recovery::RecoveryStore;
use claimdesk::app::settings::Settings;
use claimdesk_model::fields::{ClaimField, EvidenceField};
use claimdesk_model::format::{load_file, to_json};
use claimdesk_model::{ClaimId, ClaimStatus};

/// A small deterministic generator (xorshift64*), so a failing run can be replayed by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Texts typed into notes and sources: plain, accented, emoji, right-to-left, markup.
const TEXTS: [&str; 6] = [
    "Checked against the UN report.",
    "Déclaration officielle — vérifiée",
    "🇱🇾 flag and 👩‍👩‍👧 family",
    "بيان رسمي من الوزارة",
    "<script>alert(1)</script> =HYPERLINK(\"x\")",
    "",
];

/// What happened during a soak, for the assertions and the report.
#[derive(Debug, Default)]
struct Tally {
    edits: usize,
    undos: usize,
    redos: usize,
    autosaves: usize,
    saves: usize,
}

fn soak(edits: usize, seed: u64) -> Tally {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("large.claimdesk");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let ctx = egui::Context::default();
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()))
        .with_recovery(store.clone());
    wb.open_review(claimdesk_model::synthetic::large_review(1_000_000, 5_000));
    assert!(wb.save_to(&file), "first save");
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for step in 0..edits {
        random_edit(&mut wb, &mut rng, &ctx, &mut tally);
        tally.edits += 1;
        if step % 97 == 96 {
            autosave_and_check(&mut wb, &store, &mut tally);
        }
        if step % 331 == 330 {
            wb.run(FileCommand::Save, &ctx);
            check_saved(&wb, &file);
            tally.saves += 1;
        }
        if step % 503 == 502 {
            undo_redo_round_trip(&mut wb, &mut rng, &ctx, &mut tally);
        }
    }
    // The end: whatever is unsaved is in the recovery file, then saving writes it all.
    autosave_and_check(&mut wb, &store, &mut tally);
    wb.run(FileCommand::Save, &ctx);
    check_saved(&wb, &file);
    tally.saves += 1;
    tally
}

fn review_json(wb: &Workbench) -> String {
    to_json(wb.review().expect("a review is open").review())
}

fn random_claim(wb: &Workbench, rng: &mut Rng) -> Option<ClaimId> {
    let claims = wb.review()?.review().claims();
    (!claims.is_empty()).then(|| claims[rng.below(claims.len())].id.clone())
}

fn random_edit(wb: &mut Workbench, rng: &mut Rng, ctx: &egui::Context, tally: &mut Tally) {
    let status = ClaimStatus::ALL[rng.below(3)];
    let text = TEXTS[rng.below(TEXTS.len())].to_owned();
    let command: claimdesk::app::Command = match rng.below(10) {
        0 | 1 => {
            let len = wb.review().unwrap().review().article.char_len();
            let anchor = rng.below(len - 50);
            let head = anchor + 1 + rng.below(40);
            wb.review_mut().unwrap().view.selection = Some(Selection { anchor, head });
            claimdesk::app::open_review::claims::ClaimCommand::Mark(status).into()
        }
        2 => claimdesk::app::open_review::claims::ClaimCommand::SetStatus(
            random_claim(wb, rng).unwrap(),
            status,
        )
        .into(),
        3 => ClaimCommand::SetText(random_claim(wb, rng).unwrap(), ClaimField::Note, text).into(),
        4 => {
            ClaimCommand::SetText(random_claim(wb, rng).unwrap(), ClaimField::Claimant, text).into()
        }
        5 => ClaimCommand::Delete(random_claim(wb, rng).unwrap()).into(),
        6 => {
            let id = random_claim(wb, rng).unwrap();
            wb.run(ClaimCommand::AddEvidence(id.clone()), ctx);
            ClaimCommand::SetEvidence(
                id,
                0,
                EvidenceField::Url,
                format!("https://e.example/{text}"),
            )
            .into()
        }
        7 => {
            ClaimCommand::SetText(random_claim(wb, rng).unwrap(), ClaimField::Verdict, text).into()
        }
        8 => {
            tally.undos += 1;
            EditCommand::Undo.into()
        }
        _ => {
            tally.redos += 1;
            EditCommand::Redo.into()
        }
    };
    wb.run(command, ctx);
}

/// Undoes some steps and redoes them: the review comes back byte for byte.
fn undo_redo_round_trip(wb: &mut Workbench, rng: &mut Rng, ctx: &egui::Context, tally: &mut Tally) {
    let before = review_json(wb);
    let steps = 1 + rng.below(30);
    for _ in 0..steps {
        wb.run(EditCommand::Undo, ctx);
    }
    for _ in 0..steps {
        wb.run(EditCommand::Redo, ctx);
    }
    tally.undos += steps;
    tally.redos += steps;
    assert_eq!(review_json(wb), before, "undo {steps} then redo {steps}");
}

/// Autosaves now (what the debounced timer does) and checks the recovery file holds exactly
/// the review in memory.
fn autosave_and_check(wb: &mut Workbench, store: &RecoveryStore, tally: &mut Tally) {
    let doc = wb.review().unwrap();
    if !doc.doc().is_dirty() {
        return;
    }
    wb.write_recovery_now();
    tally.autosaves += 1;
    let header = header_of(wb);
    let found = store.find_for(&header).expect("a recovery file");
    let text = std::fs::read_to_string(&found.file).unwrap();
    let (_, review) = text.split_once('\n').unwrap();
    assert_eq!(review, review_json(wb), "recovery file == memory");
    let loaded = store.load(&found).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(
        to_json(&loaded.review),
        review,
        "recovery file loads as written"
    );
}

fn header_of(wb: &Workbench) -> claimdesk::app::recovery::RecoveryHeader {
    let doc = wb.review().unwrap();
    claimdesk::app::recovery::RecoveryHeader {
        review_path: doc.doc().path().map(Into::into),
        article_path: doc.doc().article_path().map(Into::into),
        ..Default::default()
    }
}

/// The file on disk is the review in memory, byte for byte, and loads back without a warning.
fn check_saved(wb: &Workbench, file: &Path) {
    let doc = wb.review().unwrap();
    assert!(!doc.doc().is_dirty(), "saved");
    let on_disk = std::fs::read_to_string(file).unwrap();
    assert_eq!(on_disk, review_json(wb), "file == memory");
    let loaded = load_file(file).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(to_json(&loaded.review), on_disk, "file loads as written");
}

#[test]
fn a_thousand_random_edits_keep_file_recovery_and_memory_in_step() {
    let t = soak(1_000, 0x5eed_0001);
    assert!(t.saves >= 3 && t.autosaves >= 5, "{t:?}");
    assert!(t.undos > 50 && t.redos > 50, "{t:?}");
}

#[test]
#[ignore = "10,000 edits: run with --ignored (see the file's doc comment)"]
fn ten_thousand_random_edits_keep_file_recovery_and_memory_in_step() {
    let t = soak(10_000, 0x5eed_0002);
    eprintln!("soak: {t:?}");
    assert!(t.saves >= 30 && t.autosaves >= 50, "{t:?}");
}
