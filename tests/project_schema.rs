//! Every file Claimdesk writes validates against the published JSON Schema
//! (`assets/claimdesk.schema.json`), and the schema rejects what the contract forbids.

mod common;

use claimdesk_model::format::{load_file, to_json};
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};
use common::sample_review;
use proptest::prelude::*;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../assets/claimdesk.schema.json"))
        .expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

fn assert_valid(validator: &jsonschema::Validator, json: &str) {
    let value: Value = serde_json::from_str(json).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}\n{json}");
}

#[test]
fn written_sample_review_validates() {
    assert_valid(&validator(), &to_json(&sample_review()));
}

#[test]
fn file_saved_by_the_app_validates_and_minimal_v1_fixture_validates() {
    let v = validator();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.claimdesk");
    claimdesk_model::format::save_file(&path, &sample_review()).unwrap();
    assert_valid(&v, &std::fs::read_to_string(&path).unwrap());
    assert!(load_file(&path).unwrap().warnings.is_empty());
    // A minimal version-1 file, as another tool would write it.
    let minimal = r#"{"format":"claimdesk","version":1,
      "article":{"title":"T","text":"ab cd","sha256":"0000000000000000000000000000000000000000000000000000000000000000"},
      "claims":[{"id":"x","start":0,"end":2,"quote":"ab","prefix":"","suffix":" cd","status":"asserted",
                 "created":"2026-11-28T10:00:00Z","modified":"2026-11-28T10:00:00Z"}]}"#;
    assert_valid(&v, minimal);
}

#[test]
fn schema_rejects_what_the_contract_forbids() {
    let v = validator();
    let good: Value = serde_json::from_str(&to_json(&sample_review())).unwrap();
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut bad = good.clone();
    bad["claims"][0]["status"] = "maybe".into();
    cases.push(("unknown status", bad));
    let mut bad = good.clone();
    bad["claims"][0]["start"] = (-1).into();
    cases.push(("negative offset", bad));
    let mut bad = good.clone();
    bad["claims"][0]["prefix"] = "x".repeat(33).into();
    cases.push(("prefix over 32 chars", bad));
    let mut bad = good.clone();
    bad["claims"][0]["created"] = "yesterday".into();
    cases.push(("created not RFC 3339", bad));
    let mut bad = good.clone();
    bad["format"] = "other".into();
    cases.push(("wrong format", bad));
    let mut bad = good.clone();
    bad["article"]["sha256"] = "XYZ".into();
    cases.push(("bad hash", bad));
    let mut bad = good;
    bad.as_object_mut().unwrap().remove("claims");
    cases.push(("no claims", bad));
    for (what, value) in cases {
        assert!(!v.is_valid(&value), "the schema accepted: {what}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_written_review_validates(
        parts in prop::collection::vec(prop::sample::select(vec!["a", " ", "\n", "🇱🇾", "e\u{301}", "中", "\""]), 1..80),
        spans in prop::collection::vec((0usize..400, 1usize..50, 0usize..3), 0..10),
    ) {
        let article = Article::new("T", "", normalize_article_text(&parts.concat()));
        let len = article.char_len();
        prop_assume!(len > 0);
        let claims = spans.into_iter().map(|(s, l, st)| {
            let start = s % len;
            let end = (start + l).min(len).max(start + 1);
            Claim::new(&article, Span::new(start, end), ClaimStatus::ALL[st])
        }).collect();
        let json = to_json(&Review::with_claims(article, claims));
        let value: Value = serde_json::from_str(&json).unwrap();
        prop_assert!(validator().is_valid(&value), "{}", json);
    }
}

#[test]
fn version_4_fixture_with_suggestion_decisions_validates() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/testkit/data/fixtures/v4-sample.claimdesk"
    );
    let json = std::fs::read_to_string(path).unwrap();
    assert!(json.contains("\"suggestion_decisions\""));
    assert_valid(&validator(), &json);
    let mut bad: Value = serde_json::from_str(&json).unwrap();
    bad["suggestion_decisions"][0]["decision"] = "maybe".into();
    assert!(
        !validator().is_valid(&bad),
        "an unknown decision is refused"
    );
}

#[test]
fn version_5_history_and_merge_conflicts_validate() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/testkit/data/fixtures/v5-sample.claimdesk"
    );
    let json = std::fs::read_to_string(path).unwrap();
    assert!(json.contains("\"history\""));
    assert_valid(&validator(), &json);
    // A merge where both sides changed one claim's status: the result records the conflict.
    let base = claimdesk_model::format::load_str(&json).unwrap().review;
    let side = |status| {
        let mut r = base.clone();
        let mut c = r.claims()[0].clone();
        c.status = status;
        r.replace(c);
        r
    };
    let merged = claimdesk_team::merge::merge(
        &base,
        &side(ClaimStatus::Asserted),
        &side(ClaimStatus::UnderInvestigation),
    );
    assert_eq!(merged.conflicts.len(), 1);
    let merged_json = to_json(&merged);
    assert_valid(&validator(), &merged_json);
    let mut bad: Value = serde_json::from_str(&merged_json).unwrap();
    bad["conflicts"][0]["field"] = "mood".into();
    assert!(
        !validator().is_valid(&bad),
        "an unknown field name is refused"
    );
    let mut bad: Value = serde_json::from_str(&json).unwrap();
    bad["claims"][0]["history"][0]["decision"] = "mood".into();
    assert!(!validator().is_valid(&bad));
}

#[test]
fn a_review_of_a_document_with_origin_pages_and_times_validates() {
    let text = "Page one says 38 million.\n\nPage two, spoken at 1:30.\n".to_owned();
    let mut article = Article::new("Report", "/tmp/report.pdf", text)
        .with_page_starts(vec![0, 27])
        .with_media_times(vec![claimdesk_model::MediaTime {
            start: 27,
            millis: 90_000,
        }]);
    article.origin = Some(claimdesk_model::ArticleOrigin {
        file_name: "report.pdf".into(),
        sha256: "0f".repeat(32),
    });
    let mut review = Review::new(article);
    review.details.media_url = "https://youtu.be/abc".into();
    let json = to_json(&review);
    assert_valid(&validator(), &json);
    let mut bad: Value = serde_json::from_str(&json).unwrap();
    bad["article"]["page_starts"][1] = "27".into();
    assert!(!validator().is_valid(&bad), "a page start is a number");
}
