//! Documents a fact-checker receives — PDF, Word (`.docx`), OpenDocument (`.odt`) and subtitles
//! (`.srt`, `.vtt`) — into a new review, through the readers of `claimdesk-documents`.
//!
//! The review's article is the extracted text; it keeps the original file's name and the
//! SHA-256 of its bytes ([`claimdesk_model::ArticleOrigin`]), where each page starts (PDF) and
//! when each stretch is spoken (subtitles). The document's own title, author and date go into
//! the review as a web page's do; the reader's notes (running heads removed, tracked changes
//! accepted, rolling captions merged…) become the import notes.

use std::path::Path;

use claimdesk_documents::office::read_office;
use claimdesk_documents::pdf::read_pdf;
use claimdesk_documents::subtitles::read_subtitles;
use claimdesk_documents::{Extracted, ReadError};
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, ArticleOrigin, MediaTime, Review, sha256_hex};

use crate::{ArticleKind, EncodingSource, ImportError, ImportOptions, Imported, PageMeta};

/// The kind a file's first bytes show, whatever it is called: a PDF, a zip (Word or
/// OpenDocument), an OLE file (an encrypted Word file or an old `.doc`: the Office reader says
/// which), WebVTT or SubRip subtitles. `None` for anything else (text, pages, Markdown).
pub fn sniff(bytes: &[u8]) -> Option<ArticleKind> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"%PDF-") {
        return Some(ArticleKind::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Some(if is_opendocument_zip(head) {
            ArticleKind::Odt
        } else {
            ArticleKind::Docx
        });
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(ArticleKind::Docx);
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if text.starts_with(b"WEBVTT") {
        return Some(ArticleKind::Vtt);
    }
    looks_like_srt(text).then_some(ArticleKind::Srt)
}

/// True when the zip starts with OpenDocument's `mimetype` entry (stored first, as the format
/// asks) naming an OpenDocument type.
fn is_opendocument_zip(head: &[u8]) -> bool {
    head.get(30..38) == Some(b"mimetype")
        && head
            .windows(b"opendocument".len())
            .any(|w| w == b"opendocument")
}

/// A first cue number line, then a SubRip timing line (`00:00:01,000 --> …`).
fn looks_like_srt(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let number = lines.next().unwrap_or("");
    let timing = lines.next().unwrap_or("");
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && timing.contains("-->")
        && timing.split("-->").next().is_some_and(|start| {
            let start = start.trim();
            start.len() >= 8 && start.as_bytes()[2] == b':' && start.contains([',', '.'])
        })
}

/// Reads a document's bytes into a new review (see the module documentation). `name` is for
/// messages and gives the origin's file name; `title` is used when the document names none.
pub(crate) fn import_document(
    bytes: &[u8],
    name: &Path,
    title: &str,
    source: &str,
    kind: ArticleKind,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let read_error = |source: ReadError| ImportError::Document {
        path: name.to_owned(),
        source,
    };
    let (extracted, encoding, encoding_source, mut notes) = match kind {
        ArticleKind::Srt | ArticleKind::Vtt => {
            let decoded = crate::txt::decode(bytes, name, options.encoding.as_deref(), None)?;
            let extracted = read_subtitles(&decoded.text).map_err(read_error)?;
            let encoding = decoded.encoding.name().to_owned();
            (extracted, encoding, decoded.source, decoded.notes)
        }
        ArticleKind::Pdf => {
            let extracted = read_pdf(bytes).map_err(read_error)?;
            (
                extracted,
                kind.label().to_owned(),
                EncodingSource::Text,
                Vec::new(),
            )
        }
        _ => {
            let extracted = read_office(bytes).map_err(read_error)?;
            (
                extracted,
                kind.label().to_owned(),
                EncodingSource::Text,
                Vec::new(),
            )
        }
    };
    notes.extend(extracted.notes.iter().cloned());
    let meta = PageMeta {
        title: extracted.facts.title.clone(),
        byline: extracted.facts.author.clone(),
        published: extracted.facts.date.as_deref().and_then(crate::date_part),
        language: extracted.facts.language.clone(),
        ..PageMeta::default()
    };
    let file_name = name
        .file_name()
        .map_or_else(|| title.to_owned(), |n| n.to_string_lossy().into_owned());
    let article_title = meta
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| title.to_owned());
    let mut article = document_article(article_title, source, extracted, &mut notes)
        .ok_or_else(|| ImportError::Empty(name.to_owned()))?;
    article.origin = Some(ArticleOrigin {
        file_name,
        sha256: sha256_hex(bytes),
    });
    let mut review = Review::new(article);
    crate::record_page_facts(&mut review, &meta, &mut notes);
    Ok(Imported {
        review,
        encoding,
        encoding_source,
        kind,
        notes,
        meta,
    })
}

/// The article over the extracted text with its page starts and media times; `None` when the
/// text is blank. The readers give text already normalised; should normalising still change
/// it, positions would no longer fit, so they are left out and a note says so.
fn document_article(
    title: String,
    source: &str,
    extracted: Extracted,
    notes: &mut Vec<String>,
) -> Option<Article> {
    let text = normalize_article_text(&extracted.text);
    if text.trim().is_empty() {
        return None;
    }
    let fits = text == extracted.text;
    let article = Article::new(title, source, text);
    if !fits {
        if !extracted.pages.is_empty() || !extracted.times.is_empty() {
            notes.push(
                "The document's text had control characters; they were removed, and its pages \
                 and times were left out because they no longer fit the text."
                    .to_owned(),
            );
        }
        return Some(article);
    }
    let times = extracted
        .times
        .iter()
        .map(|t| MediaTime {
            start: t.start,
            millis: t.millis,
        })
        .collect();
    Some(
        article
            .with_page_starts(extracted.pages)
            .with_media_times(times),
    )
}
