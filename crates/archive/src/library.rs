//! The library: the folders and files the archive is built from, kept in `library.json` in the
//! data folder. The sources are the truth; the index is only a cache of them.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ArchiveError;
use super::private::write_private;

/// The version of `library.json` this build writes and reads.
const LIBRARY_VERSION: u64 = 1;

/// The sources of the archive, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    version: u64,
    /// Absolute paths of folders and files.
    pub sources: Vec<PathBuf>,
}

impl Library {
    /// Reads the library file; a missing file is an empty library.
    pub fn load(path: &Path) -> Result<Library, ArchiveError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Library {
                    version: LIBRARY_VERSION,
                    sources: Vec::new(),
                });
            }
            Err(e) => return Err(ArchiveError::library(path, e)),
        };
        let library: Library =
            serde_json::from_slice(&bytes).map_err(|e| ArchiveError::library(path, e))?;
        if library.version != LIBRARY_VERSION {
            return Err(ArchiveError::library(
                path,
                format!(
                    "version {} is not the version {LIBRARY_VERSION} this Claimdesk reads",
                    library.version
                ),
            ));
        }
        Ok(library)
    }

    /// Writes the library file atomically, privately.
    pub fn save(&self, path: &Path) -> Result<(), ArchiveError> {
        let mut text = serde_json::to_string_pretty(self).map_err(ArchiveError::other)?;
        text.push('\n');
        write_private(path, text.as_bytes()).map_err(|e| ArchiveError::library(path, e))
    }

    /// Adds a source (an absolute path); false if it was already there.
    pub fn add(&mut self, source: PathBuf) -> bool {
        if self.sources.contains(&source) {
            return false;
        }
        self.sources.push(source);
        true
    }

    /// Removes a source; false if it was not there.
    pub fn remove(&mut self, source: &Path) -> bool {
        let before = self.sources.len();
        self.sources.retain(|s| s != source);
        self.sources.len() != before
    }
}
