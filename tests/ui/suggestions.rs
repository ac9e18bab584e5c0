//! Check-worthiness suggestions in the window (issue 12): they appear once the worker has
//! scored the article (polled frame by frame, never a fixed sleep), N goes to the best, A marks
//! the whole sentence, X dismisses, both are saved, and a reopened review does not suggest them
//! again. In a transcript the speaker becomes the claimant.

use crate::common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk_model::ClaimStatus;
use claimdesk_model::suggestion_decision::DecisionKind;
use claimdesk_suggest::Suggestion;
use common::{article_text, char_offset, harness_of, select, status_key};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const DEBATE: &str = include_str!("../data/debate-transcript.txt");

fn workbench() -> Workbench {
    Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()))
}

/// Runs frames until the worker's suggestions for the open text are in (at most 120 s of
/// frames, so a broken worker fails the test instead of hanging it).
fn wait_for_suggestions(h: &mut Harness<'_, Workbench>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while h.state().suggestions_pending()
        || h.state().review().unwrap().suggestions.model().is_none()
    {
        assert!(Instant::now() < deadline, "no suggestions after 120 s");
        h.step();
        std::thread::yield_now();
    }
    h.run();
}

/// The sample article in a 1280×800 window, suggestions on and scored.
fn sample_with_suggestions() -> Harness<'static, Workbench> {
    let mut h = sample_with_suggestions_on(vec2(1280.0, 800.0));
    wait_for_suggestions(&mut h);
    h
}

/// The sample article in a window of `size`, S just pressed (the worker may still score).
fn sample_with_suggestions_on(size: egui::Vec2) -> Harness<'static, Workbench> {
    let mut wb = workbench();
    wb.open_sample();
    let mut h = harness_of(wb, size);
    toggle_suggestions(&mut h);
    h
}

/// The debate transcript written for the tests, in a 1280×800 window (suggestions off).
fn debate() -> Harness<'static, Workbench> {
    let mut wb = workbench();
    wb.open_review(claimdesk_model::Review::new(claimdesk_model::Article::new(
        "Debate",
        "",
        claimdesk_model::text::normalize_article_text(DEBATE),
    )));
    harness_of(wb, vec2(1280.0, 800.0))
}

fn shown(h: &Harness<'_, Workbench>) -> Vec<Suggestion> {
    h.state()
        .review()
        .unwrap()
        .suggestions
        .list()
        .cloned()
        .collect()
}

/// Presses `key` and runs frames until the window settles (a frame while the worker scores,
/// whose spinner keeps asking for frames).
/// Shift+S: shows or hides the suggestions. Sent as X11 delivers a quick Shift+S: Shift is
/// down in the key event only, and released again before the frame, whose modifiers say none.
fn toggle_suggestions(h: &mut Harness<'_, Workbench>) {
    quick_shift_press(h, Key::S);
    h.step();
    if !h.state().suggestions_pending() {
        h.run();
    }
}

/// A key pressed with Shift, Shift released within the same frame.
fn quick_shift_press(h: &mut Harness<'_, Workbench>, key: Key) {
    h.event(egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::SHIFT,
    });
    h.event(egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed: false,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
}

fn press(h: &mut Harness<'_, Workbench>, key: Key) {
    h.key_press(key);
    h.step();
    if !h.state().suggestions_pending() {
        h.run();
    }
}

