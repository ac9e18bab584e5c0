//! Articles coming in: turning an article file into a new review, and following an updated
//! article text with the claims ([`reanchor`]).
//!
//! **Architecture invariant:** depends only on `claimdesk-model` and `claimdesk-documents`
//! among Claimdesk crates; the HTML and Markdown parsers (html5ever, pulldown-cmark, encodings)
//! live here and nowhere else.
//!
//! Turning an article into a new review: read the file, decide its kind (extension, then the
//! first bytes), decode it, extract the readable text (plain text, a saved web page, Markdown,
//! or a document read by `claimdesk-documents`), normalise it once.
//!
//! One file per input kind: [`txt`] (encodings), [`html`] (saved web pages), [`markdown`],
//! [`document`] (PDF, Word, OpenDocument, subtitles). The rules are documented in
//! `docs/import.md`.

pub mod document;
#[doc(hidden)]
pub mod fuzzing;
#[doc(hidden)]
pub mod hostile;
pub mod html;
pub mod markdown;
pub mod reanchor;
pub mod txt;

use std::path::{Path, PathBuf};

use claimdesk_model::format::{LoadError, read_limited};
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, Review};

/// Article files larger than this are refused before being read.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;
/// PDF, Word and OpenDocument files (named so) larger than this are refused before being read:
/// they carry images and fonts beside their text.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// Why an article could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading failed (missing, unreadable, folder, too large).
    #[error(transparent)]
    Read(#[from] LoadError),
    /// The file has NUL bytes and no UTF-16 byte order mark, and is no document Claimdesk
    /// reads: it is not text.
    #[error(
        "{0} looks like a binary file, not an article (it contains NUL bytes); Claimdesk reads \
         text, web pages, Markdown, PDF, Word (.docx), OpenDocument (.odt) and subtitles \
         (.srt, .vtt)"
    )]
    Binary(PathBuf),
    /// A PDF, Word, OpenDocument or subtitle file that could not be read: encrypted, a scan
    /// without a text layer, damaged, a zip bomb, too large, or without text. The reader's
    /// error says which, in plain words.
    #[error("{path}: {source}")]
    Document {
        /// The file.
        path: PathBuf,
        /// What the reader found.
        source: claimdesk_documents::ReadError,
    },
    /// The file is not UTF-8 (kept for callers that match on it; decoding now falls back to
    /// the detected legacy encoding instead).
    #[error(
        "{path} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again"
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// First invalid byte.
        offset: usize,
    },
    /// Nothing but whitespace (after removing markup).
    #[error("{0} has no text to review")]
    Empty(PathBuf),
    /// The caller asked for an encoding label that the WHATWG Encoding Standard does not know.
    #[error(
        "{path}: unknown encoding \"{label}\" (use a WHATWG label such as utf-8, windows-1252, \
         iso-8859-2, utf-16le, shift_jis)"
    )]
    UnknownEncoding {
        /// The file (or "clipboard").
        path: PathBuf,
        /// The label as given.
        label: String,
    },
}

/// What kind of article a file holds, decided by its extension (and, on import, by the
/// first bytes of a document: see [`document::sniff`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleKind {
    /// Plain text (`.txt` and anything not listed below).
    Text,
    /// A saved web page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A PDF's text layer (`.pdf`).
    Pdf,
    /// A Word document (`.docx`).
    Docx,
    /// An OpenDocument text (`.odt`, flat `.fodt`).
    Odt,
    /// SubRip subtitles (`.srt`).
    Srt,
    /// WebVTT subtitles (`.vtt`).
    Vtt,
}

impl ArticleKind {
    /// Every kind.
    pub const ALL: [ArticleKind; 8] = [
        ArticleKind::Text,
        ArticleKind::Html,
        ArticleKind::Markdown,
        ArticleKind::Pdf,
        ArticleKind::Docx,
        ArticleKind::Odt,
        ArticleKind::Srt,
        ArticleKind::Vtt,
    ];

