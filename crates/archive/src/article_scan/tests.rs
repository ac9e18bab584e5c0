//! Tests of the article scan: flagged sentences with their char offsets, matches and order,
//! ordinary sentences left alone, options, progress and cancelling.

use std::fs;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::json;

use crate::{Archive, ArchiveError, ArchiveSearcher, ScanOptions};

/// An archive of a few fact-checks (the temporary folder must outlive the searcher).
fn archive() -> (tempfile::TempDir, ArchiveSearcher) {
    let tmp = tempfile::tempdir().unwrap();
    let claims = [
        (
            "Drinking hot water kills the coronavirus",
            "Does Hot Water Kill the Coronavirus?",
            "False",
        ),
        (
            "The Great Wall of China is visible from space with the naked eye",
            "Is the Great Wall Visible From Space?",
            "Myth",
        ),
        (
            "Bill Gates plans to put microchips in COVID-19 vaccines",
            "Microchips in Vaccines?",
            "False",
        ),
        (
            "Eating carrots improves your night vision dramatically",
            "Do Carrots Help You See in the Dark?",
            "Mostly false",
        ),
        (
            "The city council voted to ban bicycles downtown",
            "Did the Council Ban Bicycles?",
            "False",
        ),
    ];
    let items: Vec<_> = claims
        .iter()
        .enumerate()
        .map(|(i, (claim, headline, verdict))| {
            json!({
                "@type": "ClaimReview",
                "@id": format!("check-{i}"),
                "url": format!("https://checks.example/{i}"),
                "claimReviewed": claim,
                "headline": headline,
                "datePublished": "2026-02-03",
                "author": {"@type": "Organization", "name": "Checkers"},
                "reviewRating": {"@type": "Rating", "alternateName": verdict}
            })
        })
        .collect();
    let feed = tmp.path().join("feed.json");
    fs::write(&feed, serde_json::to_vec(&items).unwrap()).unwrap();
    let archive = Archive::in_data_dir(&tmp.path().join("data"));
    archive.add(&[feed]).unwrap();
    let searcher = archive.refresh().unwrap().searcher;
    (tmp, searcher)
}

/// The options of these tests: threshold 0.5, as [`crate::DEFAULT_THRESHOLD`] is chosen for
/// archives of thousands of claims, where rare words weigh more than in these five.
fn options() -> ScanOptions {
    ScanOptions {
        threshold: 0.5,
        ..ScanOptions::default()
    }
}

const ARTICLE: &str = "Städte im Überblick: the mayor spoke on Sunday about the budget.\n\n\
    Some residents claimed that drinking hot water kills the coronavirus. Doctors disagree.\n\
    Officials also repeated that the Great Wall of China is visible from space with the naked \
    eye. The weather was mild and the market opened at nine.";

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn sentences_repeating_checked_claims_are_flagged_with_char_offsets() {
    let (_tmp, searcher) = archive();
    let report = searcher
        .scan_article(ARTICLE, &options(), &AtomicBool::new(false), |_, _| {})
        .unwrap();
    assert_eq!(report.sentences, 5);
    let texts: Vec<&str> = report.flagged.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts.contains(&"Some residents claimed that drinking hot water kills the coronavirus.")
    );
    for flagged in &report.flagged {
        // Offsets are chars into the article (it starts with non-ASCII letters).
        assert_eq!(chars(ARTICLE, flagged.start, flagged.end), flagged.text);
        assert!(flagged.confidence() >= options().threshold);
        let best = &flagged.matches[0];
        assert_eq!(best.claim.organisation, "Checkers");
        assert!(best.source.ends_with("feed.json"));
    }
    let water = report
        .flagged
        .iter()
        .find(|f| f.text.contains("hot water"))
        .unwrap();
    assert_eq!(water.matches[0].claim.claim_id, "check-0");
    assert_eq!(water.matches[0].claim.verdict, "False");
    assert!(
        report
            .flagged
            .windows(2)
            .all(|w| w[0].confidence() >= w[1].confidence()),
        "the most confident first"
    );
}