#[test]
fn suggestions_appear_n_goes_to_the_best_a_marks_x_dismisses_and_reopening_remembers() {
    let mut wb = workbench();
    wb.open_sample();
    let mut h = harness_of(wb, vec2(1280.0, 800.0));
    assert!(!h.state().suggestions.shown);
    toggle_suggestions(&mut h);
    assert!(h.state().suggestions.shown, "S turns suggestions on");
    wait_for_suggestions(&mut h);
    let list = shown(&h);
    assert!(
        list.len() >= 2,
        "the sample has claims worth checking: {list:?}"
    );
    assert!(
        list.windows(2).all(|w| w[0].score >= w[1].score),
        "best first"
    );
    assert!(list.iter().all(|s| s.score >= 0.5));
    assert!(!list[0].reasons.is_empty(), "reasons, not a bare number");
    let _ = h.get_by_label_contains("Suggestions (");

    // N selects the best one.
    press(&mut h, Key::N);
    assert_eq!(
        h.state().review().unwrap().view.selected_suggestion,
        Some(list[0].span)
    );
    let _ = h.get_by_label_contains("Suggestion selected — A / D / I mark the sentence");
    press(&mut h, Key::N);
    assert_eq!(
        h.state().review().unwrap().view.selected_suggestion,
        Some(list[1].span)
    );
    quick_shift_press(&mut h, Key::N);
    h.run();
    assert_eq!(
        h.state().review().unwrap().view.selected_suggestion,
        Some(list[0].span)
    );

    // A marks the whole sentence: one claim, its span the sentence's, one undo step.
    press(&mut h, status_key(ClaimStatus::Asserted));
    let best = list[0].span;
    let text = article_text(&h);
    {
        let review = &h.state().review().unwrap().review();
        assert_eq!(review.claims().len(), 1);
        let claim = &review.claims()[0];
        assert_eq!(claim.status, ClaimStatus::Asserted);
        assert_eq!(claim.span, best);
        let sentence: String = text.chars().skip(best.start).take(best.len()).collect();
        assert_eq!(claim.quote, sentence.trim());
        assert_eq!(review.suggestion_decisions.len(), 1);
        assert_eq!(review.suggestion_decisions[0].kind, DecisionKind::Accepted);
    }
    assert!(
        !shown(&h).iter().any(|s| s.span == best),
        "no longer suggested"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let review = &h.state().review().unwrap().review();
    assert!(review.claims().is_empty() && review.suggestion_decisions.is_empty());
    assert!(
        shown(&h).iter().any(|s| s.span == best),
        "suggested again after undo"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();

    // X dismisses the (new) best one and moves on to the next.
    press(&mut h, Key::N);
    let dismissed = h
        .state()
        .review()
        .unwrap()
        .view
        .selected_suggestion
        .expect("N selects");
    assert_eq!(Some(dismissed), shown(&h).first().map(|s| s.span));
    press(&mut h, Key::X);
    assert!(!shown(&h).iter().any(|s| s.span == dismissed));
    let review = &h.state().review().unwrap().review();
    assert_eq!(review.claims().len(), 1, "a dismissal is never a claim");
    assert_eq!(review.suggestion_decisions.len(), 2);

    // Save, reopen: neither the accepted nor the dismissed sentence is suggested again.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.claimdesk");
    assert!(h.state_mut().save_to(&path));
    let mut wb = workbench();
    wb.open_path(&path);
    let mut h = harness_of(wb, vec2(1280.0, 800.0));
    toggle_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    let again = shown(&h);
    assert!(!again.is_empty());
    assert!(!again.iter().any(|s| s.span == best || s.span == dismissed));
    let review = &h.state().review().unwrap().review();
    assert_eq!(review.claims().len(), 1);
    assert_eq!(review.suggestion_decisions.len(), 2);
}

#[test]
fn the_threshold_filters_and_shows_the_expected_precision() {
    let mut h = sample_with_suggestions();
    let at_default = shown(&h).len();
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::SetThreshold(0.1));
    h.run();
    let lower = shown(&h);
    assert!(lower.len() > at_default, "{} vs {at_default}", lower.len());
    assert!(lower.iter().all(|s| s.score >= 0.1));
    let _ = h.get_by_label_contains("Expected precision");
    // The weakest one selected, then the threshold rises above it: it is no longer selected.
    let weakest = lower.last().unwrap().span;
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::Select(
            Some(weakest),
        ));
    h.run();
    assert_eq!(
        h.state().review().unwrap().view.selected_suggestion,
        Some(weakest)
    );
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::SetThreshold(0.9));
    h.run();
    assert_eq!(h.state().review().unwrap().view.selected_suggestion, None);
}

