//! Crash recovery: the open review is copied to a recovery file in the platform's data folder
//! (never beside or over the user's file) within about two seconds of each change, and offered
//! back on the next start.
//!
//! A recovery file is one JSON header line (what it recovers) followed by the review in the
//! normal project format.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use claimdesk_model::atomic::{create_private_dir_all, write_private};
use claimdesk_model::format::{self, Loaded};
use claimdesk_model::sha256_hex;
use serde::{Deserialize, Serialize};

const EXTENSION: &str = "claimdesk-recovery";

/// What a recovery file belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecoveryHeader {
    /// The review file the work belongs to, if it was ever saved.
    pub review_path: Option<PathBuf>,
    /// The article a new review was started from.
    pub article_path: Option<PathBuf>,
    /// Display name of the review.
    pub name: String,
    /// When the recovery file was written (RFC 3339).
    pub written: String,
}

/// A recovery file found on disk.
#[derive(Debug)]
pub struct Found {
    /// The recovery file itself.
    pub file: PathBuf,
    /// What it recovers.
    pub header: RecoveryHeader,
}

/// Crash recovery in this run: where recovery files go, and this run's id (it names the
/// recovery file of a review that has neither a file nor an article path).
pub struct Recovery {
    /// The folder of recovery files.
    pub store: RecoveryStore,
    /// Identifies this run.
    pub session: String,
}

impl Recovery {
    /// Recovery files in `store`, for a new run.
    pub fn new(store: RecoveryStore) -> Self {
        Self {
            store,
            session: claimdesk_model::ClaimId::generate().0,
        }
    }
}

/// The folder recovery files live in.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
    /// Folders created (or narrowed) to mode 0700 before each write, outermost first.
    private_dirs: Vec<PathBuf>,
}

impl RecoveryStore {
    /// A store in `dir` (created on first write, mode 0700).
    pub fn new(dir: PathBuf) -> Self {
        Self {
            private_dirs: vec![dir.clone()],
            dir,
        }
    }

    /// The platform's store: `$XDG_DATA_HOME/claimdesk/recovery` on Linux. Both folders are
    /// kept private (0700), even if an older version or eframe created the first one wider.
    pub fn platform() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "claimdesk")?;
        let data_dir = dirs.data_dir().to_path_buf();
        let dir = data_dir.join("recovery");
        Some(Self {
            private_dirs: vec![data_dir, dir.clone()],
            dir,
        })
    }

    /// The recovery file of a review: keyed by its file if saved, else by its article, else by
    /// `session` (a new review of the sample or the clipboard).
    pub fn slot(&self, header: &RecoveryHeader, session: &str) -> PathBuf {
        let key = match (&header.review_path, &header.article_path) {
            (Some(p), _) => format!("review-{}", path_key(p)),
            (None, Some(p)) => format!("article-{}", path_key(p)),
            (None, None) => format!("untitled-{session}"),
        };
        self.dir.join(format!("{key}.{EXTENSION}"))
    }

    /// Writes `review_json` (a project file text) with its header to `slot`, atomically. The
    /// folder and the file are private (0700, 0600): an unpublished article with the analyst's
    /// notes must not be readable by other users of a shared workstation.
    pub fn write(&self, slot: &Path, header: &RecoveryHeader, review_json: &str) -> io::Result<()> {
        for dir in &self.private_dirs {
            create_private_dir_all(dir)?;
        }
        let mut text = serde_json::to_string(header).map_err(io::Error::other)?;
        text.push('\n');
        text.push_str(review_json);
        write_private(slot, text.as_bytes())
    }

    /// Removes a recovery file; a missing one is fine.
    pub fn remove(&self, slot: &Path) -> io::Result<()> {
        match fs::remove_file(slot) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The recovery file for work on `review_path` or `article_path`, if one exists.
    pub fn find_for(&self, header: &RecoveryHeader) -> Option<Found> {
        let file = self.slot(header, "");
        if header.review_path.is_none() && header.article_path.is_none() {
            return None;
        }
        let header = read_header(&file).ok()?;
        Some(Found { file, header })
    }

    /// Recovery files of reviews never saved (newest first), to offer at a start with no file.
    pub fn unsaved_reviews(&self) -> Vec<Found> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == EXTENSION))
            .filter_map(|file| {
                let header = read_header(&file).ok()?;
                header
                    .review_path
                    .is_none()
                    .then_some(Found { file, header })
            })
            .collect();
        found.sort_by(|a, b| b.header.written.cmp(&a.header.written));
        found
    }

    /// Loads the review kept in a recovery file.
    pub fn load(&self, found: &Found) -> Result<Loaded, String> {
        let bytes =
            format::read_limited(&found.file, format::MAX_FILE_BYTES).map_err(|e| e.to_string())?;
        let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
        let (_, review) = text
            .split_once('\n')
            .ok_or_else(|| "the recovery file is incomplete".to_owned())?;
        format::load_str(review).map_err(|e| e.to_string())
    }
}

fn path_key(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    sha256_hex(absolute.to_string_lossy().as_bytes())[..16].to_owned()
}

fn read_header(file: &Path) -> io::Result<RecoveryHeader> {
    use std::io::BufRead;
    let mut line = String::new();
    io::BufReader::new(fs::File::open(file)?).read_line(&mut line)?;
    serde_json::from_str(&line).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk_model::{Article, Review};

    #[test]
    fn writes_finds_loads_and_removes() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let header = RecoveryHeader {
            review_path: Some(dir.path().join("r.claimdesk")),
            name: "r.claimdesk".into(),
            written: "2026-11-28T10:00:00Z".into(),
            ..Default::default()
        };
        let slot = store.slot(&header, "s");
        let review = Review::new(Article::new("T", "", "Some text".into()));
        store
            .write(&slot, &header, &format::to_json(&review))
            .unwrap();
        let found = store.find_for(&header).expect("found by review path");
        assert_eq!(found.header, header);
        assert_eq!(
            store.load(&found).unwrap().review.article.text(),
            "Some text"
        );
        assert!(
            store.unsaved_reviews().is_empty(),
            "a saved review is not offered at start"
        );
        store.remove(&slot).unwrap();
        assert!(store.find_for(&header).is_none());
        store.remove(&slot).unwrap();
    }

    /// On a shared workstation other users must not read an unpublished article and its notes,
    /// even when an older Claimdesk left the folder and the file world-readable.
    #[cfg(unix)]
    #[test]
    fn recovery_folder_and_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("recovery");
        fs::create_dir(&folder).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        let store = RecoveryStore::new(folder.clone());
        let header = RecoveryHeader::default();
        let slot = store.slot(&header, "s");
        fs::write(&slot, "old").unwrap();
        fs::set_permissions(&slot, fs::Permissions::from_mode(0o644)).unwrap();
        let review = format::to_json(&Review::new(Article::new("T", "", "x".into())));
        store.write(&slot, &header, &review).unwrap();
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&slot), 0o600);
    }

    #[test]
    fn unsaved_reviews_are_listed_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_owned());
        let review = format::to_json(&Review::new(Article::new("T", "", "x".into())));
        for (session, written) in [("a", "2026-01-01T00:00:00Z"), ("b", "2026-02-01T00:00:00Z")] {
            let header = RecoveryHeader {
                written: written.into(),
                ..Default::default()
            };
            store
                .write(&store.slot(&header, session), &header, &review)
                .unwrap();
        }
        let found = store.unsaved_reviews();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].header.written, "2026-02-01T00:00:00Z");
    }
}
