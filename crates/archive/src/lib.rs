//! The claim archive (issue 14): "has this been checked before?" A library of sources — folders
//! of Claimdesk reviews, ClaimReview JSON-LD files and feeds, saved fact-check pages — indexed
//! with tantivy (BM25, English stemming) in the data folder, and searched by claim text.
//!
//! The sources are the truth; the index is a private cache (0700 folder, 0600 files) in the data
//! folder, updated incrementally by each file's size, modification time and content hash, and
//! rebuilt when missing, corrupt or from another version. Bad sources are reported once and
//! skipped. Searching goes through an [`ArchiveSearcher`], which can be moved to a worker thread.
//!
//! ```no_run
//! # fn main() -> Result<(), claimdesk_archive::ArchiveError> {
//! use claimdesk_archive::Archive;
//! let archive = Archive::platform()?;
//! archive.add(&["reviews/".into()])?;
//! let refreshed = archive.refresh()?;
//! for hit in refreshed.searcher.search("5G masts spread the virus", 5)? {
//!     println!("{:.2} {} — {}", hit.score, hit.claim.text, hit.claim.verdict);
//! }
//! # Ok(()) }
//! ```

mod article_scan;
mod bm25;
pub mod claim_search;
mod claimreview;
mod extract;
#[doc(hidden)]
pub mod feeds;
mod html;
mod index;
mod jsonld_file;
mod library;
mod matcher;
mod private;
mod profile;
mod query;
mod record;
#[doc(hidden)]
pub mod rerank;
mod review;
mod scan;
mod schema;
mod search;
mod update;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use tantivy::ReloadPolicy;

pub use article_scan::{DEFAULT_THRESHOLD, FlaggedSentence, ScanOptions, ScanReport};
pub use library::Library;
pub use query::clean_query;
pub use record::ArchivedClaim;
pub use search::{ArchiveSearcher, SearchHit, Snippet};
pub use update::UpdateCounts;

use index::{OpenIndex, create, open_or_rebuild};
use private::private_dir;

/// The environment variable that overrides the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "CLAIMDESK_DATA_DIR";

/// The archive in a data folder: `archive/library.json` and the index in `archive/index/`.
#[derive(Clone, Debug)]
pub struct Archive {
    dir: PathBuf,
}

/// The result of bringing the index up to date.
pub struct Refresh {
    /// Searches the updated index.
    pub searcher: ArchiveSearcher,
    /// Files read, unchanged and removed.
    pub counts: UpdateCounts,
    /// Files and sources that could not be used: new ones only (a bad file is reported when it
    /// is first seen or changed, not on every update); gone sources on every update.
    pub problems: Vec<Problem>,
    /// Why the index was rebuilt from scratch (corrupt, another version); `None` if it was not.
    pub rebuilt: Option<String>,
    /// What each source of the library holds now.
    pub sources: Vec<SourceSummary>,
}

/// A file or source that could not be used, and why, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            message: message.into(),
        }
    }
}

/// One source of the library after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSummary {
    /// The folder or file.
    pub path: PathBuf,
    /// False if it is gone or unreadable.
    pub present: bool,
    /// Files indexed from it.
    pub files: usize,
    /// Claims indexed from it.
    pub claims: u64,
    /// Files with a problem (skipped, or partly used).
    pub files_with_problems: usize,
    /// Those files and their problems, sorted by path (a [`Refresh`]'s `problems` holds only
    /// the new ones; this holds all that are known).
    pub file_problems: Vec<Problem>,
}

