//! Benchmark of the claim archive (`cargo bench --bench archive`): `archive/search` is one search
//! of a tweet over the 10,375 CLEF 2020 CheckThat! verified claims, cycling through the 997
//! training tweets, in release.
//!
//! The data is research-use only and is read from `../shared/data/retrieval` (or the folder in
//! `CLAIMDESK_RETRIEVAL_DATA`); without it, the benchmark says so and measures a synthetic feed
//! of the same size with synthetic queries instead.

use std::hint::black_box;
use std::path::PathBuf;

use claimdesk_archive::feeds::{read_tsv, write_clef_feed, write_synthetic_feed};
use claimdesk_archive::{Archive, ArchiveSearcher};
use criterion::{Criterion, criterion_group, criterion_main};

const CLEF_CLAIMS: usize = 10_375;

/// The searcher over the corpus and the queries; the temporary folder must outlive them.
fn corpus() -> (tempfile::TempDir, ArchiveSearcher, Vec<String>) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let feed = tmp.path().join("feed.json");
    let data = std::env::var_os("CLAIMDESK_RETRIEVAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/retrieval")
        });
    let queries = if data.join("verified-claims.jsonl").is_file() {
        eprintln!("archive bench: CLEF 2020 data from {}", data.display());
        write_clef_feed(&data.join("verified-claims.jsonl"), &feed).expect("the CLEF feed");
        read_tsv(&data.join("queries-train.tsv"))
            .expect("the CLEF queries")
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    } else {
        eprintln!(
            "archive bench: no CLEF data in {}; measuring a synthetic feed instead",
            data.display()
        );
        write_synthetic_feed(&feed, CLEF_CLAIMS).expect("the synthetic feed");
        (0..100)
            .map(|i| format!("president says vaccine {i} banned in schools, video shows"))
            .collect()
    };
    let archive = Archive::in_data_dir(&tmp.path().join("data"));
    archive.add(&[feed]).expect("the feed is added");
    let searcher = archive.refresh().expect("the feed is indexed").searcher;
    (tmp, searcher, queries)
}

fn search(c: &mut Criterion) {
    let (_tmp, searcher, queries) = corpus();
    let mut next = queries.iter().cycle();
    c.bench_function("archive/search", |b| {
        b.iter(|| {
            let query = next.next().expect("queries");
            black_box(searcher.search(query, 5).expect("a search"))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = search
}
criterion_main!(benches);
