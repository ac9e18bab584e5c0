//! The real `claimdesk export` binary: every format to stdout and to `-o`, and the errors a
//! user can cause (bad file, missing file, unknown format, output = input).

use crate::harness::{Dir, claimdesk};
use std::path::{Path, PathBuf};

const FORMATS: [(&str, &str); 6] = [
    ("html", "sample.html"),
    ("pdf", "sample.pdf"),
    ("markdown", "sample.md"),
    ("csv", "sample.csv"),
    ("claimreview", "sample.claimreview.jsonld"),
    ("webannotation", "sample.webannotation.jsonld"),
];

/// The reports' golden files (`crates/reports/tests/golden/`).
fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/reports/tests/golden")
}

fn sample() -> PathBuf {
    claimdesk_testkit::test_file("fixtures/v2-sample.claimdesk")
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn every_format_to_stdout_matches_the_golden_file() {
    let review = sample();
    for (format, golden) in FORMATS {
        let out = claimdesk(["export", "--format", format]).arg(&review);
        let expected = std::fs::read(golden_dir().join(golden)).unwrap();
        assert_eq!(out.stdout_bytes(), expected, "{format}");
    }
}

#[test]
fn every_format_to_a_file_is_the_same_bytes_and_leaves_no_temp_files() {
    let dir = Dir::new();
    let review = sample();
    for (format, golden) in FORMATS {
        let target = dir.write(golden, b"old report");
        let out = claimdesk(["export"])
            .arg(&review)
            .args(["-f", format, "-o"])
            .arg(&target)
            .stdout_bytes();
        assert!(out.is_empty(), "{format}");
        let expected = std::fs::read(golden_dir().join(golden)).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), expected, "{format}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        FORMATS.len()
    );
}

#[test]
fn notes_go_to_stderr() {
    let out = claimdesk(["export"])
        .arg(sample())
        .args(["--format", "claimreview"])
        .output_with_exit_code(0);
    let err = String::from_utf8_lossy(&out.stderr);
    let lines = lines(&err);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("2 claims under investigation were left out")),
        "{lines:?}"
    );
}

#[test]
fn a_bad_file_is_one_line_naming_it_and_exit_1() {
    let dir = Dir::new();
    let bad = dir.write(
        "broken.claimdesk",
        "{\"format\": \"claimdesk\", \"version\": 2, \"article\": {",
    );
    let out = claimdesk(["export"])
        .arg(&bad)
        .args(["--format", "html"])
        .output_with_exit_code(1);
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    let lines = lines(&err);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("broken.claimdesk") && lines[0].contains("not valid JSON"),
        "{lines:?}"
    );
}

#[test]
fn a_missing_file_is_one_line_naming_it_and_exit_1() {
    let err = claimdesk([
        "export",
        "/nonexistent/nothing.claimdesk",
        "--format",
        "csv",
    ])
    .assert_exit_code(1);
    let lines = lines(&err);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("/nonexistent/nothing.claimdesk"),
        "{lines:?}"
    );
}

#[test]
fn an_unknown_format_is_a_usage_error_naming_it() {
    let out = claimdesk(["export"])
        .arg(sample())
        .args(["--format", "docx"])
        .output();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("docx") && err.contains("webannotation"),
        "{err}"
    );
}

#[test]
fn the_review_itself_is_never_overwritten() {
    let dir = Dir::new();
    let review = dir.join("r.claimdesk");
    std::fs::copy(sample(), &review).unwrap();
    let before = std::fs::read(&review).unwrap();
    let path = review.to_str().unwrap();
    let err = claimdesk(["export", path, "--format", "html", "-o", path]).assert_exit_code(1);
    assert_eq!(lines(&err).len(), 1, "{err}");
    assert_eq!(std::fs::read(&review).unwrap(), before);
}

#[test]
fn an_unwritable_output_is_one_line_naming_it() {
    let err = claimdesk(["export"])
        .arg(sample())
        .args(["--format", "csv", "-o", "/nonexistent-dir/report.csv"])
        .assert_exit_code(1);
    let lines = lines(&err);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("/nonexistent-dir/report.csv"),
        "{lines:?}"
    );
}

#[test]
fn pdf_paper_size_is_chosen_and_a_bad_one_is_a_usage_error() {
    let dir = Dir::new();
    let review = sample();
    let target = dir.join("letter.pdf");
    claimdesk(["export"])
        .arg(&review)
        .args(["--format", "pdf", "--paper", "letter", "-o"])
        .arg(&target)
        .stdout_bytes();
    let letter = std::fs::read(&target).unwrap();
    assert!(letter.starts_with(b"%PDF-"));
    let a4 = std::fs::read(golden_dir().join("sample.pdf")).unwrap();
    assert_ne!(letter, a4, "letter is not the A4 golden file");
    let err = claimdesk(["export"])
        .arg(&review)
        .args(["-f", "pdf", "--paper", "folio"])
        .assert_exit_code(2);
    assert!(
        err.contains("folio") && err.contains("a4 or letter"),
        "{err}"
    );
}

#[test]
fn timeline_is_in_the_reports_only_with_the_flag() {
    let review = claimdesk_testkit::test_file("fixtures/v5-sample.claimdesk");
    let review = review.to_str().unwrap();
    for format in ["html", "markdown"] {
        let plain = claimdesk(["export", review, "--format", format]).stdout();
        assert!(!plain.contains("Timeline"), "{format}");
        let text = claimdesk(["export", review, "--format", format, "--timeline"]).stdout();
        assert!(text.contains("Timeline"), "{format}");
        assert!(
            text.contains("UNHCR and IOM reports contradict it"),
            "{format}"
        );
        assert!(text.contains("Amal Haddad (AH)"), "{format}");
    }
}

#[test]
fn lang_writes_the_report_in_that_language_and_an_unknown_one_is_refused() {
    let review = sample();
    let es = claimdesk(["export", "--format", "html", "--timeline", "--lang", "es"])
        .arg(&review)
        .stdout();
    let expected = std::fs::read_to_string(golden_dir().join("sample.es.html")).unwrap();
    assert_eq!(es, expected);
    let ar = claimdesk([
        "export",
        "-f",
        "markdown",
        "--timeline",
        "--lang",
        "ar_EG.UTF-8",
    ])
    .arg(&review)
    .stdout();
    let expected = std::fs::read_to_string(golden_dir().join("sample.ar.md")).unwrap();
    assert_eq!(ar, expected);
    let err = claimdesk(["export", "-f", "html", "--lang", "tlh"])
        .arg(&review)
        .assert_err();
    assert!(
        err.contains("Claimdesk does not speak 'tlh'") && err.contains("pt-BR"),
        "{err}"
    );
}
