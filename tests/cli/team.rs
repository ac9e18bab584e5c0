//! The real `claimdesk compare` (and, below, `merge` and `git-setup`) binary: two analysts'
//! reviews written to a temporary folder, the figures on stdout, refusals on stderr.

use std::path::{Path, PathBuf};

use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimId, ClaimStatus, Review, Span};

use crate::common;
use crate::harness::{Dir, claimdesk};
use common::git::{git, git_ok};

const TEXT: &str = "Crime fell. Taxes rose. They wrote on the blackboard.";

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

/// The review `merge` wrote on stdout.
fn merged_stdout(out: &std::process::Output) -> Review {
    claimdesk_model::format::load_str(std::str::from_utf8(&out.stdout).unwrap())
        .unwrap()
        .review
}

#[test]
fn compare_prints_the_worked_examples_figures() {
    let dir = Dir::new();
    let (a, b) = analysts(dir.path());
    let text = claimdesk(["compare", s(&a), s(&b)]).stdout();
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
    let dir = Dir::new();
    let (a, b) = analysts(dir.path());
    let out = claimdesk(["compare", s(&a), s(&b), "--json"]).stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
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
    let dir = Dir::new();
    let (a, _) = analysts(dir.path());
    let other = review(&TEXT.replace("rose", "fell"), &[]);
    let b = write(dir.path(), "other.claimdesk", &other);
    let out = claimdesk(["compare", s(&a), s(&b)]).output_with_exit_code(1);
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("other.claimdesk"), "{err}");
    assert!(err.contains("different article texts"), "{err}");
    assert!(err.contains("character 18"), "{err}");
}

#[test]
fn compare_names_a_bad_file() {
    let dir = Dir::new();
    let (a, _) = analysts(dir.path());
    let bad = dir.write("bad.claimdesk", "{not json");
    let err = claimdesk(["compare", s(&a), s(&bad)]).assert_exit_code(1);
    assert!(
        err.starts_with(&format!("claimdesk: {}:", bad.display())),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// merge and git-setup

fn base_review() -> Review {
    use ClaimStatus::UnderInvestigation as I;
    review(TEXT, &[("c1", "Crime fell", I), ("c2", "Taxes rose", I)])
}

/// `review` with claim `id` changed by `change`.
fn with(review: &Review, id: &str, change: impl FnOnce(&mut Claim)) -> Review {
    let mut r = review.clone();
    let mut c = r.claim(&ClaimId(id.into())).unwrap().clone();
    change(&mut c);
    r.replace(c);
    r
}

fn load(path: &Path) -> Review {
    claimdesk_model::format::load_file(path).unwrap().review
}

#[test]
fn merge_clean_exits_0_and_conflicting_exits_1_with_the_conflict_in_the_file() {
    let dir = Dir::new();
    let d = dir.path();
    let base = base_review();
    let b = write(d, "base.claimdesk", &base);
    let o = write(
        d,
        "ours.claimdesk",
        &with(&base, "c1", |c| c.status = ClaimStatus::Disputed),
    );
    let t = write(
        d,
        "theirs.claimdesk",
        &with(&base, "c2", |c| c.note = "IOM".into()),
    );
    let out_path = d.join("out.claimdesk");
    claimdesk(["merge", s(&b), s(&o), s(&t), "-o", s(&out_path)]).stdout();
    let merged = load(&out_path);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.claims()[0].status, ClaimStatus::Disputed);
    assert_eq!(merged.claims()[1].note, "IOM");
    // Both change c1's status: exit 1, the conflict on stderr and in the (valid) file.
    let t2 = write(
        d,
        "theirs2.claimdesk",
        &with(&base, "c1", |c| c.status = ClaimStatus::Asserted),
    );
    let out = claimdesk(["merge", s(&b), s(&o), s(&t2)]).output_with_exit_code(1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 merge conflicts"), "{err}");
    assert!(
        err.contains("c1: status: Disputed (unknown) / Asserted (unknown)"),
        "{err}"
    );
    assert_eq!(merged_stdout(&out).conflicts.len(), 1);
    // Both branches added the file: git passes an empty ancestor; every claim is added.
    let empty = dir.write("empty.claimdesk", "");
    // Same ids, different values: conflicts (exit 1).
    let out = claimdesk(["merge", s(&empty), s(&o), s(&t)]).output_with_exit_code(1);
    let merged = merged_stdout(&out);
    assert_eq!(merged.claims().len(), 2);
    let fields: Vec<_> = merged.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["status", "note"]);
    // A bad input is one line naming it.
    let bad = dir.write("bad.claimdesk", "[]");
    let err = claimdesk(["merge", s(&b), s(&bad), s(&t)]).assert_exit_code(1);
    assert!(err.contains("bad.claimdesk"), "{err}");
}

/// A review file as a newer Claimdesk might write it, by hand: `extra` adds fields at the top
/// level, in the details, in the article and in claim c2 — fields this version does not know.
fn hand_written(c1_status: &str, c1_modified: &str, extra: &[(&str, &str)]) -> String {
    let field = |at: &str| -> String {
        extra
            .iter()
            .filter(|(where_, _)| *where_ == at)
            .map(|(_, kv)| format!("{kv}, "))
            .collect()
    };
    format!(
        r#"{{
  "format": "claimdesk", "version": 5, {top}
  "details": {{ {details}"reviewer": "", "organisation": "Desk" }},
  "article": {{ {article}"title": "t", "source": "", "text": "Crime fell. Taxes rose." }},
  "claims": [
    {{ "id": "c1", "start": 0, "end": 10, "quote": "Crime fell", "status": "{c1_status}",
       "created": "2026-11-30T08:00:00Z", "modified": "{c1_modified}" }},
    {{ {c2}"id": "c2", "start": 12, "end": 22, "quote": "Taxes rose",
       "status": "under_investigation",
       "created": "2026-11-30T08:00:00Z", "modified": "2026-11-30T08:00:00Z" }}
  ]
}}"#,
        top = field("top"),
        details = field("details"),
        article = field("article"),
        c2 = field("c2"),
    )
}

