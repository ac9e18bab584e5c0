//! Tests of the claim archive: every ClaimReview shape, the round trip of Claimdesk's own export,
//! incremental indexing, bad inputs, a corrupt index, privacy of the files, and ranking.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::json;

use super::extract::extract;
use super::scan::scan;
use super::*;
use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};
use claimdesk_reports::{ExportFormat, export};

/// Every claim of one file, and the problem reported, if any.
fn claims_of(path: &Path) -> (Vec<ArchivedClaim>, Option<String>) {
    let (found, problems) = scan(&[path.to_owned()]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut claims = Vec::new();
    let extracted = extract(&found[0], &mut |c| claims.push(c));
    assert_eq!(extracted.claims as usize, claims.len());
    (claims, extracted.problem)
}

fn claim_review(text: &str, verdict: &str, org: &str) -> serde_json::Value {
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": format!("https://checks.example/{}", text.len()),
        "claimReviewed": text,
        "headline": format!("Fact check: {text}"),
        "datePublished": "2026-01-02",
        "author": {"@type": "Organization", "name": org, "url": "https://checks.example/"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Senator"}},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": verdict}
    })
}

fn write_json(path: &Path, value: &serde_json::Value) {
    fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

#[test]
fn one_claimreview_gives_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.json");
    write_json(
        &path,
        &claim_review("The moon is made of cheese", "False", "Checkers"),
    );
    let (claims, problem) = claims_of(&path);
    assert_eq!(problem, None);
    assert_eq!(
        claims,
        vec![ArchivedClaim {
            text: "The moon is made of cheese".into(),
            headline: "Fact check: The moon is made of cheese".into(),
            verdict: "False".into(),
            claimant: "A. Senator".into(),
            organisation: "Checkers".into(),
            date: "2026-01-02".into(),
            url: "https://checks.example/26".into(),
            claim_id: String::new(),
        }]
    );
}

#[test]
fn arrays_graphs_and_data_feeds_are_all_read() {
    let dir = tempfile::tempdir().unwrap();
    let a = claim_review("Claim A", "False", "Org");
    let b = claim_review("Claim B", "True", "Org");
    let c = claim_review("Claim C", "Misleading", "Org");
    let shapes = [
        ("array.json", json!([a, b])),
        (
            "graph.jsonld",
            json!({"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "name": "not a review"}, a, b]}),
        ),
        // The shape of published feeds: DataFeedItems, each with an item array.
        (
            "feed-items.json",
            json!({"@context": "https://schema.org", "@type": "DataFeed",
            "dataFeedElement": [
                {"@type": "DataFeedItem", "dateCreated": "2026-01-01", "item": [a, b]},
                {"@type": "DataFeedItem", "item": c}
            ]}),
        ),
        (
            "feed-direct.json",
            json!({"@type": "DataFeed", "dataFeedElement": [a, b, c]}),
        ),
        (
            "typed-array.json",
            json!([{"@type": ["schema:ClaimReview"], "claimReviewed": "Claim A"},
            {"@type": "http://schema.org/ClaimReview", "claimReviewed": "Claim B"}]),
        ),
        (
            "nested.json",
            json!({"@type": "WebPage", "mainEntity": a, "about": [b]}),
        ),
    ];
    for (name, value) in shapes {
        let path = dir.path().join(name);
        write_json(&path, &value);
        let (claims, problem) = claims_of(&path);
        assert_eq!(problem, None, "{name}");
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        let expected: &[&str] = match name {
            "feed-items.json" | "feed-direct.json" => &["Claim A", "Claim B", "Claim C"],
            _ => &["Claim A", "Claim B"],
        };
        assert_eq!(texts, expected, "{name}");
    }
}

#[test]
fn saved_pages_give_their_json_ld_blocks_and_report_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    let review = claim_review("Bananas cure <flu> & colds", "False", "Org");
    let page = format!(
        "<!doctype html><html><head><title>t</title>\
         <script type=\"application/ld+json\">{{\"@type\": \"Organization\", \"name\": \"x\"}}</script>\
         <script type=\"Application/LD+JSON\">{}</script>\
         <script type=\"application/ld+json\">{{ broken</script>\
         <script>var x = {{\"@type\": \"ClaimReview\", \"claimReviewed\": \"not JSON-LD\"}};</script>\
         </head><body><p>Text</p></body></html>",
        review
    );
    fs::write(&path, page).unwrap();
    let (claims, problem) = claims_of(&path);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].text, "Bananas cure <flu> & colds");
    assert!(
        problem
            .unwrap()
            .contains("JSON-LD block 3 is not valid JSON")
    );
}

