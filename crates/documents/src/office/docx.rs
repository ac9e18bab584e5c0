//! Word (`.docx`) files: the main part found through `_rels/.rels`, its footnotes and endnotes
//! through its own relationships, the facts from the core properties.

use std::collections::HashMap;

use crate::{DocumentFacts, Extracted, ReadError};

use super::archive::Archive;
use super::assemble::{Findings, NoteSection, assemble};
use super::flow::Note;
use super::properties::read_properties;
use super::relationships::{Relationships, rels_part_of};
use super::word_text::{NoteKind, WordText};
use super::xml::walk;

/// The kind named in messages.
pub(crate) const DOCX: &str = "Word (.docx)";

/// Reads a Word document: see the [`office`](super) module for what is read and left out.
pub fn read_docx(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let mut archive = Archive::open(bytes, DOCX)?;
    refuse_other_kinds(&archive)?;
    let package = read_relationships(&mut archive, "_rels/.rels", "")?;
    let main = package
        .target("officeDocument")
        .unwrap_or("word/document.xml")
        .to_owned();
    let Some(xml) = archive.read(&main)? else {
        return Err(ReadError::NotThisKind {
            expected: DOCX,
            detail: format!("the archive has no document part ({main})"),
        });
    };
    let mut body = WordText::default();
    walk(&xml, &main, DOCX, &mut body)?;
    drop(xml);
    if !body.is_document {
        return Err(ReadError::NotThisKind {
            expected: DOCX,
            detail: format!("{main} is not a Word document body"),
        });
    }
    let parts = read_relationships(&mut archive, &rels_part_of(&main), &main)?;
    let mut sections = Vec::new();
    for (kind, rel, default, heading) in [
        (
            NoteKind::Footnote,
            "footnotes",
            "word/footnotes.xml",
            "Footnotes",
        ),
        (
            NoteKind::Endnote,
            "endnotes",
            "word/endnotes.xml",
            "Endnotes",
        ),
    ] {
        if body.note_refs.iter().any(|r| r.kind == kind) {
            let part = parts.target(rel).unwrap_or(default).to_owned();
            let mut notes: HashMap<String, Vec<String>> = read_notes(&mut archive, &part)?
                .into_iter()
                .rev()
                .map(|n| (n.label, n.paragraphs))
                .collect();
            let referenced = body
                .note_refs
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| (r.mark.clone(), notes.remove(&r.id).unwrap_or_default()))
                .collect();
            sections.push(NoteSection {
                heading,
                notes: referenced,
            });
        }
    }
    let facts = read_facts(&mut archive, &package)?;
    let findings = Findings {
        tracked_changes: body.tracked_changes,
        comments: body.comments,
        headers_footers: body.headers_footers && headers_have_text(&mut archive, &parts),
    };
    let (paragraphs, _) = body.flow.finish();
    assemble(DOCX, paragraphs, sections, facts, findings)
}

/// A spreadsheet, presentation or OpenDocument file given as a Word document.
fn refuse_other_kinds(archive: &Archive) -> Result<(), ReadError> {
    let other = if archive.contains("word/document.xml") {
        return Ok(());
    } else if archive.contains("xl/workbook.xml") {
        "an Excel workbook (.xlsx)"
    } else if archive.contains("ppt/presentation.xml") {
        "a PowerPoint presentation (.pptx)"
    } else if archive.contains("content.xml") {
        "an OpenDocument file (.odt)"
    } else {
        return Ok(());
    };
    Err(ReadError::NotThisKind {
        expected: DOCX,
        detail: format!("it is {other}"),
    })
}

/// The relationships in `rels_part`: none when the part is missing or damaged (the readers
/// then look for the parts where Word puts them).
fn read_relationships(
    archive: &mut Archive,
    rels_part: &str,
    source: &str,
) -> Result<Relationships, ReadError> {
    Ok(match archive.read(rels_part)? {
        Some(xml) => Relationships::read(&xml, rels_part, source, DOCX).unwrap_or_default(),
        None => Relationships::default(),
    })
}

/// The notes of a footnotes or endnotes part, labelled by id (none when the part is missing).
fn read_notes(archive: &mut Archive, part: &str) -> Result<Vec<Note>, ReadError> {
    let Some(xml) = archive.read(part)? else {
        return Ok(Vec::new());
    };
    let mut notes = WordText::default();
    walk(&xml, part, DOCX, &mut notes)?;
    Ok(notes.flow.finish().1)
}

/// Most header and footer parts looked at for text (a document has one to six per section).
const MAX_HEADER_PARTS: usize = 60;

/// True when a page header or footer the document relates to shows any text (a page number
/// counts); a part that cannot be read counts as showing text.
fn headers_have_text(archive: &mut Archive, parts: &Relationships) -> bool {
    let targets: Vec<String> = parts
        .targets("header")
        .chain(parts.targets("footer"))
        .take(MAX_HEADER_PARTS)
        .map(str::to_owned)
        .collect();
    targets.iter().any(|part| match archive.read(part) {
        Ok(Some(xml)) => {
            let mut text = WordText::default();
            walk(&xml, part, DOCX, &mut text).is_err() || !text.flow.finish().0.is_empty()
        }
        Ok(None) => false,
        Err(_) => true,
    })
}

/// The core properties' facts; damaged properties give none rather than failing the text.
fn read_facts(archive: &mut Archive, package: &Relationships) -> Result<DocumentFacts, ReadError> {
    let part = package
        .target("core-properties")
        .unwrap_or("docProps/core.xml")
        .to_owned();
    Ok(match archive.read(&part)? {
        Some(xml) => read_properties(&xml, &part, DOCX).unwrap_or_default(),
        None => DocumentFacts::default(),
    })
}
