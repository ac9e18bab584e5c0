//! Measures the claim archive on CLEF 2020 CheckThat! Task 2 (tweets → previously fact-checked
//! claims), or indexes a synthetic feed for scale.
//!
//! ```text
//! cargo run --release -p claimdesk-archive --example archive_retrieval -- ../shared/data/retrieval [--train | --scan]
//! cargo run --release -p claimdesk-archive --example archive_retrieval -- --synthetic 100000
//! ```
//!
//! The first turns `verified-claims.jsonl` into a schema.org ClaimReview DataFeed in a temporary
//! folder (research-use data: never written into the repository), adds it to a library in a
//! temporary data folder, indexes it, searches every query of `queries-train.tsv` and prints
//! MAP@5 against `qrels-train.tsv` (also on the official dev subset), the indexing time and the
//! search latency. The second writes a feed of N synthetic claims and indexes it (run it under
//! `/usr/bin/time -v` for the peak memory).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use claimdesk_archive::feeds::{CLEF_ID_PREFIX, read_tsv, write_clef_feed, write_synthetic_feed};
use claimdesk_archive::rerank::{FEATURE_NAMES, FEATURES, WEIGHTS};
use claimdesk_archive::{Archive, ArchiveSearcher};

mod scan_eval;
mod train;

use train::{Query, average_precision_at_5, cross_validated, fit, map_at_5};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, n] if flag == "--synthetic" => match n.parse() {
            Ok(n) => synthetic(n),
            Err(_) => Err(format!("not a number: {n}")),
        },
        [dir] => clef(Path::new(dir), false),
        [dir, flag] if flag == "--train" => clef(Path::new(dir), true),
        [dir, flag] if flag == "--scan" => scan(Path::new(dir)),
        _ => Err(
            "usage: archive_retrieval RETRIEVAL_DIR [--train | --scan] | --synthetic N".to_owned(),
        ),
    };
    if let Err(e) = result {
        eprintln!("archive_retrieval: {e}");
        std::process::exit(1);
    }
}

/// The CLEF data: the verified claims indexed, the queries and their relevant claims.
struct Clef {
    _tmp: tempfile::TempDir,
    searcher: ArchiveSearcher,
    queries: Vec<(String, String)>,
    relevant: HashMap<String, HashSet<String>>,
    dev: HashSet<String>,
}

fn load(data: &Path) -> Result<Clef, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let feed = tmp.path().join("verified-claims.feed.json");
    let claims = write_clef_feed(&data.join("verified-claims.jsonl"), &feed)?;
    let archive = Archive::in_data_dir(&tmp.path().join("data"));
    archive.add(&[feed]).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let refresh = archive.refresh().map_err(|e| e.to_string())?;
    println!(
        "indexed {} of {claims} claims in {:.2} s",
        refresh.searcher.len(),
        started.elapsed().as_secs_f64()
    );
    let mut relevant: HashMap<String, HashSet<String>> = HashMap::new();
    for (q, c) in read_tsv(&data.join("qrels-train.tsv"))? {
        relevant.entry(q).or_default().insert(c);
    }
    let dev = fs::read_to_string(data.join("queries-dev-ids.txt"))
        .map_err(|e| e.to_string())?
        .lines()
        .map(|l| l.trim().to_owned())
        .collect();
    Ok(Clef {
        _tmp: tmp,
        searcher: refresh.searcher,
        queries: read_tsv(&data.join("queries-train.tsv"))?,
        relevant,
        dev,
    })
}

/// MAP@5 and speed of the shipped ranking on the CLEF data; with `train`, the re-ranker's
/// weights learned again from the training queries (not the dev split), cross-validated.
fn clef(data: &Path, train: bool) -> Result<(), String> {
    let clef = load(data)?;
    if train {
        return learn(&clef);
    }
    let mut scores = (Vec::new(), Vec::new());
    let mut latencies = Vec::new();
    for (id, text) in &clef.queries {
        let started = Instant::now();
        let hits = clef.searcher.search(text, 5).map_err(|e| e.to_string())?;
        latencies.push(started.elapsed());
        let ranked: Vec<&str> = hits
            .iter()
            .map(|h| h.claim.claim_id.trim_start_matches(CLEF_ID_PREFIX))
            .collect();
        let ap = average_precision_at_5(&ranked, clef.relevant.get(id).unwrap_or(&HashSet::new()));
        if clef.dev.contains(id) {
            scores.1.push(ap);
        } else {
            scores.0.push(ap);
        }
    }
    println!(
        "MAP@5 on the {} training queries (official train split): {:.4}",
        scores.0.len(),
        mean(&scores.0)
    );
    println!(
        "MAP@5 on the {} dev queries: {:.4}",
        scores.1.len(),
        mean(&scores.1)
    );
    latencies.sort();
    println!(
        "search latency: median {:.2} ms, p95 {:.2} ms",
        ms(latencies[latencies.len() / 2]),
        ms(latencies[latencies.len() * 95 / 100])
    );
    Ok(())
}

