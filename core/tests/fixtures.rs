//! Every format version has a fixture that must keep loading: version 1 (before evidence and
//! review details) migrates; version 2 is what this build writes.

mod common;

use claimdesk_core::format::{CURRENT_VERSION, load_file, load_str, to_json};
use claimdesk_core::model::ClaimId;
use common::{golden, sample_review, test_file};

#[test]
fn v2_fixture_is_what_the_sample_review_saves_as() {
    golden(
        "fixtures/v2-sample.claimdesk",
        to_json(&sample_review()).as_bytes(),
    );
}

#[test]
fn v2_fixture_loads_with_every_field() {
    let loaded = load_file(&test_file("fixtures/v2-sample.claimdesk")).unwrap();
    assert_eq!(loaded.version, 2);
    let r = &loaded.review;
    assert_eq!(r.details.reviewer, "Amal Haddad");
    let lies = r.claim(&ClaimId("c-000000000001".into())).unwrap();
    assert_eq!(lies.verdict, "False");
    assert_eq!(lies.claim_date, "2017-11-26");
    assert_eq!(lies.evidence.len(), 2);
    assert_eq!(lies.evidence[1].title, "Interview with a former detainee");
    assert_eq!(r.orphan_count(), 1);
    assert_eq!(loaded.warnings.len(), 0, "{:?}", loaded.warnings);
    let expected = sample_review();
    assert_eq!(r.claims(), expected.claims());
    assert_eq!(r.details, expected.details);
}

#[test]
fn v1_fixture_loads_and_migrates_to_the_current_version() {
    let loaded = load_file(&test_file("fixtures/v1-sample.claimdesk")).unwrap();
    assert_eq!(loaded.version, 1);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let r = &loaded.review;
    assert_eq!(r.claims().len(), 6);
    assert!(
        r.claims()
            .iter()
            .all(|c| c.verdict.is_empty() && c.evidence.is_empty())
    );
    assert_eq!(r.details, Default::default());
    let resaved = to_json(r);
    let again = load_str(&resaved).unwrap();
    assert_eq!(again.version, CURRENT_VERSION);
    assert_eq!(again.review.claims(), r.claims());
}

#[test]
fn unknown_fields_in_new_objects_survive() {
    let json = r#"{"format":"claimdesk","version":2,
      "details":{"reviewer":"A","shift":"night"},
      "article":{"title":"T","text":"ab cd"},
      "claims":[{"id":"x","start":0,"end":2,"quote":"ab","status":"asserted",
                 "evidence":[{"url":"https://a.example","archive":"https://web.archive.org/x"}]}]}"#;
    let loaded = load_str(json).unwrap();
    let out: serde_json::Value = serde_json::from_str(&to_json(&loaded.review)).unwrap();
    assert_eq!(out["details"]["shift"], "night");
    assert_eq!(out["details"]["reviewer"], "A");
    assert_eq!(
        out["claims"][0]["evidence"][0]["archive"],
        "https://web.archive.org/x"
    );
    assert_eq!(out["claims"][0]["evidence"][0]["title"], "");
}

#[test]
fn wrong_types_in_new_fields_are_reported_by_path() {
    let json = r#"{"format":"claimdesk","version":2,"article":{"text":"ab"},
      "claims":[{"id":"x","start":0,"end":2,"quote":"ab","status":"asserted","evidence":[{"url":3}]}]}"#;
    let err = load_str(json).unwrap_err().to_string();
    assert!(err.contains("claims[0].evidence[0].url"), "{err}");
}
