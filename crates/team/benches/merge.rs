//! The team crate's own timing of the three-way merge, on the app bench's case (`team/merge` in
//! `benches/claimdesk.rs`): the 1 MB / 5,000-claim review and two analysts' versions, each with
//! 10% of the statuses changed and 500 claims added (some changed on both sides: conflicts).
//! Builds only the model and this crate: `cargo bench -p claimdesk-team`.

use std::hint::black_box;

use claimdesk_model::synthetic::{large_review, team_sides};
use criterion::{Criterion, criterion_group, criterion_main};

fn merge(c: &mut Criterion) {
    let base = large_review(1_000_000, 5_000);
    let (ours, theirs) = team_sides(&base, 500);
    let mut group = c.benchmark_group("team");
    group.bench_function("merge", |b| {
        b.iter(|| black_box(claimdesk_team::merge::merge(&base, &ours, &theirs)))
    });
    // Merging a review with itself: the fast path of every field (nothing changed).
    group.bench_function("merge_unchanged", |b| {
        b.iter(|| black_box(claimdesk_team::merge::merge(&base, &base, &base)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = merge
}
criterion_main!(benches);
