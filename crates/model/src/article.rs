//! The article as reviewed, and its earlier texts.

use sha2::{Digest, Sha256};

use crate::extra::Extra;
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
            extra,
        } = self;
        ArticleParts {
            title,
            source,
            text,
            extra,
        }
    }

    /// An article put together from its parts (the text already normalised).
    pub fn from_parts(parts: ArticleParts) -> Self {
        let ArticleParts {
            title,
            source,
            text,
            extra,
        } = parts;
        Self {
            index: CharIndex::new(&text),
            title,
            source,
            text,
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
            extra: Extra::new(),
        }
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
