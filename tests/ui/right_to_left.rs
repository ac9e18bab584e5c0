//! Right-to-left articles in the article view (issue 13): the Arabic fixture review opened with
//! the app's fonts, its paragraphs drawn right-aligned in visual order, and every way of
//! pointing at the text — glyph hit tests, drags, the caret keys — giving logical offsets.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use egui::{Key, Modifiers, Pos2, Rect, Vec2, vec2};
use egui_kittest::Harness;

use crate::common;
use common::{char_offset, char_rect};

const REVIEW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/testkit/data/fixtures/arabic-sample.claimdesk"
);

fn harness() -> Harness<'static, Workbench> {
    let review = claimdesk_model::format::load_file(std::path::Path::new(REVIEW))
        .expect("the Arabic fixture loads")
        .review;
    let mut settings = Settings::default();
    settings.analyst.name = "Test".into();
    let mut wb = Workbench::new(settings, Arc::new(ScriptedDialogs::default()));
    wb.open_review(review);
    common::harness_with_app_fonts(wb, Vec2::new(1280.0, 800.0))
}

fn text(h: &Harness<'_, Workbench>) -> String {
    common::article_text(h)
}

fn rect(h: &Harness<'_, Workbench>, needle: &str, nth_char: usize) -> Rect {
    char_rect(h, char_offset(&text(h), needle) + nth_char)
}

fn selection(h: &Harness<'_, Workbench>) -> (usize, usize) {
    let sel = h
        .state()
        .review()
        .unwrap()
        .view
        .selection
        .expect("a selection");
    (sel.anchor, sel.head)
}

#[test]
fn an_arabic_paragraph_is_right_aligned_and_reads_from_the_right() {
    let h = harness();
    let said = rect(&h, "قال وزير", 0);
    let minister = rect(&h, "وزير الصحة إن", 0);
    // The paragraph's first word is at the right end, the next word to its left.
    assert!(minister.right() < said.left(), "{minister:?} {said:?}");
    // Letters of one word follow each other leftwards.
    assert!(rect(&h, "قال وزير", 1).right() <= said.left() + 0.5);
    // The English paragraph below is still left-aligned and reads to the right.
    let english = rect(&h, "The ministry", 0);
    assert!(english.left() < minister.left());
    assert!(rect(&h, "The ministry", 1).left() >= english.right() - 0.5);
    // Right-aligned: the first Arabic char ends where the column ends, right of any English.
    assert!(said.right() > rect(&h, "promised", 0).right());
}

#[test]
fn a_name_and_a_number_inside_arabic_read_left_to_right() {
    let h = harness();
    let j = rect(&h, "John Smith", 0);
    let o = rect(&h, "John Smith", 1);
    assert!(j.right() <= o.left() + 0.5, "John reads left to right");
    let john = rect(&h, "John Smith", 0);
    let smith = rect(&h, "John Smith", 5);
    assert!(
        john.left() < smith.left(),
        "John before Smith, left to right"
    );
    // The Arabic word before the name ("المتحدث") is to the right of the name.
    let speaker = rect(&h, "المتحدث John", 0);
    assert!(speaker.left() > smith.right());
    // "1200" reads left to right.
    assert!(rect(&h, "1200", 0).left() < rect(&h, "1200", 3).left());
}

#[test]
fn every_glyph_hit_test_gives_back_its_own_char() {
    let h = harness();
    let t = text(&h);
    let view = h.state().article_view().unwrap();
    let start = char_offset(&t, "قال وزير");
    let end = char_offset(&t, "الشهر الماضي.") + "الشهر الماضي.".chars().count();
    let mut checked = 0;
    for pos in start..end {
        let r = view.char_rect(pos).expect("on screen");
        if r.width() < 1.0 {
            continue; // a space squeezed at a line's end or a zero-width mark
        }
        assert_eq!(view.char_under(r.center()), Some(pos), "char {pos}");
        checked += 1;
    }
    assert!(checked > 100, "checked {checked} glyphs");
}

/// A mouse drag from `from` to `to`, a frame per event.
fn drag(h: &mut Harness<'_, Workbench>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

#[test]
fn dragging_over_arabic_from_its_right_selects_in_logical_order() {
    let mut h = harness();
    let t = text(&h);
    let a = char_offset(&t, "وزير الصحة إن");
    let b = a + "وزير الصحة".chars().count();
    // From the right edge of the first letter to the left edge of the last, as a reader drags.
    let from: Pos2 = char_rect(&h, a).right_center() - vec2(1.0, 0.0);
    let to: Pos2 = char_rect(&h, b - 1).left_center() + vec2(0.5, 0.0);
    drag(&mut h, from, to);
    assert_eq!(selection(&h), (a, b));
}

#[test]
fn a_selection_crossing_into_an_english_name_is_one_logical_range() {
    let mut h = harness();
    let t = text(&h);
    let a = char_offset(&t, "المتحدث John");
    let b = char_offset(&t, "John Smith") + "John".chars().count();
    let from = char_rect(&h, a).right_center() - vec2(1.0, 0.0);
    let to = char_rect(&h, b - 1).right_center() - vec2(0.5, 0.0);
    drag(&mut h, from, to);
    assert_eq!(selection(&h), (a, b));
}

#[test]
fn arrows_in_an_arabic_paragraph_move_the_way_they_point() {
    let mut h = harness();
    let t = text(&h);
    let a = char_offset(&t, "قال وزير");
    common::select(&mut h, a, a);
    // Left, in a right-to-left paragraph, goes on reading: forward in the text.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(selection(&h), (a + 1, a + 1));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    assert_eq!(selection(&h), (a + 1, a + 2));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        selection(&h),
        (a + 1, a + 1),
        "Right collapses to the start"
    );
}

#[test]
fn a_double_click_on_an_arabic_word_selects_that_word() {
    let mut h = harness();
    let t = text(&h);
    let a = char_offset(&t, "وزير الصحة إن");
    let b = a + "وزير".chars().count();
    let middle = char_rect(&h, a + 1).center();
    common::multi_click(&mut h, middle, 2);
    let (anchor, head) = selection(&h);
    assert_eq!((anchor.min(head), anchor.max(head)), (a, b));
}