/// Issue 25: theirs has fields this version does not know (as a newer Claimdesk writes them),
/// ours changed a status. Every one of them is in the merged file, with our status; the same
/// unknown field changed differently on both sides is a conflict that names it.
#[test]
fn merge_keeps_fields_this_version_does_not_know_from_either_side() {
    let dir = Dir::new();
    const BASE_TIME: &str = "2026-11-30T08:00:00Z";
    let base = dir.write(
        "base.claimdesk",
        hand_written("under_investigation", BASE_TIME, &[]),
    );
    let ours = dir.write(
        "ours.claimdesk",
        hand_written("disputed", "2026-12-01T09:00:00Z", &[]),
    );
    let unknown = [
        ("top", r#""review_rating": {"scale": 5, "value": 2}"#),
        ("details", r#""desk": "Politics""#),
        ("article", r#""language": "en""#),
        ("c2", r#""confidence": 0.8"#),
    ];
    let theirs = dir.write(
        "theirs.claimdesk",
        hand_written("under_investigation", BASE_TIME, &unknown),
    );
    let out_path = dir.join("merged.claimdesk");
    let said = claimdesk(["merge"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&out_path)
        .output_with_exit_code(0);
    assert!(said.stdout.is_empty() && said.stderr.is_empty(), "{said:?}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(
        file["review_rating"],
        serde_json::json!({"scale": 5, "value": 2})
    );
    assert_eq!(file["details"]["desk"], "Politics");
    assert_eq!(file["details"]["organisation"], "Desk");
    assert_eq!(file["article"]["language"], "en");
    assert_eq!(file["claims"][0]["status"], "disputed", "our change");
    assert_eq!(file["claims"][0]["modified"], "2026-12-01T09:00:00Z");
    assert_eq!(file["claims"][1]["confidence"], 0.8);
    assert!(file.get("conflicts").is_none());
    let loaded = claimdesk_model::format::load_file(&out_path).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);

    // Both sides change one unknown field differently: exit 1, ours kept, the conflict named.
    let ours_too = dir.write(
        "ours2.claimdesk",
        hand_written(
            "disputed",
            "2026-12-01T09:00:00Z",
            &[
                ("top", r#""review_rating": {"scale": 10}"#),
                ("c2", r#""confidence": 0.5"#),
            ],
        ),
    );
    let out = claimdesk(["merge"])
        .args([&base, &ours_too, &theirs])
        .output_with_exit_code(1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 merge conflicts"), "{err}");
    assert!(
        err.contains(r#"  c2: extra.confidence: 0.5 (unknown) / 0.8 (unknown)"#),
        "{err}"
    );
    assert!(
        err.contains(
            r#"  extra.review_rating: {"scale":10} (unknown) / {"scale":5,"value":2} (unknown)"#
        ),
        "{err}"
    );
    let merged = merged_stdout(&out);
    assert_eq!(
        merged.extra["review_rating"],
        serde_json::json!({"scale": 10})
    );
    assert_eq!(
        merged.details.extra["desk"], "Politics",
        "changed on their side only"
    );
}

fn commit(repo: &Path, review: &Review, message: &str) {
    save_file(&repo.join("speech.claimdesk"), review).unwrap();
    git_ok(repo, &["add", "-A"]);
    git_ok(repo, &["commit", "-q", "-m", message]);
}

#[test]
fn git_merges_reviews_with_the_driver_clean_and_with_a_conflict() {
    let dir = Dir::new();
    let repo = dir.path();
    git_ok(repo, &["init", "-q", "-b", "main"]);
    git_ok(repo, &["config", "user.name", "Test"]);
    git_ok(repo, &["config", "user.email", "test@example.org"]);
    let base = base_review();
    commit(repo, &base, "base");
    let said = claimdesk(["git-setup", s(repo)]).stdout();
    assert!(
        said.contains("added \"*.claimdesk merge=claimdesk\""),
        "{said}"
    );
    let attrs = std::fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert_eq!(attrs, "*.claimdesk merge=claimdesk\n");
    let driver =
        String::from_utf8(git(repo, &["config", "merge.claimdesk.driver"]).stdout).unwrap();
    assert!(
        driver.trim_end().ends_with(" merge %O %A %B -o %A"),
        "{driver}"
    );
    // Running it again changes nothing.
    let again = claimdesk(["git-setup", s(repo)]).stdout();
    assert!(again.contains("already had"), "{again}");
    git_ok(repo, &["add", "-A"]);
    git_ok(repo, &["commit", "-q", "-m", "merge driver"]);

    // Clean: two branches mark different things.
    git_ok(repo, &["checkout", "-q", "-b", "ana"]);
    let ana = with(&base, "c1", |c| c.status = ClaimStatus::Disputed);
    commit(repo, &ana, "ana: c1 disputed");
    git_ok(repo, &["checkout", "-q", "main"]);
    let main = with(&base, "c2", |c| c.verdict = "True".into());
    commit(repo, &main, "main: c2 verdict");
    git_ok(repo, &["merge", "-q", "--no-edit", "ana"]);
    let merged = load(&repo.join("speech.claimdesk"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.claims()[0].status, ClaimStatus::Disputed);
    assert_eq!(merged.claims()[1].verdict, "True");

    // Conflict: both change c2's status.
    git_ok(repo, &["checkout", "-q", "-b", "bo"]);
    commit(
        repo,
        &with(&merged, "c2", |c| c.status = ClaimStatus::Asserted),
        "bo",
    );
    git_ok(repo, &["checkout", "-q", "main"]);
    commit(
        repo,
        &with(&merged, "c2", |c| c.status = ClaimStatus::Disputed),
        "main",
    );
    let out = git(repo, &["merge", "--no-edit", "bo"]);
    assert!(!out.status.success(), "a conflict stops the merge");
    let status = String::from_utf8(git(repo, &["status", "--porcelain"]).stdout).unwrap();
    assert!(status.contains("UU speech.claimdesk"), "{status}");
    // The file is a valid review (no text conflict markers) that records the conflict.
    let text = std::fs::read_to_string(repo.join("speech.claimdesk")).unwrap();
    assert!(!text.contains("<<<<<<<"));
    let conflicted = load(&repo.join("speech.claimdesk"));
    assert_eq!(conflicted.conflicts.len(), 1);
    assert_eq!(conflicted.conflicts[0].field, "status");
    assert_eq!(
        conflicted.claims()[1].status,
        ClaimStatus::Disputed,
        "ours meanwhile"
    );
}
