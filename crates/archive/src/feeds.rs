//! Feeds for measuring the archive (benchmarks and the `archive_retrieval` example): the CLEF
//! 2020 CheckThat! verified claims as a ClaimReview DataFeed, and synthetic feeds of any size.
//! Both are written one item at a time, so a feed of any size never sits in memory.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

/// The prefix of the `@id` given to CLEF verified claims (`vclaim:394`).
pub const CLEF_ID_PREFIX: &str = "vclaim:";

/// Streams the JSON lines into a DataFeed of DataFeedItems; returns the claim count.
pub fn write_clef_feed(jsonl: &Path, feed: &Path) -> Result<usize, String> {
    let input = BufReader::new(File::open(jsonl).map_err(|e| format!("{}: {e}", jsonl.display()))?);
    let mut feed_writer = FeedWriter::create(feed)?;
    for line in input.lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let id = v["id"].as_str().unwrap_or_default();
        feed_writer.item(&json!({
            "@type": "ClaimReview",
            "@id": format!("{CLEF_ID_PREFIX}{id}"),
            "url": format!("https://claims.invalid/{id}"),
            "claimReviewed": v["claim"],
            "headline": v["title"],
            "author": {"@type": "Organization", "name": "Snopes"},
            "reviewRating": {"@type": "Rating", "alternateName": "checked"}
        }))?;
    }
    feed_writer.finish()
}

/// Writes a DataFeed of `n` synthetic ClaimReviews (12-word claims, 6-word headlines drawn from
/// a fixed vocabulary with a fixed seed) to `path`.
pub fn write_synthetic_feed(path: &Path, n: usize) -> Result<usize, String> {
    let mut writer = FeedWriter::create(path)?;
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    for i in 0..n {
        let words: Vec<&str> = (0..18)
            .map(|_| {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                VOCABULARY[(rng % VOCABULARY.len() as u64) as usize]
            })
            .collect();
        writer.item(&json!({
            "@type": "ClaimReview",
            "@id": format!("synthetic:{i}"),
            "url": format!("https://claims.invalid/{i}"),
            "claimReviewed": words[..12].join(" "),
            "headline": words[12..].join(" "),
            "author": {"@type": "Organization", "name": "Synthetic Checks"},
            "reviewRating": {"@type": "Rating", "alternateName": "False"}
        }))?;
    }
    writer.finish()
}

/// Writes a DataFeed one item at a time (nothing accumulates in memory).
pub struct FeedWriter {
    out: BufWriter<File>,
    count: usize,
    path: PathBuf,
}

impl FeedWriter {
    /// Starts a feed at `path`.
    pub fn create(path: &Path) -> Result<Self, String> {
        let mut out = BufWriter::new(File::create(path).map_err(|e| e.to_string())?);
        out.write_all(
            br#"{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": ["#,
        )
        .map_err(|e| e.to_string())?;
        Ok(Self {
            out,
            count: 0,
            path: path.to_owned(),
        })
    }

    /// Appends one ClaimReview as a DataFeedItem.
    pub fn item(&mut self, claim_review: &serde_json::Value) -> Result<(), String> {
        if self.count > 0 {
            self.out.write_all(b",\n").map_err(|e| e.to_string())?;
        }
        let item = json!({"@type": "DataFeedItem", "item": [claim_review]});
        serde_json::to_writer(&mut self.out, &item).map_err(|e| e.to_string())?;
        self.count += 1;
        Ok(())
    }

    /// Closes the feed; returns how many items it has.
    pub fn finish(mut self) -> Result<usize, String> {
        self.out.write_all(b"]}\n").map_err(|e| e.to_string())?;
        self.out
            .flush()
            .map_err(|e| format!("{}: {e}", self.path.display()))?;
        Ok(self.count)
    }
}

/// The rows of a tab-separated file with a header line, as (first, second) column pairs.
pub fn read_tsv(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .collect())
}

/// Words for synthetic claims (a Zipf-like mix is not needed: only size matters here).
const VOCABULARY: &[&str] = &[
    "president",
    "vaccine",
    "virus",
    "election",
    "border",
    "tax",
    "percent",
    "million",
    "children",
    "school",
    "police",
    "crime",
    "climate",
    "energy",
    "oil",
    "price",
    "health",
    "hospital",
    "doctor",
    "study",
    "shows",
    "claims",
    "photo",
    "video",
    "shared",
    "viral",
    "post",
    "says",
    "never",
    "always",
    "banned",
    "free",
    "new",
    "law",
    "court",
    "judge",
    "vote",
    "voters",
    "immigrants",
    "jobs",
    "wages",
    "inflation",
    "war",
    "army",
    "soldiers",
    "city",
    "state",
    "federal",
    "government",
    "senator",
    "mayor",
    "governor",
    "company",
    "billion",
    "water",
    "food",
    "farmers",
    "drug",
    "cancer",
    "cure",
    "masks",
    "lockdown",
    "schools",
    "students",
];