fn sample_review() -> Review {
    let text = "The minister said unemployment fell by half in 2025. Critics disagree. \
                Nobody knows what comes next.";
    let article = Article::new("Jobs speech", "", text.into());
    let mut asserted = Claim::new(&article, Span::new(0, 51), ClaimStatus::Asserted);
    asserted.verdict = "Mostly false".into();
    asserted.claimant = "The minister".into();
    let open = Claim::new(&article, Span::new(52, 68), ClaimStatus::UnderInvestigation);
    let mut review = Review::with_claims(article, vec![asserted, open]);
    review.details.organisation = "Desk Checks".into();
    review.details.report_url = "https://desk.example/jobs".into();
    review
}

#[test]
fn claimdesk_reviews_give_every_claim_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobs.claimdesk");
    let review = sample_review();
    save_file(&path, &review).unwrap();
    let (claims, problem) = claims_of(&path);
    assert_eq!(problem, None);
    assert_eq!(claims.len(), 2);
    let first = &claims[0];
    assert_eq!(
        first.text,
        "The minister said unemployment fell by half in 2025"
    );
    assert_eq!(first.verdict, "Mostly false");
    assert_eq!(first.claimant, "The minister");
    assert_eq!(first.organisation, "Desk Checks");
    assert_eq!(first.headline, "Jobs speech");
    assert_eq!(first.claim_id, review.claims()[0].id.as_str());
    assert_eq!(claims[1].verdict, "Under investigation");
}

#[test]
fn claimdesk_claimreview_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let review = sample_review();
    let out = export(&review, ExportFormat::ClaimReview).unwrap();
    let path = dir.path().join("export.jsonld");
    fs::write(&path, &out.bytes).unwrap();
    let (claims, problem) = claims_of(&path);
    assert_eq!(problem, None);
    // The claim under investigation has no verdict and is not exported.
    assert_eq!(claims.len(), 1);
    let c = &claims[0];
    let original = &review.claims()[0];
    assert_eq!(c.text, original.effective_summary());
    assert_eq!(c.verdict, "Mostly false");
    assert_eq!(c.claimant, "The minister");
    assert_eq!(c.organisation, "Desk Checks");
    assert_eq!(c.date, &original.modified.as_str()[..10]);
    assert!(
        c.url.starts_with("https://desk.example/jobs#claim-"),
        "{}",
        c.url
    );
}

/// A data folder and a folder of sources, both temporary.
struct Fixture {
    _tmp: tempfile::TempDir,
    archive: Archive,
    sources: PathBuf,
}

fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let sources = tmp.path().join("sources");
    fs::create_dir(&sources).unwrap();
    let archive = Archive::in_data_dir(&tmp.path().join("data"));
    Fixture {
        archive,
        sources,
        _tmp: tmp,
    }
}

fn top_text(searcher: &ArchiveSearcher, query: &str) -> Option<String> {
    let hits = searcher.search(query, 5).unwrap();
    hits.first().map(|h| h.claim.text.clone())
}

