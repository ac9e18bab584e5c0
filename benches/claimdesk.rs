//! Claimdesk's benchmarks (`cargo bench`): frames of the real app UI on a 1 MB article with
//! 5,000 claims, loading and saving the project file, every export, and scoring check-worthiness
//! suggestions.
//!
//! A frame is `Context::run_ui` + `tessellate` of the whole window (panels included) at
//! 1280×800, as eframe does each frame, minus the GPU upload.

use std::hint::black_box;
use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::settings::Settings;
use claimdesk::app::suggestions::MIN_THRESHOLD;
use claimdesk_model::format::{load_str, save_file, to_json};
use claimdesk_model::synthetic::{large_review, stacked_review, team_sides};
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{ClaimStatus, Review};
use claimdesk_reports::{ExportFormat, export};
use claimdesk_suggest::{Model, score_article};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};

const ARTICLE_BYTES: usize = 1_000_000;
const CLAIMS: usize = 5_000;

fn input(width: f32) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(width, 800.0))),
        ..RawInput::default()
    }
}

/// One frame of the whole window.
fn frame(ctx: &egui::Context, wb: &mut Workbench, width: f32) {
    let mut out = ctx.run_ui(input(width), |ui| wb.ui(ui));
    let shapes = std::mem::take(&mut out.shapes);
    black_box(ctx.tessellate(shapes, out.pixels_per_point));
    out.textures_delta.clear();
}

/// A workbench with `review` open, scrolled to the middle of the article, warmed up.
fn opened(review: Review, accesskit: bool) -> (egui::Context, Workbench) {
    let ctx = egui::Context::default();
    if accesskit {
        ctx.enable_accesskit();
    }
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()));
    let middle = review.article.char_len() / 2;
    wb.open_review(review);
    wb.review_mut().unwrap().view.scroll_to(middle);
    for _ in 0..5 {
        frame(&ctx, &mut wb, 1280.0);
    }
    (ctx, wb)
}

/// Claims drawn in the last frame, in text order.
fn visible_claims(wb: &Workbench) -> Vec<usize> {
    let doc = wb.review().expect("open");
    let (a, b) = wb
        .article_view()
        .expect("a view")
        .visible_chars()
        .expect("drawn");
    doc.review()
        .claims()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.span.start >= a && c.span.end <= b)
        .map(|(i, _)| i)
        .collect()
}

fn view(c: &mut Criterion) {
    let plain = large_review(ARTICLE_BYTES, 0);
    let review = large_review(ARTICLE_BYTES, CLAIMS);
    let mut group = c.benchmark_group("view");

    let (ctx, mut wb) = opened(plain.clone(), false);
    group.bench_function("steady_plain", |b| b.iter(|| frame(&ctx, &mut wb, 1280.0)));

    let (ctx, mut wb) = opened(review.clone(), false);
    group.bench_function("steady_claims", |b| b.iter(|| frame(&ctx, &mut wb, 1280.0)));

    let (ctx_ak, mut wb_ak) = opened(review.clone(), true);
    group.bench_function("steady_claims_accesskit", |b| {
        b.iter(|| frame(&ctx_ak, &mut wb_ak, 1280.0))
    });

    let visible = visible_claims(&wb);
    assert!(
        !visible.is_empty(),
        "claims are drawn in the middle of the article"
    );
    let id = wb.review().unwrap().review().claims()[visible[0]]
        .id
        .clone();
    let mut flip = false;
    group.bench_function("status_change", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                flip = !flip;
                let status = if flip {
                    ClaimStatus::Disputed
                } else {
                    ClaimStatus::Asserted
                };
                wb.run(
                    claimdesk::app::open_review::claims::ClaimCommand::SetStatus(
                        id.clone(),
                        status,
                    ),
                    &ctx,
                );
                let t = std::time::Instant::now();
                frame(&ctx, &mut wb, 1280.0);
                total += t.elapsed();
            }
            total
        })
    });

    // At 1280 px the reading column is at its 720 px maximum: resize where the column itself
    // changes width, so every visible chunk is rewrapped.
    for _ in 0..3 {
        frame(&ctx, &mut wb, 1000.0);
    }
    let mut narrow = false;
    group.bench_function("resize", |b| {
        b.iter(|| {
            narrow = !narrow;
            frame(&ctx, &mut wb, if narrow { 960.0 } else { 1000.0 });
        })
    });
    frame(&ctx, &mut wb, 1280.0);

    let claims = wb.review().unwrap().review().claims();
    let far = [claims[10].span.start, claims[claims.len() - 10].span.start];
    let mut k = 0;
    group.bench_function("scroll_jump", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                k += 1;
                wb.review_mut().unwrap().view.scroll_to(far[k % 2]);
                let t = std::time::Instant::now();
                frame(&ctx, &mut wb, 1280.0);
                total += t.elapsed();
            }
            total
        })
    });

    group.bench_function("claims_list_scroll", |b| {
        let over_list = Pos2::new(1100.0, 400.0);
        let mut down = true;
        b.iter(|| {
            down = !down;
            let mut raw = input(1280.0);
            raw.events.push(egui::Event::PointerMoved(over_list));
            raw.events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, if down { -600.0 } else { 600.0 }),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            });
            let mut out = ctx.run_ui(raw, |ui| wb.ui(ui));
            let shapes = std::mem::take(&mut out.shapes);
            black_box(ctx.tessellate(shapes, out.pixels_per_point));
            out.textures_delta.clear();
        })
    });

    group.bench_function("first_frame", |b| {
        b.iter_custom(|iters| open_and_draw(&ctx, &mut wb, &review, iters))
    });
    stacked(&mut group);
    group.finish();
}

