//! Incremental indexing: only files whose size or modification time changed are read again, and
//! only if their content hash changed are their claims replaced.

use std::collections::BTreeMap;
use std::path::Path;

use tantivy::{IndexWriter, TantivyDocument, Term};

use super::extract::{extract, file_sha256};
use super::index::{FileState, OpenIndex};
use super::private::restrict_files;
use super::record::ArchivedClaim;
use super::scan::Found;
use super::schema::Fields;
use super::{ArchiveError, Problem};

/// The indexing writer's memory budget: segments are flushed to disk beyond it, so a library of
/// any size is indexed in bounded memory.
const WRITER_BUDGET_BYTES: usize = 64 * 1024 * 1024;

/// What an update did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateCounts {
    /// Files read (new or changed).
    pub read: usize,
    /// Files unchanged since the last update.
    pub unchanged: usize,
    /// Files no longer in the library (deleted, or their source removed or gone).
    pub removed: usize,
}

/// Brings the index in `dir` up to date with `found` (every file of the library, sorted).
/// Problems with files read now are returned; unchanged files are not reported again.
pub(crate) fn update(
    open: &mut OpenIndex,
    dir: &Path,
    found: &[Found],
) -> Result<(UpdateCounts, Vec<Problem>), ArchiveError> {
    let fields = open.fields;
    let mut old = std::mem::take(&mut open.manifest.files);
    let mut next = BTreeMap::new();
    let mut counts = UpdateCounts::default();
    let mut problems = Vec::new();
    let mut writer: Option<IndexWriter> = None;
    let mut dirty = false;
    for file in found {
        let key = file.path.to_string_lossy().into_owned();
        let previous = old.remove(&key);
        if let Some(prev) = previous.as_ref().filter(|p| p.stamp == file.stamp) {
            next.insert(key, prev.clone());
            counts.unchanged += 1;
            continue;
        }
        dirty = true;
        let sha256 = match file_sha256(&file.path) {
            Ok(h) => h,
            Err(e) => String::from("unreadable: ") + &e.to_string(),
        };
        if let Some(mut prev) = previous.filter(|p| p.sha256 == sha256) {
            prev.stamp = file.stamp;
            next.insert(key, prev);
            counts.unchanged += 1;
            continue;
        }
        let w = writer_of(&mut writer, open, dir)?;
        let state = reindex_file(w, fields, &key, file, sha256)?;
        if let Some(p) = &state.problem {
            problems.push(Problem::new(&file.path, p));
        }
        next.insert(key, state);
        counts.read += 1;
    }
    for key in old.keys() {
        writer_of(&mut writer, open, dir)?.delete_term(source_term(fields, key));
        counts.removed += 1;
        dirty = true;
    }
    open.manifest.files = next;
    if dirty {
        let w = writer_of(&mut writer, open, dir)?;
        commit(w, open, dir)?;
    }
    if let Some(w) = writer {
        // Segment merges run in the background: let them finish before the files are closed.
        w.wait_merging_threads()
            .map_err(|e| ArchiveError::index(dir, e))?;
        restrict_files(dir).map_err(|e| ArchiveError::index(dir, e))?;
    }
    Ok((counts, problems))
}

/// Replaces the claims of one file in the index.
fn reindex_file(
    writer: &IndexWriter,
    fields: Fields,
    key: &str,
    file: &Found,
    sha256: String,
) -> Result<FileState, ArchiveError> {
    writer.delete_term(source_term(fields, key));
    if let Some(why) = sha256.strip_prefix("unreadable: ") {
        return Ok(FileState {
            stamp: file.stamp,
            sha256: String::new(),
            claims: 0,
            problem: Some(format!("cannot read it: {why}")),
        });
    }
    let mut failed = None;
    let mut add = |claim: ArchivedClaim| {
        if failed.is_none()
            && let Err(e) = writer.add_document(document(fields, key, &claim))
        {
            failed = Some(e);
        }
    };
    let extracted = extract(file, &mut add);
    if let Some(e) = failed {
        return Err(ArchiveError::other(e));
    }
    let mut claims = extracted.claims;
    if extracted.skip_file {
        // Deletes apply to the documents added before them: the file's partial claims go.
        writer.delete_term(source_term(fields, key));
        claims = 0;
    }
    Ok(FileState {
        stamp: file.stamp,
        sha256,
        claims,
        problem: extracted.problem,
    })
}

/// The index document of one claim.
fn document(f: Fields, source: &str, c: &ArchivedClaim) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    for (field, value) in [
        (f.text, &c.text),
        (f.headline, &c.headline),
        (f.verdict, &c.verdict),
        (f.claimant, &c.claimant),
        (f.organisation, &c.organisation),
        (f.date, &c.date),
        (f.url, &c.url),
        (f.claim_id, &c.claim_id),
    ] {
        doc.add_text(field, value);
    }
    doc.add_text(f.source, source);
    doc
}

fn source_term(fields: Fields, key: &str) -> Term {
    Term::from_field_text(fields.source, key)
}

/// The writer, opened on first need (an unchanged library never takes the writer's lock).
fn writer_of<'w>(
    writer: &'w mut Option<IndexWriter>,
    open: &OpenIndex,
    dir: &Path,
) -> Result<&'w mut IndexWriter, ArchiveError> {
    if writer.is_none() {
        let w = open
            .index
            .writer(WRITER_BUDGET_BYTES)
            .map_err(|e| ArchiveError::writer(dir, e))?;
        *writer = Some(w);
    }
    Ok(writer.as_mut().expect("just set"))
}

/// Commits the changes with the manifest as payload.
fn commit(writer: &mut IndexWriter, open: &OpenIndex, dir: &Path) -> Result<(), ArchiveError> {
    let payload = serde_json::to_string(&open.manifest).map_err(ArchiveError::other)?;
    let mut prepared = writer
        .prepare_commit()
        .map_err(|e| ArchiveError::index(dir, e))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(|e| ArchiveError::index(dir, e))?;
    Ok(())
}
