//! The real `claimdesk export` binary: every format to stdout and to `-o`, and the errors a
//! user can cause (bad file, missing file, unknown format, output = input).

use crate::binary::claimdesk;
use std::path::{Path, PathBuf};
use std::process::Output;

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

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_format_to_stdout_matches_the_golden_file() {
    let review = sample();
    for (format, golden) in FORMATS {
        let out = claimdesk(&["export", review.to_str().unwrap(), "--format", format]);
        assert!(out.status.success(), "{format}: {:?}", stderr_lines(&out));
        let expected = std::fs::read(golden_dir().join(golden)).unwrap();
        assert_eq!(out.stdout, expected, "{format}");
    }
}

#[test]
fn every_format_to_a_file_is_the_same_bytes_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let review = sample();
    for (format, golden) in FORMATS {
        let target = dir.path().join(golden);
        std::fs::write(&target, b"old report").unwrap();
        let out = claimdesk(&[
            "export",
            review.to_str().unwrap(),
            "-f",
            format,
            "-o",
            target.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {:?}", stderr_lines(&out));
        assert!(out.stdout.is_empty());
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
    let out = claimdesk(&[
        "export",
        sample().to_str().unwrap(),
        "--format",
        "claimreview",
    ]);
    assert!(out.status.success());
    let lines = stderr_lines(&out);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("2 claims under investigation were left out")),
        "{lines:?}"
    );
}

#[test]
fn a_bad_file_is_one_line_naming_it_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.claimdesk");
    std::fs::write(
        &bad,
        "{\"format\": \"claimdesk\", \"version\": 2, \"article\": {",
    )
    .unwrap();
    let out = claimdesk(&["export", bad.to_str().unwrap(), "--format", "html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("broken.claimdesk") && lines[0].contains("not valid JSON"),
        "{lines:?}"
    );
}

#[test]
fn a_missing_file_is_one_line_naming_it_and_exit_1() {
    let out = claimdesk(&[
        "export",
        "/nonexistent/nothing.claimdesk",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("/nonexistent/nothing.claimdesk"),
        "{lines:?}"
    );
}

#[test]
fn an_unknown_format_is_a_usage_error_naming_it() {
    let out = claimdesk(&["export", sample().to_str().unwrap(), "--format", "docx"]);
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
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("r.claimdesk");
    std::fs::copy(sample(), &review).unwrap();
    let before = std::fs::read(&review).unwrap();
    let path = review.to_str().unwrap();
    let out = claimdesk(&["export", path, "--format", "html", "-o", path]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_lines(&out).len(), 1);
    assert_eq!(std::fs::read(&review).unwrap(), before);
}

#[test]
fn an_unwritable_output_is_one_line_naming_it() {
    let out = claimdesk(&[
        "export",
        sample().to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        "/nonexistent-dir/report.csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("/nonexistent-dir/report.csv"),
        "{lines:?}"
    );
}

#[test]
fn pdf_paper_size_is_chosen_and_a_bad_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let review = sample();
    let target = dir.path().join("letter.pdf");
    let out = claimdesk(&[
        "export",
        review.to_str().unwrap(),
        "--format",
        "pdf",
        "--paper",
        "letter",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{:?}", stderr_lines(&out));
    let letter = std::fs::read(&target).unwrap();
    assert!(letter.starts_with(b"%PDF-"));
    let a4 = std::fs::read(golden_dir().join("sample.pdf")).unwrap();
    assert_ne!(letter, a4, "letter is not the A4 golden file");
    let bad = claimdesk(&[
        "export",
        review.to_str().unwrap(),
        "-f",
        "pdf",
        "--paper",
        "folio",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
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
        let plain = claimdesk(&["export", review, "--format", format]);
        assert!(plain.status.success(), "{:?}", stderr_lines(&plain));
        let plain = String::from_utf8(plain.stdout).unwrap();
        assert!(!plain.contains("Timeline"), "{format}");
        let out = claimdesk(&["export", review, "--format", format, "--timeline"]);
        assert!(out.status.success(), "{:?}", stderr_lines(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Timeline"), "{format}");
        assert!(
            text.contains("UNHCR and IOM reports contradict it"),
            "{format}"
        );
        assert!(text.contains("Amal Haddad (AH)"), "{format}");
    }
}
