//! Round trips and validation of the project format.

use super::*;
use crate::status::ClaimStatus;
use proptest::prelude::*;

fn review_of(text: &str, spans: &[(usize, usize, ClaimStatus)]) -> Review {
    let article = Article::new("Sample", "/tmp/a.txt", normalize_article_text(text));
    let claims = spans
        .iter()
        .map(|&(s, e, st)| {
            let mut c = Claim::new(&article, Span::new(s, e), st);
            c.claimant = "Mohammed Besher".into();
            c.note = "needs a second source 🧐".into();
            c
        })
        .collect();
    Review::with_claims(article, claims)
}

fn assert_same(a: &Review, b: &Review) {
    assert_eq!(a.article.text(), b.article.text());
    assert_eq!(a.article.title, b.article.title);
    assert_eq!(a.article.source, b.article.source);
    assert_eq!(a.claims(), b.claims());
}

#[test]
fn round_trip_with_emoji_flags_combining_marks_and_overlaps() {
    let text = "🇱🇾 Libya 👩‍👩‍👧 said e\u{301}te\u{301} x.\r\nNext line — “quoted”.";
    let r = review_of(
        text,
        &[
            (0, 1 + 1, ClaimStatus::Asserted),        // the flag alone
            (3, 8, ClaimStatus::Disputed),            // "Libya"
            (3, 22, ClaimStatus::UnderInvestigation), // overlapping, nested
            (9, 14, ClaimStatus::Asserted),           // the family emoji (ZWJ sequence)
            (26, 27, ClaimStatus::Disputed),          // one char
        ],
    );
    assert!(!r.article.text().contains('\r'));
    let json = to_json(&r);
    let loaded = load_str(&json).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_same(&r, &loaded.review);
    assert_eq!(
        to_json(&loaded.review),
        json,
        "a re-save writes the same bytes"
    );
}

#[test]
fn minimal_contract_file_loads() {
    let json = r#"{
      "format": "claimdesk", "version": 1,
      "article": {"title": "T", "text": "Libya is not to blame.", "sha256": "x"},
      "claims": [{"id": "a", "start": 0, "end": 5, "quote": "Libya", "prefix": "",
                  "suffix": " is not", "status": "disputed",
                  "created": "2026-11-28T10:00:00Z", "modified": "2026-11-28T10:00:00Z"}]
    }"#;
    let loaded = load_str(json).unwrap();
    assert_eq!(loaded.review.claims()[0].quote, "Libya");
    assert_eq!(loaded.review.claims()[0].status, ClaimStatus::Disputed);
    // The hash was wrong: loaded anyway, but said so.
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].contains("sha256"));
}

#[test]
fn written_file_has_contract_fields_in_stable_order() {
    let r = review_of("Alpha beta gamma", &[(6, 10, ClaimStatus::Asserted)]);
    let json = to_json(&r);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["format", "version", "details", "article", "claims"]);
    let claim_keys: Vec<_> = v["claims"][0]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        claim_keys,
        [
            "id",
            "start",
            "end",
            "quote",
            "prefix",
            "suffix",
            "status",
            "verdict",
            "summary",
            "claimant",
            "claim_date",
            "note",
            "evidence",
            "created",
            "modified"
        ]
    );
    assert_eq!(v["article"]["sha256"], r.article.sha256());
    assert_eq!(v["claims"][0]["quote"], "beta");
    assert!(json.ends_with("}\n"));
}

#[test]
fn claims_are_written_in_start_end_id_order() {
    let r = review_of(
        "aaa bbb ccc",
        &[
            (8, 11, ClaimStatus::Asserted),
            (0, 7, ClaimStatus::Asserted),
            (0, 3, ClaimStatus::Asserted),
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&to_json(&r)).unwrap();
    let starts: Vec<_> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(starts, [(0, 3), (0, 7), (8, 11)]);
}

#[test]
fn moved_quote_is_reanchored_and_missing_quote_is_orphaned() {
    let json = r#"{
      "format": "claimdesk", "version": 1,
      "article": {"title": "T", "text": "😀😀 lies and fabrications, he said"},
      "claims": [
        {"id": "a", "start": 5, "end": 9, "quote": "lies", "status": "disputed"},
        {"id": "b", "start": 0, "end": 4, "quote": "truth", "status": "asserted"},
        {"id": "c", "start": 90, "end": 10, "quote": "he said", "status": "asserted"}
      ]
    }"#;
    let loaded = load_str(json).unwrap();
    let claims = loaded.review.claims();
    let a = loaded.review.claim(&ClaimId("a".into())).unwrap();
    assert_eq!((a.span.start, a.span.end, a.orphaned), (3, 7, false));
    let b = loaded.review.claim(&ClaimId("b".into())).unwrap();
    assert!(b.orphaned);
    assert_eq!(b.quote, "truth", "an orphan keeps its quote");
    let c = loaded.review.claim(&ClaimId("c".into())).unwrap();
    assert_eq!(
        loaded.review.article.slice(c.span.start, c.span.end),
        "he said"
    );
    assert_eq!(claims.len(), 3, "nothing is dropped");
    assert!(loaded.warnings.iter().any(|w| w.contains("re-anchored")));
    assert!(loaded.warnings.iter().any(|w| w.contains("orphan")));
    // The orphan survives a save and reload, still flagged.
    let again = load_str(&to_json(&loaded.review)).unwrap();
    assert!(again.review.claim(&ClaimId("b".into())).unwrap().orphaned);
}