#[test]
fn in_a_transcript_the_speaker_becomes_the_claimant() {
    let mut h = debate();
    // Marked by selection inside Okafor's turn.
    let text = article_text(&h);
    let needle = "The state ended last year with a deficit of $1.2 billion";
    let a = char_offset(&text, needle);
    select(&mut h, a, a + needle.chars().count());
    press(&mut h, status_key(ClaimStatus::Disputed));
    let claims = h.state().review().unwrap().review().claims().to_vec();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].claimant, "OKAFOR");
    assert_eq!(claims[0].quote, needle);
    // A selection across two turns names nobody.
    let b = char_offset(&text, "Thank you. It is good");
    select(&mut h, b - 30, b + 10);
    press(&mut h, status_key(ClaimStatus::UnderInvestigation));
    let claims = h.state().review().unwrap().review().claims().to_vec();
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().any(|c| c.claimant.is_empty()));

    // An accepted suggestion in Harper's turn, in one undo step with its claimant.
    toggle_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    let harper = shown(&h)
        .into_iter()
        .find(|s| s.speaker.as_deref() == Some("HARPER"))
        .expect("Harper makes claims");
    assert!(
        !shown(&h)
            .iter()
            .any(|s| s.speaker.as_deref() == Some("MODERATOR")
                && text
                    .chars()
                    .skip(s.span.start)
                    .take(s.span.len())
                    .collect::<String>()
                    .ends_with('?')),
        "moderators' questions are not suggested"
    );
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::Select(
            Some(harper.span),
        ));
    h.run();
    press(&mut h, status_key(ClaimStatus::Asserted));
    let review = &h.state().review().unwrap().review();
    let claim = review
        .claims()
        .iter()
        .find(|c| c.span == harper.span)
        .expect("the sentence is a claim");
    assert_eq!(claim.claimant, "HARPER");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let review = &h.state().review().unwrap().review();
    assert!(!review.claims().iter().any(|c| c.span == harper.span));
    assert_eq!(review.claims().len(), 2);
}

#[test]
fn a_model_file_that_fails_to_load_says_so_and_falls_back_to_the_built_in_one() {
    use claimdesk::app::file_dialogs::DialogAnswer;
    use claimdesk::app::suggestions::ModelChoice;
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("newsroom.bin");
    std::fs::write(&bogus, b"not a model at all").unwrap();
    let dialogs = Arc::new(ScriptedDialogs::default());
    dialogs.push_answer(DialogAnswer::Picked(bogus.clone()));
    let mut wb = Workbench::new(Settings::default(), dialogs);
    wb.open_sample();
    let mut h = harness_of(wb, vec2(1024.0, 600.0));
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::PickModel);
    h.step();
    h.step();
    assert_eq!(
        h.state().settings.suggestion_model,
        ModelChoice::File(bogus.clone()),
        "the choice is kept (and persisted) even though it fails"
    );
    assert!(
        h.state().suggestions.shown,
        "choosing a model shows suggestions"
    );
    wait_for_suggestions(&mut h);
    let info = h
        .state()
        .review()
        .unwrap()
        .suggestions
        .model()
        .unwrap()
        .clone();
    let error = info.error.expect("the failure is reported");
    assert!(error.contains("newsroom.bin"), "{error}");
    assert!(!shown(&h).is_empty(), "the built-in model scored instead");
    let _ = h.get_by_label_contains("Using the built-in model instead");
    let errors: Vec<&str> = h
        .state()
        .notices
        .items
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert!(
        errors
            .iter()
            .any(|t| t.contains("newsroom.bin") && t.contains("built-in")),
        "{errors:?}"
    );
    // Back to the built-in model: no warning any more.
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::SetModel(
            ModelChoice::Builtin,
        ));
    h.step();
    wait_for_suggestions(&mut h);
    assert_eq!(
        h.state()
            .review()
            .unwrap()
            .suggestions
            .model()
            .unwrap()
            .error,
        None
    );
}

#[test]
fn clicking_a_suggested_sentence_selects_it_hover_shows_why_and_esc_deselects() {
    let mut h = sample_with_suggestions();
    let first = shown(&h)
        .into_iter()
        .min_by_key(|s| s.span.start)
        .expect("suggestions");
    let middle = first.span.start + first.span.len() / 2;
    let at = common::char_rect(&h, middle).center();
    h.hover_at(at);
    // Tooltips wait for the pointer to rest (egui's tooltip delay): a second of frames.
    h.run_steps(60);
    let _ = h.get_by_label_contains("Suggested: worth checking?");
    let why = format!(
        "Score {:.2}, because “{}”",
        first.score, first.reasons[0].text
    );
    let _ = h.get_by_label_contains(&why);
    common::click_at(&mut h, at);
    assert_eq!(
        h.state().review().unwrap().view.selected_suggestion,
        Some(first.span)
    );
    assert_eq!(h.state().review().unwrap().view.selected_claim, None);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().review().unwrap().view.selected_suggestion, None);
}

