//! Working as a team (issue 11) in the window: status changes are stamped with the analyst and
//! undone with their history entry; W opens a one-line reason field for the selected claim's
//! last change (Enter saves, Esc cancels) and the keys go back to the article afterwards.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk_model::status_change::Analyst;
use claimdesk_model::{ClaimStatus, Review};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common;
use common::git::{git, git_ok};
use common::{mark_selected_text, selected_claim};

fn harness(review: Review, analyst: Analyst) -> Harness<'static, Workbench> {
    let mut settings = Settings::default();
    settings.analyst = analyst;
    let mut wb = Workbench::new(settings, Arc::new(ScriptedDialogs::default()));
    wb.open_review(review);
    common::harness_of(wb, Vec2::new(1280.0, 1000.0))
}

fn ana() -> Analyst {
    Analyst {
        name: "Ana Duarte".into(),
        short_id: "AD".into(),
    }
}

fn press(h: &mut Harness<'_, Workbench>, key: Key) {
    h.key_press(key);
    h.run();
}

fn type_text(h: &mut Harness<'_, Workbench>, text: &str) {
    h.event(egui::Event::Text(text.into()));
    h.run();
}

fn history(h: &Harness<'_, Workbench>) -> Vec<(String, String, String)> {
    selected_claim(h)
        .history
        .iter()
        .map(|e| (e.by.clone(), e.summary(), e.reason.clone()))
        .collect()
}

#[test]
fn marking_and_status_keys_record_who_and_undo_removes_the_entry() {
    let mut h = harness(common::sample_review(), ana());
    mark_selected_text(
        &mut h,
        "has denounced the allegations",
        ClaimStatus::Disputed,
    );
    let by = "Ana Duarte (AD)".to_owned();
    assert_eq!(
        history(&h),
        [(by.clone(), "status set to Disputed".into(), String::new())]
    );
    press(&mut h, Key::A);
    assert_eq!(history(&h).len(), 2);
    assert_eq!(history(&h)[1].1, "status set to Asserted (was Disputed)");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(history(&h).len(), 1, "undo removed the change's entry");
    assert_eq!(selected_claim(&h).status, ClaimStatus::Disputed);
    // The editor shows the timeline.
    assert!(h.query_by_label("status set to Disputed").is_some());
    assert!(h.query_by_label("Ana Duarte (AD)").is_some());
}

#[test]
fn w_gives_a_reason_and_the_next_key_marks_again() {
    let mut h = harness(common::sample_review(), ana());
    mark_selected_text(
        &mut h,
        "has denounced the allegations",
        ClaimStatus::Disputed,
    );
    press(&mut h, Key::W);
    type_text(&mut h, "IOM figures say otherwise");
    press(&mut h, Key::Enter);
    assert_eq!(history(&h)[0].2, "IOM figures say otherwise");
    assert!(
        h.query_by_label("    Why: IOM figures say otherwise")
            .is_some()
    );
    // The field is closed and the article has the keys again: I is one key, no typing.
    press(&mut h, Key::I);
    let claim = selected_claim(&h);
    assert_eq!(claim.status, ClaimStatus::UnderInvestigation);
    assert_eq!(claim.history.len(), 2);
    // The reason is one undo step of its own.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(history(&h)[0].2, "", "undoing the reason");
}

#[test]
fn esc_cancels_the_reason_and_letters_typed_there_mark_nothing() {
    let mut h = harness(common::sample_review(), Analyst::default());
    mark_selected_text(
        &mut h,
        "has denounced the allegations",
        ClaimStatus::Disputed,
    );
    let claims = common::claim_quotes(&h).len();
    press(&mut h, Key::W);
    type_text(&mut h, "a d i");
    press(&mut h, Key::Escape);
    let claim = selected_claim(&h);
    assert_eq!(
        claim.status,
        ClaimStatus::Disputed,
        "typed letters are not keys"
    );
    assert_eq!(claim.history.len(), 1);
    assert_eq!(claim.history[0].reason, "");
    assert_eq!(claim.history[0].by, "", "no analyst set: nobody is guessed");
    assert_eq!(common::claim_quotes(&h).len(), claims);
    assert!(h.query_by_label("unknown analyst").is_some());
    assert!(
        h.query_by_label("Who is reviewing?").is_some(),
        "the name is asked for, not guessed"
    );
    // Esc closed the field only: the claim is still selected and keys act on it again.
    press(&mut h, Key::A);
    assert_eq!(selected_claim(&h).status, ClaimStatus::Asserted);
}