    /// The file extensions (lower case, no dot) that name this kind.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ArticleKind::Text => &["txt", "text"],
            ArticleKind::Html => &["html", "htm", "xhtml", "shtml"],
            ArticleKind::Markdown => &["md", "markdown", "mdown", "mkd"],
            ArticleKind::Pdf => &["pdf"],
            ArticleKind::Docx => &["docx"],
            ArticleKind::Odt => &["odt", "fodt"],
            ArticleKind::Srt => &["srt"],
            ArticleKind::Vtt => &["vtt"],
        }
    }

    /// True for the kinds read by `claimdesk-documents` (PDF, Word, OpenDocument,
    /// subtitles): their articles keep the original file's name and hash.
    pub fn is_document(self) -> bool {
        !matches!(
            self,
            ArticleKind::Text | ArticleKind::Html | ArticleKind::Markdown
        )
    }

    /// True for the kinds whose files are binary (PDF, Word, OpenDocument, but not the flat
    /// `.fodt`, which is XML and read as such by the same reader).
    fn is_binary(self) -> bool {
        matches!(
            self,
            ArticleKind::Pdf | ArticleKind::Docx | ArticleKind::Odt
        )
    }

    /// Every extension of every kind, for file pickers.
    pub fn all_extensions() -> impl Iterator<Item = &'static str> {
        Self::ALL
            .into_iter()
            .flat_map(|k| k.extensions().iter().copied())
    }

    /// The kind for a path's extension (plain text when unknown).
    pub fn of_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|k| k.extensions().contains(&ext.as_str()))
            .unwrap_or(ArticleKind::Text)
    }

    /// Name for messages ("plain text", "web page", "Markdown", "PDF"…).
    pub fn label(self) -> &'static str {
        match self {
            ArticleKind::Text => "plain text",
            ArticleKind::Html => "web page",
            ArticleKind::Markdown => "Markdown",
            ArticleKind::Pdf => "PDF",
            ArticleKind::Docx => "Word document",
            ArticleKind::Odt => "OpenDocument text",
            ArticleKind::Srt => "SubRip subtitles",
            ArticleKind::Vtt => "WebVTT subtitles",
        }
    }
}

/// Choices the caller can make on import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Decode with this encoding (a WHATWG label such as `windows-1252`) instead of the detected
    /// one. A byte order mark for another encoding is then ignored.
    pub encoding: Option<String>,
    /// Treat the file as this kind instead of deciding by its extension.
    pub kind: Option<ArticleKind>,
}

/// An imported article: the new review, and what the import found out on the way.
#[derive(Debug)]
pub struct Imported {
    /// The new review (no claims). For a web page, `details.article_url` and
    /// `details.article_published` are filled from the page when it has them.
    pub review: Review,
    /// The encoding the bytes were decoded with, as its WHATWG name (`UTF-8`, `UTF-16LE`,
    /// `windows-1252`…). A PDF, Word or OpenDocument file has no text encoding of its own:
    /// this is then the kind's label (`PDF`), with [`EncodingSource::Text`].
    pub encoding: String,
    /// How the encoding was decided.
    pub encoding_source: EncodingSource,
    /// The kind of input.
    pub kind: ArticleKind,
    /// Plain-words notes for the user (a guessed encoding, replaced bytes, dropped page parts).
    pub notes: Vec<String>,
    /// What the page or front matter says about itself (title, address, date, byline,
    /// direction); empty for plain text.
    pub meta: PageMeta,
}

/// How the encoding of an imported file was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingSource {
    /// The caller chose it ([`ImportOptions::encoding`]).
    Override,
    /// A byte order mark said so.
    Bom,
    /// A `<meta charset>` of a web page said so.
    Declared,
    /// The bytes are valid UTF-8.
    Utf8,
    /// Guessed from the bytes (chardetng): worth a look.
    Guessed,
    /// The text did not come from bytes (clipboard).
    Text,
}

/// Page facts found in a web page or Markdown front matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// `og:title` or `<title>` (or the first `# heading` of Markdown).
    pub title: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// `article:published_time`, `<time datetime>` or front-matter `date:`, as a date
    /// (`2017-11-26`) when it starts with one.
    pub published: Option<String>,
    /// Who wrote it (JSON-LD `author`, `<meta name=author>`, `rel=author`).
    pub byline: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD `publisher`).
    pub site_name: Option<String>,
    /// Writing direction declared on `<html>` or `<body>` (`rtl`, `ltr`).
    pub direction: Option<String>,
    /// Language declared on `<html lang>`.
    pub language: Option<String>,
}

/// Reads an article file (`.txt`, `.html`, `.md`, …) into a new review titled after the file
/// (or the page). The short form of [`import_article`] with default options.
pub fn import_article_file(path: &Path) -> Result<Review, ImportError> {
    import_article(path, &ImportOptions::default()).map(|i| i.review)
}

/// Reads an article file and reports the encoding, the kind and notes along with the review.
pub fn import_article(path: &Path, options: &ImportOptions) -> Result<Imported, ImportError> {
    let kind = options.kind.unwrap_or_else(|| ArticleKind::of_path(path));
    let limit = if kind.is_binary() {
        MAX_DOCUMENT_BYTES
    } else {
        MAX_ARTICLE_BYTES
    };
    let bytes = read_limited(path, limit)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string();
    import_bytes(&bytes, path, &file_name, &source, kind, options)
}

