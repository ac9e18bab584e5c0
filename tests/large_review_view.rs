//! Correctness of the article view on the large review (1 MB, 5,000 claims): after scrolling,
//! jumping and resizing, every claim on screen is drawn at its own words, and pointing at a
//! claim's first letter hits that letter. (Speed is measured by `cargo bench`, not here.)

use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk_model::synthetic::large_review;
use egui::{Pos2, RawInput, Rect, vec2};
use unicode_segmentation::UnicodeSegmentation;

fn frame(ctx: &egui::Context, wb: &mut Workbench, width: f32, events: Vec<egui::Event>) {
    let raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(width, 800.0))),
        events,
        ..RawInput::default()
    };
    let mut out = ctx.run_ui(raw, |ui| wb.ui(ui));
    out.textures_delta.clear();
}

/// Every claim fully on screen is drawn glyph for glyph as its quote, and hit-testing the
/// middle of its first glyph gives back its start. Returns how many claims were checked.
fn check_visible_claims(wb: &Workbench) -> usize {
    let doc = wb.review().unwrap();
    let view = wb.article_view().expect("a view");
    let (a, b) = view.visible_chars().expect("something is drawn");
    let mut checked = 0;
    for claim in doc.review().claims() {
        if claim.span.start < a || claim.span.end > b {
            continue;
        }
        let Some(rect) = view.char_rect(claim.span.start) else {
            continue; // scrolled past the top edge
        };
        if !(0.0..780.0).contains(&rect.center().y) {
            continue;
        }
        // Every char of the quote is drawn where the claim says (line breaks are not drawn).
        // Inside a shaped emoji cluster (a flag, a ZWJ family) egui reports the cluster's first
        // char for each of its glyphs; the glyph count still matches the chars one to one.
        let mut offset = 0;
        for cluster in claim.quote.graphemes(true) {
            let first = cluster.chars().next().unwrap();
            for expected in cluster.chars() {
                let drawn = view.drawn_char(claim.span.start + offset);
                let ok = match expected {
                    '\n' => drawn.is_none(),
                    _ => drawn == Some(expected) || drawn == Some(first),
                };
                assert!(
                    ok,
                    "claim {} char {offset}: drew {drawn:?} for {expected:?}",
                    claim.id
                );
                offset += 1;
            }
        }
        // A click on the first glyph lands in the claim; selection snaps to its left edge.
        let id = &claim.id;
        assert_eq!(
            view.char_under(rect.center()),
            Some(claim.span.start),
            "{id}"
        );
        let left_quarter = rect.left_center() + vec2(rect.width() * 0.25, 0.0);
        assert_eq!(view.char_at(left_quarter), Some(claim.span.start), "{id}");
        checked += 1;
    }
    checked
}

#[test]
fn claims_stay_on_their_words_after_jumps_scrolls_and_resizes() {
    let review = large_review(1_000_000, 5_000);
    let targets: Vec<usize> = [5, 1_234, 2_500, 3_777, 4_990]
        .iter()
        .map(|&i| review.claims()[i].span.start)
        .collect();
    let ctx = egui::Context::default();
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(review);
    frame(&ctx, &mut wb, 1280.0, vec![]);
    let mut total = 0;
    for (k, &target) in targets.iter().enumerate() {
        wb.review_mut().unwrap().view.scroll_to(target);
        frame(&ctx, &mut wb, 1280.0, vec![]);
        assert!(
            wb.article_view().unwrap().char_rect(target).is_some(),
            "jumped to {target}"
        );
        total += check_visible_claims(&wb);
        // Narrow the window by 40 px: text rewraps, claims must follow their words.
        let width = if k % 2 == 0 { 1240.0 } else { 1000.0 };
        frame(&ctx, &mut wb, width, vec![]);
        frame(&ctx, &mut wb, width, vec![]);
        total += check_visible_claims(&wb);
        // Scroll with the wheel over the article.
        let wheel = vec![
            egui::Event::PointerMoved(Pos2::new(300.0, 400.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, -900.0),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            },
        ];
        frame(&ctx, &mut wb, width, wheel);
        for _ in 0..30 {
            frame(&ctx, &mut wb, width, vec![]); // let smooth scrolling finish
        }
        total += check_visible_claims(&wb);
    }
    assert!(total > 100, "only {total} claims were checked");
}

#[test]
fn the_giant_paragraph_is_split_and_drawn() {
    let review = large_review(1_000_000, 0);
    let text = review.article.text().to_owned();
    let giant = text.split('\n').map(str::len).max().unwrap();
    assert!(giant >= 100 * 1024);
    let start = text
        .split('\n')
        .take_while(|p| p.len() < giant)
        .map(|p| p.chars().count() + 1)
        .sum::<usize>();
    let middle = start + 50_000;
    let ctx = egui::Context::default();
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(review);
    wb.review_mut().unwrap().view.scroll_to(middle);
    frame(&ctx, &mut wb, 1280.0, vec![]);
    frame(&ctx, &mut wb, 1280.0, vec![]);
    let view = wb.article_view().expect("a view");
    let expected = text.chars().nth(middle).unwrap();
    assert_eq!(view.drawn_char(middle), Some(expected));
}

