//! OpenDocument text (`.odt`) files: `mimetype` checked, encryption found in the manifest,
//! the body from `content.xml`, page headers and footers noticed in `styles.xml` (and left
//! out), the facts from `meta.xml`. The flat XML form (`.fodt`) holds all of these in one
//! document and is read the same way.

use crate::{DocumentFacts, Extracted, ReadError};

use super::archive::Archive;
use super::assemble::{Findings, NoteSection, assemble};
use super::odt_text::OdtText;
use super::properties::read_properties;
use super::xml::{Element, Ns, Visit, Visitor, walk};

/// The kind named in messages.
pub(crate) const ODT: &str = "OpenDocument text (.odt)";

/// Reads an OpenDocument text — a `.odt` archive, or the flat XML form (`.fodt`) — see the
/// [`office`](super) module for what is read and left out.
pub fn read_odt(bytes: &[u8]) -> Result<Extracted, ReadError> {
    if is_flat(bytes) {
        let content = read_content(bytes, "the flat OpenDocument XML")?;
        let facts = read_properties(bytes, "the flat OpenDocument XML", ODT).unwrap_or_default();
        return finish(content, has_headers_or_footers(bytes), facts);
    }
    let mut archive = Archive::open(bytes, ODT)?;
    check_mimetype(&mut archive)?;
    if let Some(manifest) = archive.read("META-INF/manifest.xml")?
        && memchr::memmem::find(&manifest, b"encryption-data").is_some()
    {
        return Err(ReadError::Encrypted { kind: ODT });
    }
    let Some(xml) = archive.read("content.xml")? else {
        return Err(ReadError::NotThisKind {
            expected: ODT,
            detail: "the archive has no content.xml".to_owned(),
        });
    };
    let content = read_content(&xml, "content.xml")?;
    drop(xml);
    let headers_footers = match archive.read("styles.xml")? {
        Some(xml) => has_headers_or_footers(&xml),
        None => false,
    };
    let facts = match archive.read("meta.xml")? {
        Some(xml) => read_properties(&xml, "meta.xml", ODT).unwrap_or_default(),
        None => DocumentFacts::default(),
    };
    finish(content, headers_footers, facts)
}

/// True for the flat XML form: not a zip, an `office:document` element near the start.
pub(crate) fn is_flat(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    !bytes.starts_with(b"PK") && memchr::memmem::find(head, b"<office:document").is_some()
}

/// The text of the content XML `part`; refused unless it is a text document.
fn read_content(xml: &[u8], part: &str) -> Result<OdtText, ReadError> {
    let mut content = OdtText::default();
    walk(xml, part, ODT, &mut content)?;
    if content.is_text {
        Ok(content)
    } else {
        Err(ReadError::NotThisKind {
            expected: ODT,
            detail: "its content is not a text document".to_owned(),
        })
    }
}

/// The document read: body, notes by kind, facts and findings.
fn finish(
    content: OdtText,
    headers_footers: bool,
    facts: DocumentFacts,
) -> Result<Extracted, ReadError> {
    let findings = Findings {
        tracked_changes: content.tracked_changes,
        comments: content.comments,
        headers_footers,
    };
    let (body, notes) = content.flow.finish();
    let mut footnotes = Vec::new();
    let mut endnotes = Vec::new();
    for (note, endnote) in notes.into_iter().zip(content.endnote) {
        let entry = (note.label, note.paragraphs);
        if endnote {
            endnotes.push(entry);
        } else {
            footnotes.push(entry);
        }
    }
    let sections = vec![
        NoteSection {
            heading: "Footnotes",
            notes: footnotes,
        },
        NoteSection {
            heading: "Endnotes",
            notes: endnotes,
        },
    ];
    assemble(ODT, body, sections, facts, findings)
}

/// Refuses other OpenDocument kinds and Word files by their `mimetype` entry or parts.
fn check_mimetype(archive: &mut Archive) -> Result<(), ReadError> {
    let refuse = |what: &str| {
        Err(ReadError::NotThisKind {
            expected: ODT,
            detail: format!("it is {what}"),
        })
    };
    match archive.read("mimetype")? {
        Some(mime) => {
            let mime = String::from_utf8_lossy(&mime);
            let mime = mime.trim();
            if mime.starts_with("application/vnd.oasis.opendocument.text") {
                Ok(())
            } else if let Some(other) = mime.strip_prefix("application/vnd.oasis.opendocument.") {
                refuse(&format!("an OpenDocument {other}, not a text"))
            } else {
                refuse(&format!("a file of type {mime}"))
            }
        }
        None if archive.contains("word/document.xml") => refuse("a Word document (.docx)"),
        None => Ok(()),
    }
}

/// True when `styles.xml` gives the pages a header or footer with text.
fn has_headers_or_footers(xml: &[u8]) -> bool {
    let mut finder = HeaderFinder::default();
    walk(xml, "styles.xml", ODT, &mut finder).is_ok() && finder.found
}

/// Looks for text inside `style:header`, `style:footer` and their left/first variants.
#[derive(Default)]
struct HeaderFinder {
    inside: usize,
    found: bool,
}

impl Visitor for HeaderFinder {
    fn open(&mut self, e: &Element) -> Visit {
        if e.ns == Ns::Style && (e.local.starts_with("header") || e.local.starts_with("footer")) {
            self.inside += 1;
        } else if self.inside > 0 && e.ns == Ns::Text {
            // Fields such as the page number show text even when empty in the XML.
            self.found |= matches!(e.local, "page-number" | "page-count" | "title" | "date");
        }
        Visit::Enter
    }

    fn close(&mut self, ns: Ns, local: &str) {
        if ns == Ns::Style && (local.starts_with("header") || local.starts_with("footer")) {
            self.inside = self.inside.saturating_sub(1);
        }
    }

    fn text(&mut self, text: &str) {
        self.found |= self.inside > 0 && !text.trim().is_empty();
    }
}