#[test]
fn ordinary_sentences_and_short_ones_are_not_flagged() {
    let (_tmp, searcher) = archive();
    let text = "The council met on Tuesday. Water. Hot water! The mayor thanked the volunteers \
                who cleaned the park, and the meeting ended early.";
    let report = searcher
        .scan_article(text, &options(), &AtomicBool::new(false), |_, _| {})
        .unwrap();
    assert!(report.flagged.is_empty(), "{:?}", report.flagged);
    let empty = searcher
        .scan_article("", &options(), &AtomicBool::new(false), |_, _| {})
        .unwrap();
    assert_eq!(empty.sentences, 0);
}

#[test]
fn the_threshold_limit_and_match_count_are_obeyed() {
    let (_tmp, searcher) = archive();
    // One more sentence that shares a single word ("China") with an archived claim.
    let text = format!("{ARTICLE} Prices in China rose again, the traders said on Monday.");
    let scan = |options: ScanOptions| {
        searcher
            .scan_article(&text, &options, &AtomicBool::new(false), |_, _| {})
            .unwrap()
    };
    let all = scan(ScanOptions {
        threshold: 0.0,
        matches: 2,
        limit: usize::MAX,
    });
    // At threshold 0 every searched sentence with a candidate is listed, the weak match too.
    assert_eq!(all.flagged.len(), 3, "{:?}", all.flagged);
    assert!(
        all.flagged
            .iter()
            .any(|f| f.text.starts_with("Prices in China"))
    );
    assert_eq!(scan(options()).flagged.len(), 2);
    assert!(all.flagged.iter().all(|f| f.matches.len() <= 2));
    let one = scan(ScanOptions {
        limit: 1,
        ..options()
    });
    assert_eq!(one.flagged.len(), 1);
    assert_eq!(one.flagged[0], scan(options()).flagged[0]);
    let none = scan(ScanOptions {
        threshold: 1.0,
        ..options()
    });
    assert!(none.flagged.is_empty());
}

#[test]
fn a_repeated_sentence_is_flagged_at_each_place() {
    let (_tmp, searcher) = archive();
    let line = "Bill Gates plans to put microchips in vaccines, the post said.";
    let text = format!("{line} Nothing else happened today in town. {line}");
    let report = searcher
        .scan_article(&text, &options(), &AtomicBool::new(false), |_, _| {})
        .unwrap();
    let starts: Vec<usize> = report.flagged.iter().map(|f| f.start).collect();
    let second = text.rfind(line).unwrap();
    assert_eq!(starts, [0, text[..second].chars().count()]);
    assert_eq!(report.flagged[0].matches, report.flagged[1].matches);
}

#[test]
fn progress_is_reported_and_cancel_stops_the_scan() {
    let (_tmp, searcher) = archive();
    let text = "Drinking hot water kills the coronavirus, they said. ".repeat(300);
    let mut calls = Vec::new();
    let report = searcher
        .scan_article(&text, &options(), &AtomicBool::new(false), |d, t| {
            calls.push((d, t))
        })
        .unwrap();
    assert_eq!(report.flagged.len(), 300);
    assert_eq!(calls.first(), Some(&(0, 300)));
    assert_eq!(calls.last(), Some(&(300, 300)));
    assert!(calls.windows(2).all(|w| w[0].0 < w[1].0));

    let cancel = AtomicBool::new(false);
    let result = searcher.scan_article(&text, &options(), &cancel, |done, _| {
        if done > 0 {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(matches!(result, Err(ArchiveError::Cancelled)));
}

#[test]
fn a_huge_sentence_is_searched_by_its_start() {
    let (_tmp, searcher) = archive();
    let text = format!(
        "Drinking hot water kills the coronavirus {}",
        "and so on ".repeat(20_000)
    );
    let report = searcher
        .scan_article(&text, &options(), &AtomicBool::new(false), |_, _| {})
        .unwrap();
    assert_eq!(report.sentences, 1);
    assert_eq!(report.flagged.len(), 1);
    assert_eq!(report.flagged[0].end, text.trim_end().chars().count());
}