#[test]
fn reindexing_is_incremental_on_add_change_and_delete() {
    let fx = fixture();
    let one = fx.sources.join("one.json");
    let two = fx.sources.join("two.json");
    write_json(
        &one,
        &claim_review("Windmills cause cancer", "False", "Org"),
    );
    write_json(
        &two,
        &claim_review("Eating carrots improves night vision", "Myth", "Org"),
    );
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();

    let r = fx.archive.refresh().unwrap();
    assert_eq!(
        (r.counts.read, r.counts.unchanged, r.counts.removed),
        (2, 0, 0)
    );
    assert_eq!(r.searcher.len(), 2);
    assert_eq!(r.sources[0].claims, 2);

    let r = fx.archive.refresh().unwrap();
    assert_eq!((r.counts.read, r.counts.unchanged), (0, 2));

    // Touched, same bytes: the hash says unchanged; nothing is read into the index again.
    let later = SystemTime::now() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&one)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let r = fx.archive.refresh().unwrap();
    assert_eq!((r.counts.read, r.counts.unchanged), (0, 2));

    // Changed: its old claim goes, its new one comes.
    write_json(
        &one,
        &claim_review(
            "Wind turbines kill birds by the million",
            "Misleading",
            "Org",
        ),
    );
    let r = fx.archive.refresh().unwrap();
    assert_eq!((r.counts.read, r.counts.unchanged), (1, 1));
    assert_eq!(r.searcher.len(), 2);
    assert_eq!(top_text(&r.searcher, "windmills cancer"), None);
    assert_eq!(
        top_text(&r.searcher, "turbines birds").as_deref(),
        Some("Wind turbines kill birds by the million")
    );

    // Added, then deleted.
    let three = fx.sources.join("sub").join("three.json");
    fs::create_dir(three.parent().unwrap()).unwrap();
    write_json(
        &three,
        &claim_review("The pyramids were built by aliens", "False", "Org"),
    );
    let r = fx.archive.refresh().unwrap();
    assert_eq!((r.counts.read, r.counts.unchanged), (1, 2));
    assert!(top_text(&r.searcher, "pyramids aliens").is_some());
    fs::remove_file(&two).unwrap();
    let r = fx.archive.refresh().unwrap();
    assert_eq!(
        (r.counts.read, r.counts.unchanged, r.counts.removed),
        (0, 2, 1)
    );
    assert_eq!(r.searcher.len(), 2);
    assert_eq!(top_text(&r.searcher, "carrots night vision"), None);

    // Reindex reads everything again and finds the same.
    let r = fx.archive.rebuild().unwrap();
    assert_eq!((r.counts.read, r.counts.unchanged), (2, 0));
    assert_eq!(r.searcher.len(), 2);
}

#[test]
fn bad_inputs_are_reported_once_and_skipped() {
    let fx = fixture();
    write_json(
        &fx.sources.join("good.json"),
        &claim_review("Sharks get cancer", "True", "O"),
    );
    fs::write(
        fx.sources.join("broken.json"),
        "[{\"@type\": \"ClaimReview\", \"claimR",
    )
    .unwrap();
    fs::write(
        fx.sources.join("bad.claimdesk"),
        "{\"format\": \"claimdesk\"}",
    )
    .unwrap();
    write_json(
        &fx.sources.join("empty.json"),
        &json!({"@type": "ClaimReview", "url": "x"}),
    );
    fs::write(fx.sources.join("notes.txt"), "not read at all").unwrap();
    let gone = fx.sources.join("gone");
    fs::create_dir(&gone).unwrap();
    fx.archive.add(&[fx.sources.clone(), gone.clone()]).unwrap();
    fs::remove_dir(&gone).unwrap();

    let r = fx.archive.refresh().unwrap();
    assert_eq!(r.searcher.len(), 1);
    let mut reported: Vec<(String, &str)> = r
        .problems
        .iter()
        .map(|p| {
            (
                p.path.file_name().unwrap().to_string_lossy().into_owned(),
                p.message.as_str(),
            )
        })
        .collect();
    reported.sort();
    assert_eq!(reported.len(), 4, "{reported:?}");
    assert!(reported[0].0 == "bad.claimdesk" && reported[0].1.contains("does not load"));
    assert!(reported[1].0 == "broken.json" && reported[1].1.contains("not valid JSON"));
    assert!(reported[2].0 == "empty.json" && reported[2].1.contains("without claim text"));
    assert!(reported[3].0 == "gone" && reported[3].1.contains("gone"));
    assert!(!r.sources[1].present);

    // Unchanged bad files are not reported again; the gone folder is.
    let r = fx.archive.refresh().unwrap();
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].path, gone);
    assert_eq!(r.sources[0].files_with_problems, 3);
    let listed: Vec<_> = r.sources[0].file_problems.iter().map(|p| &p.path).collect();
    assert_eq!(listed.len(), 3, "each known problem is listed: {listed:?}");
    assert!(listed.is_sorted());
}

#[test]
fn a_partly_read_broken_feed_leaves_none_of_its_claims() {
    let fx = fixture();
    let a = claim_review("Claim alpha about tides", "False", "O");
    let text = format!("{{\"@type\": \"DataFeed\", \"dataFeedElement\": [{a}, {a}, {{\"x\": ");
    fs::write(fx.sources.join("cut.json"), text).unwrap();
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();
    let r = fx.archive.refresh().unwrap();
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.searcher.len(), 0);
    assert_eq!(top_text(&r.searcher, "tides"), None);
}

