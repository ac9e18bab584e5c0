//! `claimdesk library scan ARTICLE_OR_REVIEW [--json] [--threshold T] [--limit N]`: every
//! sentence of an article checked against the archive; the sentences that repeat a claim
//! checked before are listed, the most confident first, with their matches.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use claimdesk_archive::{
    Archive, ArchiveError, DEFAULT_THRESHOLD, FlaggedSentence, ScanOptions, SearchHit,
};
use claimdesk_import::{ImportOptions, import_article};
use claimdesk_model::format::{is_project_path, load_file};
use serde_json::{Map, Value, json};

/// Arguments of `library scan`.
#[derive(clap::Args)]
pub struct ScanArgs {
    /// An article (any kind `claimdesk new` imports) or a review (.claimdesk).
    #[arg(value_name = "ARTICLE_OR_REVIEW")]
    pub path: PathBuf,
    /// Print the flagged sentences as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Flag a sentence when its best match's confidence (0 to 1) reaches this.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = confidence)]
    pub threshold: f32,
    /// How many flagged sentences at most (the most confident).
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Matches printed per flagged sentence.
const MATCHES: usize = 3;

/// Runs `library scan`.
pub fn scan(archive: &Archive, args: &ScanArgs) -> Result<ExitCode, ArchiveError> {
    let text = match article_text(&args.path) {
        Ok(text) => text,
        Err(message) => return Ok(super::fail(&args.path, message)),
    };
    let Some(searcher) = super::library_archive::searcher(archive)? else {
        return Ok(ExitCode::from(1));
    };
    let options = ScanOptions {
        threshold: args.threshold,
        matches: MATCHES,
        limit: args.limit.unwrap_or(usize::MAX),
    };
    let report = searcher.scan_article(&text, &options, &AtomicBool::new(false), |_, _| {})?;
    if args.json {
        let list: Vec<Value> = report.flagged.iter().map(sentence_json).collect();
        let json = serde_json::to_string_pretty(&list).expect("JSON values serialise");
        println!("{json}");
    } else {
        for flagged in &report.flagged {
            print_sentence(flagged);
        }
        println!(
            "{} of {} sentences repeat a claim checked before (confidence at least {:.2})",
            report.flagged.len(),
            report.sentences,
            args.threshold
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The article text as Claimdesk stores it: a review's, or an imported file's.
fn article_text(path: &Path) -> Result<String, String> {
    let review = if is_project_path(path) {
        load_file(path).map_err(|e| e.to_string())?.review
    } else {
        import_article(path, &ImportOptions::default())
            .map_err(|e| e.to_string())?
            .review
    };
    Ok(review.article.text().to_owned())
}

fn confidence(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!("{text:?} is not a confidence from 0 to 1")),
    }
}

/// A flagged sentence: offsets, confidence and text, then each match indented.
fn print_sentence(flagged: &FlaggedSentence) {
    println!(
        "{}..{}\t{:.2}\t{}",
        flagged.start,
        flagged.end,
        flagged.confidence(),
        flagged.text
    );
    for hit in &flagged.matches {
        let c = &hit.claim;
        println!("\t{:.2}\t{}", hit.confidence, c.text);
        let known = super::library_archive::known_fields(hit);
        if !known.is_empty() {
            println!("\t\t{known}");
        }
        println!("\t\t{}", super::library_archive::origin(hit));
    }
}

fn sentence_json(flagged: &FlaggedSentence) -> Value {
    json!({
        "text": flagged.text,
        "start": flagged.start,
        "end": flagged.end,
        "matches": flagged.matches.iter().map(match_json).collect::<Vec<_>>(),
    })
}

/// A match in the names of schema.org's ClaimReview where there is one.
fn match_json(hit: &SearchHit) -> Value {
    let c = &hit.claim;
    let mut m = Map::new();
    m.insert("url".into(), json!(c.url));
    m.insert("claimReviewed".into(), json!(c.text));
    m.insert("score".into(), json!(rounded(hit.confidence)));
    for (key, value) in [
        ("verdict", &c.verdict),
        ("organisation", &c.organisation),
        ("date", &c.date),
        ("headline", &c.headline),
        ("claimant", &c.claimant),
        ("claimId", &c.claim_id),
    ] {
        if !value.is_empty() {
            m.insert(key.into(), json!(value));
        }
    }
    m.insert("file".into(), json!(hit.source));
    m.insert("bm25".into(), json!(rounded(hit.score)));
    Value::Object(m)
}

/// A score to four decimals (an `f32` printed as JSON would show float noise: 0.8700000047).
fn rounded(score: f32) -> f64 {
    (f64::from(score) * 1e4).round() / 1e4
}
