//! Scoring speed: `score_article` on the 1 MB synthetic article (prose: every sentence alone)
//! and on a 1 MB transcript made from it (speaker labels on every paragraph, so the context of
//! the neighbouring sentences counts), with and without that context.
//!
//! ```text
//! cargo bench -p claimdesk-suggest --bench score
//! ```

use std::hint::black_box;

use claimdesk_model::synthetic::article_text;
use claimdesk_suggest::{Context, Model, score_article, score_article_with};
use criterion::{Criterion, criterion_group, criterion_main};

/// The synthetic article's paragraphs as turns of three speakers.
fn transcript(bytes: usize) -> String {
    let speakers = ["MODERATOR", "SEN. HOLLIS", "GOV. MARSH"];
    article_text(bytes)
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(i, p)| format!("{}: {p}\n", speakers[i % 3]))
        .collect()
}

fn score(c: &mut Criterion) {
    let model = Model::builtin();
    let prose = article_text(1024 * 1024);
    let speech = transcript(1024 * 1024);
    assert!(score_article(&speech, model).transcript.is_some());
    let mut group = c.benchmark_group("score");
    group.sample_size(20);
    group.bench_function("prose_1mb", |b| {
        b.iter(|| black_box(score_article(&prose, model)))
    });
    group.bench_function("transcript_1mb_context", |b| {
        b.iter(|| black_box(score_article(&speech, model)))
    });
    group.bench_function("transcript_1mb_alone", |b| {
        b.iter(|| black_box(score_article_with(&speech, model, Context::NONE)))
    });
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
