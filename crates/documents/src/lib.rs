//! Documents a fact-checker receives, read into plain text with the positions a review needs:
//! PDF (the text layer), Word (`.docx`), OpenDocument (`.odt`) and subtitles (`.srt`, `.vtt`).
//!
//! Every reader returns an [`Extracted`]: the text as Claimdesk will store it (already
//! normalised, see [`Extracted::text`]), the facts the document states about itself, where each
//! page starts, the media time of each stretch of text, and notes for the user.
//!
//! **Architecture invariant:** this crate knows nothing of reviews, claims or any other
//! Claimdesk crate; `claimdesk-import` turns an [`Extracted`] into a new review. Readers never
//! panic on bad input and never run unbounded: every failure is a [`ReadError`] that says
//! which kind of failure it is, in words a user can act on.
//!
//! Offsets are Unicode scalar values (Rust `char`s) into [`Extracted::text`].

pub mod office;
pub mod pdf;
pub mod subtitles;

/// A document read into text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// The readable text. Normalised as Claimdesk stores articles: newlines are `\n`, no
    /// control characters but `\n` and `\t`; paragraphs are separated by one blank line
    /// (`"\n\n"`), and a paragraph holds no other newline unless the document breaks its
    /// lines on purpose (verse, addresses).
    pub text: String,
    /// What the document says about itself (metadata, not guessed from the body).
    pub facts: DocumentFacts,
    /// The char offset at which each page starts, in page order (`pages[0] == 0`). Empty for
    /// documents without pages. A position's page is the last entry not after it; pages are
    /// numbered from 1 in what users see.
    pub pages: Vec<usize>,
    /// Media times of the text (subtitles): sorted by `start`, each entry the time at which
    /// the text from `start` on is spoken, until the next entry. Empty for documents without
    /// times.
    pub times: Vec<TimedText>,
    /// Plain-words notes for the user: what was left out or changed on the way (running
    /// heads removed, tracked changes accepted, rolling captions merged…).
    pub notes: Vec<String>,
}

/// Facts a document states about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentFacts {
    /// The title, when the document names one.
    pub title: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was made or published, as an ISO 8601 date or date-time when it can be read
    /// as one (`2017-11-26`, `2017-11-26T10:00:00Z`).
    pub date: Option<String>,
    /// Its language, as a BCP 47 tag, when declared.
    pub language: Option<String>,
}

/// The media time at which a stretch of text is spoken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedText {
    /// The char offset where the stretch starts.
    pub start: usize,
    /// Milliseconds from the start of the media.
    pub millis: u64,
}

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file is not a document of the kind asked for (not a PDF, not a zip, …).
    #[error("not a {expected} file: {detail}")]
    NotThisKind {
        /// "PDF", "Word (.docx)", …
        expected: &'static str,
        /// What was found instead.
        detail: String,
    },
    /// The document is damaged or uses something the reader cannot follow.
    #[error("the {kind} file is damaged or unreadable: {detail}")]
    Broken {
        /// "PDF", "Word (.docx)", …
        kind: &'static str,
        /// What went wrong, in plain words.
        detail: String,
    },
    /// The document is encrypted with a password.
    #[error(
        "the {kind} file is protected with a password; open it in its own program, save a copy without the password, and import that"
    )]
    Encrypted {
        /// "PDF", "Word (.docx)", …
        kind: &'static str,
    },
    /// The PDF has pages but no text on them: a scan or an image.
    #[error(
        "the PDF has no text layer (it is probably a scan); Claimdesk does not read text from images: run it through OCR first"
    )]
    NoTextLayer,
    /// The document would take more than the reader's limits (pages, size, zip entries).
    #[error("the {kind} file is too large to import: {detail}")]
    TooLarge {
        /// "PDF", "Word (.docx)", …
        kind: &'static str,
        /// Which limit, in plain words.
        detail: String,
    },
    /// The document holds no text at all.
    #[error("the {kind} file has no text to review")]
    Empty {
        /// "PDF", "Word (.docx)", …
        kind: &'static str,
    },
}

impl Extracted {
    /// The page (numbered from 1) holding char `offset`, or `None` for a document without pages.
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        if self.pages.is_empty() {
            return None;
        }
        Some(self.pages.partition_point(|&start| start <= offset).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_is_on_the_last_page_that_starts_at_or_before_it() {
        let doc = Extracted {
            text: "a".repeat(30),
            pages: vec![0, 10, 20],
            ..Default::default()
        };
        assert_eq!(doc.page_of(0), Some(1));
        assert_eq!(doc.page_of(9), Some(1));
        assert_eq!(doc.page_of(10), Some(2));
        assert_eq!(doc.page_of(29), Some(3));
        assert_eq!(Extracted::default().page_of(3), None);
    }
}
