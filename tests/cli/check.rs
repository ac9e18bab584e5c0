//! The real binary: `--help`, `--version`, and `claimdesk check` on good and bad files.

use std::path::Path;

use crate::harness::{Dir, claimdesk};
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
    let text = claimdesk(["--help"]).stdout();
    assert!(
        text.contains("check") && text.contains("export") && text.contains("[FILES]..."),
        "{text}"
    );
    let version = claimdesk(["--version"]).stdout();
    assert_eq!(
        version.trim(),
        format!("claimdesk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_summarises_a_good_review() {
    let dir = Dir::new();
    let path = dir.join("r.claimdesk");
    write_review(&path);
    let text = claimdesk(["check"]).arg(&path).stdout();
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
    let dir = Dir::new();
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
        let path = dir.write(name, bytes);
        let err = claimdesk(["check"]).arg(&path).assert_exit_code(1);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains(name) && err.contains(expected),
            "{name}: {err}"
        );
    }
    let missing = dir.join("missing.claimdesk");
    let err = claimdesk(["check"]).arg(&missing).assert_exit_code(1);
    assert!(err.contains("missing.claimdesk"), "{err}");
    let err = claimdesk(["check"]).arg(dir.path()).assert_exit_code(1);
    assert!(err.contains("folder"), "{err}");
}

#[test]
fn unknown_arguments_are_a_usage_error() {
    let err = claimdesk(["check"]).assert_exit_code(2); // clap's usage error
    assert!(err.contains("Usage"), "{err}");
}
