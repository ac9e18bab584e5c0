//! The real binary: `claimdesk library add/list/remove/reindex/search` with a temporary data
//! folder (never the user's).

use std::fs;
use std::path::Path;

use crate::harness::{Dir, TestCommand};
use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

/// The binary with `data` as its data folder (through the environment variable).
fn claimdesk(data: &Path, args: &[&str]) -> TestCommand {
    crate::harness::claimdesk(args).env("CLAIMDESK_DATA_DIR", data)
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
    let tmp = Dir::new();
    let data = tmp.join("data");
    let sources = tmp.join("sources");
    fs::create_dir(&sources).unwrap();
    write_feed(&sources.join("feed.json"));
    write_review(&sources.join("bridge.claimdesk"));

    let out = claimdesk(&data, &["library", "add", sources.to_str().unwrap()]).stdout();
    assert!(out.contains("3 claims from 2 files in 1 sources"), "{out}");

    let text = claimdesk(
        &data,
        &[
            "library", "search", "hot", "water", "kills", "corona", "virus",
        ],
    )
    .stdout();
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
    )
    .stdout();
    let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
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

    let out = claimdesk(&data, &["library", "list"]).stdout();
    assert!(out.contains("3 claims in 2 files"), "{out}");

    let out = claimdesk(&data, &["library", "reindex"]).stdout();
    assert!(out.contains("(2 read, 0 unchanged, 0 removed)"), "{out}");

    claimdesk(&data, &["library", "remove", sources.to_str().unwrap()]).stdout();
    let err = claimdesk(&data, &["library", "search", "hot water"]).assert_exit_code(1);
    assert!(err.contains("the library is empty"), "{err}");
    // Nothing was ever written beside the sources.
    assert_eq!(fs::read_dir(&sources).unwrap().count(), 2);
}

#[test]
fn the_data_dir_option_overrides_the_environment() {
    let tmp = Dir::new();
    let feed = tmp.join("feed.jsonld");
    write_feed(&feed);
    let chosen = tmp.join("chosen");
    claimdesk(
        &tmp.join("env"),
        &[
            "library",
            "add",
            feed.to_str().unwrap(),
            "--data-dir",
            chosen.to_str().unwrap(),
        ],
    )
    .stdout();
    assert!(chosen.join("archive/library.json").is_file());
    assert!(!tmp.join("env").exists());
}

#[test]
fn bad_inputs_are_reported_once_on_stderr_and_skipped() {
    let tmp = Dir::new();
    let data = tmp.join("data");
    let sources = tmp.join("sources");
    fs::create_dir(&sources).unwrap();
    write_feed(&sources.join("feed.json"));
    tmp.write("sources/broken.json", "{\"@type\": ");
    tmp.write("sources/broken.claimdesk", "not a review");

    let out =
        claimdesk(&data, &["library", "add", sources.to_str().unwrap()]).output_with_exit_code(0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("broken.json: not valid JSON"), "{err}");
    assert!(
        err.contains("broken.claimdesk: the review does not load"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2 claims from 3 files"), "{text}");

    // Reported once: the next run is quiet about unchanged files.
    let out = claimdesk(&data, &["library", "search", "great wall space"]).output_with_exit_code(0);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.stdout.first().is_some_and(u8::is_ascii_digit));
}

#[test]
fn empty_unreadable_and_missing_give_one_line_and_exit_1() {
    let tmp = Dir::new();
    let data = tmp.join("data");

    let err = claimdesk(&data, &["library", "search", "anything"]).assert_exit_code(1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the library is empty"), "{err}");

    let missing = tmp.join("nowhere");
    let err = claimdesk(&data, &["library", "add", missing.to_str().unwrap()]).assert_exit_code(1);
    assert!(err.contains("nowhere: no such file or folder"), "{err}");

    let err =
        claimdesk(&data, &["library", "remove", missing.to_str().unwrap()]).assert_exit_code(1);
    assert!(err.contains("not in the library"), "{err}");

    // Sources without any readable claim.
    let empty = tmp.join("empty");
    fs::create_dir(&empty).unwrap();
    claimdesk(&data, &["library", "add", empty.to_str().unwrap()]).stdout();
    let err = claimdesk(&data, &["library", "search", "anything"]).assert_exit_code(1);
    assert!(err.contains("hold no readable claim"), "{err}");

    fs::write(data.join("archive/library.json"), "{ broken").unwrap();
    let err = claimdesk(&data, &["library", "search", "anything"]).assert_exit_code(1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("library.json: cannot read the library"),
        "{err}"
    );
}