#[test]
fn a_corrupt_or_foreign_index_is_rebuilt() {
    let fx = fixture();
    write_json(
        &fx.sources.join("a.json"),
        &claim_review("Sharks get cancer", "True", "O"),
    );
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();
    assert!(fx.archive.refresh().unwrap().rebuilt.is_none());
    let index = fx.archive.index_dir();

    fs::write(index.join("meta.json"), "garbage").unwrap();
    let r = fx.archive.refresh().unwrap();
    assert!(r.rebuilt.unwrap().contains("unreadable"));
    assert_eq!(
        top_text(&r.searcher, "shark").as_deref(),
        Some("Sharks get cancer")
    );

    // Every segment file truncated.
    for entry in fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") && !name.starts_with('.') {
            fs::write(&path, b"x").unwrap();
        }
    }
    let r = fx.archive.refresh().unwrap();
    assert!(r.rebuilt.is_some());
    assert_eq!(
        top_text(&r.searcher, "shark").as_deref(),
        Some("Sharks get cancer")
    );

    // Another layout version.
    let meta = fs::read_to_string(index.join("meta.json")).unwrap();
    let older = meta.replace("\\\"schema\\\":1", "\\\"schema\\\":0");
    assert_ne!(meta, older);
    fs::write(index.join("meta.json"), older).unwrap();
    let r = fx.archive.refresh().unwrap();
    assert!(r.rebuilt.unwrap().contains("another version"));
    assert_eq!(r.searcher.len(), 1);
}

#[cfg(unix)]
#[test]
fn the_library_and_index_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let fx = fixture();
    write_json(
        &fx.sources.join("a.json"),
        &claim_review("Sharks get cancer", "True", "O"),
    );
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();
    fx.archive.refresh().unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&fx.archive.library_file()), 0o600);
    let index = fx.archive.index_dir();
    assert_eq!(mode(&index), 0o700);
    assert_eq!(mode(index.parent().unwrap()), 0o700);
    for entry in fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
    // Nothing was written beside the sources.
    let beside: Vec<_> = fs::read_dir(&fx.sources).unwrap().collect();
    assert_eq!(beside.len(), 1);
}

#[test]
fn adding_a_missing_path_adds_nothing_and_remove_forgets_a_source() {
    let fx = fixture();
    let missing = fx.sources.join("nope");
    let err = fx
        .archive
        .add(&[fx.sources.clone(), missing.clone()])
        .unwrap_err();
    assert!(matches!(err, ArchiveError::NoSuchSource(p) if p == missing));
    assert!(fx.archive.library().unwrap().sources.is_empty());
    assert_eq!(
        fx.archive
            .add(std::slice::from_ref(&fx.sources))
            .unwrap()
            .len(),
        1
    );
    assert!(
        fx.archive
            .add(std::slice::from_ref(&fx.sources))
            .unwrap()
            .is_empty()
    );
    assert!(fx.archive.remove(&fx.sources).unwrap());
    assert!(!fx.archive.remove(&fx.sources).unwrap());
    fs::write(fx.archive.library_file(), "{ not json").unwrap();
    assert!(matches!(
        fx.archive.library(),
        Err(ArchiveError::Library { .. })
    ));
}

/// A small corpus written for the tests: near-duplicates that only good ranking tells apart.
const CORPUS: &[(&str, &str)] = &[
    (
        "Vaccines cause autism in children.",
        "Do Vaccines Cause Autism?",
    ),
    (
        "The MMR vaccine contains mercury.",
        "Is There Mercury in the MMR Vaccine?",
    ),
    (
        "Autism rates rose because of better diagnosis.",
        "Why Autism Diagnoses Rose",
    ),
    (
        "5G masts spread the coronavirus.",
        "Do 5G Towers Spread COVID-19?",
    ),
    (
        "Drinking bleach cures the coronavirus.",
        "Can Bleach Cure COVID-19?",
    ),
    (
        "Bill Gates wants to put microchips in vaccines.",
        "Microchips in Vaccines?",
    ),
    (
        "The Eiffel Tower was sold twice by a con man.",
        "Was the Eiffel Tower Sold?",
    ),
    (
        "Crime fell by 20 percent in Chicago last year.",
        "Did Chicago Crime Fall?",
    ),
];

