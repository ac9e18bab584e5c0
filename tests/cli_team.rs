//! The real `claimdesk compare` (and, below, `merge` and `git-setup`) binary: two analysts'
//! reviews written to a temporary folder, the figures on stdout, refusals on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimdesk_core::format::save_file;
use claimdesk_core::{Article, Claim, ClaimId, ClaimStatus, Review, Span};

const TEXT: &str = "Crime fell. Taxes rose. They wrote on the blackboard.";

fn claimdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .output()
        .expect("run claimdesk")
}

fn review(text: &str, claims: &[(&str, &str, ClaimStatus)]) -> Review {
    let article = Article::new("t", "", text.into());
    let claims = claims
        .iter()
        .map(|&(id, needle, status)| {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            let span = Span::new(start, start + needle.chars().count());
            let mut c = Claim::new(&article, span, status);
            c.id = ClaimId(id.into());
            c
        })
        .collect();
    Review::with_claims(article, claims)
}

fn write(dir: &Path, name: &str, review: &Review) -> PathBuf {
    let path = dir.join(name);
    save_file(&path, review).unwrap();
    path
}

/// The pair of docs/agreement.md's worked example.
fn analysts(dir: &Path) -> (PathBuf, PathBuf) {
    use ClaimStatus::{Asserted as A, Disputed as D};
    let a = review(
        TEXT,
        &[
            ("a1", "Crime fell", D),
            ("a2", "Taxes rose", A),
            ("a3", "the blackboard", D),
        ],
    );
    let b = review(
        TEXT,
        &[
            ("b1", "Crime fell", D),
            ("b2", "Taxes rose", A),
            ("b3", "blackboard", A),
        ],
    );
    (write(dir, "a.claimdesk", &a), write(dir, "b.claimdesk", &b))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn compare_prints_the_worked_examples_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = analysts(dir.path());
    let out = claimdesk(&["compare", s(&a), s(&b)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Matched claims: 3 (0 by id, 3 by overlap",
        "Status differs on 1 matched claims",
        "Span agreement, exact: precision 0.667, recall 0.667, F1 0.667",
        "Span agreement, overlapping: precision 1.000, recall 1.000, F1 1.000",
        "Cohen's kappa on status (3 matched claims): 0.400 (observed 0.667, chance 0.444)",
        "(53 characters, 14 labelled differently): 0.604",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
}

#[test]
fn compare_json_has_the_figures_and_the_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = analysts(dir.path());
    let out = claimdesk(&["compare", s(&a), s(&b), "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["claims"], serde_json::json!([3, 3]));
    assert_eq!(v["pairs"][2]["a"], "a3");
    assert_eq!(v["pairs"][2]["b"], "b3");
    assert_eq!(v["pairs"][2]["by"], "overlap");
    assert_eq!(v["pairs"][2]["status_b"], "asserted");
    assert!((v["kappa"]["kappa"].as_f64().unwrap() - 0.4).abs() < 1e-9);
    assert_eq!(v["char_alpha"]["disagreeing"], 14);
}

#[test]
fn compare_refuses_reviews_of_different_texts_naming_the_difference() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = analysts(dir.path());
    let other = review(&TEXT.replace("rose", "fell"), &[]);
    let b = write(dir.path(), "other.claimdesk", &other);
    let out = claimdesk(&["compare", s(&a), s(&b)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("other.claimdesk"), "{err}");
    assert!(err.contains("different article texts"), "{err}");
    assert!(err.contains("character 18"), "{err}");
}

#[test]
fn compare_names_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = analysts(dir.path());
    let bad = dir.path().join("bad.claimdesk");
    std::fs::write(&bad, "{not json").unwrap();
    let out = claimdesk(&["compare", s(&a), s(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!("claimdesk: {}:", bad.display())),
        "{err}"
    );
}