/// The colours of the vertices painted over the article text in one frame (the toolbar, the
/// legend and the claims list show status colours too: they are left out).
fn article_colors(ctx: &egui::Context, wb: &mut Workbench) -> Vec<egui::Color32> {
    let raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
        ..RawInput::default()
    };
    let mut out = ctx.run_ui(raw, |ui| wb.ui(ui));
    out.textures_delta.clear();
    let area = Rect::from_min_max(Pos2::new(0.0, 120.0), Pos2::new(800.0, 760.0));
    let mut colors = Vec::new();
    for clipped in out.shapes {
        if let egui::Shape::Mesh(mesh) = clipped.shape {
            let inside = mesh.vertices.iter().filter(|v| area.contains(v.pos));
            colors.extend(inside.map(|v| v.color));
        }
    }
    colors
}

/// The highlight meshes are cached per chunk between frames (issue 16): after a status
/// change, a theme change and a jump down the article the view shows the claims as they are
/// now, not as they were when the cache was filled.
#[test]
fn cached_highlights_follow_status_theme_and_scrolling() {
    use claimdesk::ui::theme::status_fill;
    use claimdesk_model::{Article, Claim, Span};
    use claimdesk_model::{ClaimStatus, Review};

    let text = "Alpha beta gamma delta, a paragraph of plain words.\n".repeat(400);
    let article = Article::new("Cache", "cache.txt", text);
    let mut review = Review::new(article.clone());
    review.insert(Claim::new(
        &article,
        Span::new(6, 16),
        ClaimStatus::Disputed,
    ));
    let far = 350 * 52 + 6;
    review.insert(Claim::new(
        &article,
        Span::new(far, far + 10),
        ClaimStatus::UnderInvestigation,
    ));
    let first = review.claims()[0].id.clone();
    let ctx = egui::Context::default();
    ctx.set_theme(egui::Theme::Light);
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(review);
    article_colors(&ctx, &mut wb);
    let shows =
        |colors: &[egui::Color32], status, dark| colors.contains(&status_fill(status, dark));

    let colors = article_colors(&ctx, &mut wb);
    assert!(shows(&colors, ClaimStatus::Disputed, false));
    assert!(
        !shows(&colors, ClaimStatus::UnderInvestigation, false),
        "far claim off screen"
    );

    wb.run(
        claimdesk::app::open_review::claims::ClaimCommand::SetStatus(first, ClaimStatus::Asserted),
        &ctx,
    );
    let colors = article_colors(&ctx, &mut wb);
    assert!(shows(&colors, ClaimStatus::Asserted, false));
    assert!(
        !shows(&colors, ClaimStatus::Disputed, false),
        "old status still drawn"
    );

    wb.run(
        claimdesk::app::window::WindowCommand::SetTheme(egui::ThemePreference::Dark),
        &ctx,
    );
    article_colors(&ctx, &mut wb);
    let colors = article_colors(&ctx, &mut wb);
    assert!(shows(&colors, ClaimStatus::Asserted, true));
    assert!(
        !shows(&colors, ClaimStatus::Asserted, false),
        "light colours in dark mode"
    );

    wb.review_mut().unwrap().view.scroll_to(far);
    article_colors(&ctx, &mut wb);
    let colors = article_colors(&ctx, &mut wb);
    assert!(shows(&colors, ClaimStatus::UnderInvestigation, true));
    assert!(
        !shows(&colors, ClaimStatus::Asserted, true),
        "first claim scrolled away"
    );
}

/// A steady frame (nothing changed) copies the cached highlight meshes: it builds none.
#[test]
fn a_steady_frame_builds_no_highlight_mesh() {
    let ctx = egui::Context::default();
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    wb.open_review(large_review(1_000_000, 5_000));
    let middle = wb.review().unwrap().review().claims()[2_500].span.start;
    wb.review_mut().unwrap().view.scroll_to(middle);
    for _ in 0..3 {
        frame(&ctx, &mut wb, 1280.0, vec![]);
    }
    let built = |wb: &Workbench| wb.article_view().unwrap().highlight_meshes_built();
    let before = built(&wb);
    assert!(before > 0, "the claims in view were drawn");
    for _ in 0..5 {
        frame(&ctx, &mut wb, 1280.0, vec![]);
    }
    assert_eq!(built(&wb), before, "steady frames rebuilt highlight meshes");
}