#[test]
fn the_first_use_question_leaves_the_keys_to_the_article_and_saves_the_name_on_enter() {
    let mut h = harness(common::sample_review(), Analyst::default());
    assert!(h.query_by_label("Who is reviewing?").is_some());
    // The question does not take the keyboard: marking by key works while it is shown.
    mark_selected_text(
        &mut h,
        "has denounced the allegations",
        ClaimStatus::Disputed,
    );
    assert_eq!(
        history(&h)[0].0,
        "",
        "before a name is given, nobody is guessed"
    );
    // Save is disabled until something is typed.
    assert!(h.get_by_label("Save name").accesskit_node().is_disabled());
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Your name:")
        .focus();
    h.run();
    type_text(&mut h, "Ana Duarte");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().settings.analyst.name, "Ana Duarte");
    assert!(h.query_by_label("Who is reviewing?").is_none(), "answered");
    // The article has the keys again, and the next change carries the name.
    press(&mut h, Key::A);
    let claim = selected_claim(&h);
    assert_eq!(claim.status, ClaimStatus::Asserted);
    assert_eq!(claim.history.last().unwrap().by, "Ana Duarte");
}

#[test]
fn not_now_stops_asking_for_the_session_and_says_where_to_set_the_name() {
    let mut h = harness(common::sample_review(), Analyst::default());
    h.get_by_label("Not now").click();
    h.run();
    assert!(h.query_by_label("Who is reviewing?").is_none());
    assert!(h.state().settings.analyst.is_unset());
    let told = &h.state().notices.items;
    assert!(
        told.iter()
            .any(|n| n.text.contains("Edit menu (Your name)")),
        "told where to set the name: {told:?}"
    );
    mark_selected_text(
        &mut h,
        "has denounced the allegations",
        ClaimStatus::Disputed,
    );
    assert!(
        h.query_by_label("Who is reviewing?").is_none(),
        "not asked again"
    );
}

#[test]
fn a_named_analyst_is_not_asked() {
    let h = harness(common::sample_review(), ana());
    assert!(h.query_by_label("Who is reviewing?").is_none());
}

// ---------------------------------------------------------------------------------------------
// Conflicts from a git merge, resolved in the window and committed

/// The sample review with its first claim's status set, committed on the current branch.
fn commit_status(repo: &std::path::Path, base: &Review, status: ClaimStatus) {
    let mut review = base.clone();
    let mut c = review.claims()[0].clone();
    c.status = status;
    review.replace(c);
    claimdesk_model::format::save_file(&repo.join("speech.claimdesk"), &review).unwrap();
    git_ok(repo, &["commit", "-qam", "status"]);
}

/// A repository where `git merge bo` stopped on speech.claimdesk: for the first claim (asserted
/// in the base) main says disputed, bo says under investigation.
fn conflicted_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git_ok(repo, &["init", "-q", "-b", "main"]);
    git_ok(repo, &["config", "user.name", "Test"]);
    git_ok(repo, &["config", "user.email", "test@example.org"]);
    let base = common::sample_review();
    claimdesk_model::format::save_file(&repo.join("speech.claimdesk"), &base).unwrap();
    let setup = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["git-setup", repo.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(setup.status.success());
    git_ok(repo, &["add", "-A"]);
    git_ok(repo, &["commit", "-qm", "base"]);
    git_ok(repo, &["checkout", "-qb", "bo"]);
    commit_status(repo, &base, ClaimStatus::UnderInvestigation);
    git_ok(repo, &["checkout", "-q", "main"]);
    commit_status(repo, &base, ClaimStatus::Disputed);
    assert!(!git(repo, &["merge", "--no-edit", "bo"]).status.success());
    dir
}

#[test]
fn a_git_conflict_is_resolved_in_the_window_and_committed() {
    let dir = conflicted_repo();
    let path = dir.path().join("speech.claimdesk");
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.push(claimdesk::app::files::FileCommand::Open(path.clone()));
    let mut h = common::harness_of(wb, Vec2::new(1280.0, 900.0));
    h.run();
    let first =
        |h: &Harness<'_, Workbench>| h.state().review().unwrap().review().claims()[0].clone();
    let conflicts =
        |h: &Harness<'_, Workbench>| h.state().review().unwrap().review().conflicts.len();
    assert_eq!(conflicts(&h), 1);
    assert!(h.query_by_label("1 merge conflicts to resolve").is_some());
    assert_eq!(first(&h).status, ClaimStatus::Disputed, "ours meanwhile");
    h.get_by_label("Take theirs").click();
    h.run();
    assert_eq!(first(&h).status, ClaimStatus::UnderInvestigation);
    assert_eq!(conflicts(&h), 0);
    assert!(h.query_by_label("Take theirs").is_none(), "the bar is gone");
    // One undo step brings the conflict and our value back; redo resolves it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        (conflicts(&h), first(&h).status),
        (1, ClaimStatus::Disputed)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(conflicts(&h), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("\"conflicts\""), "the file saves clean");
    git_ok(dir.path(), &["add", "speech.claimdesk"]);
    git_ok(dir.path(), &["commit", "-q", "--no-edit"]);
    let log = git(dir.path(), &["log", "--format=%P", "-1"]);
    let parents = String::from_utf8(log.stdout).unwrap();
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    let committed = claimdesk_model::format::load_file(&path).unwrap().review;
    assert_eq!(
        committed.claims()[0].status,
        ClaimStatus::UnderInvestigation
    );
}