#[test]
fn duplicate_ids_are_renamed_not_merged() {
    let json = r#"{"format":"claimdesk","version":1,"article":{"title":"T","text":"ab cd"},
      "claims":[{"id":"x","start":0,"end":2,"quote":"ab","status":"asserted"},
                {"id":"x","start":3,"end":5,"quote":"cd","status":"disputed"}]}"#;
    let loaded = load_str(json).unwrap();
    let ids: Vec<_> = loaded
        .review
        .claims()
        .iter()
        .map(|c| c.id.0.clone())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    assert!(loaded.warnings.iter().any(|w| w.contains("duplicate id")));
}

#[test]
fn unknown_fields_survive_a_resave() {
    let json = r#"{"format":"claimdesk","version":1,"future":{"a":[1,2]},
      "article":{"title":"T","text":"ab cd","lang":"en"},
      "claims":[{"id":"x","start":0,"end":2,"quote":"ab","status":"asserted","audit":[1]}]}"#;
    let loaded = load_str(json).unwrap();
    let out: serde_json::Value = serde_json::from_str(&to_json(&loaded.review)).unwrap();
    assert_eq!(out["future"]["a"][1], 2);
    assert_eq!(out["article"]["lang"], "en");
    assert_eq!(out["claims"][0]["audit"][0], 1);
}

#[test]
fn history_entries_load_sorted_with_checked_times() {
    let json = r#"{"format":"claimdesk","version":5,"article":{"text":"ab cd"},
      "claims":[{"id":"x","start":0,"end":2,"quote":"ab","status":"asserted","created":"2026-11-30T08:00:00Z","modified":"2026-11-30T08:00:00Z","history":[
        {"at":"2026-11-30T10:00:00Z","by":"Bo","decision":"status","from":"disputed","to":"asserted"},
        {"at":"2026-11-30 09:00:00Z","by":"Ana","decision":"status","to":"disputed","reason":"first"}]}]}"#;
    let loaded = load_str(json).unwrap();
    let h = &loaded.review.claims()[0].history;
    let who: Vec<_> = h.iter().map(|e| e.by.as_str()).collect();
    assert_eq!(who, ["Ana", "Bo"]);
    assert_eq!(h[0].at.as_str(), "2026-11-30T09:00:00Z");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0].contains("history entry 2"),
        "{:?}",
        loaded.warnings
    );
    let bad = json.replace(
        "\"decision\":\"status\",\"from\"",
        "\"decision\":\"mood\",\"from\"",
    );
    let err = load_str(&bad).unwrap_err().to_string();
    assert!(err.contains("claims[0].history[0].decision"), "{err}");
}

