//! What a screen reader learns from the article view (issue 10): the selected claim's status
//! and quote, and the caret and selection inside the visible text, as AccessKit sees them.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use egui::accesskit::Role;
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

use crate::common;
use common::{char_offset, sample_review, select};

fn harness() -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(sample_review());
    common::harness_of(wb, Vec2::new(1280.0, 800.0))
}

fn article_description(h: &Harness<'_, Workbench>) -> Option<String> {
    h.get(By::new().role(Role::Document).label("Article text"))
        .accesskit_node()
        .description()
}

/// The text of the one selection AccessKit knows in the article, and its caret's offset within
/// that chunk.
fn accessible_selection(h: &Harness<'_, Workbench>) -> (String, usize) {
    let nodes: Vec<_> = h
        .query_all(By::new().role(Role::Label))
        .map(|n| n.accesskit_node())
        .filter(|n| n.has_text_selection())
        .collect();
    assert_eq!(nodes.len(), 1, "one chunk holds the caret");
    let range = nodes[0].text_selection().unwrap();
    let focus = nodes[0].text_selection_focus().unwrap();
    (range.text(), focus.to_global_usv_index())
}

#[test]
fn the_selected_claim_is_described_with_its_status_and_quote() {
    let mut h = harness();
    assert_eq!(article_description(&h), None, "nothing selected");
    h.key_press(Key::J);
    h.run();
    let claim = common::selected_claim(&h);
    let description = article_description(&h).expect("a description");
    assert!(
        description.starts_with(&format!(
            "Selected claim, {}",
            claim.status.label().to_lowercase()
        )),
        "{description}"
    );
    assert!(description.contains(&claim.quote), "{description}");
}

#[test]
fn with_no_claim_selected_the_claim_under_the_caret_is_described() {
    let mut h = harness();
    let text = common::article_text(&h);
    // Inside "lies and fabrications", a disputed claim of the sample.
    let inside = char_offset(&text, "and fabrications");
    select(&mut h, inside, inside);
    h.run();
    let description = article_description(&h).expect("a description");
    assert!(
        description.starts_with("Caret in a claim, disputed")
            && description.contains("lies and fabrications"),
        "{description}"
    );
    let outside = char_offset(&text, "Sunday");
    select(&mut h, outside, outside);
    h.run();
    assert_eq!(article_description(&h), None);
}

#[test]
fn the_caret_and_the_selection_reach_accesskit() {
    let mut h = harness();
    let text = common::article_text(&h);
    let needle = "not to blame";
    let start = char_offset(&text, needle);
    select(&mut h, start, start + needle.chars().count());
    h.run();
    let (selected, _) = accessible_selection(&h);
    assert_eq!(selected, needle);

    // Shift+Right grows the selection by one char; Right then leaves a bare caret after it.
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    let (selected, head) = accessible_selection(&h);
    let grown: String = text
        .chars()
        .skip(start)
        .take(needle.chars().count() + 1)
        .collect();
    assert_eq!(selected, grown);
    h.key_press(Key::ArrowRight);
    h.run();
    let (selected, caret) = accessible_selection(&h);
    assert_eq!(selected, "", "a bare caret");
    assert_eq!(caret, head, "the caret sits where the selection ended");
}