/// Time of `iters` times opening `review` and drawing its first frame.
fn open_and_draw(
    ctx: &egui::Context,
    wb: &mut Workbench,
    review: &Review,
    iters: u64,
) -> std::time::Duration {
    let mut total = std::time::Duration::ZERO;
    for _ in 0..iters {
        let copy = review.clone();
        let t = std::time::Instant::now();
        wb.open_review(copy);
        frame(ctx, wb, 1280.0);
        total += t.elapsed();
    }
    total
}

/// The sample article with 150,000 claims stacked on its first word: the view's work per frame
/// must not grow with the overlap depth (issue 16).
fn stacked(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    let text = normalize_article_text(include_str!("../assets/sample-article.txt"));
    let review = stacked_review(&text, 150_000);
    let (ctx, mut wb) = opened(review.clone(), false);
    wb.review_mut().unwrap().view.scroll_to(0);
    for _ in 0..3 {
        frame(&ctx, &mut wb, 1280.0);
    }
    group.bench_function("stacked_150k_steady", |b| {
        b.iter(|| frame(&ctx, &mut wb, 1280.0))
    });
    group.bench_function("stacked_150k_first_frame", |b| {
        b.iter_custom(|iters| open_and_draw(&ctx, &mut wb, &review, iters))
    });
}

fn project(c: &mut Criterion) {
    let review = large_review(ARTICLE_BYTES, CLAIMS);
    let json = to_json(&review);
    let mut group = c.benchmark_group("project");
    group.bench_function("json_floor", |b| {
        b.iter(|| black_box(serde_json::from_str::<serde_json::Value>(&json).unwrap()))
    });
    group.bench_function("load", |b| b.iter(|| black_box(load_str(&json).unwrap())));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.claimdesk");
    group.bench_function("save", |b| b.iter(|| save_file(&path, &review).unwrap()));
    group.finish();

    let mut group = c.benchmark_group("export");
    for format in ExportFormat::ALL.into_iter().filter(|f| f.is_text()) {
        group.bench_function(format.name(), |b| {
            b.iter(|| black_box(export(&review, format).unwrap()))
        });
    }
    group.finish();
    export_pdf(c, &review);
}