/// Imports article bytes that did not come from [`import_article`] (a drop, a download).
/// `name` is used in messages (and its file name as a document's origin), `title` when the
/// content has none, `source` as the article's source unless a web page names its canonical
/// URL. The first bytes of a PDF, zip or OLE file decide the kind whatever `kind` says, and
/// subtitles are recognised in a file of unknown kind ([`document::sniff`]).
pub fn import_bytes(
    bytes: &[u8],
    name: &Path,
    title: &str,
    source: &str,
    kind: ArticleKind,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let kind = match document::sniff(bytes) {
        Some(found) if found.is_binary() || kind == ArticleKind::Text => found,
        _ => kind,
    };
    if kind.is_document() {
        return document::import_document(bytes, name, title, source, kind, options);
    }
    let bytes = if kind == ArticleKind::Html {
        html::without_stray_nuls(bytes)
    } else {
        std::borrow::Cow::Borrowed(bytes)
    };
    let bytes = &bytes[..];
    let declared = if kind == ArticleKind::Html {
        html::declared_charset(bytes)
    } else {
        None
    };
    let decoded = txt::decode(bytes, name, options.encoding.as_deref(), declared)?;
    let mut notes = decoded.notes;
    let (body, meta) = match kind {
        // Documents returned above; plain text is the only other kind left.
        ArticleKind::Html => {
            let page = html::extract(&decoded.text);
            notes.extend(page.notes);
            (page.text, page.meta)
        }
        ArticleKind::Markdown => markdown::extract(&decoded.text),
        _ => (decoded.text, PageMeta::default()),
    };
    let text = normalize_article_text(&body);
    if text.trim().is_empty() {
        return Err(ImportError::Empty(name.to_owned()));
    }
    let mut article_source = source.to_owned();
    if let Some(url) = &meta.canonical_url {
        notes.push(format!("The page names its address: {url}"));
        article_source = url.clone();
    }
    let page_title = meta.title.clone().filter(|t| !t.trim().is_empty());
    let title = match (page_title, kind) {
        (Some(t), _) => t,
        // A page without a title gets none: the file name is not the article's title.
        (None, ArticleKind::Html) => {
            notes.push(format!(
                "The page has no title; the review's title is empty ({title})."
            ));
            String::new()
        }
        (None, _) => title.to_owned(),
    };
    let mut review = Review::new(Article::new(title, article_source, text));
    record_page_facts(&mut review, &meta, &mut notes);
    Ok(Imported {
        review,
        encoding: decoded.encoding.name().to_owned(),
        encoding_source: decoded.source,
        kind,
        notes,
        meta,
    })
}

/// Puts the page's address and date in the review's details; byline and writing direction go
/// to `details` too (as the extra fields `article_byline` and `article_direction`, which
/// every version keeps) and to the notes.
fn record_page_facts(review: &mut Review, meta: &PageMeta, notes: &mut Vec<String>) {
    if let Some(url) = &meta.canonical_url {
        review.details.article_url = url.clone();
    }
    if let Some(date) = &meta.published {
        review.details.article_published = date.clone();
    }
    if let Some(byline) = &meta.byline {
        notes.push(format!("Byline: {byline}"));
        review
            .details
            .extra
            .insert("article_byline".into(), byline.clone().into());
    }
    if let Some(direction) = meta.direction.as_deref().filter(|d| *d == "rtl") {
        notes.push("The page is written right to left.".into());
        review
            .details
            .extra
            .insert("article_direction".into(), direction.into());
    }
}

/// A new review from text that is already decoded (the clipboard): same normalisation as files.
pub fn import_text(text: &str, title: &str) -> Result<Review, ImportError> {
    let text = normalize_article_text(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty(PathBuf::from("the clipboard")));
    }
    Ok(Review::new(Article::new(title, "", text)))
}

/// Collects readable text as blocks (paragraphs) separated by blank lines; used by the web-page
/// and Markdown extractors. Whitespace inside a block collapses to single spaces unless the
/// block is preformatted.
#[derive(Default)]
pub(crate) struct Blocks {
    out: String,
    current: String,
    pending_space: bool,
}

impl Blocks {
    /// Adds inline text, collapsing runs of ASCII whitespace (HTML's definition) to one space.
    pub fn text(&mut self, s: &str) {
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    /// Adds text as it is (code blocks, `<pre>`).
    pub fn raw(&mut self, s: &str) {
        if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push(' ');
        }
        self.pending_space = false;
        self.current.push_str(s);
    }

