//! The claims list from the keyboard (issue 10): a click or Tab gives the list the keyboard,
//! Up/Down/Home/End move the selected claim through the rows, the status keys act on it, Enter
//! shows it in the article with the caret at its start, and F2 types into its verdict.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk_model::ClaimStatus;
use egui::accesskit::Role;
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;
use common::sample_review;

fn harness() -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(sample_review());
    common::harness_of(wb, Vec2::new(1280.0, 1000.0))
}

fn press(h: &mut Harness<'_, Workbench>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The list has the keyboard (a click on its first row) and its second row is selected.
fn list_at_second_row() -> Harness<'static, Workbench> {
    let mut h = harness();
    h.get_all_by_role(Role::ListBoxOption)
        .next()
        .unwrap()
        .click();
    h.run();
    press(&mut h, Key::ArrowDown);
    h
}

/// The selected claim's position among the review's claims (the list shows all, in order).
fn selected_row(h: &Harness<'_, Workbench>) -> usize {
    let claim = common::selected_claim(h);
    let doc = h.state().review().unwrap();
    doc.review().position(&claim.id).unwrap()
}

#[test]
fn up_down_home_end_walk_the_list_and_keys_act_on_the_claim() {
    let mut h = harness();
    let n = h.state().review().unwrap().review().claims().len();
    assert!(n >= 3, "the sample has claims");
    h.get_all_by_role(Role::ListBoxOption)
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(selected_row(&h), 0);
    assert!(
        h.get_by_role_and_label(Role::ListBox, "Claims")
            .is_focused()
    );

    press(&mut h, Key::ArrowDown);
    assert_eq!(selected_row(&h), 1);
    assert!(
        h.get_by_role_and_label(Role::ListBox, "Claims")
            .is_focused(),
        "the arrows move the selection, not the keyboard focus"
    );
    press(&mut h, Key::End);
    assert_eq!(selected_row(&h), n - 1);
    press(&mut h, Key::ArrowDown);
    assert_eq!(selected_row(&h), n - 1, "the last row stays selected");
    press(&mut h, Key::Home);
    assert_eq!(selected_row(&h), 0);
    press(&mut h, Key::ArrowUp);
    assert_eq!(selected_row(&h), 0);
    press(&mut h, Key::ArrowDown);
    assert_eq!(selected_row(&h), 1);

    // A status key acts on the claim the list selected.
    let before = common::selected_claim(&h).status;
    let other = if before == ClaimStatus::Disputed {
        ClaimStatus::Asserted
    } else {
        ClaimStatus::Disputed
    };
    press(&mut h, common::status_key(other));
    assert_eq!(common::selected_claim(&h).status, other);
    assert_eq!(selected_row(&h), 1);
}

#[test]
fn enter_shows_the_claim_in_the_article_with_the_caret_at_its_start() {
    let mut h = list_at_second_row();
    let claim = common::selected_claim(&h);
    press(&mut h, Key::Enter);
    let sel = h.state().review().unwrap().view.selection.expect("a caret");
    assert_eq!((sel.anchor, sel.head), (claim.span.start, claim.span.start));
    assert!(
        h.get_by_role_and_label(Role::Document, "Article text")
            .is_focused(),
        "the article has the keyboard"
    );
    // The caret keys now work there: Shift+Right selects the claim's first char.
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    let sel = h.state().review().unwrap().view.selection.unwrap();
    assert_eq!(sel.range(), (claim.span.start, claim.span.start + 1));
}

#[test]
fn f2_in_the_list_types_into_the_verdict() {
    let mut h = list_at_second_row();
    let id = common::selected_claim(&h).id;
    press(&mut h, Key::F2);
    h.run();
    assert!(
        h.ctx.text_edit_focused(),
        "the verdict field has the keyboard"
    );
    // Select what is there, then type over it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text("Misleading".into()));
    h.run();
    let doc = h.state().review().unwrap();
    assert_eq!(doc.review().claim(&id).unwrap().verdict, "Misleading");
}