/// The PDF report (typst): the sample review (target < 1 s) and the 1 MB / 5,000-claim review
/// (target < 10 s), ten samples each.
fn export_pdf(c: &mut Criterion, large: &Review) {
    let sample_file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/testkit/data/fixtures/v4-sample.claimdesk"
    );
    let sample = load_str(&std::fs::read_to_string(sample_file).unwrap())
        .unwrap()
        .review;
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("pdf_sample", |b| {
        b.iter(|| black_box(export(&sample, ExportFormat::Pdf).unwrap()))
    });
    group.bench_function("pdf", |b| {
        b.iter(|| black_box(export(large, ExportFormat::Pdf).unwrap()))
    });
    group.finish();
}

/// Check-worthiness suggestions (issue 12): split the 1 MB article into sentences, detect a
/// transcript, score every sentence with the built-in model (as the GUI's worker thread does),
/// and the cost of a frame with suggestions shown.
fn suggest(c: &mut Criterion) {
    let review = large_review(ARTICLE_BYTES, 0);
    let text = review.article.text();
    let model = Model::builtin();
    let mut group = c.benchmark_group("suggest");
    group.bench_function("1mb", |b| b.iter(|| black_box(score_article(text, model))));
    // What the GUI's worker does per article text: scores plus every offered sentence's reasons.
    group.bench_function("worker_job_1mb", |b| {
        b.iter(|| {
            let scores = score_article(text, model);
            black_box(scores.suggestions(text, model, MIN_THRESHOLD, &[]))
        })
    });
    // A steady frame of the 1 MB article with suggestions shown (compare view/steady_plain).
    let (ctx, mut wb) = opened(review.clone(), false);
    wb.push(claimdesk::app::suggestions::SuggestionCommand::Show(true));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
    while wb.review().unwrap().suggestions.model().is_none() {
        assert!(std::time::Instant::now() < deadline, "the worker answers");
        frame(&ctx, &mut wb, 1280.0);
        std::thread::yield_now();
    }
    frame(&ctx, &mut wb, 1280.0);
    assert!(
        !wb.review().unwrap().suggestions.is_empty(),
        "suggestions are drawn"
    );
    group.bench_function("steady_frame_shown", |b| {
        b.iter(|| frame(&ctx, &mut wb, 1280.0))
    });
    group.finish();
}

/// The claims list's text filter on 5,000 claims: one frame in which a keystroke changes the
/// query (the matches are recomputed, the window drawn), and folding every claim once (what a
/// change of the review costs the next search).
fn claims_search(c: &mut Criterion) {
    let (ctx, mut wb) = opened(large_review(ARTICLE_BYTES, 5_000), false);
    let mut group = c.benchmark_group("claims_search");
    let queries = ["l", "li", "lib", "liby", "libya"];
    let mut k = 0;
    group.bench_function("keystroke_frame_5000_claims", |b| {
        b.iter(|| {
            k += 1;
            wb.push(
                claimdesk::app::open_review::claims_list::ListCommand::SetQuery(
                    queries[k % queries.len()].to_owned(),
                ),
            );
            frame(&ctx, &mut wb, 1280.0);
        });
    });
    let claims = wb.review().expect("open").review().claims().to_vec();
    group.bench_function("fold_5000_claims", |b| {
        b.iter(|| black_box(claimdesk_archive::claim_search::fold_claims(&claims)));
    });
    group.finish();
}

/// Working as a team (issue 11) on the 1 MB / 5,000-claim review: two analysts' versions, each
/// with 10% of the statuses changed and 500 claims added (some changed on both sides:
/// conflicts). `compare` matches and scores them; `merge` merges them three-way with the base.
fn team(c: &mut Criterion) {
    let base = large_review(ARTICLE_BYTES, CLAIMS);
    let (ours, theirs) = team_sides(&base, 500);
    let mut group = c.benchmark_group("team");
    group.bench_function("compare", |b| {
        b.iter(|| black_box(claimdesk_team::compare::compare(&ours, &theirs).unwrap()))
    });
    group.bench_function("merge", |b| {
        b.iter(|| black_box(claimdesk_team::merge::merge(&base, &ours, &theirs)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = view, project, suggest, claims_search, team
}
criterion_main!(benches);
