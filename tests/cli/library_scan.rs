//! The real binary: `claimdesk library scan` on an article and a review written for these tests,
//! against a small library in a temporary data folder (never the user's).

use std::fs;
use std::path::Path;
use std::process::Output;

use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Review};
use serde_json::Value;

/// Runs the binary with `data` as its data folder.
fn claimdesk(data: &Path, args: &[&str]) -> Output {
    crate::harness::claimdesk(args)
        .env("CLAIMDESK_DATA_DIR", data)
        .output()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A ClaimReview feed of a few fact-checks.
fn write_feed(path: &Path) {
    let review = |i: usize, claim: &str, verdict: &str| {
        serde_json::json!({
            "@type": "ClaimReview",
            "claimReviewed": claim,
            "headline": format!("Fact check: {claim}"),
            "url": format!("https://f.example/{i}"),
            "datePublished": "2025-03-04",
            "author": {"@type": "Organization", "name": "Feed Checkers"},
            "reviewRating": {"@type": "Rating", "alternateName": verdict}
        })
    };
    let items = serde_json::json!([
        review(1, "Drinking hot water kills the coronavirus", "False"),
        review(
            2,
            "The Great Wall of China is visible from space with the naked eye",
            "Myth"
        ),
        review(
            3,
            "Bill Gates plans to put microchips in COVID-19 vaccines",
            "False"
        ),
        review(
            4,
            "The city council voted to ban bicycles downtown",
            "False"
        ),
    ]);
    fs::write(path, serde_json::to_vec(&items).unwrap()).unwrap();
}

/// Starts with non-ASCII letters, so byte and char offsets differ.
const ARTICLE: &str = "Überblick für Städte: the mayor spoke on Sunday about the budget.\n\n\
    Some residents claimed that drinking hot water kills the coronavirus. Doctors disagree.\n\n\
    The weather was mild and the market opened at nine.\n";

/// A library holding the feed; the temporary folder, the data folder.
fn library() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let feed = tmp.path().join("feed.json");
    write_feed(&feed);
    let out = claimdesk(&data, &["library", "add", feed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (tmp, data)
}

#[test]
fn scan_json_lists_the_repeated_claim_with_char_offsets() {
    let (tmp, data) = library();
    let article = tmp.path().join("article.txt");
    fs::write(&article, ARTICLE).unwrap();
    // A four-claim library gives lower confidences than a real archive (rare words weigh less):
    // the verbatim repeat scores 0.46 here (measured), so the threshold is 0.4.
    let args = [
        "library",
        "scan",
        article.to_str().unwrap(),
        "--json",
        "--threshold",
        "0.4",
    ];
    let out = claimdesk(&data, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let flagged: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let flagged = flagged.as_array().unwrap();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    let sentence = &flagged[0];
    assert_eq!(
        sentence["text"],
        "Some residents claimed that drinking hot water kills the coronavirus."
    );
    let (start, end) = (
        sentence["start"].as_u64().unwrap() as usize,
        sentence["end"].as_u64().unwrap() as usize,
    );
    let chars: String = ARTICLE.chars().skip(start).take(end - start).collect();
    assert_eq!(chars, sentence["text"].as_str().unwrap());
    let best = &sentence["matches"][0];
    assert_eq!(best["url"], "https://f.example/1");
    assert_eq!(
        best["claimReviewed"],
        "Drinking hot water kills the coronavirus"
    );
    assert_eq!(best["verdict"], "False");
    assert_eq!(best["organisation"], "Feed Checkers");
    let score = best["score"].as_f64().unwrap();
    assert!((0.4..=1.0).contains(&score), "{score}");
}

#[test]
fn scan_of_a_review_prints_flagged_sentences_and_a_summary() {
    let (tmp, data) = library();
    let review = tmp.path().join("story.claimdesk");
    let article = Article::new("Story", "", ARTICLE.to_owned());
    save_file(&review, &Review::with_claims(article, Vec::new())).unwrap();
    let path = review.to_str().unwrap();
    let out = claimdesk(&data, &["library", "scan", path, "--threshold", "0.4"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("drinking hot water kills the coronavirus."),
        "{stdout}"
    );
    assert!(stdout.contains("https://f.example/1"), "{stdout}");
    assert!(!stdout.contains("The weather was mild"), "{stdout}");
    assert!(
        stdout.contains("1 of 4 sentences repeat a claim checked before"),
        "{stdout}"
    );
    // Nothing reaches a confidence of 1.
    let out = claimdesk(
        &data,
        &["library", "scan", path, "--json", "--threshold", "1"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let none: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(none, serde_json::json!([]));
}

#[test]
fn scan_errors_say_why_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("empty-data");
    let article = tmp.path().join("article.txt");
    fs::write(&article, ARTICLE).unwrap();
    let out = claimdesk(&data, &["library", "scan", article.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("the library is empty"),
        "{}",
        text(&out.stderr)
    );

    let (tmp, data) = library();
    let missing = tmp.path().join("missing.txt");
    let out = claimdesk(&data, &["library", "scan", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("missing.txt"),
        "{}",
        text(&out.stderr)
    );
    let out = claimdesk(&data, &["library", "scan", "x.txt", "--threshold", "2"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a confidence"),
        "{}",
        text(&out.stderr)
    );
}
