//! How well the article scan separates sentences that repeat a checked claim from ordinary
//! text, against the CLEF 2020 verified claims: the dev tweets (not used in training; each one
//! scanned as a short article) must be flagged with the claim that answers them; ordinary
//! sentences — the bundled sample article, the article text of the Readability test pages, and
//! the ClaimBuster debate sentences coders found not check-worthy — should not be flagged.
//! Prints, for a range of thresholds, recall and precision of flagging and how often ordinary
//! sentences and pages are flagged.

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use claimdesk_archive::feeds::{CLEF_ID_PREFIX, read_tsv};
use claimdesk_archive::{ArchiveSearcher, ScanOptions};

/// Every sentence's best confidence, and whether its best match answers the text.
type Sentences = Vec<(f32, bool)>;

/// The thresholds the table shows.
const THRESHOLDS: [f32; 12] = [
    0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
];

/// A text scanned with no threshold: each sentence searched, its best match kept.
fn scan(searcher: &ArchiveSearcher, text: &str, relevant: &HashSet<String>) -> Sentences {
    let options = ScanOptions {
        threshold: 0.0,
        matches: 1,
        limit: usize::MAX,
    };
    let report = searcher
        .scan_article(text, &options, &AtomicBool::new(false), |_, _| {})
        .expect("a scan");
    report
        .flagged
        .iter()
        .map(|f| {
            let best = &f.matches[0];
            let id = best.claim.claim_id.trim_start_matches(CLEF_ID_PREFIX);
            (best.confidence, relevant.contains(id))
        })
        .collect()
}

/// The ordinary texts: (name of the set, its texts).
fn ordinary_texts(
    shared: &Path,
    sample: &Path,
) -> Result<Vec<(&'static str, Vec<String>)>, String> {
    let sample = fs::read_to_string(sample).map_err(|e| format!("{}: {e}", sample.display()))?;
    let mut pages = Vec::new();
    let dir = shared.join("readability/pages");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for page in names {
        if let Ok(html) = fs::read_to_string(page.join("expected.html")) {
            pages.push(visible_text(&html));
        }
    }
    let debates: Vec<String> = read_tsv(&shared.join("checkworthy/claimbuster-train.tsv"))?
        .into_iter()
        .filter(|(_, rest)| rest.starts_with("0\t"))
        .map(|(_, rest)| rest[2..].to_owned())
        .collect();
    Ok(vec![
        ("sample article", vec![sample]),
        ("Readability pages", pages),
        ("ClaimBuster not check-worthy", debates),
    ])
}

/// The text of an article's blocks, a blank line between them.
fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let blocks = scraper::Selector::parse("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td")
        .expect("a valid selector");
    doc.select(&blocks)
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The table: per threshold, how many dev tweets are flagged with their claim, flagged with
/// another, and how often ordinary sentences and texts are flagged.
pub fn evaluate(
    searcher: &ArchiveSearcher,
    dev_tweets: &[(String, HashSet<String>)],
    shared: &Path,
    sample: &Path,
) -> Result<(), String> {
    let tweets: Vec<Sentences> = dev_tweets
        .iter()
        .map(|(text, relevant)| scan(searcher, text, relevant))
        .collect();
    let none = HashSet::new();
    let ordinary: Vec<(&str, Vec<Sentences>)> = ordinary_texts(shared, sample)?
        .into_iter()
        .map(|(name, texts)| {
            (
                name,
                texts.iter().map(|t| scan(searcher, t, &none)).collect(),
            )
        })
        .collect();
    for (name, texts) in &ordinary {
        let sentences: usize = texts.iter().map(Vec::len).sum();
        println!(
            "{name}: {} texts, {sentences} sentences searched",
            texts.len()
        );
    }
    println!(
        "threshold | dev tweets flagged with their claim (recall) | flagged with another only | precision of flagged sentences | ordinary sentences flagged (sample / Readability / ClaimBuster) | Readability pages with a flag"
    );
    for t in THRESHOLDS {
        let right = tweets
            .iter()
            .filter(|s| s.iter().any(|x| x.0 >= t && x.1))
            .count();
        let wrong = tweets
            .iter()
            .filter(|s| s.iter().any(|x| x.0 >= t) && !s.iter().any(|x| x.0 >= t && x.1))
            .count();
        let mut rates = Vec::new();
        let mut false_flags = 0;
        for (_, texts) in &ordinary {
            let flagged: usize = texts
                .iter()
                .map(|s| s.iter().filter(|x| x.0 >= t).count())
                .sum();
            let total: usize = texts.iter().map(Vec::len).sum();
            false_flags += flagged;
            rates.push(format!("{flagged}/{total}"));
        }
        let pages = &ordinary[1].1;
        let pages_flagged = pages.iter().filter(|s| s.iter().any(|x| x.0 >= t)).count();
        // Per flagged sentence: right if its best match answers its tweet.
        let tweet_flags: usize = tweets
            .iter()
            .map(|s| s.iter().filter(|x| x.0 >= t).count())
            .sum();
        let right_flags: usize = tweets
            .iter()
            .map(|s| s.iter().filter(|x| x.0 >= t && x.1).count())
            .sum();
        let precision = right_flags as f64 / (tweet_flags + false_flags).max(1) as f64;
        println!(
            "{t:.2} | {right}/{} ({:.3}) | {wrong} | {precision:.3} | {} | {pages_flagged}/{}",
            tweets.len(),
            right as f64 / tweets.len().max(1) as f64,
            rates.join(" / "),
            pages.len()
        );
    }
    Ok(())
}