/// Why the archive could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The library file is unreadable or invalid.
    #[error("{path}: cannot read the library: {message}")]
    Library {
        /// `library.json`.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A path given to add does not exist.
    #[error("{0}: no such file or folder")]
    NoSuchSource(PathBuf),
    /// The index cannot be created or written.
    #[error("{path}: cannot write the archive index: {message}")]
    Index {
        /// The index folder.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// Another process is updating the index.
    #[error("{0}: another Claimdesk is updating the archive index; try again when it is done")]
    Busy(PathBuf),
    /// No data folder could be determined.
    #[error("no data folder for the archive: set {DATA_DIR_ENV}")]
    NoDataDir,
    /// The scan was stopped by its cancel flag.
    #[error("the scan was cancelled")]
    Cancelled,
    /// An unexpected search-engine error.
    #[error("archive index error: {0}")]
    Other(String),
}

impl ArchiveError {
    pub(crate) fn library(path: &Path, e: impl std::fmt::Display) -> Self {
        Self::Library {
            path: path.to_owned(),
            message: e.to_string(),
        }
    }

    pub(crate) fn index(path: &Path, e: impl std::fmt::Display) -> Self {
        Self::Index {
            path: path.to_owned(),
            message: e.to_string(),
        }
    }

    pub(crate) fn writer(path: &Path, e: tantivy::TantivyError) -> Self {
        match e {
            tantivy::TantivyError::LockFailure(..) => Self::Busy(path.to_owned()),
            other => Self::index(path, other),
        }
    }

    pub(crate) fn other(e: impl std::fmt::Display) -> Self {
        Self::Other(e.to_string())
    }
}

impl Archive {
    /// The archive of the data folder `data_dir` (nothing is read or created yet).
    pub fn in_data_dir(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("archive"),
        }
    }

    /// The archive of the data folder named by [`DATA_DIR_ENV`], else of the platform's data
    /// folder (`$XDG_DATA_HOME/claimdesk` on Linux).
    pub fn platform() -> Result<Self, ArchiveError> {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Ok(Self::in_data_dir(Path::new(&dir)));
        }
        let dirs =
            directories::ProjectDirs::from("", "", "claimdesk").ok_or(ArchiveError::NoDataDir)?;
        Ok(Self::in_data_dir(dirs.data_dir()))
    }

    /// The library file.
    pub fn library_file(&self) -> PathBuf {
        self.dir.join("library.json")
    }

    /// The index folder.
    pub fn index_dir(&self) -> PathBuf {
        self.dir.join("index")
    }

    /// The library's sources.
    pub fn library(&self) -> Result<Library, ArchiveError> {
        Library::load(&self.library_file())
    }

    /// Adds folders or files to the library (as absolute paths, links resolved). Returns the
    /// sources that were new. A path that does not exist is an error and nothing is added.
    pub fn add(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, ArchiveError> {
        let mut library = self.library()?;
        let mut absolute = Vec::new();
        for p in paths {
            absolute.push(
                p.canonicalize()
                    .map_err(|_| ArchiveError::NoSuchSource(p.clone()))?,
            );
        }
        let added: Vec<PathBuf> = absolute
            .into_iter()
            .filter(|p| library.add(p.clone()))
            .collect();
        self.save_library(&library)?;
        Ok(added)
    }

    /// Removes a source (as added, or by a path that resolves to it); false if not found.
    pub fn remove(&self, path: &Path) -> Result<bool, ArchiveError> {
        let mut library = self.library()?;
        let candidates = [
            path.canonicalize().ok(),
            std::path::absolute(path).ok(),
            Some(path.to_owned()),
        ];
        let removed = candidates.iter().flatten().any(|c| library.remove(c));
        if removed {
            self.save_library(&library)?;
        }
        Ok(removed)
    }

    /// When the library list and the index were last written, by this process or another one
    /// (a second window, `claimdesk library add`): a searcher opened before a different stamp
    /// may miss what was added since.
    pub fn stamp(&self) -> ArchiveStamp {
        let modified = |path: PathBuf| fs::metadata(path).and_then(|m| m.modified()).ok();
        ArchiveStamp(
            modified(self.library_file()),
            modified(self.index_dir().join("meta.json")),
        )
    }

    /// Brings the index up to date with the library, incrementally.
    pub fn refresh(&self) -> Result<Refresh, ArchiveError> {
        self.ensure_dir()?;
        let open = open_or_rebuild(&self.index_dir())?;
        self.update(open)
    }

    /// Rebuilds the index from scratch, reading every file of the library again.
    pub fn rebuild(&self) -> Result<Refresh, ArchiveError> {
        self.ensure_dir()?;
        let open = create(&self.index_dir(), None)?;
        self.update(open)
    }

    fn update(&self, mut open: OpenIndex) -> Result<Refresh, ArchiveError> {
        let library = self.library()?;
        let (found, mut problems) = scan::scan(&library.sources);
        let dir = self.index_dir();
        let (counts, file_problems) = update::update(&mut open, &dir, &found)?;
        problems.extend(file_problems);
        let reader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| ArchiveError::index(&dir, e))?;
        let sources = summarise(&library.sources, &open.manifest);
        Ok(Refresh {
            searcher: ArchiveSearcher {
                index: open.index,
                reader,
                fields: open.fields,
            },
            counts,
            problems,
            rebuilt: open.rebuilt,
            sources,
        })
    }

    fn ensure_dir(&self) -> Result<(), ArchiveError> {
        private_dir(&self.dir).map_err(|e| ArchiveError::index(&self.dir, e))
    }

    fn save_library(&self, library: &Library) -> Result<(), ArchiveError> {
        self.ensure_dir()?;
        library.save(&self.library_file())
    }
}

/// The modification times of the library list and the index ([`Archive::stamp`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArchiveStamp(Option<SystemTime>, Option<SystemTime>);

/// Per source: its indexed files, claims and problems.
fn summarise(sources: &[PathBuf], manifest: &index::Manifest) -> Vec<SourceSummary> {
    sources
        .iter()
        .map(|source| {
            let mut summary = SourceSummary {
                path: source.clone(),
                present: source.exists(),
                files: 0,
                claims: 0,
                files_with_problems: 0,
                file_problems: Vec::new(),
            };
            for (path, state) in &manifest.files {
                if Path::new(path).starts_with(source) {
                    summary.files += 1;
                    summary.claims += state.claims;
                    if let Some(problem) = &state.problem {
                        summary.files_with_problems += 1;
                        summary
                            .file_problems
                            .push(Problem::new(Path::new(path), problem.clone()));
                    }
                }
            }
            summary.file_problems.sort_by(|a, b| a.path.cmp(&b.path));
            summary
        })
        .collect()
}

#[cfg(test)]
mod tests;
