//! Reviewing the sample article from the keyboard (issue 10): J / K / U step through the claims
//! in text order (overlapping and nested ones included), S and triple-click select sentences,
//! and a click leaves a caret that S starts from.

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::open_review::claims_list::ListCommand;
use claimdesk::app::settings::Settings;
use claimdesk_model::{Claim, ClaimStatus, Review, Span};
use egui::{Key, Vec2};
use egui_kittest::Harness;

use crate::common;
use common::{char_offset, char_rect, claim_quotes, sample_review, select};

/// The sample review (three claims) plus claims nested in and overlapping them, so text order
/// has ties on the start.
fn review_with_nested_claims() -> Review {
    let mut review = sample_review();
    let extra = [
        ("Libya is not", ClaimStatus::UnderInvestigation),
        ("not to blame for the displacement", ClaimStatus::Disputed),
        ("reports were lies", ClaimStatus::Asserted),
    ];
    for (needle, status) in extra {
        let text = review.article.text();
        let start = char_offset(text, needle);
        let span = Span::new(start, start + needle.chars().count());
        let claim = Claim::new(&review.article, span, status);
        review.insert(claim);
    }
    review
}

fn harness_with(review: Review) -> Harness<'static, Workbench> {
    harness_sized(review, Vec2::new(1280.0, 800.0))
}

/// Tall enough that the claims list shows every row beside the claim editor.
fn tall_harness_with(review: Review) -> Harness<'static, Workbench> {
    harness_sized(review, Vec2::new(1280.0, 1400.0))
}

fn harness_sized(review: Review, size: Vec2) -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(review);
    common::harness_of(wb, size)
}

