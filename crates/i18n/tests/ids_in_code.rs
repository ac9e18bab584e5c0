//! The code and the catalogues name the same messages: every message id written in the
//! workspace's code is in the English catalogue (a typo is a test failure, not an id shown to a
//! user), and every English message is used somewhere (no dead translations to keep up).
//! The other catalogues have exactly the English ids (`catalog::tests`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use claimdesk_i18n::{Language, message_ids};

/// The workspace's root (this crate is `crates/i18n`).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code this test reads: the app's `src/` and every crate's `src/` but this one's tests.
fn code_files() -> Vec<PathBuf> {
    let root = workspace();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for krate in fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
    {
        rust_files(&krate.path().join("src"), &mut files);
    }
    assert!(files.len() > 50, "found only {} source files", files.len());
    files
}

/// The string literals of `source` (plain `"…"` ones, which is how ids are written).
fn literals(source: &str) -> impl Iterator<Item = &str> {
    source.split('"').skip(1).step_by(2)
}

/// An id's family: the part before its first `-` (`report`, `status`…).
fn family(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

fn looks_like_an_id(s: &str) -> bool {
    s.contains('-')
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[test]
fn every_id_in_the_code_is_in_the_catalogue_and_every_message_is_used() {
    let english: BTreeSet<String> = message_ids(Language::ENGLISH).into_iter().collect();
    let families: BTreeSet<&str> = english.iter().map(|id| family(id)).collect();
    let mut used = BTreeSet::new();
    let mut unknown = Vec::new();
    for file in code_files() {
        let source = fs::read_to_string(&file).expect("readable source");
        for literal in literals(&source) {
            if english.contains(literal) {
                used.insert(literal.to_owned());
            } else if looks_like_an_id(literal) && families.contains(family(literal)) {
                unknown.push(format!("{}: \"{literal}\"", file.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "ids the English catalogue does not have:\n{}",
        unknown.join("\n")
    );
    let unused: Vec<&String> = english.difference(&used).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