// ---------------------------------------------------------------------------------------------
// File → Compare with…

#[test]
fn an_article_conflict_takes_their_text_through_the_update_review_in_one_undo_step() {
    let base = common::sample_review();
    let with_text = |from: &str, to: &str| {
        let mut r = base.clone();
        let text = base.article.text().replacen(from, to, 1);
        r.article = claimdesk_model::Article::new("sample-article.txt", "", text);
        r
    };
    let ours = with_text("posted on", "published on");
    let theirs = with_text("Sunday", "on Sunday");
    let merged = claimdesk_team::merge::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let mut h = harness(merged, ana());
    let review = |h: &Harness<'_, Workbench>| h.state().review().unwrap().review().clone();
    assert!(h.query_by_label("Keep our text").is_some());
    h.get_by_label("Take their text…").click();
    h.run();
    // The update review opens on their text; nothing changes until it is applied.
    assert_eq!(review(&h).article.text(), ours.article.text());
    h.get_by_label("Apply update").click();
    h.run();
    let after = review(&h);
    assert_eq!(after.article.text(), theirs.article.text());
    assert!(after.conflicts.is_empty(), "the conflict is resolved");
    assert_eq!(
        after.orphan_count(),
        0,
        "every claim re-anchored on their text"
    );
    for claim in after.claims() {
        assert_eq!(
            claim.quote,
            after.article.slice(claim.span.start, claim.span.end)
        );
    }
    // One undo step: our text and the conflict come back together.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let undone = review(&h);
    assert_eq!(undone.article.text(), ours.article.text());
    assert_eq!(undone.conflicts.len(), 1);
}

#[test]
fn compare_with_shows_the_figures_marks_the_text_and_takes_their_fields_and_claim_one_undo_step_each()
 {
    use claimdesk::app::file_dialogs::DialogAnswer;
    let dir = tempfile::tempdir().unwrap();
    let ours = common::sample_review();
    // Their review: the first claim asserted -> disputed, and one claim we do not have.
    let mut theirs = ours.clone();
    let mut first = theirs.claims()[0].clone();
    first.status = ClaimStatus::Disputed;
    first.note = "Checked with the IOM figures".into();
    theirs.replace(first);
    let text = theirs.article.text().to_owned();
    let start = common::char_offset(&text, "has denounced the allegations");
    let span = claimdesk_model::Span::new(start, start + "has denounced the allegations".len());
    let extra = claimdesk_model::Claim::new(&theirs.article, span, ClaimStatus::Asserted);
    let extra_id = extra.id.clone();
    theirs.insert(extra);
    let path = dir.path().join("theirs.claimdesk");
    claimdesk_model::format::save_file(&path, &theirs).unwrap();

    let dialogs = Arc::new(ScriptedDialogs::default());
    dialogs.push_answer(DialogAnswer::Picked(path));
    let mut wb = Workbench::new(Settings::default(), dialogs);
    wb.open_review(ours);
    wb.push(claimdesk::app::team::TeamCommand::CompareWith);
    let mut h = common::harness_of(wb, Vec2::new(1280.0, 900.0));
    h.run();
    assert!(h.state().review().unwrap().comparison.is_some());
    assert!(
        h.query_by_label("3 claims paired, 0 only in this review (A), 1 only in theirs (B)")
            .is_some()
    );
    // Their claim is marked on the text, where the open review has none: hovering names it.
    let at = common::char_rect(&h, start + 4).center();
    h.hover_at(at);
    h.run_steps(60);
    let _ = h.get_by_label("Only in theirs: Asserted — “has denounced the allegations”");
    let first =
        |h: &Harness<'_, Workbench>| h.state().review().unwrap().review().claims()[0].clone();
    assert_eq!(first(&h).status, ClaimStatus::Asserted);
    h.get_by_label("Take their status").click();
    h.run();
    assert_eq!(first(&h).status, ClaimStatus::Disputed);
    assert!(
        h.query_by_label("Take their status").is_none(),
        "no difference left there"
    );
    let _ = h.get_by_label_contains("note: (empty) here, “Checked with the IOM figures” in theirs");
    h.get_by_label("Take their note").click();
    h.run();
    assert_eq!(first(&h).note, "Checked with the IOM figures");
    assert_eq!(
        first(&h).status,
        ClaimStatus::Disputed,
        "only the note changed"
    );
    h.get_by_label("Take their claim").click();
    h.run();
    let review = |h: &Harness<'_, Workbench>| h.state().review().unwrap().review().clone();
    assert!(review(&h).claim(&extra_id).is_some());
    assert!(
        h.query_by_label("The two reviews agree on every claim.")
            .is_some()
    );
    // One undo step each.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(review(&h).claim(&extra_id).is_none());
    assert_eq!(first(&h).note, "Checked with the IOM figures");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(first(&h).note, "");
    assert_eq!(first(&h).status, ClaimStatus::Disputed);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(first(&h).status, ClaimStatus::Asserted);
}
