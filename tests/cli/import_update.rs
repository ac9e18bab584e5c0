//! The real binary: `claimdesk new` on every kind of article, and `claimdesk update` with its
//! outcomes, JSON, --accept-changed, the look-alike case (hypothesis/client#7571) and errors.

use std::path::{Path, PathBuf};

use crate::binary::{claimdesk, stderr, stdout};
use claimdesk_model::format::load_file;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/testkit/data/fixtures/import")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn new_imports_every_fixture_beside_a_copy_of_it() {
    let dir = tempfile::tempdir().unwrap();
    for (name, encoding) in [
        ("news-page.html", "UTF-8"),
        ("windows-1252.txt", "windows-1252"),
        ("utf16-le.txt", "UTF-16LE"),
        ("utf16-be.txt", "UTF-16BE"),
        ("post.md", "UTF-8"),
        ("arabic.txt", "UTF-8"),
        ("emoji-flags.txt", "UTF-8"),
    ] {
        let article = dir.path().join(name);
        std::fs::copy(fixture(name), &article).unwrap();
        let out = claimdesk(&["new", s(&article)]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("encoding: {encoding}")),
            "{name}: {}",
            stdout(&out)
        );
        let review = article.with_extension("claimdesk");
        let loaded = load_file(&review).unwrap();
        assert!(loaded.warnings.is_empty());
        assert!(loaded.review.claims().is_empty());
        assert!(!loaded.review.article.text().is_empty());
    }
    // The page's canonical URL and date went into the review details.
    let page = load_file(&dir.path().join("news-page.claimdesk"))
        .unwrap()
        .review;
    assert_eq!(
        page.details.article_url,
        "https://observer.example/news/libya-denies-abuse"
    );
    assert_eq!(page.details.article_published, "2017-11-26");
}

