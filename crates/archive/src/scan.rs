//! Finds the files of the library's sources: reviews, JSON-LD files and saved web pages.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::Problem;

/// What a source file holds, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A Claimdesk review (`.claimdesk`).
    Review,
    /// ClaimReview JSON-LD (`.json`, `.jsonld`; any other extension of a file added by name).
    JsonLd,
    /// A saved web page (`.html`, `.htm`) with JSON-LD blocks.
    Html,
}

/// A file's identity for incremental indexing: unchanged size and modification time mean the
/// file is not read again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    pub size: u64,
    pub mtime_secs: i64,
    pub mtime_nanos: u32,
}

/// A file to index.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub path: PathBuf,
    pub kind: Kind,
    pub stamp: Stamp,
}

/// Every file of `sources`, sorted by path, and the sources that could not be read.
/// Hidden files and folders (`.git`) are skipped; symbolic links to folders are not followed.
pub(crate) fn scan(sources: &[PathBuf]) -> (Vec<Found>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for source in sources {
        match fs::metadata(source) {
            Ok(meta) if meta.is_dir() => walk_dir(source, &mut found, &mut problems),
            Ok(meta) => {
                let kind = kind_of(source).unwrap_or(Kind::JsonLd);
                found.push(Found {
                    path: source.clone(),
                    kind,
                    stamp: stamp(&meta),
                });
            }
            Err(e) => problems.push(Problem::new(source, missing_message(&e))),
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    (found, problems)
}

fn missing_message(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        "the source is gone (moved or deleted); it is skipped until it is back".to_owned()
    } else {
        format!("cannot read the source: {e}")
    }
}

/// The files under `root`, without recursion (deep trees cannot overflow the stack).
fn walk_dir(root: &Path, found: &mut Vec<Found>, problems: &mut Vec<Problem>) {
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::new(&dir, format!("cannot read the folder: {e}")));
                continue;
            }
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                pending.push(path);
                continue;
            }
            let Some(kind) = kind_of(&path) else {
                continue;
            };
            // Follows a link to a file (not to a folder: no loops).
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => found.push(Found {
                    path,
                    kind,
                    stamp: stamp(&meta),
                }),
                Ok(_) => {}
                Err(e) => problems.push(Problem::new(&path, format!("cannot read it: {e}"))),
            }
        }
    }
}

/// The kind of a file by its extension; `None` for files the archive does not read.
fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "claimdesk" => Some(Kind::Review),
        "json" | "jsonld" => Some(Kind::JsonLd),
        "html" | "htm" => Some(Kind::Html),
        _ => None,
    }
}

fn stamp(meta: &fs::Metadata) -> Stamp {
    let (mtime_secs, mtime_nanos) = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or((0, 0), |d| (d.as_secs() as i64, d.subsec_nanos()));
    Stamp {
        size: meta.len(),
        mtime_secs,
        mtime_nanos,
    }
}
