//! Reads the archived claims of one source file, whatever its kind.

use std::fs::File;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::claimreview::Sink;
use super::html::read_html_page;
use super::jsonld_file::read_jsonld_file;
use super::record::ArchivedClaim;
use super::review::review_claims;
use super::scan::{Found, Kind};
use claimdesk_model::format::{self, MAX_FILE_BYTES};

/// What reading one file gave.
pub(crate) struct Extracted {
    /// Claims passed on.
    pub claims: u64,
    /// What is wrong with the file, in plain words; `None` if nothing.
    pub problem: Option<String>,
    /// True if the whole file is skipped: claims already passed on must be discarded.
    pub skip_file: bool,
}

/// Reads `found`, passing each archived claim to `emit`.
pub(crate) fn extract(found: &Found, emit: &mut dyn FnMut(ArchivedClaim)) -> Extracted {
    let mut sink = Sink::new(emit);
    let outcome = match found.kind {
        Kind::Review => read_review(&found.path, &mut sink),
        Kind::JsonLd => read_jsonld_file(&found.path, &mut sink).map(|()| None),
        Kind::Html => read_page(&found.path, &mut sink),
    };
    let claims = sink.found as u64;
    match outcome {
        Err(problem) => Extracted {
            claims,
            problem: Some(problem),
            skip_file: true,
        },
        Ok(note) => {
            let mut notes: Vec<String> = note.into_iter().collect();
            if sink.unusable > 0 {
                notes.push(format!(
                    "{} ClaimReview{} without claim text (no claimReviewed) skipped",
                    sink.unusable,
                    if sink.unusable == 1 { "" } else { "s" }
                ));
            }
            if claims == 0 && found.kind != Kind::Review && sink.unusable == 0 {
                notes.push("no ClaimReview found".to_owned());
            }
            Extracted {
                claims,
                problem: (!notes.is_empty()).then(|| notes.join("; ")),
                skip_file: false,
            }
        }
    }
}

/// SHA-256 of a file's bytes, read in blocks.
pub(crate) fn file_sha256(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    io::copy(&mut File::open(path)?, &mut hasher)?;
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn read_review(path: &Path, sink: &mut Sink<'_>) -> Result<Option<String>, String> {
    let loaded = format::load_file(path).map_err(|e| format!("the review does not load: {e}"))?;
    review_claims(&loaded).for_each(|c| sink.push(c));
    Ok(None)
}

fn read_page(path: &Path, sink: &mut Sink<'_>) -> Result<Option<String>, String> {
    let bytes = format::read_limited(path, MAX_FILE_BYTES).map_err(|e| e.to_string())?;
    Ok(read_html_page(&String::from_utf8_lossy(&bytes), sink))
}
