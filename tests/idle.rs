//! Idle is idle (issue 16): with nothing changing, a frame of the whole window asks for no
//! further frame, so a laptop's battery is not spent redrawing a still window — also the hostile
//! review with 150,000 claims stacked on one word; a pending autosave asks for one timed frame
//! (when it is due), writes the recovery file, and then the window is idle again.

use std::sync::Arc;
use std::time::{Duration, Instant};

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::recovery::RecoveryStore;
use claimdesk::app::settings::Settings;
use claimdesk_model::synthetic::stacked_review;
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{ClaimStatus, Review};
use egui::{Pos2, RawInput, Rect, ViewportId, vec2};

/// One frame of the whole window; returns how soon it asked for the next one.
fn frame(ctx: &egui::Context, wb: &mut Workbench) -> Duration {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
        ..RawInput::default()
    };
    let mut out = ctx.run_ui(input, |ui| wb.ui(ui));
    out.textures_delta.clear();
    out.viewport_output[&ViewportId::ROOT].repaint_delay
}

fn opened(review: Review, recovery: &std::path::Path) -> (egui::Context, Workbench) {
    let ctx = egui::Context::default();
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()))
        .with_recovery(RecoveryStore::new(recovery.to_owned()));
    wb.open_review(review);
    (ctx, wb)
}

fn settle(ctx: &egui::Context, wb: &mut Workbench) -> Duration {
    let mut delay = Duration::ZERO;
    // Enough frames for egui's animations (a scroll bar fading in: 1/12 s) to finish.
    for _ in 0..30 {
        delay = frame(ctx, wb);
    }
    delay
}

fn sample_text() -> String {
    normalize_article_text(include_str!("../assets/sample-article.txt"))
}

#[test]
fn a_still_window_asks_for_no_frame() {
    let dir = tempfile::tempdir().unwrap();
    let review = stacked_review(&sample_text(), 10);
    let (ctx, mut wb) = opened(review, dir.path());
    assert_eq!(settle(&ctx, &mut wb), Duration::MAX);
}

#[test]
fn a_still_window_with_150000_stacked_claims_asks_for_no_frame() {
    let dir = tempfile::tempdir().unwrap();
    let review = stacked_review(&sample_text(), 150_000);
    let (ctx, mut wb) = opened(review, dir.path());
    let delay = settle(&ctx, &mut wb);
    assert_eq!(delay, Duration::MAX, "{:?}", ctx.repaint_causes());
}

#[test]
fn a_pending_autosave_asks_for_one_timed_frame_then_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let review = stacked_review(&sample_text(), 3);
    let id = review.claims()[0].id.clone();
    let (ctx, mut wb) = opened(review, dir.path());
    settle(&ctx, &mut wb);
    wb.run(
        claimdesk::app::open_review::claims::ClaimCommand::SetStatus(id, ClaimStatus::Disputed),
        &ctx,
    );
    let changed = Instant::now();
    let delay = settle(&ctx, &mut wb);
    assert!(
        delay > Duration::from_millis(100) && delay <= Duration::from_secs(2),
        "a pending autosave asks for one frame when it is due, not a busy loop: {delay:?}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).map_or(0, |d| d.count()), 0);
    std::thread::sleep(Duration::from_secs(2).saturating_sub(changed.elapsed()));
    let delay = settle(&ctx, &mut wb);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "the recovery file is written"
    );
    assert_eq!(delay, Duration::MAX, "then the window is idle again");
}

#[test]
fn a_still_window_with_suggestions_shown_asks_for_no_frame() {
    let dir = tempfile::tempdir().unwrap();
    let (ctx, mut wb) = opened(
        Review::new(claimdesk_model::Article::new("sample", "", sample_text())),
        dir.path(),
    );
    wb.push(claimdesk::app::suggestions::SuggestionCommand::Show(true));
    // Frames until the worker's answer is in (bounded), then the window must settle.
    let deadline = Instant::now() + Duration::from_secs(120);
    while wb.review().unwrap().suggestions.model().is_none() {
        assert!(Instant::now() < deadline, "no suggestions after 120 s");
        frame(&ctx, &mut wb);
        std::thread::yield_now();
    }
    assert!(!wb.review().unwrap().suggestions.is_empty());
    let delay = settle(&ctx, &mut wb);
    assert_eq!(delay, Duration::MAX, "{:?}", ctx.repaint_causes());
}