fn press(h: &mut Harness<'_, Workbench>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The selected claim's (start, end) and the caret, checked to sit at the claim's start.
fn selected_span(h: &Harness<'_, Workbench>) -> (usize, usize) {
    let claim = common::selected_claim(h);
    let sel = h.state().review().unwrap().view.selection.expect("a caret");
    assert_eq!((sel.anchor, sel.head), (claim.span.start, claim.span.start));
    (claim.span.start, claim.span.end)
}

fn selected_text(h: &Harness<'_, Workbench>) -> String {
    let wb = h.state();
    let (a, b) = wb
        .review()
        .unwrap()
        .view
        .selection
        .expect("a selection")
        .range();
    wb.review().unwrap().review().article.slice(a, b).to_owned()
}

fn last_notice(h: &Harness<'_, Workbench>) -> String {
    h.state()
        .notices
        .items
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn j_and_k_step_through_overlapping_and_nested_claims_in_text_order() {
    let review = review_with_nested_claims();
    // The expected order, worked out here from the spans: start, then end.
    let mut expected: Vec<(usize, usize)> = review
        .claims()
        .iter()
        .map(|c| (c.span.start, c.span.end))
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 6);
    let mut h = harness_with(review);
    let mut seen = Vec::new();
    for _ in 0..expected.len() {
        press(&mut h, Key::J);
        seen.push(selected_span(&h));
        let scroll = h
            .state()
            .review()
            .unwrap()
            .view
            .scroll
            .expect("scrolled to the claim");
        assert_eq!(scroll.pos, seen.last().unwrap().0);
        // The article shows the claim's first char after the scroll.
        assert!(
            h.state()
                .article_view()
                .unwrap()
                .char_rect(scroll.pos)
                .is_some()
        );
    }
    assert_eq!(seen, expected);
    press(&mut h, Key::J);
    assert_eq!(
        selected_span(&h),
        *expected.last().unwrap(),
        "stays on the last"
    );
    assert_eq!(last_notice(&h), "No claim after this one.");
    let mut back = Vec::new();
    for _ in 1..expected.len() {
        press(&mut h, Key::K);
        back.push(selected_span(&h));
    }
    back.reverse();
    assert_eq!(back, expected[..expected.len() - 1]);
}

#[test]
fn j_starts_from_the_caret_when_no_claim_is_selected() {
    let mut h = harness_with(review_with_nested_claims());
    let text = common::article_text(&h);
    // A click in "statement Sunday" (before every claim of the second paragraph).
    let at = char_offset(&text, "statement Sunday");
    let pos = char_rect(&h, at + 2).center();
    common::click_at(&mut h, pos);
    let sel = h
        .state()
        .review()
        .unwrap()
        .view
        .selection
        .expect("a click leaves a caret");
    assert_eq!(sel.anchor, sel.head);
    assert!(h.state().review().unwrap().view.selected_claim.is_none());
    press(&mut h, Key::J);
    assert_eq!(common::selected_claim(&h).quote, "reports were lies");
    press(&mut h, Key::K);
    assert_eq!(
        common::selected_claim(&h).quote,
        "Libya",
        "the first claim, in paragraph 1"
    );
}

#[test]
fn u_visits_claims_under_investigation_wrapping_then_says_none_is_left() {
    let mut h = harness_with(review_with_nested_claims());
    press(&mut h, Key::U);
    assert_eq!(common::selected_claim(&h).quote, "Libya is not");
    press(&mut h, Key::U);
    assert_eq!(common::selected_claim(&h).quote, "Libya is not to blame");
    press(&mut h, Key::U);
    assert_eq!(
        common::selected_claim(&h).quote,
        "Libya is not",
        "wraps around"
    );
    // Settle both: A on the selected claim, U to the other, D on it.
    press(&mut h, Key::A);
    press(&mut h, Key::U);
    assert_eq!(common::selected_claim(&h).quote, "Libya is not to blame");
    press(&mut h, Key::D);
    let open = claim_quotes(&h)
        .iter()
        .filter(|(_, s)| *s == ClaimStatus::UnderInvestigation)
        .count();
    assert_eq!(open, 0);
    press(&mut h, Key::U);
    assert_eq!(last_notice(&h), "No claim is under investigation any more.");
    assert_eq!(common::selected_claim(&h).quote, "Libya is not to blame");
}

#[test]
fn s_selects_the_sentence_around_the_caret_and_grows_a_selection() {
    let mut h = harness_with(sample_review());
    let text = common::article_text(&h);
    let caret = char_offset(&text, "sorrowfully");
    select(&mut h, caret, caret);
    press(&mut h, Key::S);
    let quoted = selected_text(&h);
    assert!(quoted.starts_with("“We have sorrowfully seen"), "{quoted}");
    assert!(quoted.ends_with("coming illegally to Libya."), "{quoted}");
    // A selection across a sentence end grows to both whole sentences.
    let a = char_offset(&text, "no exceptions");
    let b = char_offset(&text, "If those migrants") + 5;
    select(&mut h, b, a);
    press(&mut h, Key::S);
    let grown = selected_text(&h);
    assert!(
        grown.starts_with("“All the world must recognize"),
        "{grown}"
    );
    assert!(grown.ends_with("to do such a crime.”"), "{grown}");
    // S then A marks the sentence as a claim.
    press(&mut h, Key::A);
    assert!(claim_quotes(&h).iter().any(|(q, _)| q == &grown));
}

#[test]
fn triple_click_selects_the_sentence_under_the_pointer() {
    let mut h = harness_with(sample_review());
    let text = common::article_text(&h);
    let pos = char_rect(&h, char_offset(&text, "embassies representatives") + 3).center();
    common::multi_click(&mut h, pos, 3);
    assert_eq!(
        selected_text(&h),
        "All embassies representatives can come and see the truth for themselves then show it to the world.”"
    );
}

fn press_with(h: &mut Harness<'_, Workbench>, modifiers: egui::Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn shift_and_ctrl_shift_arrows_adjust_a_double_clicked_word() {
    use egui::Modifiers;
    let mut h = harness_with(sample_review());
    let text = common::article_text(&h);
    let chief = char_offset(&text, "Chief");
    let pos = char_rect(&h, chief + 2).center();
    common::multi_click(&mut h, pos, 2);
    assert_eq!(selected_text(&h), "Chief");
    press_with(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(selected_text(&h), "Chief ");
    let word_extend = Modifiers::COMMAND | Modifiers::SHIFT;
    press_with(&mut h, word_extend, Key::ArrowRight);
    assert_eq!(selected_text(&h), "Chief of");
    press_with(&mut h, word_extend, Key::ArrowRight);
    assert_eq!(selected_text(&h), "Chief of Anti");
    press_with(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(selected_text(&h), "Chief of Ant");
    // Shift+End: to the end of the visual line; Ctrl+Shift+Down: to the paragraph's end.
    press_with(&mut h, Modifiers::SHIFT, Key::End);
    let line = selected_text(&h);
    assert!(
        line.starts_with("Chief of Anti-Illegal") && line.len() > 20,
        "{line}"
    );
    assert!(!line.contains('\n'));
    press_with(&mut h, word_extend, Key::ArrowDown);
    assert!(selected_text(&h).ends_with("illegal immigrants in Libya."));
    // Plain Left collapses to the start; then Right moves the caret one char.
    press(&mut h, Key::ArrowLeft);
    let sel = h.state().review().unwrap().view.selection.unwrap();
    assert_eq!((sel.anchor, sel.head), (chief, chief));
    press(&mut h, Key::ArrowRight);
    assert_eq!(
        h.state().review().unwrap().view.selection.unwrap().head,
        chief + 1
    );
}

#[test]
fn up_and_down_move_by_visual_line_and_home_goes_to_its_start() {
    use egui::Modifiers;
    let mut h = harness_with(sample_review());
    let text = common::article_text(&h);
    let at = char_offset(&text, "cooperate");
    select(&mut h, at, at);
    h.run();
    let y0 = char_rect(&h, at).center().y;
    press(&mut h, Key::ArrowDown);
    let down = h.state().review().unwrap().view.selection.unwrap().head;
    let y1 = char_rect(&h, down).center().y;
    assert!(
        y1 > y0 + 10.0 && y1 < y0 + 40.0,
        "one visual line lower: {y0} → {y1}"
    );
    assert!((char_rect(&h, down).left() - char_rect(&h, at).left()).abs() < 12.0);
    press_with(&mut h, Modifiers::SHIFT, Key::ArrowUp);
    let sel = h.state().review().unwrap().view.selection.unwrap();
    assert_eq!(sel.anchor, down, "Shift extends from where the caret was");
    assert!(
        sel.head.abs_diff(at) <= 1,
        "back on the line above: {} vs {at}",
        sel.head
    );
    press(&mut h, Key::Home);
    let home = h.state().review().unwrap().view.selection.unwrap().head;
    let to_caret: String = text.chars().skip(home).take(at - home).collect();
    assert!(home <= at && !to_caret.contains('\n'), "{to_caret:?}");
    assert!(
        (char_rect(&h, home).left() - char_rect(&h, char_offset(&text, "Besher said")).left())
            .abs()
            < 2.0
    );
    // Space and Ctrl+End / Ctrl+Home still scroll: they leave the caret alone.
    let before = h.state().review().unwrap().view.selection;
    press_with(&mut h, Modifiers::COMMAND, Key::End);
    press(&mut h, Key::Space);
    press_with(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(h.state().review().unwrap().view.selection, before);
}

#[test]
fn the_claims_list_scrolls_to_the_claim_u_selects() {
    use egui_kittest::kittest::Queryable;
    let text: String = (0..80)
        .map(|i| format!("Paragraph {i} claims that figure {i} is right.\n\n"))
        .collect();
    let article = claimdesk_model::Article::new("long.txt", "long.txt", text.clone());
    let claims = (0..80)
        .map(|i| {
            let needle = format!("figure {i} is right");
            let start = char_offset(&text, &format!("that {needle}")) + 5;
            let status = if i == 70 {
                ClaimStatus::UnderInvestigation
            } else {
                ClaimStatus::Asserted
            };
            Claim::new(&article, Span::new(start, start + needle.len()), status)
        })
        .collect();
    let mut h = harness_with(Review::with_claims(article, claims));
    let row = "Under investigation: figure 70 is right";
    assert!(h.query_by_label(row).is_none(), "row 70 starts out of view");
    press(&mut h, Key::U);
    assert_eq!(common::selected_claim(&h).quote, "figure 70 is right");
    h.run();
    assert!(
        h.query_by_label(row).is_some(),
        "the list followed the selection"
    );
}

/// The list row of the claim with `quote` (its accessible label is "Status: quote").
fn row_label(h: &Harness<'_, Workbench>, quote: &str) -> String {
    let (_, status) = claim_quotes(h)
        .into_iter()
        .find(|(q, _)| q == quote)
        .unwrap();
    format!("{}: {quote}", status.label())
}

#[test]
fn ctrl_a_then_d_marks_every_listed_claim_in_one_undo_step_and_saves() {
    use egui::Modifiers;
    use egui_kittest::kittest::Queryable;
    let mut h = tall_harness_with(review_with_nested_claims());
    let before = claim_quotes(&h);
    // Only asserted and under-investigation claims listed: Ctrl+A picks those four.
    h.state_mut()
        .push(ListCommand::SetStatusFilter(ClaimStatus::Disputed, false));
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    assert_eq!(h.state().review().unwrap().view.picked_claims.len(), 4);
    press(&mut h, Key::D);
    assert!(
        claim_quotes(&h)
            .iter()
            .all(|(_, s)| *s == ClaimStatus::Disputed)
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(last_notice(&h), "Undone: mark 4 claims disputed");
    assert_eq!(claim_quotes(&h), before, "one undo step restores all four");
    // Ctrl-click two rows, Delete: both go, one undo brings both back.
    h.state_mut()
        .push(ListCommand::SetStatusFilter(ClaimStatus::Disputed, true));
    h.run();
    h.get_by_label(&row_label(&h, "Libya")).click();
    h.run();
    let second = row_label(&h, "Libya is not to blame");
    h.get_by_label(&second).click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().review().unwrap().view.picked_claims.len(), 2);
    press(&mut h, Key::Delete);
    let left: Vec<String> = claim_quotes(&h).into_iter().map(|(q, _)| q).collect();
    assert_eq!(left.len(), 4);
    assert!(
        !left
            .iter()
            .any(|q| q == "Libya" || q == "Libya is not to blame")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.claimdesk");
    assert!(h.state_mut().save_to(&path));
    assert_eq!(common::saved_review(&path).claims().len(), 4);
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(last_notice(&h), "Undone: delete 2 claims");
    assert_eq!(claim_quotes(&h), before);
}

#[test]
fn shift_click_picks_the_range_of_rows_between() {
    use egui::Modifiers;
    use egui_kittest::kittest::Queryable;
    let mut h = tall_harness_with(review_with_nested_claims());
    h.get_by_label(&row_label(&h, "reports were lies")).click();
    h.run();
    let last = row_label(&h, "not to blame for the displacement");
    h.get_by_label(&last).click_modifiers(Modifiers::SHIFT);
    h.run();
    let picked: Vec<String> = h
        .state()
        .review()
        .unwrap()
        .view
        .picked_claims
        .iter()
        .map(|id| {
            h.state()
                .review()
                .unwrap()
                .review()
                .claim(id)
                .unwrap()
                .quote
                .clone()
        })
        .collect();
    assert_eq!(
        picked,
        [
            "reports were lies",
            "lies and fabrications",
            "Libya is not",
            "Libya is not to blame",
            "not to blame for the displacement"
        ]
    );
    press(&mut h, Key::I);
    let open = claim_quotes(&h)
        .iter()
        .filter(|(_, s)| *s == ClaimStatus::UnderInvestigation)
        .count();
    assert_eq!(open, 5);
}

#[test]
fn the_claims_search_filters_by_text_with_the_status_filter() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let mut review = review_with_nested_claims();
    let id = review.claims()[1].id.clone();
    let mut claim = review.claim(&id).unwrap().clone();
    claim.note = "Café owners disagree".into();
    let _ = review.replace(claim);
    let mut h = tall_harness_with(review);
    let rows = |h: &Harness<'_, Workbench>| h.query_all_by_role(Role::ListBoxOption).count();
    assert_eq!(rows(&h), 6);
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("besh");
    h.run();
    // The three sample claims have Besher as claimant; the added ones have none.
    assert_eq!(rows(&h), 3);
    assert!(h.query_by_label("3 of 6 claims").is_some());
    // Combined with the status filter: hide disputed.
    h.state_mut()
        .push(ListCommand::SetStatusFilter(ClaimStatus::Disputed, false));
    h.run();
    assert_eq!(rows(&h), 2);
    assert!(h.query_by_label("2 of 6 claims").is_some());
    // Accents and case do not matter: "CAFE" finds the note "Café owners disagree".
    h.state_mut()
        .push(ListCommand::SetStatusFilter(ClaimStatus::Disputed, true));
    for _ in 0..4 {
        h.key_press(Key::Backspace);
    }
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("CAFE");
    h.run();
    assert_eq!(rows(&h), 1);
    // Typing in the search field is not a key for the article: no claim was marked.
    assert_eq!(claim_quotes(&h).len(), 6);
}

#[test]
fn readme_key_table_is_the_apps_table_and_f1_shows_it() {
    use egui_kittest::kittest::Queryable;
    let readme = include_str!("../../README.md");
    let start = readme
        .find("| Key | Action |")
        .expect("README has a key table");
    let table: Vec<&str> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let rows: Vec<String> = claimdesk::ui::key_help::key_rows()
        .iter()
        .map(|r| format!("| {} | {} |", r.keys, r.action))
        .collect();
    assert_eq!(table, rows);
    // A plain harness: a glyph the fonts lack (once "→") fails the test.
    let mut h = harness_with(sample_review());
    assert!(h.query_by_label("Show the keyboard shortcuts").is_none());
    // A new window and its grid take a few frames to size themselves.
    h.key_press(Key::F1);
    h.run_steps(8);
    assert!(h.query_by_label("Show the keyboard shortcuts").is_some());
    assert!(h.query_by_label("Next claim under investigation").is_some());
    press(&mut h, Key::F1);
    assert!(h.query_by_label("Show the keyboard shortcuts").is_none());
}

#[test]
fn two_presses_in_one_frame_move_twice() {
    use egui::Modifiers;
    let mut h = harness_with(sample_review());
    let text = common::article_text(&h);
    let at = char_offset(&text, "sorrowfully");
    select(&mut h, at, at);
    h.run();
    let word_extend = Modifiers::COMMAND | Modifiers::SHIFT;
    h.key_press_modifiers(word_extend, Key::ArrowRight);
    h.key_press_modifiers(word_extend, Key::ArrowRight);
    h.run();
    assert_eq!(selected_text(&h), "sorrowfully seen");
}

#[test]
fn the_whole_sample_can_be_reviewed_without_a_pointer() {
    use claimdesk::app::file_dialogs::DialogAnswer;
    use egui::Modifiers;
    let dialogs = Arc::new(ScriptedDialogs::default());
    let mut wb = Workbench::new(Settings::default(), dialogs.clone());
    wb.open_sample();
    let mut h = common::harness_of(wb, Vec2::new(1280.0, 800.0));
    // Find the first words, close the find bar (the match stays selected), collapse to a caret.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.run();
    h.event(egui::Event::Text("The Chief".into()));
    h.run();
    press(&mut h, Key::Enter);
    press(&mut h, Key::Escape);
    press(&mut h, Key::ArrowLeft);
    // Eight sentences in a row: S selects, a status key marks, Right steps into the next gap.
    let statuses = [
        Key::A,
        Key::D,
        Key::I,
        Key::A,
        Key::D,
        Key::I,
        Key::A,
        Key::D,
    ];
    for key in statuses {
        press(&mut h, Key::S);
        press(&mut h, key);
        press(&mut h, Key::ArrowRight);
    }
    let claims = claim_quotes(&h);
    assert_eq!(claims.len(), 8, "{claims:?}");
    assert!(claims[0].0.starts_with("The Chief of Anti-Illegal"));
    assert!(claims[2].0.starts_with("“We have sorrowfully seen"));
    assert!(
        claims
            .iter()
            .all(|(q, _)| q.trim() == q && !q.contains("\n\n"))
    );
    // The last claim is selected: K to the one before, change it; J back, delete it.
    press(&mut h, Key::K);
    press(&mut h, Key::I);
    press(&mut h, Key::J);
    press(&mut h, Key::Delete);
    let claims = claim_quotes(&h);
    assert_eq!(claims.len(), 7);
    assert_eq!(
        claims[6].1,
        ClaimStatus::UnderInvestigation,
        "changed from asserted"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.claimdesk");
    dialogs.push_answer(DialogAnswer::Picked(path.clone()));
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    h.run();
    let saved = common::saved_review(&path);
    let saved: Vec<(String, ClaimStatus)> = saved
        .claims()
        .iter()
        .map(|c| (c.quote.clone(), c.status))
        .collect();
    assert_eq!(saved, claims);
}
