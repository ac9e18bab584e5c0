//! PDF: the text layer, read the way a reader reads the page. lopdf parses the file (xref
//! repair, decryption with the empty password, bounded stream decompression); this module runs
//! the content streams itself to place every glyph ([`content`]), then rebuilds lines, blocks
//! and columns ([`chunks`], [`blocks`], [`order`]), removes running heads, feet and page
//! numbers ([`running`]), sets footnotes aside ([`footnotes`]), rebuilds paragraphs and mends
//! broken words ([`paragraphs`], [`hyphens`]) and joins it all into one text with page starts
//! ([`assemble`]); [`reading`] runs it all. Why lopdf and not another library: `docs/pdf-library.md`.

mod assemble;
mod blocks;
mod chunks;
mod content;
mod facts;
mod fonts;
mod footnotes;
mod glyphs;
mod hyphens;
mod order;
mod paragraphs;
mod reading;
mod running;
mod tokens;

use crate::{Extracted, ReadError};

/// The most pages read.
pub const MAX_PAGES: usize = 2_000;
/// The largest file read (bytes).
pub const MAX_FILE_BYTES: usize = 512 << 20;

const KIND: &str = "PDF";

/// Reads the text layer of a PDF: text in reading order (columns one after another), running
/// heads, feet and page numbers removed, broken words mended, paragraphs rebuilt and joined
/// across column and page breaks, footnotes after the body text of their page (or after the
/// paragraph running on from it), ligatures expanded. Fills [`Extracted::pages`] (the char
/// offset where each page's text starts), the document's title, author, date and language, and
/// notes saying what was left out.
///
/// Errors: not a PDF ([`ReadError::NotThisKind`]), damaged ([`ReadError::Broken`]), protected
/// by a password ([`ReadError::Encrypted`]; a PDF encrypted with an empty user password is
/// read), pages without text ([`ReadError::NoTextLayer`]), over the limits (more than
/// [`MAX_PAGES`] pages, larger than [`MAX_FILE_BYTES`], streams or drawing operations beyond
/// bounds: [`ReadError::TooLarge`]). Never panics.
pub fn read_pdf(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::NotThisKind {
            expected: KIND,
            detail: "it does not start with the PDF signature (%PDF-)".into(),
        });
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(format!(
            "it is {} MB; the limit is {} MB",
            bytes.len() >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    // lopdf indexes and slices the file while parsing; a damaged file could make it panic
    // (and so could a mistake of ours). A panic here is caught and reported as a damaged file
    // rather than taking the program down.
    match std::panic::catch_unwind(|| reading::read(bytes)) {
        Ok(result) => result,
        Err(_) => Err(broken(
            "its structure could not be followed (the reader stopped on something unexpected)",
        )),
    }
}

fn broken(detail: impl Into<String>) -> ReadError {
    ReadError::Broken {
        kind: KIND,
        detail: detail.into(),
    }
}

fn too_large(detail: impl Into<String>) -> ReadError {
    ReadError::TooLarge {
        kind: KIND,
        detail: detail.into(),
    }
}
