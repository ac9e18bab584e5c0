//! The real binary: `--help`, `--version`, and `claimdesk check` on good and bad files.

use std::path::Path;

use crate::binary::{claimdesk, stderr, stdout};
use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

fn write_review(path: &Path) {
    let article = Article::new(
        "t.txt",
        "",
        "Libya is not to blame, he said. 🇱🇾 Lies!".into(),
    );
    let claims = vec![
        Claim::new(&article, Span::new(0, 21), ClaimStatus::Disputed),
        Claim::new(&article, Span::new(0, 5), ClaimStatus::Asserted),
        Claim::new(&article, Span::new(35, 39), ClaimStatus::UnderInvestigation),
    ];
    save_file(path, &Review::with_claims(article, claims)).unwrap();
}

#[test]
fn help_and_version() {
    let help = claimdesk(&["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    assert!(
        text.contains("check") && text.contains("export") && text.contains("[FILES]..."),
        "{text}"
    );
    let version = claimdesk(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        stdout(&version).trim(),
        format!("claimdesk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_summarises_a_good_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.claimdesk");
    write_review(&path);
    let out = claimdesk(&["check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "claims: 3",
        "asserted: 1",
        "disputed: 1",
        "under_investigation: 1",
        "orphans: 0",
    ] {
        assert!(text.contains(line), "missing {line:?} in {text}");
    }
}

#[test]
fn check_fails_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.claimdesk",
            b"{\"format\": \"claimdesk\", \"vers".to_vec(),
            "not valid JSON",
        ),
        (
            "newer.claimdesk",
            br#"{"format":"claimdesk","version":99}"#.to_vec(),
            "newer Claimdesk, format version 99",
        ),
        (
            "binary.claimdesk",
            vec![0xff, 0xfe, 0x00, 0x01],
            "not UTF-8",
        ),
        (
            "orphan.claimdesk",
            br#"{"format":"claimdesk","version":1,"article":{"title":"t","text":"abc"},
               "claims":[{"id":"a","start":0,"end":3,"quote":"xyz","status":"asserted"}]}"#
                .to_vec(),
            "orphan",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = claimdesk(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains(name) && err.contains(expected),
            "{name}: {err}"
        );
    }
    let missing = dir.path().join("missing.claimdesk");
    let out = claimdesk(&["check", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.claimdesk"));
    let out = claimdesk(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("folder"));
}

#[test]
fn unknown_arguments_are_a_usage_error() {
    let out = claimdesk(&["check"]);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
    assert!(stderr(&out).contains("Usage"));
}
