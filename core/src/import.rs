//! Turning an article file into a new review: read, check it is text, normalise.

use std::path::{Path, PathBuf};

use crate::format::{LoadError, read_limited};
use crate::model::{Article, Review};
use crate::text::normalize_article_text;

/// Article files larger than this are refused before being read.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// Why an article could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading failed (missing, unreadable, folder, too large).
    #[error(transparent)]
    Read(#[from] LoadError),
    /// The file has NUL bytes: it is not text.
    #[error("{0} looks like a binary file, not an article (it contains NUL bytes)")]
    Binary(PathBuf),
    /// The file is not UTF-8.
    #[error(
        "{path} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again"
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// First invalid byte.
        offset: usize,
    },
    /// Nothing but whitespace.
    #[error("{0} has no text to review")]
    Empty(PathBuf),
}

/// Reads an article file (UTF-8 `.txt`, `.md`, …) into a new review titled after the file.
pub fn import_article_file(path: &Path) -> Result<Review, ImportError> {
    let bytes = read_limited(path, MAX_ARTICLE_BYTES)?;
    if bytes.contains(&0) {
        return Err(ImportError::Binary(path.to_owned()));
    }
    let raw = std::str::from_utf8(&bytes).map_err(|e| ImportError::NotUtf8 {
        path: path.to_owned(),
        offset: e.valid_up_to(),
    })?;
    let text = normalize_article_text(raw);
    if text.trim().is_empty() {
        return Err(ImportError::Empty(path.to_owned()));
    }
    let title = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string();
    Ok(Review::new(Article::new(title, source, text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_utf8_with_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "\u{feff}Line one\r\nLine two 🇱🇾\r\n").unwrap();
        let review = import_article_file(&path).unwrap();
        assert_eq!(review.article.text(), "Line one\nLine two 🇱🇾\n");
        assert_eq!(review.article.title, "a.txt");
    }

    #[test]
    fn refuses_binary_latin1_empty_missing_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("b.txt");
        std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0]).unwrap();
        assert!(matches!(
            import_article_file(&bin),
            Err(ImportError::Binary(_))
        ));
        let latin1 = dir.path().join("l.txt");
        std::fs::write(&latin1, b"caf\xe9").unwrap();
        let err = import_article_file(&latin1).unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
        let empty = dir.path().join("e.txt");
        std::fs::write(&empty, " \n\n").unwrap();
        assert!(matches!(
            import_article_file(&empty),
            Err(ImportError::Empty(_))
        ));
        let missing = dir.path().join("missing.txt");
        assert!(
            import_article_file(&missing)
                .unwrap_err()
                .to_string()
                .contains("cannot read")
        );
        assert!(
            import_article_file(dir.path())
                .unwrap_err()
                .to_string()
                .contains("folder")
        );
    }
}