/// The article scan's flagging on the dev tweets and on ordinary text (the other data folders
/// beside `data`, and the bundled sample article).
fn scan(data: &Path) -> Result<(), String> {
    let clef = load(data)?;
    let dev: Vec<(String, HashSet<String>)> = clef
        .queries
        .iter()
        .filter(|(id, _)| clef.dev.contains(id))
        .map(|(id, text)| {
            let relevant = clef.relevant.get(id).cloned().unwrap_or_default();
            (text.clone(), relevant)
        })
        .collect();
    let shared = data.parent().unwrap_or(Path::new("."));
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample-article.txt");
    scan_eval::evaluate(&clef.searcher, &dev, shared, &sample)
}

/// Fits the re-ranker on the official train split, reports five-fold cross-validated MAP@5 on
/// it and MAP@5 on the dev split, and prints the weights.
fn learn(clef: &Clef) -> Result<(), String> {
    let mut train = Vec::new();
    let mut dev = Vec::new();
    let mut found = [0usize; 3];
    for (id, text) in &clef.queries {
        let candidates: Vec<(String, [f32; FEATURES])> = clef
            .searcher
            .candidate_features(text)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|(claim, f)| (claim.trim_start_matches(CLEF_ID_PREFIX).to_owned(), f))
            .collect();
        let relevant = clef.relevant.get(id).cloned().unwrap_or_default();
        let at = candidates.iter().position(|(c, _)| relevant.contains(c));
        for (slot, k) in [5, 10, 30].iter().enumerate() {
            found[slot] += usize::from(at.is_some_and(|a| a < *k));
        }
        let query = Query {
            candidates,
            relevant,
        };
        if clef.dev.contains(id) {
            dev.push(query);
        } else {
            train.push(query);
        }
    }
    let n = clef.queries.len() as f64;
    println!(
        "BM25 recall of the relevant claim: top 5 {:.3}, top 10 {:.3}, top 30 {:.3}",
        found[0] as f64 / n,
        found[1] as f64 / n,
        found[2] as f64 / n
    );
    let train: Vec<&Query> = train.iter().collect();
    let dev: Vec<&Query> = dev.iter().collect();
    let mut bm25_only = [0.0; FEATURES + 1];
    bm25_only[2] = 1.0;
    println!(
        "BM25 order: MAP@5 train {:.4}, dev {:.4}",
        map_at_5(&train, &bm25_only),
        map_at_5(&dev, &bm25_only)
    );
    println!(
        "shipped weights: MAP@5 train {:.4}, dev {:.4}",
        map_at_5(&train, &WEIGHTS),
        map_at_5(&dev, &WEIGHTS)
    );
    for l2 in [0.1, 1.0, 10.0] {
        println!(
            "L2 {l2}: five-fold cross-validated MAP@5 on the {} training queries {:.4}",
            train.len(),
            cross_validated(&train, l2)
        );
    }
    let weights = fit(&train, 1.0);
    println!(
        "fitted on the training queries (L2 1.0): MAP@5 train {:.4}, dev {:.4}",
        map_at_5(&train, &weights),
        map_at_5(&dev, &weights)
    );
    println!("pub const WEIGHTS: [f32; FEATURES + 1] = [");
    println!("    {:.4}, // intercept", weights[0]);
    for (name, w) in FEATURE_NAMES.iter().zip(&weights[1..]) {
        println!("    {w:.4}, // {name}");
    }
    println!("];");
    Ok(())
}

/// A synthetic feed of `n` claims, indexed, for scale (peak memory, time).
fn synthetic(n: usize) -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let feed = tmp.path().join("synthetic.feed.json");
    write_synthetic_feed(&feed, n)?;
    let size = fs::metadata(&feed).map_err(|e| e.to_string())?.len();
    let archive = Archive::in_data_dir(&tmp.path().join("data"));
    archive.add(&[feed]).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let refresh = archive.refresh().map_err(|e| e.to_string())?;
    println!(
        "indexed {} synthetic claims ({:.1} MB feed) in {:.2} s",
        refresh.searcher.len(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