fn corpus_archive() -> (Fixture, ArchiveSearcher) {
    let fx = fixture();
    let items: Vec<_> = CORPUS
        .iter()
        .map(|(claim, headline)| {
            let mut r = claim_review(claim, "False", "Org");
            r["headline"] = json!(headline);
            r
        })
        .collect();
    write_json(
        &fx.sources.join("feed.json"),
        &json!({"@type": "DataFeed", "dataFeedElement": items}),
    );
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();
    let searcher = fx.archive.refresh().unwrap().searcher;
    (fx, searcher)
}

#[test]
fn ranking_finds_the_right_claim_first() {
    let (_fx, searcher) = corpus_archive();
    let cases = [
        ("vaccine caused AUTISM in my child", CORPUS[0].0),
        ("mercury in the MMR jab??", CORPUS[1].0),
        (
            "RT @truther: #5G towers spreading corona https://t.co/xyz",
            CORPUS[3].0,
        ),
        (
            "Gates microchip vaccine plan pic.twitter.com/abc — Jo (@jo) May 1, 2020",
            CORPUS[5].0,
        ),
        ("con man sold the eiffel tower", CORPUS[6].0),
        ("chicago crime fell", CORPUS[7].0),
    ];
    for (query, expected) in cases {
        assert_eq!(
            top_text(&searcher, query).as_deref(),
            Some(expected),
            "{query}"
        );
    }
    let hits = searcher.search("coronavirus", 10).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits[0].score >= hits[1].score);
    assert!(
        searcher
            .search("@handle https://t.co/x", 5)
            .unwrap()
            .is_empty()
    );
    assert!(searcher.search("zebra quantum", 5).unwrap().is_empty());
    assert_eq!(searcher.search("vaccine autism", 1).unwrap().len(), 1);
    // A typo, when nothing matches exactly: one edit in words of five letters or more.
    assert_eq!(
        top_text(&searcher, "vacine autizm").as_deref(),
        Some(CORPUS[0].0)
    );
    // Stop words alone match nothing (every claim has "the").
    assert!(searcher.search("The was it of the", 5).unwrap().is_empty());
}

#[test]
fn equal_scores_are_ordered_by_words_in_common_then_by_claim_id() {
    let fx = fixture();
    // Same length, same matched word: BM25 cannot tell them apart. The headline of the third
    // shares a second word with the query.
    let mut items = Vec::new();
    for (id, headline) in [("b", "Tigers?"), ("a", "Tigers?"), ("c", "Tigers in zoos?")] {
        let mut r = claim_review("Tigers can swim across rivers.", "True", "Org");
        r["@id"] = json!(id);
        r["headline"] = json!(headline);
        items.push(r);
    }
    write_json(&fx.sources.join("feed.json"), &json!(items));
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();
    let searcher = fx.archive.refresh().unwrap().searcher;
    let ids = |q: &str| -> Vec<String> {
        let hits = searcher.search(q, 5).unwrap();
        hits.into_iter().map(|h| h.claim.claim_id).collect()
    };
    assert_eq!(ids("swim"), ["a", "b", "c"], "equal scores: by claim id");
    assert_eq!(
        ids("swim zoo keepers")[0],
        "c",
        "a word of the headline counts too"
    );
}

#[test]
fn snippets_mark_the_matching_words_in_chars() {
    let fx = fixture();
    write_json(
        &fx.sources.join("a.json"),
        &claim_review("Ünïcode café owners say vaccines are tested", "True", "O"),
    );
    fx.archive.add(std::slice::from_ref(&fx.sources)).unwrap();
    let searcher = fx.archive.refresh().unwrap().searcher;
    let hit = &searcher.search("vaccine tests", 1).unwrap()[0];
    let marked: Vec<String> = hit
        .snippet
        .highlights
        .iter()
        .map(|r| {
            hit.snippet
                .text
                .chars()
                .skip(r.start)
                .take(r.len())
                .collect()
        })
        .collect();
    assert_eq!(marked, ["vaccines", "tested"]);
    assert!(hit.source.ends_with("a.json"));
}

#[test]
fn the_searcher_works_from_another_thread() {
    let (_fx, searcher) = corpus_archive();
    let hits = std::thread::spawn(move || searcher.search("bleach cure", 5).unwrap())
        .join()
        .unwrap();
    assert_eq!(hits[0].claim.text, CORPUS[4].0);
}
