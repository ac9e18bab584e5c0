//! The whole reading of one PDF: load it (and tell a password, damage or excess apart), read
//! each page's glyphs, lay the pages out, and assemble the text, the facts and the notes.

use lopdf::{Document, LoadOptions};

use super::assemble::{PageParagraphs, assemble};
use super::blocks::{Block, blocks, overlap};
use super::chunks::chunks;
use super::content::{Budget, FontCache, page_glyphs};
use super::facts::document_facts;
use super::footnotes::split_notes;
use super::glyphs::PageGlyphs;
use super::hyphens::Words;
use super::order::reading_order;
use super::paragraphs::{Paragraph, paragraphs};
use super::running::{LaidOutPage, RunningRemoved, remove_running};
use super::{KIND, MAX_PAGES, broken, too_large};
use crate::{Extracted, ReadError};

/// The largest single stream decompressed (object streams, content streams).
const STREAM_LIMIT: usize = 64 << 20;
/// All content streams of the document together, decompressed.
const CONTENT_LIMIT: usize = 1 << 30;
/// Content-stream operators run, over all pages.
const OPERATOR_LIMIT: u64 = 50_000_000;

/// Reads `bytes` (already known to carry the PDF signature).
pub(crate) fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let doc = load(bytes)?;
    let page_ids: Vec<_> = doc.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(broken("it has no pages"));
    }
    if page_ids.len() > MAX_PAGES {
        return Err(too_large(format!(
            "it has {} pages; the limit is {MAX_PAGES}",
            page_ids.len()
        )));
    }
    let mut budget = Budget {
        operators: OPERATOR_LIMIT,
        bytes: CONTENT_LIMIT,
        stream_limit: STREAM_LIMIT,
        undecodable: 0,
    };
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    for id in page_ids {
        let page = page_glyphs(&doc, id, &mut fonts, &mut budget).map_err(|e| too_large(e.0))?;
        pages.push(page);
    }
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.is_blank())) {
        if budget.undecodable > 0 {
            return Err(broken("the contents of its pages cannot be decoded"));
        }
        if pages
            .iter()
            .any(|p| p.glyphs.iter().any(|g| g.text.is_empty()))
        {
            // Characters are drawn, but their fonts do not say which letters they are.
            return Err(broken(
                "its characters cannot be turned into text (their fonts have no usable character map)",
            ));
        }
        return Err(ReadError::NoTextLayer);
    }
    let mut extracted = lay_out(pages);
    if extracted.text.is_empty() {
        return Err(ReadError::Empty { kind: KIND });
    }
    extracted.facts = document_facts(&doc);
    Ok(extracted)
}

/// The document, decrypted when its user password is empty.
fn load(bytes: &[u8]) -> Result<Document, ReadError> {
    let options = LoadOptions {
        max_decompressed_size: Some(STREAM_LIMIT),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    if doc.trailer.get(b"Encrypt").is_ok() && doc.authenticate_password("").is_err() {
        return Err(ReadError::Encrypted { kind: KIND });
    }
    Ok(doc)
}

/// A lopdf load error in plain words.
fn load_error(error: lopdf::Error) -> ReadError {
    use lopdf::Error as E;
    match error {
        E::InvalidPassword | E::Decryption(_) => ReadError::Encrypted { kind: KIND },
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            too_large("a part of it decompresses to more than the limit")
        }
        E::IO(_) | E::Parse(_) | E::InvalidOffset(_) | E::MissingXrefEntry | E::Xref(_) => broken(
            format!("it is cut short or its index of objects cannot be read ({error})"),
        ),
        other => broken(format!("its structure cannot be read ({other})")),
    }
}