#[test]
fn bad_files_give_plain_errors() {
    let cases: &[(&str, &str)] = &[
        ("", "not valid JSON"),
        (
            "{\"format\": \"claimdesk\", \"version\": 1, \"article\": {",
            "not valid JSON",
        ),
        ("[1,2]", "not a JSON object"),
        (
            "{\"format\": \"other\", \"version\": 1}",
            "not a Claimdesk review",
        ),
        ("{\"version\": 1}", "not a Claimdesk review"),
        (
            "{\"format\": \"claimdesk\", \"version\": 7}",
            "newer Claimdesk, format version 7",
        ),
        (
            "{\"format\": \"claimdesk\", \"version\": \"1\"}",
            "\"version\" field",
        ),
        (
            "{\"format\": \"claimdesk\", \"version\": 0}",
            "\"version\" field",
        ),
        (
            "{\"format\": \"claimdesk\", \"version\": 1, \"claims\": []}",
            "article",
        ),
        (
            "{\"format\":\"claimdesk\",\"version\":1,\"article\":{\"text\":\"x\"},\"claims\":[{\"id\":\"a\",\"start\":-1,\"end\":1,\"quote\":\"x\",\"status\":\"asserted\"}]}",
            "claims[0].start",
        ),
        (
            "{\"format\":\"claimdesk\",\"version\":1,\"article\":{\"text\":\"x\"},\"claims\":[{\"id\":\"a\",\"start\":0,\"end\":1,\"quote\":\"x\",\"status\":\"maybe\"}]}",
            "claims[0].status",
        ),
    ];
    for (json, expected) in cases {
        let err = load_str(json).expect_err(json).to_string();
        assert!(
            err.contains(expected),
            "{json:?} gave {err:?}, expected {expected:?}"
        );
    }
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let deep = format!(
        "{{\"format\":\"claimdesk\",\"version\":1,\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(load_str(&deep).is_err());
}

fn arb_text() -> impl Strategy<Value = String> {
    // Mixes ASCII, accents, combining marks, flags, ZWJ emoji, CJK, Arabic and CRLF.
    prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "b",
            " ",
            "\n",
            "\r\n",
            "é",
            "e\u{301}",
            "🇱🇾",
            "👩‍👩‍👧",
            "中",
            "ب",
            "—",
            "\t",
        ]),
        1..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn any_review_round_trips(text in arb_text(), raw_spans in prop::collection::vec((0usize..200, 1usize..20, 0usize..3), 0..8)) {
        let article = Article::new("T", "", normalize_article_text(&text));
        let len = article.char_len();
        prop_assume!(len > 0);
        // Spans as the app makes them: whole grapheme clusters.
        let claims: Vec<Claim> = raw_spans.into_iter().map(|(s, l, st)| {
            let start = s % len;
            let end = (start + l).min(len).max(start + 1);
            let (start, end) = crate::text::snap_to_graphemes(article.text(), article.index(), start, end);
            Claim::new(&article, Span::new(start, end), ClaimStatus::ALL[st])
        }).collect();
        let review = Review::with_claims(article, claims);
        let json = to_json(&review);
        let loaded = load_str(&json).unwrap();
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_same(&review, &loaded.review);
        for c in loaded.review.claims() {
            prop_assert_eq!(loaded.review.article.slice(c.span.start, c.span.end), c.quote.as_str());
        }
    }

    #[test]
    fn spans_inside_a_grapheme_are_widened_once_with_a_warning(text in arb_text(), raw_spans in prop::collection::vec((0usize..200, 1usize..20), 1..8)) {
        let article = Article::new("T", "", normalize_article_text(&text));
        let len = article.char_len();
        prop_assume!(len > 0);
        // Any span, as a hand-edited file may have it.
        let claims: Vec<Claim> = raw_spans.into_iter().map(|(s, l)| {
            let start = s % len;
            let end = (start + l).min(len).max(start + 1);
            Claim::new(&article, Span::new(start, end), ClaimStatus::Disputed)
        }).collect();
        let split = claims.iter().filter(|c| {
            crate::text::snap_to_graphemes(article.text(), article.index(), c.span.start, c.span.end)
                != (c.span.start, c.span.end)
        }).count();
        let review = Review::with_claims(article, claims);
        let loaded = load_str(&to_json(&review)).unwrap();
        prop_assert_eq!(loaded.warnings.len(), split, "{:?}", loaded.warnings);
        for c in loaded.review.claims() {
            let a = &loaded.review.article;
            prop_assert_eq!(crate::text::snap_to_graphemes(a.text(), a.index(), c.span.start, c.span.end), (c.span.start, c.span.end));
            prop_assert_eq!(a.slice(c.span.start, c.span.end), c.quote.as_str());
        }
        // Once widened, the file is clean.
        let again = load_str(&to_json(&loaded.review)).unwrap();
        prop_assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        assert_same(&loaded.review, &again.review);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = load_str(s);
        }
    }
}

