//! Word (`.docx`) and OpenDocument text (`.odt`, and its flat XML form `.fodt`) files read
//! into text.
//!
//! Read, in document order: headings, paragraphs, list items (their text; bullets and list
//! numbers are not shown), tables (a short row as one line, cells joined by ` | `; other rows
//! cell by cell, see [`flow`]), text boxes. Footnotes and endnotes follow the body under the
//! headings "Footnotes" and "Endnotes", each starting with its mark (`[1] …`), which also
//! stays in the body where the note is cited. Tracked changes are read as accepted:
//! insertions kept, deletions and moved-away text left out. Field codes are left out and their
//! shown results kept. Tabs, line breaks and OpenDocument's counted spaces are kept as
//! characters; soft hyphens are removed.
//!
//! Left out: page headers and footers, comments, hidden text, images and what they show
//! (no OCR), equations, index templates, and page numbers (a word processor lays pages out
//! anew each time). The notes of [`Extracted`](crate::Extracted::notes) say when headers, comments,
//! tracked changes or notes were met.
//!
//! The zip archive is read with limits against zip bombs (see [`archive`]) and the XML with
//! bounded nesting; an encrypted file is [`crate::ReadError::Encrypted`].

pub mod archive;
mod assemble;
mod docx;
pub mod flow;
pub mod fuzzing;
mod odt;
mod odt_text;
mod properties;
mod relationships;
mod word_text;
mod xml;

pub use docx::read_docx;
pub use odt::read_odt;

use crate::{Extracted, ReadError};

/// Reads a Word or OpenDocument text file, whichever `bytes` holds (by the archive's parts,
/// whatever the file's name says). Non-archives are reported as not Word files.
pub fn read_office(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let odt = odt::is_flat(bytes)
        || archive::Archive::open(bytes, odt::ODT)
            .is_ok_and(|a| a.contains("content.xml") && !a.contains("word/document.xml"));
    if odt {
        read_odt(bytes)
    } else {
        read_docx(bytes)
    }
}
