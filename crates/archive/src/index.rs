//! The index: a tantivy index in the data folder, a cache of the sources. Its commit payload
//! holds the manifest (each indexed file's size, modification time, hash and claim count), so
//! the index and what it was built from are always committed together.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::Index;

use super::ArchiveError;
use super::private::{private_dir, restrict_files};
use super::scan::Stamp;
use super::schema::{Fields, SCHEMA_VERSION, schema};

/// What the index was built from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// [`SCHEMA_VERSION`] of the index.
    pub schema: u64,
    /// Every indexed file by path.
    pub files: BTreeMap<String, FileState>,
}

/// One indexed file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct FileState {
    pub stamp: Stamp,
    pub sha256: String,
    /// Claims indexed from it.
    pub claims: u64,
    /// What was reported about it when it was read (reported once, remembered here).
    pub problem: Option<String>,
}

/// An open index and what it holds.
pub(crate) struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    pub manifest: Manifest,
    /// Why the index was rebuilt from scratch when opened; `None` if it was fine or new.
    pub rebuilt: Option<String>,
}

/// Opens the index in `dir`; creates it if missing; rebuilds it (empty) if it is unreadable,
/// corrupt or from another schema version.
pub(crate) fn open_or_rebuild(dir: &Path) -> Result<OpenIndex, ArchiveError> {
    let rebuilt = if dir.join("meta.json").exists() {
        match try_open(dir) {
            Ok(open) => return Ok(open),
            Err(why) => Some(why),
        }
    } else {
        None
    };
    create(dir, rebuilt)
}

/// Deletes the index in `dir` and creates an empty one.
pub(crate) fn create(dir: &Path, rebuilt: Option<String>) -> Result<OpenIndex, ArchiveError> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| ArchiveError::index(dir, e))?;
    }
    private_dir(dir).map_err(|e| ArchiveError::index(dir, e))?;
    let (schema, fields) = schema();
    let index = Index::create_in_dir(dir, schema).map_err(|e| ArchiveError::index(dir, e))?;
    restrict_files(dir).map_err(|e| ArchiveError::index(dir, e))?;
    Ok(OpenIndex {
        index,
        fields,
        manifest: Manifest {
            schema: SCHEMA_VERSION,
            files: BTreeMap::new(),
        },
        rebuilt,
    })
}

/// Opens an existing index, or says why it must be rebuilt.
fn try_open(dir: &Path) -> Result<OpenIndex, String> {
    let index = Index::open_in_dir(dir).map_err(|e| format!("the index is unreadable ({e})"))?;
    let (schema, fields) = schema();
    let metas = index
        .load_metas()
        .map_err(|e| format!("the index is unreadable ({e})"))?;
    let manifest: Manifest = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or("the index has no readable manifest")?;
    if manifest.schema != SCHEMA_VERSION || index.schema() != schema {
        return Err(format!(
            "the index is from another version (layout {}, this Claimdesk uses {SCHEMA_VERSION})",
            manifest.schema
        ));
    }
    // Opening a reader opens every segment: missing or truncated files show here.
    let reader = index
        .reader()
        .map_err(|e| format!("the index is corrupt ({e})"))?;
    let indexed: u64 = manifest.files.values().map(|f| f.claims).sum();
    if reader.searcher().num_docs() != indexed {
        return Err("the index does not match its manifest".to_owned());
    }
    Ok(OpenIndex {
        index,
        fields,
        manifest,
        rebuilt: None,
    })
}
