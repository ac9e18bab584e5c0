//! The real binary: `claimdesk library add/list/remove/reindex/search` with a temporary data
//! folder (never the user's).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::binary::{stderr, stdout};
use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

/// Runs the binary with `data` as its data folder (through the environment variable).
fn claimdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .env("CLAIMDESK_DATA_DIR", data)
        .output()
        .expect("the binary runs")
}

fn write_feed(path: &Path) {
    let review = |text: &str, verdict: &str, url: &str| {
        serde_json::json!({
            "@type": "ClaimReview",
            "claimReviewed": text,
            "headline": format!("Fact check: {text}"),
            "url": url,
            "datePublished": "2025-03-04",
            "author": {"@type": "Organization", "name": "Feed Checkers"},
            "reviewRating": {"@type": "Rating", "alternateName": verdict}
        })
    };
    let feed = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [
                review("Drinking hot water kills the coronavirus", "False", "https://f.example/1"),
                review("The Great Wall of China is visible from space", "Myth", "https://f.example/2"),
            ]}
        ]
    });
    fs::write(path, serde_json::to_vec(&feed).unwrap()).unwrap();
}

fn write_review(path: &Path) {
    let text = "Officials said the new bridge cost twice its budget. Others disagreed.";
    let article = Article::new("Bridge story", "", text.into());
    let mut claim = Claim::new(&article, Span::new(0, 52), ClaimStatus::Disputed);
    claim.verdict = "Misleading".into();
    let mut review = Review::with_claims(article, vec![claim]);
    review.details.organisation = "Our Desk".into();
    save_file(path, &review).unwrap();
}

#[test]
fn add_search_list_remove_and_reindex() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let sources = tmp.path().join("sources");
    fs::create_dir(&sources).unwrap();
    write_feed(&sources.join("feed.json"));
    write_review(&sources.join("bridge.claimdesk"));

    let out = claimdesk(&data, &["library", "add", sources.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("3 claims from 2 files in 1 sources"),
        "{}",
        stdout(&out)
    );

    let out = claimdesk(
        &data,
        &[
            "library", "search", "hot", "water", "kills", "corona", "virus",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("Drinking hot water kills the coronavirus"),
        "{text}"
    );
    assert!(text.contains("verdict: False | organisation: Feed Checkers | date: 2025-03-04 | url: https://f.example/1"), "{text}");
    assert!(text.contains("feed.json"), "{text}");

    // A review's claim comes with its file and claim id.
    let out = claimdesk(
        &data,
        &[
            "library",
            "search",
            "bridge cost over budget",
            "--json",
            "--limit",
            "1",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0]["text"],
        "Officials said the new bridge cost twice its budget."
    );
    assert_eq!(hits[0]["verdict"], "Misleading");
    assert_eq!(hits[0]["organisation"], "Our Desk");
    assert!(
        hits[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("bridge.claimdesk")
    );
    assert!(!hits[0]["claim_id"].as_str().unwrap().is_empty());
    assert!(hits[0]["score"].as_f64().unwrap() > 0.0);
    assert!(
        !hits[0]["snippet"]["highlights"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let out = claimdesk(&data, &["library", "list"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("3 claims in 2 files"),
        "{}",
        stdout(&out)
    );

    let out = claimdesk(&data, &["library", "reindex"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("(2 read, 0 unchanged, 0 removed)"),
        "{}",
        stdout(&out)
    );

    let out = claimdesk(&data, &["library", "remove", sources.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = claimdesk(&data, &["library", "search", "hot water"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the library is empty"),
        "{}",
        stderr(&out)
    );
    // Nothing was ever written beside the sources.
    assert_eq!(fs::read_dir(&sources).unwrap().count(), 2);
}

#[test]
fn the_data_dir_option_overrides_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let feed = tmp.path().join("feed.jsonld");
    write_feed(&feed);
    let chosen = tmp.path().join("chosen");
    let out = claimdesk(
        &tmp.path().join("env"),
        &[
            "library",
            "add",
            feed.to_str().unwrap(),
            "--data-dir",
            chosen.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(chosen.join("archive/library.json").is_file());
    assert!(!tmp.path().join("env").exists());
}

#[test]
fn bad_inputs_are_reported_once_on_stderr_and_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let sources = tmp.path().join("sources");
    fs::create_dir(&sources).unwrap();
    write_feed(&sources.join("feed.json"));
    fs::write(sources.join("broken.json"), "{\"@type\": ").unwrap();
    fs::write(sources.join("broken.claimdesk"), "not a review").unwrap();

    let out = claimdesk(&data, &["library", "add", sources.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("broken.json: not valid JSON"), "{err}");
    assert!(
        err.contains("broken.claimdesk: the review does not load"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("2 claims from 3 files"),
        "{}",
        stdout(&out)
    );

    // Reported once: the next run is quiet about unchanged files.
    let out = claimdesk(&data, &["library", "search", "great wall space"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    assert!(stdout(&out).starts_with(|c: char| c.is_ascii_digit()));
}

#[test]
fn empty_unreadable_and_missing_give_one_line_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");

    let out = claimdesk(&data, &["library", "search", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stderr(&out).contains("the library is empty"));

    let missing = tmp.path().join("nowhere");
    let out = claimdesk(&data, &["library", "add", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nowhere: no such file or folder"),
        "{}",
        stderr(&out)
    );

    let out = claimdesk(&data, &["library", "remove", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not in the library"));

    // Sources without any readable claim.
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let out = claimdesk(&data, &["library", "add", empty.to_str().unwrap()]);
    assert!(out.status.success());
    let out = claimdesk(&data, &["library", "search", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("hold no readable claim"),
        "{}",
        stderr(&out)
    );

    fs::write(data.join("archive/library.json"), "{ broken").unwrap();
    let out = claimdesk(&data, &["library", "search", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("library.json: cannot read the library"),
        "{}",
        stderr(&out)
    );
}
