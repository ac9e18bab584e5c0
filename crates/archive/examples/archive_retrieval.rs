//! Measures the claim archive on CLEF 2020 CheckThat! Task 2 (tweets → previously fact-checked
//! claims), or indexes a synthetic feed for scale.
//!
//! ```text
//! cargo run --release -p claimdesk-core --example archive_retrieval -- ../shared/data/retrieval
//! cargo run --release -p claimdesk-core --example archive_retrieval -- --synthetic 100000
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

use claimdesk_archive::Archive;
use claimdesk_archive::feeds::{CLEF_ID_PREFIX, read_tsv, write_clef_feed, write_synthetic_feed};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, n] if flag == "--synthetic" => match n.parse() {
            Ok(n) => synthetic(n),
            Err(_) => Err(format!("not a number: {n}")),
        },
        [dir] => clef(Path::new(dir)),
        _ => Err("usage: archive_retrieval RETRIEVAL_DIR | --synthetic N".to_owned()),
    };
    if let Err(e) = result {
        eprintln!("archive_retrieval: {e}");
        std::process::exit(1);
    }
}

/// MAP@5 and speed on the CLEF data.
fn clef(data: &Path) -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let feed = tmp.path().join("verified-claims.feed.json");
    let claims = write_clef_feed(&data.join("verified-claims.jsonl"), &feed)?;
    let archive = Archive::in_data_dir(&tmp.path().join("data"));
    archive.add(&[feed]).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let refresh = archive.refresh().map_err(|e| e.to_string())?;
    let indexing = started.elapsed();
    println!(
        "indexed {} of {claims} claims in {:.2} s",
        refresh.searcher.len(),
        indexing.as_secs_f64()
    );

    let queries = read_tsv(&data.join("queries-train.tsv"))?;
    let mut relevant: HashMap<String, HashSet<String>> = HashMap::new();
    for (q, c) in read_tsv(&data.join("qrels-train.tsv"))? {
        relevant.entry(q).or_default().insert(c);
    }
    let dev: HashSet<String> = fs::read_to_string(data.join("queries-dev-ids.txt"))
        .map_err(|e| e.to_string())?
        .lines()
        .map(|l| l.trim().to_owned())
        .collect();
    let mut all = Vec::new();
    let mut dev_scores = Vec::new();
    let mut latencies = Vec::new();
    for (id, text) in &queries {
        let started = Instant::now();
        let hits = refresh
            .searcher
            .search(text, 5)
            .map_err(|e| e.to_string())?;
        latencies.push(started.elapsed());
        let ranked: Vec<&str> = hits
            .iter()
            .map(|h| h.claim.claim_id.trim_start_matches(CLEF_ID_PREFIX))
            .collect();
        let ap = average_precision_at_5(&ranked, relevant.get(id).unwrap_or(&HashSet::new()));
        all.push(ap);
        if dev.contains(id) {
            dev_scores.push(ap);
        }
    }
    println!("MAP@5 on {} training queries: {:.4}", all.len(), mean(&all));
    println!(
        "MAP@5 on the {} dev queries: {:.4}",
        dev_scores.len(),
        mean(&dev_scores)
    );
    latencies.sort();
    println!(
        "search latency: median {:.2} ms, p95 {:.2} ms",
        ms(latencies[latencies.len() / 2]),
        ms(latencies[latencies.len() * 95 / 100])
    );
    Ok(())
}

/// Precision at the rank of each relevant claim within the top 5, over the relevant count.
fn average_precision_at_5(ranked: &[&str], relevant: &HashSet<String>) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let mut found = 0;
    let mut sum = 0.0;
    for (rank, id) in ranked.iter().take(5).enumerate() {
        if relevant.contains(*id) {
            found += 1;
            sum += found as f64 / (rank + 1) as f64;
        }
    }
    sum / relevant.len().min(5) as f64
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
