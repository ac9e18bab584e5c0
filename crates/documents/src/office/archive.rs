//! The zip archive inside a Word or OpenDocument file, opened with limits against zip bombs:
//! entry count, each part's and all parts' inflated size (counted while reading, never taken
//! from the archive's own claims), compression ratio, and entries that share their data.
//! Also tells an encrypted Office file (an OLE compound file) from an old binary one.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::ReadError;

/// Most entries an archive may list (a long report with its images has a few hundred).
pub const MAX_ENTRIES: usize = 10_000;
/// Largest inflated part read, in bytes.
pub const MAX_PART_BYTES: u64 = 128 * 1024 * 1024;
/// Largest total of the parts read from one file, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Highest compression ratio accepted for a part that inflates past [`RATIO_FLOOR_BYTES`]
/// (XML text compresses 5–20×; deflate can reach about 1,000×).
pub const MAX_RATIO: u64 = 200;
/// Parts smaller than this are not held to [`MAX_RATIO`] (tiny parts compress oddly).
pub const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

/// The first bytes of an OLE compound file (old Office formats, encrypted new ones).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// An opened archive and what has been read from it.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    kind: &'static str,
    read_total: u64,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as the zip archive of a `kind` file, checking the entry count and that no
    /// two entries share their bytes.
    pub fn open(bytes: &'a [u8], kind: &'static str) -> Result<Self, ReadError> {
        if bytes.starts_with(OLE_MAGIC) {
            return Err(compound_file_error(bytes, kind));
        }
        if !bytes.starts_with(b"PK") {
            return Err(ReadError::NotThisKind {
                expected: kind,
                detail: "it is not a zip archive, as Word and OpenDocument files are".to_owned(),
            });
        }
        let broken = |detail: String| ReadError::Broken { kind, detail };
        let mut zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| broken(format!("its zip archive cannot be opened ({e})")))?;
        if zip.len() > MAX_ENTRIES {
            return Err(ReadError::TooLarge {
                kind,
                detail: format!(
                    "its archive lists {} entries; Claimdesk reads at most {MAX_ENTRIES}",
                    zip.len()
                ),
            });
        }
        if zip.has_duplicate_names() {
            return Err(broken("its archive lists the same part twice".to_owned()));
        }
        let overlapping = zip
            .has_overlapping_files()
            .map_err(|e| broken(format!("its zip archive is damaged ({e})")))?;
        if overlapping {
            return Err(broken(
                "entries of its archive share their data, a trick of zip bombs".to_owned(),
            ));
        }
        Ok(Self {
            zip,
            kind,
            read_total: 0,
        })
    }

    /// True when the archive has an entry named `name` (exactly, or ignoring case).
    pub fn contains(&self, name: &str) -> bool {
        self.index_of(name).is_some()
    }

    /// The inflated bytes of the entry `name` (exactly, or ignoring ASCII case, as Office
    /// part names are), or `None` when there is none.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        let Some(index) = self.index_of(name) else {
            return Ok(None);
        };
        let kind = self.kind;
        let too_large = |detail: String| ReadError::TooLarge { kind, detail };
        let cap = MAX_PART_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.read_total));
        let entry = self
            .zip
            .by_index_data(index)
            .map_err(|e| broken(kind, name, &e))?;
        if entry.encrypted() {
            return Err(ReadError::Encrypted { kind });
        }
        let compressed = entry.compressed_size().max(1);
        if entry.size() > cap {
            return Err(too_large(size_detail(name, entry.size())));
        }
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| broken(kind, name, &e))?;
        let mut bytes = Vec::new();
        file.take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| broken(kind, name, &e))?;
        let size = bytes.len() as u64;
        if size > cap {
            return Err(too_large(size_detail(name, size)));
        }
        if size > RATIO_FLOOR_BYTES && size / compressed > MAX_RATIO {
            return Err(too_large(format!(
                "{name} inflates {}-fold, as zip bombs do (Claimdesk accepts up to {MAX_RATIO}-fold)",
                size / compressed
            )));
        }
        self.read_total += size;
        Ok(Some(bytes))
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name).or_else(|| {
            self.zip
                .file_names()
                .position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
        })
    }
}

/// Says which limit a part of `size` bytes passes.
fn size_detail(name: &str, size: u64) -> String {
    let mib = |b: u64| b / (1024 * 1024);
    format!(
        "{name} inflates to more than {} MB (Claimdesk reads parts up to {} MB, {} MB in all)",
        mib(size).min(mib(MAX_PART_BYTES)),
        mib(MAX_PART_BYTES),
        mib(MAX_TOTAL_BYTES)
    )
}

fn broken(kind: &'static str, name: &str, error: &dyn std::fmt::Display) -> ReadError {
    ReadError::Broken {
        kind,
        detail: format!("{name} cannot be read from its archive ({error})"),
    }
}

/// An OLE compound file given as a new-style Office file: an encrypted one (its streams are
/// `EncryptionInfo` and `EncryptedPackage`), or an old binary document.
fn compound_file_error(bytes: &[u8], kind: &'static str) -> ReadError {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let has = |name: &str| memchr::memmem::find(bytes, &utf16(name)).is_some();
    if has("EncryptedPackage") {
        ReadError::Encrypted { kind }
    } else if has("WordDocument") {
        ReadError::NotThisKind {
            expected: kind,
            detail: "it is an old Word 97–2003 document (.doc); save it as .docx or .odt and import that".to_owned(),
        }
    } else {
        ReadError::NotThisKind {
            expected: kind,
            detail: "it is an old-style Office file (an OLE compound file), not a zip archive"
                .to_owned(),
        }
    }
}