/// Pages of glyphs into the text, the page starts and the notes.
fn lay_out(pages: Vec<PageGlyphs>) -> Extracted {
    let page_count = pages.len();
    let artifact_pages = pages.iter().filter(|p| p.artifact_glyphs > 0).count();
    let textless = pages
        .iter()
        .filter(|p| p.glyphs.iter().all(|g| g.is_blank()))
        .count();
    let mut laid_out = Vec::with_capacity(page_count);
    let mut rotated = Vec::with_capacity(page_count);
    for page in pages {
        let (page_chunks, page_rotated) = chunks(&page.glyphs);
        laid_out.push(LaidOutPage {
            blocks: blocks(page_chunks),
            height: page.height,
        });
        rotated.push(page_rotated);
    }
    let removed = remove_running(&mut laid_out);
    let body_size = body_size(&laid_out);
    let mut notes_moved = 0;
    let mut words = Words::default();
    let mut paged = Vec::with_capacity(page_count);
    for (page, rotated) in laid_out.into_iter().zip(rotated) {
        let ordered = reading_order(page.blocks);
        let (body, notes) = split_notes(ordered, body_size, page.height);
        let body = block_paragraphs(&body, false);
        let mut after = block_paragraphs(&notes, true);
        notes_moved += after.len();
        if !rotated.trim().is_empty() {
            after.push(Paragraph {
                lines: vec![rotated.trim().to_owned()],
                size: 0.0,
                indented: false,
                block_start: true,
            });
        }
        let body = clean(body);
        let after = clean(after);
        for line in body.iter().chain(&after).flat_map(|p| &p.lines) {
            words.add_line(line);
        }
        paged.push(PageParagraphs { body, after });
    }
    let (text, page_starts) = assemble(&paged, &words);
    Extracted {
        text,
        pages: page_starts,
        notes: notes(&removed, artifact_pages, notes_moved, textless, page_count),
        ..Default::default()
    }
}

/// The paragraphs of a page's blocks, each knowing its column's left edge.
fn block_paragraphs(blocks: &[Block], notes: bool) -> Vec<Paragraph> {
    blocks
        .iter()
        .flat_map(|block| {
            let size = block.size();
            let left = blocks
                .iter()
                .filter(|o| {
                    o.x0 <= block.x0
                        && block.x0 - o.x0 < 3.0 * size
                        && overlap(o.x0, o.x1, block.x0, block.x1) >= 0.5
                })
                .map(|o| o.x0)
                .fold(block.x0, f32::min);
            paragraphs(block, left, notes)
        })
        .collect()
}

/// The font size of most of the document's text (by characters).
fn body_size(pages: &[LaidOutPage]) -> f32 {
    let mut sizes: Vec<(i32, usize)> = Vec::new();
    for line in pages.iter().flat_map(|p| &p.blocks).flat_map(|b| &b.lines) {
        let key = (line.size * 10.0).round() as i32;
        match sizes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += line.text.len(),
            None => sizes.push((key, line.text.len())),
        }
    }
    sizes
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(10.0, |(k, _)| k as f32 / 10.0)
}

/// Paragraphs with their lines as Claimdesk stores text: no control characters, no-break
/// spaces as spaces, soft hyphens gone but at a line end (where they join the broken word);
/// empty lines and paragraphs dropped.
fn clean(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    paragraphs
        .into_iter()
        .filter_map(|mut paragraph| {
            paragraph.lines = paragraph
                .lines
                .iter()
                .map(|line| clean_line(line))
                .filter(|line| !line.is_empty())
                .collect();
            (!paragraph.lines.is_empty()).then_some(paragraph)
        })
        .collect()
}

fn clean_line(line: &str) -> String {
    let soft_end = line.ends_with('\u{ad}');
    let mut out: String = line
        .chars()
        .filter(|&c| c != '\u{ad}' && !c.is_control())
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect();
    out = out.trim().to_owned();
    if soft_end && !out.is_empty() {
        out.push('\u{ad}');
    }
    out
}

/// Notes for the user about what was left out or moved.
fn notes(
    removed: &RunningRemoved,
    artifact_pages: usize,
    notes_moved: usize,
    textless: usize,
    pages: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut kinds = Vec::new();
    if removed.heads > 0 {
        kinds.push("running heads");
    }
    if removed.feet > 0 {
        kinds.push("running feet");
    }
    if removed.numbers > 0 {
        kinds.push("page numbers");
    }
    if let Some(last) = kinds.pop() {
        let list = if kinds.is_empty() {
            last.to_owned()
        } else {
            format!("{} and {last}", kinds.join(", "))
        };
        out.push(format!(
            "Removed {list} on {} of {pages} pages.",
            removed.pages
        ));
    }
    if artifact_pages > 0 {
        out.push(format!(
            "Left out text the PDF marks as page decoration (running heads, page numbers) on {artifact_pages} of {pages} pages."
        ));
    }
    if notes_moved > 0 {
        out.push(format!(
            "Moved {notes_moved} footnote paragraph(s) out of the running text: each follows the body text of its page, or the paragraph running on from that page."
        ));
    }
    if textless > 0 {
        out.push(format!(
            "{textless} of {pages} pages have no text layer (scanned or images only): their text is missing."
        ));
    }
    out
}