#[test]
fn loose_timestamps_are_rewritten_in_utc_with_a_warning() {
    let file = r#"{"format":"claimdesk","version":3,
      "article":{"title":"T","text":"one two three"},
      "claims":[{"id":"a","start":0,"end":3,"quote":"one","status":"asserted",
                 "created":"1990-12-31T23:59:60Z","modified":"2026-11-28 10:00:00Z"},
                {"id":"b","start":4,"end":7,"quote":"two","status":"asserted",
                 "created":"2026-11-28T11:00:00+01:00","modified":"2026-11-28T10:00:00.5Z"}],
      "article_versions":[{"text":"old","replaced":"2026-11-28t09:00:00z"}]}"#;
    let loaded = load_str(file).unwrap();
    let stamps: Vec<(&str, &str)> = loaded
        .review
        .claims()
        .iter()
        .map(|c| (c.created.as_str(), c.modified.as_str()))
        .collect();
    assert_eq!(
        stamps,
        [
            ("1990-12-31T23:59:59Z", "2026-11-28T10:00:00Z"),
            // Strict values stay as written, offset and fraction included.
            ("2026-11-28T11:00:00+01:00", "2026-11-28T10:00:00.5Z")
        ]
    );
    assert_eq!(
        loaded.review.earlier_versions[0].replaced.as_str(),
        "2026-11-28T09:00:00Z"
    );
    assert_eq!(loaded.warnings.len(), 3, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[1]
            .contains("\"2026-11-28 10:00:00Z\"; it was read as 2026-11-28T10:00:00Z"),
        "{:?}",
        loaded.warnings
    );
    // Saved in the strict form, the file loads clean.
    assert!(
        load_str(&to_json(&loaded.review))
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn a_span_inside_a_flag_is_widened_to_the_whole_flag() {
    let file = r#"{"format":"claimdesk","version":3,
      "article":{"title":"T","text":"Flag 🇱🇾 here"},
      "claims":[{"id":"a","start":6,"end":9,"quote":"🇾 h","status":"disputed",
                 "created":"2026-11-28T10:00:00Z","modified":"2026-11-28T10:00:00Z"}]}"#;
    let loaded = load_str(file).unwrap();
    let c = &loaded.review.claims()[0];
    assert_eq!((c.span.start, c.span.end), (5, 9));
    assert_eq!(c.quote, "🇱🇾 h");
    assert_eq!(c.prefix, "Flag ");
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains("widened to 5..9"),
        "{:?}",
        loaded.warnings
    );
}

fn document_review() -> Review {
    let text = "First page says 38 million.\n\nSecond page. Third page ends.\n".to_owned();
    let mut article = Article::new("Report", "/tmp/report.pdf", text)
        .with_page_starts(vec![0, 29, 42])
        .with_media_times(vec![
            crate::MediaTime {
                start: 0,
                millis: 1_500,
            },
            crate::MediaTime {
                start: 29,
                millis: 61_250,
            },
        ]);
    article.origin = Some(crate::ArticleOrigin {
        file_name: "report.pdf".into(),
        sha256: "ab".repeat(32),
    });
    let claim = Claim::new(&article, Span::new(16, 36), ClaimStatus::Disputed);
    let mut review = Review::with_claims(article, vec![claim]);
    review.details.media_url = "https://youtu.be/abc".into();
    review
}

#[test]
fn document_origin_pages_times_and_media_url_round_trip() {
    let review = document_review();
    let json = to_json(&review);
    assert!(json.contains("\"page_starts\""), "{json}");
    assert!(json.contains("\"media_url\": \"https://youtu.be/abc\""));
    let loaded = load_str(&json).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.review.article, review.article);
    assert_eq!(loaded.review.details, review.details);
    assert_eq!(to_json(&loaded.review), json, "a resave changes no byte");
    let article = &loaded.review.article;
    let claim = &loaded.review.claims()[0];
    assert_eq!(article.pages_of(claim.span), Some((1, 2)));
    assert_eq!(article.media_time_at(claim.span.start), Some(1.5));
    assert_eq!(article.media_millis_at(40), Some(61_250));
}

#[test]
fn a_text_article_writes_none_of_the_document_fields() {
    let json = to_json(&review_of("Plain text.", &[]));
    for key in ["origin", "page_starts", "media_times", "media_url"] {
        assert!(!json.contains(key), "{key} in {json}");
    }
    let review = load_str(&json).unwrap().review;
    assert_eq!(review.article.pages_of(Span::new(0, 3)), None);
    assert_eq!(review.article.media_time_at(0), None);
}

#[test]
fn earlier_versions_keep_the_origin_of_their_text() {
    let mut review = document_review();
    let old = ArticleVersion::of(&review.article, Timestamp::now());
    review.earlier_versions.push(old);
    let loaded = load_str(&to_json(&review)).unwrap().review;
    assert_eq!(
        loaded.earlier_versions[0]
            .origin
            .as_ref()
            .unwrap()
            .file_name,
        "report.pdf"
    );
}

#[test]
fn hand_edited_page_starts_and_times_are_made_fit_with_a_warning() {
    let json = to_json(&document_review())
        .replace(
            "\"page_starts\": [\n      0,\n      29,\n      42\n    ]",
            "\"page_starts\": [42, 29, 9999]",
        )
        .replace("\"start\": 29,", "\"start\": 5000,");
    let loaded = load_str(&json).unwrap();
    assert_eq!(loaded.review.article.page_starts(), [0, 29, 42]);
    assert_eq!(loaded.review.article.media_times().len(), 1);
    let warnings = loaded.warnings.join("\n");
    assert!(warnings.contains("page starts"), "{warnings}");
    assert!(warnings.contains("media times"), "{warnings}");
}
