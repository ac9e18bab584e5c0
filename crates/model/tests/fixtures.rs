//! Every format version has a fixture that must keep loading: version 1 (before evidence and
//! review details), version 2 (before earlier article versions), version 3 (before saved
//! suggestion decisions) and version 4 (before claim histories) migrate; version 5 is what this
//! build writes.

use claimdesk_testkit as common;

use claimdesk_model::Span;
use claimdesk_model::format::{CURRENT_VERSION, load_file, load_str, to_json};
use claimdesk_model::suggestion_decision::{DecisionKind, SuggestionDecision};
use claimdesk_model::{ArticleVersion, ClaimId, Timestamp};
use common::{golden, sample_review, test_file};

/// The sample review after one article update: the text before it is an earlier version.
fn sample_review_v3() -> claimdesk_model::Review {
    let mut review = sample_review();
    let mut earlier = ArticleVersion::of(
        &review.article,
        Timestamp::parse("2026-11-29T09:15:00Z").unwrap(),
    );
    earlier.text = "An earlier text of the article, before the correction.\n".into();
    earlier.sha256 = claimdesk_model::sha256_hex(earlier.text.as_bytes());
    review.earlier_versions.push(earlier);
    review
}

/// The v3 sample with one suggestion accepted (the disputed claim's sentence) and one
/// dismissed.
fn sample_review_v4() -> claimdesk_model::Review {
    let mut review = sample_review_v3();
    let text = review.article.text().to_owned();
    let span_of = |needle: &str| {
        let start = text[..text.find(needle).unwrap()].chars().count();
        Span::new(start, start + needle.chars().count())
    };
    let at = Timestamp::parse("2026-11-30T14:00:00Z").unwrap();
    for (needle, kind) in [
        ("lies and fabrications", DecisionKind::Accepted),
        ("Libya is not to blame", DecisionKind::Dismissed),
    ] {
        let mut d = SuggestionDecision::new(&review.article, span_of(needle), kind);
        d.decided = at.clone();
        review.suggestion_decisions.push(d);
    }
    review
}

/// The v4 sample with a history: the disputed claim was marked, then judged, with a reason.
fn sample_review_v5() -> claimdesk_model::Review {
    use claimdesk_model::status_history::{Recording, record, set_last_reason};
    let mut review = sample_review_v4();
    let id = ClaimId("c-000000000001".into());
    let mut claim = review.claim(&id).unwrap().clone();
    let mut first = claim.clone();
    first.status = claimdesk_model::ClaimStatus::UnderInvestigation;
    first.verdict.clear();
    let by = "Amal Haddad (AH)";
    let t1 = Timestamp::parse("2026-11-30T09:00:00Z").unwrap();
    let t2 = Timestamp::parse("2026-11-30T10:30:00Z").unwrap();
    record(None, &mut first, by, &t1, Recording::NewEntry);
    claim.history = first.history.clone();
    record(Some(&first), &mut claim, by, &t2, Recording::NewEntry);
    assert!(set_last_reason(
        &mut claim,
        "UNHCR and IOM reports contradict it"
    ));
    review.replace(claim);
    review
}

#[test]
fn v5_fixture_is_what_the_sample_review_saves_as() {
    golden(
        &test_file("fixtures/v5-sample.claimdesk"),
        to_json(&sample_review_v5()).as_bytes(),
    );
}

#[test]
fn v5_fixture_round_trips_its_history() {
    let loaded = load_file(&test_file("fixtures/v5-sample.claimdesk")).unwrap();
    assert_eq!(loaded.version, 5);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let expected = sample_review_v5();
    assert_eq!(loaded.review.claims(), expected.claims());
    let lies = loaded
        .review
        .claim(&ClaimId("c-000000000001".into()))
        .unwrap();
    let got: Vec<_> = lies.history.iter().map(|e| e.summary()).collect();
    assert_eq!(
        got,
        [
            "status set to Under investigation",
            "status set to Disputed (was Under investigation)",
            "verdict set to “False”"
        ]
    );
    assert_eq!(
        lies.history[2].reason,
        "UNHCR and IOM reports contradict it"
    );
    assert_eq!(to_json(&loaded.review), to_json(&expected));
}

#[test]
fn v4_fixture_migrates_with_empty_histories() {
    let loaded = load_file(&test_file("fixtures/v4-sample.claimdesk")).unwrap();
    assert!(loaded.review.claims().iter().all(|c| c.history.is_empty()));
    let resaved = to_json(&loaded.review);
    assert!(
        !resaved.contains("\"history\""),
        "written only when there are any"
    );
    let v4 = std::fs::read_to_string(test_file("fixtures/v4-sample.claimdesk")).unwrap();
    assert_eq!(resaved.replace("\"version\": 5", "\"version\": 4"), v4);
}

#[test]
fn v4_fixture_round_trips_its_suggestion_decisions() {
    let loaded = load_file(&test_file("fixtures/v4-sample.claimdesk")).unwrap();
    assert_eq!(loaded.version, 4);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let expected = sample_review_v4();
    assert_eq!(
        loaded.review.suggestion_decisions,
        expected.suggestion_decisions
    );
    assert_eq!(loaded.review.claims(), expected.claims(), "never claims");
    assert_eq!(to_json(&loaded.review), to_json(&expected));
}

#[test]
fn v3_fixture_migrates_without_suggestion_decisions() {
    let loaded = load_file(&test_file("fixtures/v3-sample.claimdesk")).unwrap();
    assert!(loaded.review.suggestion_decisions.is_empty());
    let resaved = to_json(&loaded.review);
    assert!(
        !resaved.contains("suggestion_decisions"),
        "written only when there are any"
    );
    let v3 = std::fs::read_to_string(test_file("fixtures/v3-sample.claimdesk")).unwrap();
    assert_eq!(resaved.replace("\"version\": 5", "\"version\": 3"), v3);
}

#[test]
fn v3_fixture_loads_with_its_earlier_version() {
    let loaded = load_file(&test_file("fixtures/v3-sample.claimdesk")).unwrap();
    assert_eq!(loaded.version, 3);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let r = &loaded.review;
    assert_eq!(r.earlier_versions, sample_review_v3().earlier_versions);
    assert_eq!(r.claims(), sample_review().claims());
}

#[test]
fn v2_fixture_migrates_without_earlier_versions() {
    let loaded = load_file(&test_file("fixtures/v2-sample.claimdesk")).unwrap();
    assert!(loaded.review.earlier_versions.is_empty());
    let resaved = to_json(&loaded.review);
    assert!(resaved.contains("\"version\": 5"));
    assert!(
        !resaved.contains("article_versions"),
        "written only when there are any"
    );
    // Apart from the version number, a v2 review saves as it was.
    let v2 = std::fs::read_to_string(test_file("fixtures/v2-sample.claimdesk")).unwrap();
    assert_eq!(resaved.replace("\"version\": 5", "\"version\": 2"), v2);
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
