//! The article as reviewed, and its earlier texts.

use sha2::{Digest, Sha256};

use crate::extra::Extra;
use crate::origin::{ArticleOrigin, MediaTime, clean_media_times, clean_page_starts};
use crate::span::Span;
use crate::text::CharIndex;
use crate::timestamp::Timestamp;

/// The article as it was reviewed.
#[derive(Clone, Debug)]
pub struct Article {
    /// Display title (defaults to the file name on import).
    pub title: String,
    /// Where the text came from: a path or URL; empty if unknown.
    pub source: String,
    /// The full text, newlines normalised to `\n`. Claim offsets point into it.
    text: String,
    index: CharIndex,
    /// The document file the text was extracted from (PDF, Word, OpenDocument, subtitles);
    /// `None` for text, web pages and Markdown.
    pub origin: Option<ArticleOrigin>,
    /// Char offset where each page starts (PDFs), see [`Article::page_starts`].
    page_starts: Vec<usize>,
    /// When each stretch of the text is spoken (subtitles), see [`Article::media_times`].
    media_times: Vec<MediaTime>,
    /// Unknown fields of the `article` object, preserved.
    pub extra: Extra,
}

/// Every part of an [`Article`], all public (its char index is rebuilt from the text).
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleParts {
    /// Display title.
    pub title: String,
    /// Where the text came from: a path or URL; empty if unknown.
    pub source: String,
    /// The full text, normalised.
    pub text: String,
    /// The document file the text was extracted from, if any.
    pub origin: Option<ArticleOrigin>,
    /// Char offset where each page starts (PDFs); follows the text.
    pub page_starts: Vec<usize>,
    /// When each stretch of the text is spoken (subtitles); follows the text.
    pub media_times: Vec<MediaTime>,
    /// Unknown fields of the `article` object, preserved.
    pub extra: Extra,
}

impl Article {
    /// The article taken apart. Every field is named: a new one does not compile until it is a
    /// part too.
    pub fn into_parts(self) -> ArticleParts {
        let Article {
            title,
            source,
            text,
            index: _, // rebuilt from the text
            origin,
            page_starts,
            media_times,
            extra,
        } = self;
        ArticleParts {
            title,
            source,
            text,
            origin,
            page_starts,
            media_times,
            extra,
        }
    }

    /// An article put together from its parts (the text already normalised; page starts and
    /// media times made fit for it, as [`Article::with_page_starts`] does).
    pub fn from_parts(parts: ArticleParts) -> Self {
        let ArticleParts {
            title,
            source,
            text,
            origin,
            page_starts,
            media_times,
            extra,
        } = parts;
        let index = CharIndex::new(&text);
        let len = index.char_len();
        Self {
            index,
            title,
            source,
            text,
            origin,
            page_starts: clean_page_starts(page_starts, len),
            media_times: clean_media_times(media_times, len),
            extra,
        }
    }

    /// An article over already-normalised text (see [`crate::text::normalize_article_text`]).
    pub fn new(title: impl Into<String>, source: impl Into<String>, text: String) -> Self {
        let index = CharIndex::new(&text);
        Self {
            title: title.into(),
            source: source.into(),
            text,
            index,
            origin: None,
            page_starts: Vec::new(),
            media_times: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// This article with the document's page starts (char offsets, in page order). They are
    /// made fit for the text: sorted, deduplicated, none past the end, the first at 0.
    pub fn with_page_starts(mut self, starts: Vec<usize>) -> Self {
        self.page_starts = clean_page_starts(starts, self.char_len());
        self
    }

    /// This article with the document's media times. They are made fit for the text: sorted
    /// by offset, none past the end, one per offset.
    pub fn with_media_times(mut self, times: Vec<MediaTime>) -> Self {
        self.media_times = clean_media_times(times, self.char_len());
        self
    }

    /// Char offset where each page starts, in page order (`[0, …]`); empty for an article
    /// without pages.
    pub fn page_starts(&self) -> &[usize] {
        &self.page_starts
    }

    /// Media times of the text, sorted by offset; empty for an article without times.
    pub fn media_times(&self) -> &[MediaTime] {
        &self.media_times
    }

    /// The page (numbered from 1) holding char `offset`, or `None` without pages.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        crate::origin::page_at(&self.page_starts, offset)
    }

    /// The first and last page (numbered from 1) a span covers, equal for a span on one page;
    /// `None` without pages. An empty span is on the page of its start.
    pub fn pages_of(&self, span: Span) -> Option<(u32, u32)> {
        let first = self.page_at(span.start)?;
        let last = self.page_at(span.end.saturating_sub(1).max(span.start))?;
        Some((first, last.max(first)))
    }

    /// When char `offset` is spoken, in milliseconds from the start of the media; `None`
    /// without media times. Text before the first timed stretch takes its time.
    pub fn media_millis_at(&self, offset: usize) -> Option<u64> {
        crate::origin::millis_at(&self.media_times, offset)
    }

    /// When char `offset` is spoken, in seconds from the start of the media (see
    /// [`Article::media_millis_at`]).
    pub fn media_time_at(&self, offset: usize) -> Option<f64> {
        self.media_millis_at(offset).map(|ms| ms as f64 / 1000.0)
    }

    /// The reviewed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The char-to-byte index of the text.
    pub fn index(&self) -> &CharIndex {
        &self.index
    }

    /// The text between two char offsets.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.index.slice(&self.text, start, end)
    }

    /// Hex SHA-256 of the UTF-8 text.
    pub fn sha256(&self) -> String {
        sha256_hex(self.text.as_bytes())
    }
}

impl PartialEq for Article {
    fn eq(&self, other: &Self) -> bool {
        self.title == other.title
            && self.source == other.source
            && self.text == other.text
            && self.origin == other.origin
            && self.page_starts == other.page_starts
            && self.media_times == other.media_times
            && self.extra == other.extra
    }
}

/// An earlier text of the article, kept when the article was updated (issue 6), so the review
/// stays auditable: what was reviewed before, and when it was replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleVersion {
    /// The article's title at the time.
    pub title: String,
    /// Where that text came from.
    pub source: String,
    /// The full earlier text (normalised, as it was reviewed).
    pub text: String,
    /// Lowercase hex SHA-256 of `text`.
    pub sha256: String,
    /// When this text was replaced by a newer one.
    pub replaced: Timestamp,
    /// The document file that text was extracted from, if any.
    pub origin: Option<ArticleOrigin>,
    /// Unknown fields of this entry, preserved.
    pub extra: Extra,
}

impl ArticleVersion {
    /// The article as it is now, stamped as replaced at `replaced`.
    pub fn of(article: &Article, replaced: Timestamp) -> Self {
        Self {
            title: article.title.clone(),
            source: article.source.clone(),
            text: article.text().to_owned(),
            sha256: article.sha256(),
            replaced,
            origin: article.origin.clone(),
            extra: Extra::new(),
        }
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip_and_the_index_is_rebuilt() {
        let mut a = Article::new("T", "s.txt", "é🇱🇾 ab".to_owned());
        a.extra.insert("lang".into(), serde_json::json!("fr"));
        let parts = a.clone().into_parts();
        assert_eq!(parts.text, "é🇱🇾 ab");
        let back = Article::from_parts(parts);
        assert_eq!(back, a);
        assert_eq!((back.char_len(), back.slice(4, 6)), (6, "ab"));
    }
}
