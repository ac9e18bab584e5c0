//! Working as a team (issue 11) in the window: status changes are stamped with the analyst and
//! undone with their history entry; W opens a one-line reason field for the selected claim's
//! last change (Enter saves, Esc cancels) and the keys go back to the article afterwards.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk_core::status_history::Analyst;
use claimdesk_core::{ClaimStatus, Review};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
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
    // Esc closed the field only: the claim is still selected and keys act on it again.
    press(&mut h, Key::A);
    assert_eq!(selected_claim(&h).status, ClaimStatus::Asserted);
}