#[test]
fn new_refuses_to_overwrite_unless_forced_and_takes_an_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("r.claimdesk");
    let article = fixture("windows-1252.txt");
    let first = claimdesk(&["new", s(&article), "-o", s(&out_path)]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("guessed"));
    let again = claimdesk(&["new", s(&article), "-o", s(&out_path)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(stderr(&again).lines().count(), 1);
    let forced = claimdesk(&[
        "new",
        s(&article),
        "-o",
        s(&out_path),
        "--force",
        "--encoding",
        "iso-8859-2",
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(stdout(&forced).contains("ISO-8859-2 (as asked)"));
    let bad = claimdesk(&[
        "new",
        s(&article),
        "-o",
        s(&out_path),
        "--force",
        "--encoding",
        "nope",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("unknown encoding \"nope\""),
        "{}",
        stderr(&bad)
    );
    let missing = claimdesk(&["new", s(&dir.path().join("missing.txt"))]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("missing.txt"));
}

/// A review of a short article with three claims, made through the binary and the core.
fn prepared(dir: &Path) -> PathBuf {
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "The ministry said the reports of abuse were lies. Officials gave no figures.\n\n\
         The coast guard intercepted four boats near Misrata on Sunday.\n\n\
         Later, the ministry said the reports of abuse were false.\n",
    )
    .unwrap();
    let review = dir.join("a.claimdesk");
    assert!(claimdesk(&["new", s(&article)]).status.success());
    let mut r = load_file(&review).unwrap().review;
    for (id, quote) in [
        (
            "c-lies",
            "The ministry said the reports of abuse were lies.",
        ),
        (
            "c-boats",
            "The coast guard intercepted four boats near Misrata",
        ),
        ("c-figures", "Officials gave no figures"),
    ] {
        let text = r.article.text().to_owned();
        let byte = text.find(quote).unwrap();
        let start = r.article.index().char_of(&text, byte);
        let mut c = claimdesk_model::Claim::new(
            &r.article,
            claimdesk_model::Span::new(start, start + quote.chars().count()),
            claimdesk_model::ClaimStatus::Disputed,
        );
        c.id = claimdesk_model::ClaimId(id.into());
        r.insert(c);
    }
    claimdesk_model::format::save_file(&review, &r).unwrap();
    review
}

#[test]
fn update_reports_each_claim_and_never_attaches_a_look_alike() {
    let dir = tempfile::tempdir().unwrap();
    let review = prepared(dir.path());
    let new = dir.path().join("new.txt");
    // The claimed sentence is removed (a look-alike remains), the boats are now five, and a
    // lead paragraph is added before everything.
    std::fs::write(
        &new,
        "Correction appended.\n\nOfficials gave no figures.\n\n\
         The coast guard intercepted five boats near Misrata on Sunday.\n\n\
         Later, the ministry said the reports of abuse were false.\n",
    )
    .unwrap();
    let out = claimdesk(&["update", s(&review), "--article", s(&new)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.contains(id))
            .unwrap_or_else(|| panic!("no line for {id}: {text}"))
            .to_owned()
    };
    assert!(line("c-figures").starts_with("unchanged"), "{text}");
    assert!(line("c-boats").starts_with("changed"), "{text}");
    assert!(line("c-boats").contains("not applied"), "{text}");
    assert!(line("c-lies").starts_with("orphaned"), "{text}");
    assert!(text.contains("3 claims: 1 unchanged, 0 moved, 1 changed, 0 ambiguous, 1 orphaned"));

    // Written in place: new text, the old one as an earlier version, orphans kept.
    let r = load_file(&review).unwrap().review;
    assert!(r.article.text().starts_with("Correction appended."));
    assert_eq!(r.earlier_versions.len(), 1);
    let lies = r.claim(&claimdesk_model::ClaimId("c-lies".into())).unwrap();
    assert!(lies.orphaned);
    assert_eq!(
        lies.quote,
        "The ministry said the reports of abuse were lies."
    );
    assert!(
        r.claim(&claimdesk_model::ClaimId("c-boats".into()))
            .unwrap()
            .orphaned
    );
}

#[test]
fn update_json_and_accept_changed_to_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let review = prepared(dir.path());
    let before = std::fs::read(&review).unwrap();
    let new = dir.path().join("new.md");
    std::fs::write(
        &new,
        "# Update\n\nThe ministry said the reports of abuse were lies. Officials gave no figures.\n\n\
         The coast guard intercepted *five* boats near Misrata on Sunday.\n",
    )
    .unwrap();
    let out_path = dir.path().join("out.claimdesk");
    let out = claimdesk(&[
        "update",
        s(&review),
        "--article",
        s(&new),
        "--json",
        "--accept-changed",
        "-o",
        s(&out_path),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap().clone();
    assert_eq!(by_id("c-boats")["outcome"], "changed");
    assert_eq!(by_id("c-boats")["applied"], true);
    assert!(
        by_id("c-boats")["diff"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["op"] == "added" && d["text"] == "five")
    );
    assert_eq!(by_id("c-lies")["outcome"], "unchanged");
    assert_eq!(v["counts"]["changed"], 1);
    assert_eq!(
        std::fs::read(&review).unwrap(),
        before,
        "-o leaves the review as it was"
    );
    let r = load_file(&out_path).unwrap().review;
    let boats = r
        .claim(&claimdesk_model::ClaimId("c-boats".into()))
        .unwrap();
    assert!(!boats.orphaned);
    assert_eq!(
        boats.quote,
        "The coast guard intercepted five boats near Misrata"
    );
}

#[test]
fn update_errors_are_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let review = prepared(dir.path());
    let missing = dir.path().join("gone.txt");
    let out = claimdesk(&["update", s(&review), "--article", s(&missing)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("gone.txt"));
    let not_review = dir.path().join("x.claimdesk");
    std::fs::write(&not_review, "{}").unwrap();
    let out = claimdesk(&["update", s(&not_review), "--article", s(&review)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("x.claimdesk"), "{}", stderr(&out));
    let binary = dir.path().join("b.txt");
    std::fs::write(&binary, [0u8, 1, 2, 0]).unwrap();
    let out = claimdesk(&["update", s(&review), "--article", s(&binary)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("binary"), "{}", stderr(&out));
}

#[test]
fn updated_review_with_an_earlier_version_validates_against_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let review = prepared(dir.path());
    let new = dir.path().join("new.txt");
    std::fs::write(&new, "A short new text. Officials gave no figures.\n").unwrap();
    assert!(
        claimdesk(&["update", s(&review), "--article", s(&new)])
            .status
            .success()
    );
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/claimdesk.schema.json")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&review).unwrap()).unwrap();
    assert_eq!(written["version"], claimdesk_model::format::CURRENT_VERSION);
    assert_eq!(written["article_versions"].as_array().unwrap().len(), 1);
    let errors: Vec<String> = validator
        .iter_errors(&written)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
