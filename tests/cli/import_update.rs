//! The real binary: `claimdesk new` on every kind of article, and `claimdesk update` with its
//! outcomes, JSON, --accept-changed, the look-alike case (hypothesis/client#7571) and errors.

use std::path::{Path, PathBuf};

use crate::harness::{Dir, claimdesk};
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
    let dir = Dir::new();
    for (name, encoding) in [
        ("news-page.html", "UTF-8"),
        ("windows-1252.txt", "windows-1252"),
        ("utf16-le.txt", "UTF-16LE"),
        ("utf16-be.txt", "UTF-16BE"),
        ("post.md", "UTF-8"),
        ("arabic.txt", "UTF-8"),
        ("emoji-flags.txt", "UTF-8"),
    ] {
        let article = dir.join(name);
        std::fs::copy(fixture(name), &article).unwrap();
        let out = claimdesk(["new", s(&article)]).stdout();
        assert!(
            out.contains(&format!("encoding: {encoding}")),
            "{name}: {out}"
        );
        let review = article.with_extension("claimdesk");
        let loaded = load_file(&review).unwrap();
        assert!(loaded.warnings.is_empty());
        assert!(loaded.review.claims().is_empty());
        assert!(!loaded.review.article.text().is_empty());
    }
    // The page's canonical URL and date went into the review details.
    let page = load_file(&dir.join("news-page.claimdesk")).unwrap().review;
    assert_eq!(
        page.details.article_url,
        "https://observer.example/news/libya-denies-abuse"
    );
    assert_eq!(page.details.article_published, "2017-11-26");
}

#[test]
fn new_refuses_to_overwrite_unless_forced_and_takes_an_encoding() {
    let dir = Dir::new();
    let out_path = dir.join("r.claimdesk");
    let article = fixture("windows-1252.txt");
    let first = claimdesk(["new", s(&article), "-o", s(&out_path)]).stdout();
    assert!(first.contains("guessed"), "{first}");
    let again = claimdesk(["new", s(&article), "-o", s(&out_path)]).assert_exit_code(1);
    assert!(again.contains("already exists"), "{again}");
    assert_eq!(again.lines().count(), 1, "{again}");
    let forced = claimdesk([
        "new",
        s(&article),
        "-o",
        s(&out_path),
        "--force",
        "--encoding",
        "iso-8859-2",
    ])
    .stdout();
    assert!(forced.contains("ISO-8859-2 (as asked)"), "{forced}");
    let bad = claimdesk([
        "new",
        s(&article),
        "-o",
        s(&out_path),
        "--force",
        "--encoding",
        "nope",
    ])
    .assert_exit_code(1);
    assert!(bad.contains("unknown encoding \"nope\""), "{bad}");
    let missing = claimdesk(["new", s(&dir.join("missing.txt"))]).assert_exit_code(1);
    assert!(missing.contains("missing.txt"), "{missing}");
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
    claimdesk(["new", s(&article)]).stdout();
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
    let dir = Dir::new();
    let review = prepared(dir.path());
    let new = dir.join("new.txt");
    // The claimed sentence is removed (a look-alike remains), the boats are now five, and a
    // lead paragraph is added before everything.
    std::fs::write(
        &new,
        "Correction appended.\n\nOfficials gave no figures.\n\n\
         The coast guard intercepted five boats near Misrata on Sunday.\n\n\
         Later, the ministry said the reports of abuse were false.\n",
    )
    .unwrap();
    let text = claimdesk(["update", s(&review), "--article", s(&new)]).stdout();
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
    let dir = Dir::new();
    let review = prepared(dir.path());
    let before = std::fs::read(&review).unwrap();
    let new = dir.join("new.md");
    std::fs::write(
        &new,
        "# Update\n\nThe ministry said the reports of abuse were lies. Officials gave no figures.\n\n\
         The coast guard intercepted *five* boats near Misrata on Sunday.\n",
    )
    .unwrap();
    let out_path = dir.join("out.claimdesk");
    let out = claimdesk([
        "update",
        s(&review),
        "--article",
        s(&new),
        "--json",
        "--accept-changed",
        "-o",
        s(&out_path),
    ])
    .stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
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
    let dir = Dir::new();
    let review = prepared(dir.path());
    let missing = dir.join("gone.txt");
    let err = claimdesk(["update", s(&review), "--article", s(&missing)]).assert_exit_code(1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("gone.txt"), "{err}");
    let not_review = dir.write("x.claimdesk", "{}");
    let err = claimdesk(["update", s(&not_review), "--article", s(&review)]).assert_exit_code(1);
    assert!(err.contains("x.claimdesk"), "{err}");
    let binary = dir.write("b.txt", [0u8, 1, 2, 0]);
    let err = claimdesk(["update", s(&review), "--article", s(&binary)]).assert_exit_code(1);
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn updated_review_with_an_earlier_version_validates_against_the_schema() {
    let dir = Dir::new();
    let review = prepared(dir.path());
    let new = dir.write("new.txt", "A short new text. Officials gave no figures.\n");
    claimdesk(["update", s(&review), "--article", s(&new)]).stdout();
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