#[test]
fn a_result_for_an_older_article_text_is_dropped() {
    let mut h = sample_with_suggestions_on(vec2(1024.0, 600.0));
    // Another article opens while the sample may still be scored.
    let text =
        "Welcome to the show. Unemployment fell to 3.9 percent in 2024, the lowest since 1969.";
    h.state_mut()
        .open_review(claimdesk_model::Review::new(claimdesk_model::Article::new(
            "Other",
            "",
            text.to_owned(),
        )));
    h.step();
    wait_for_suggestions(&mut h);
    let list = shown(&h);
    assert_eq!(list.len(), 1, "{list:?}");
    let len = text.chars().count();
    assert!(list.iter().all(|s| s.span.end <= len));
    assert_eq!(list[0].span.start, char_offset(text, "Unemployment"));
}

#[test]
fn suggestions_can_be_filtered_by_speaker() {
    let mut h = debate();
    toggle_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    let speakers = h.state().review().unwrap().speakers().join(",");
    assert!(
        speakers.contains("HARPER") && speakers.contains("OKAFOR"),
        "{speakers}"
    );
    let everyone = shown(&h).len();
    h.state_mut().push(
        claimdesk::app::suggestions::SuggestionCommand::FilterBySpeaker(Some("OKAFOR".into())),
    );
    h.run();
    let okafor = shown(&h);
    assert!(!okafor.is_empty() && okafor.len() < everyone);
    assert!(
        okafor
            .iter()
            .all(|s| s.speaker.as_deref() == Some("OKAFOR"))
    );
    press(&mut h, Key::N);
    let selected = h.state().review().unwrap().view.selected_suggestion;
    assert_eq!(
        selected,
        Some(okafor[0].span),
        "N follows the filtered list"
    );
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::FilterBySpeaker(None));
    h.run();
    assert_eq!(shown(&h).len(), everyone);
}

#[test]
fn selecting_a_suggestion_brings_the_whole_sentence_into_view() {
    let mut h = sample_with_suggestions_on(vec2(1024.0, 600.0));
    wait_for_suggestions(&mut h);
    // Below the toolbar, above the status bar of the 600-point window.
    let seen = |h: &Harness<'_, Workbench>, c| {
        let view = h.state().article_view().unwrap();
        view.char_rect(c)
            .is_some_and(|r| r.top() > 100.0 && r.bottom() < 570.0)
    };
    let cut = shown(&h)
        .into_iter()
        .find(|s| seen(&h, s.span.start) && !seen(&h, s.span.end - 1))
        .expect("a suggested sentence starts on screen and ends below it");
    h.state_mut()
        .push(claimdesk::app::suggestions::SuggestionCommand::Select(
            Some(cut.span),
        ));
    h.run();
    assert!(seen(&h, cut.span.start) && seen(&h, cut.span.end - 1));
}

/// Shift+S shows the suggestions and nothing else: S alone (select the sentence around the
/// caret) must not fire with it, even when Shift is only in the key event.
#[test]
fn shift_s_does_not_also_select_the_sentence() {
    let mut wb = workbench();
    wb.open_sample();
    wb.review_mut().unwrap().view.selection = Some(claimdesk::app::Selection {
        anchor: 40,
        head: 40,
    });
    let mut h = harness_of(wb, vec2(1280.0, 800.0));
    h.run();
    toggle_suggestions(&mut h);
    assert!(h.state().suggestions.shown);
    let selection = h
        .state()
        .review()
        .unwrap()
        .view
        .selection
        .expect("the caret stays");
    assert_eq!((selection.anchor, selection.head), (40, 40));
}

/// Suggestions on or off is remembered: the next start (same preferences) shows them again.
#[test]
fn suggestions_on_or_off_is_kept_for_the_next_start() {
    let h = sample_with_suggestions();
    assert!(h.state().suggestions.shown);
    assert!(h.state().settings.suggestions_shown);
    let settings = h.state().settings.clone();
    let mut next = Workbench::new(settings, Arc::new(ScriptedDialogs::default()));
    next.open_sample();
    let mut next = harness_of(next, vec2(1280.0, 800.0));
    assert!(next.state().suggestions.shown, "on at the next start");
    wait_for_suggestions(&mut next);
    assert!(!shown(&next).is_empty());

    toggle_suggestions(&mut next);
    assert!(!next.state().suggestions.shown);
    assert!(!next.state().settings.suggestions_shown, "off is kept too");
}
