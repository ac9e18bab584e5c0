//! PageDown / PageUp with a caret (issue 10): the article scrolls a page and the caret goes with
//! it, keeping its place on screen; Shift extends the selection instead. Without a caret the page
//! keys only scroll.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk_model::synthetic::large_review;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;

use crate::common;
use common::{char_rect, select};

fn harness() -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(large_review(60_000, 0));
    common::harness_without_all_glyphs(wb, Vec2::new(1280.0, 800.0))
}

fn first_visible(h: &Harness<'_, Workbench>) -> usize {
    h.state().article_view().unwrap().visible_chars().unwrap().0
}

fn caret(h: &Harness<'_, Workbench>) -> (usize, usize) {
    let sel = h.state().review().unwrap().view.selection.expect("a caret");
    (sel.anchor, sel.head)
}

#[test]
fn the_caret_follows_a_page_move_and_keeps_its_place_on_screen() {
    let mut h = harness();
    // A caret a few lines into the view.
    let (top, _) = h.state().article_view().unwrap().visible_chars().unwrap();
    let start = top + 400;
    select(&mut h, start, start);
    h.run();
    let before = char_rect(&h, start);

    h.key_press(Key::PageDown);
    h.run();
    let (anchor, head) = caret(&h);
    assert_eq!(anchor, head, "still a bare caret");
    assert!(
        head > start + 1000,
        "the caret moved a page down: {start} -> {head}"
    );
    assert!(first_visible(&h) > top, "the article scrolled");
    let after = char_rect(&h, head);
    assert!(
        (after.center().y - before.center().y).abs() <= before.height(),
        "the caret keeps its place on screen: {before:?} -> {after:?}"
    );

    h.key_press_modifiers(Modifiers::SHIFT, Key::PageUp);
    h.run();
    let (anchor, back) = caret(&h);
    assert_eq!(anchor, head, "Shift keeps the anchor");
    assert!(back < head, "Shift+PageUp extends the selection upwards");
    assert!(
        back.abs_diff(start) < 200,
        "a page down and up come back near the start: {start} -> {back}"
    );
}

#[test]
fn without_a_caret_the_page_keys_only_scroll() {
    let mut h = harness();
    let top = first_visible(&h);
    h.key_press(Key::PageDown);
    h.run();
    assert!(first_visible(&h) > top);
    assert!(h.state().review().unwrap().view.selection.is_none());
}
