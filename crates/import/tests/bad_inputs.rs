//! The hostile and broken input corpus (`tests/corpus/`, plus large cases generated here) runs
//! through the loader and the importer: every case is refused with a plain message or loaded
//! with a warning. Never a panic, a hang, or a silent acceptance.

use std::fs;
use std::path::{Path, PathBuf};

use claimdesk_import::{ImportError, import_article_file};
use claimdesk_model::format::{LoadError, load_file, load_str};

fn corpus() -> Vec<PathBuf> {
    let dir = claimdesk_testkit::test_file("corpus");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// What loading a review file gives, as one line for the assertion messages.
fn outcome(path: &Path) -> Result<Vec<String>, String> {
    load_file(path)
        .map(|l| l.warnings)
        .map_err(|e| e.to_string())
}

#[test]
fn every_review_in_the_corpus_is_refused_or_flagged() {
    let reviews: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "claimdesk"))
        .collect();
    assert!(reviews.len() >= 20, "the corpus is there");
    for path in reviews {
        match outcome(&path) {
            Err(message) => {
                assert!(
                    !message.is_empty() && !message.contains('\n'),
                    "{path:?}: {message:?}"
                );
            }
            Ok(warnings) => assert!(!warnings.is_empty(), "{path:?} was accepted silently"),
        }
    }
}

#[test]
fn specific_corpus_cases_say_what_is_wrong() {
    let dir = claimdesk_testkit::test_file("corpus");
    let expect = |name: &str, needle: &str| {
        let got = match outcome(&dir.join(name)) {
            Err(e) => e,
            Ok(w) => w.join(" | "),
        };
        assert!(
            got.contains(needle),
            "{name}: expected {needle:?} in {got:?}"
        );
    };
    expect("truncated.claimdesk", "not valid JSON");
    expect("empty.claimdesk", "not valid JSON");
    expect("array.claimdesk", "not a JSON object");
    expect("not-a-review.claimdesk", "not a Claimdesk review");
    expect(
        "newer-version.claimdesk",
        "newer Claimdesk, format version 99",
    );
    expect("article-null.claimdesk", "article");
    expect("start-string.claimdesk", "claims[0].start");
    expect("negative-offset.claimdesk", "claims[0].start");
    expect("float-offset.claimdesk", "claims[0].end");
    expect("bad-status.claimdesk", "claims[0].status");
    expect("offsets-out-of-range.claimdesk", "orphan");
    expect("start-after-end.claimdesk", "orphan");
    expect("quote-mismatch.claimdesk", "orphan");
    expect("duplicate-ids.claimdesk", "duplicate id");
    expect("bad-sha256.claimdesk", "sha256");
    expect("control-chars.claimdesk", "control characters");
    expect("invalid-utf8.claimdesk", "not UTF-8");
    expect("binary.claimdesk", "not UTF-8");
}

#[test]
fn bad_articles_are_refused_with_the_reason() {
    let dir = claimdesk_testkit::test_file("corpus");
    assert!(matches!(
        import_article_file(&dir.join("binary-article.txt")),
        Err(ImportError::Binary(_))
    ));
    // Since issue 6, legacy encodings are detected and UTF-16 with a BOM is decoded.
    let latin1 = import_article_file(&dir.join("latin1-article.txt")).unwrap();
    assert_eq!(latin1.article.text(), "Café owners said “no”.");
    let utf16 = import_article_file(&dir.join("utf16-article.txt")).unwrap();
    assert_eq!(utf16.article.text(), "Libya");
    // UTF-16 without a BOM has NUL bytes and reads as binary: refused, not garbled.
    let dir2 = tempfile::tempdir().unwrap();
    let no_bom = dir2.path().join("no-bom.txt");
    fs::write(&no_bom, b"L\0i\0b\0").unwrap();
    assert!(matches!(
        import_article_file(&no_bom),
        Err(ImportError::Binary(_))
    ));
}

#[test]
fn huge_sparse_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["huge.claimdesk", "huge.txt"] {
        let path = dir.path().join(name);
        let file = fs::File::create(&path).unwrap();
        file.set_len(200 * 1024 * 1024).unwrap(); // 200 MB, no disk used
        drop(file);
        let message = if name.ends_with(".txt") {
            import_article_file(&path).unwrap_err().to_string()
        } else {
            load_file(&path).unwrap_err().to_string()
        };
        assert!(message.contains("too large"), "{name}: {message}");
    }
}

#[test]
fn folders_and_missing_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        load_file(dir.path()),
        Err(LoadError::IsDirectory(_))
    ));
    let missing = load_file(&dir.path().join("nope.claimdesk")).unwrap_err();
    assert!(missing.to_string().contains("nope.claimdesk"), "{missing}");
}

#[test]
fn deep_nesting_and_huge_strings_do_not_crash() {
    let deep = format!(
        "{{\"format\":\"claimdesk\",\"version\":1,\"article\":{}{}}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    assert!(load_str(&deep).is_err());
    // A 20 MB quote that is nowhere in the text: loaded as an orphan, not a crash.
    let quote = "x".repeat(20 * 1024 * 1024);
    let json = format!(
        "{{\"format\":\"claimdesk\",\"version\":1,\"article\":{{\"title\":\"t\",\"text\":\"abc\"}},\
         \"claims\":[{{\"id\":\"a\",\"start\":0,\"end\":3,\"quote\":\"{quote}\",\"status\":\"asserted\"}}]}}"
    );
    let loaded = load_str(&json).unwrap();
    assert!(loaded.review.claims()[0].orphaned);
}