    /// A line break inside the current block.
    pub fn line_break(&mut self) {
        self.pending_space = false;
        let trimmed = self.current.trim_end_matches([' ', '\t']).len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
    }

    /// Ends the current block: it becomes a paragraph if it has any text.
    pub fn end_block(&mut self) {
        self.pending_space = false;
        let block = self
            .current
            .trim_matches(|c: char| c == ' ' || c == '\n' || c == '\t');
        if !block.is_empty() {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(block);
        }
        self.current.clear();
    }

    /// The paragraphs ended so far, separated by blank lines.
    pub fn written(&self) -> &str {
        &self.out
    }

    /// Removes a paragraph ended earlier: `range` of [`Blocks::written`], with the blank line
    /// before it (or, for the first paragraph, the one after it).
    pub fn remove_written(&mut self, range: std::ops::Range<usize>) {
        self.out.replace_range(range, "");
        if self.out.starts_with("\n\n") {
            self.out.replace_range(..2, "");
        }
    }

    /// True if nothing was collected in the current block.
    pub fn current_is_empty(&self) -> bool {
        self.current.trim().is_empty()
    }

    /// The text: blocks separated by blank lines, ending with a newline.
    pub fn finish(mut self) -> String {
        self.end_block();
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// `YYYY-MM-DD` if `value` starts with such a date, else the trimmed value (or `None` if blank).
pub(crate) fn date_part(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let b = v.as_bytes();
    let is_date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    Some(if is_date {
        v[..10].to_owned()
    } else {
        v.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_extension_names_its_kind_in_any_case() {
        for kind in ArticleKind::ALL {
            for ext in kind.extensions() {
                let path = format!("article.{}", ext.to_uppercase());
                assert_eq!(ArticleKind::of_path(Path::new(&path)), kind, "{path}");
            }
        }
        assert_eq!(
            ArticleKind::of_path(Path::new("notes.rtf")),
            ArticleKind::Text
        );
        assert!(ArticleKind::all_extensions().any(|e| e == "mkd"));
    }

    #[test]
    fn imports_utf8_with_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "\u{feff}Line one\r\nLine two 🇱🇾\r\n").unwrap();
        let imported = import_article(&path, &ImportOptions::default()).unwrap();
        assert_eq!(imported.review.article.text(), "Line one\nLine two 🇱🇾\n");
        assert_eq!(imported.review.article.title, "a.txt");
        assert_eq!(imported.encoding, "UTF-8");
        assert_eq!(imported.encoding_source, EncodingSource::Bom);
        assert_eq!(import_article_file(&path).unwrap().article.title, "a.txt");
    }

    #[test]
    fn refuses_binary_empty_missing_and_folders_and_reads_latin1() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("b.txt");
        std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0]).unwrap();
        assert!(matches!(
            import_article_file(&bin),
            Err(ImportError::Binary(_))
        ));
        let latin1 = dir.path().join("l.txt");
        std::fs::write(&latin1, b"caf\xe9 cr\xe8me br\xfbl\xe9e").unwrap();
        let imported = import_article(&latin1, &ImportOptions::default()).unwrap();
        assert_eq!(imported.review.article.text(), "café crème brûlée");
        assert_eq!(imported.encoding_source, EncodingSource::Guessed);
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

    #[test]
    fn unknown_encoding_label_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "abc").unwrap();
        let options = ImportOptions {
            encoding: Some("klingon-8".into()),
            ..ImportOptions::default()
        };
        let err = import_article(&path, &options).unwrap_err().to_string();
        assert!(err.contains("unknown encoding \"klingon-8\""), "{err}");
    }

    #[test]
    fn clipboard_text_is_normalised_the_same_way() {
        let review = import_text("\u{feff}One\r\nTwo\u{7}\r\n", "Clipboard").unwrap();
        assert_eq!(review.article.text(), "One\nTwo\n");
        assert_eq!(review.article.title, "Clipboard");
        assert!(import_text(" \r\n\t", "Clipboard").is_err());
    }

    #[test]
    fn blocks_collapse_whitespace_and_separate_paragraphs() {
        let mut b = Blocks::default();
        b.text("  Hello \n  world ");
        b.end_block();
        b.end_block();
        b.text("Second");
        b.line_break();
        b.text(" line");
        assert_eq!(b.finish(), "Hello world\n\nSecond\nline\n");
    }

    #[test]
    fn date_part_keeps_the_day() {
        assert_eq!(
            date_part("2017-11-26T09:30:00+01:00").as_deref(),
            Some("2017-11-26")
        );
        assert_eq!(date_part(" 26 Nov 2017 ").as_deref(), Some("26 Nov 2017"));
        assert_eq!(date_part("  "), None);
    }
}
