//! The CSV export: a header row, then one row per claim in text order. RFC 4180 (every field
//! quoted, CRLF line ends) with spreadsheet formulas neutralised in every text cell.

use super::ExportError;
use super::safe::csv_cell;
use crate::model::{Evidence, Review};

/// The columns, in order.
pub const HEADER: [&str; 11] = [
    "id", "status", "verdict", "start", "end", "quote", "claimant", "note", "sources", "created",
    "modified",
];

/// The CSV bytes (UTF-8). Orphaned claims have empty `start` and `end`.
pub fn csv(review: &Review) -> Result<Vec<u8>, ExportError> {
    let mut w = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Always)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER)?;
    for c in review.claims() {
        let (start, end) = if c.orphaned {
            (String::new(), String::new())
        } else {
            (c.span.start.to_string(), c.span.end.to_string())
        };
        let sources: Vec<String> = c
            .evidence
            .iter()
            .filter(|e| !e.is_blank())
            .map(source)
            .collect();
        w.write_record([
            csv_cell(c.id.as_str()),
            c.status.as_str().to_owned(),
            csv_cell(&c.verdict),
            start,
            end,
            csv_cell(&c.quote),
            csv_cell(&c.claimant),
            csv_cell(&c.note),
            csv_cell(&sources.join("\n")),
            csv_cell(c.created.as_str()),
            csv_cell(c.modified.as_str()),
        ])?;
    }
    w.flush().map_err(::csv::Error::from)?;
    w.into_inner()
        .map_err(|e| ExportError::Csv(::csv::Error::from(e.into_error())))
}

/// One source on one line: `title <url> (accessed date): “excerpt” — note`.
fn source(e: &Evidence) -> String {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut parts = flat(&e.title);
    if !e.url.trim().is_empty() {
        if !parts.is_empty() {
            parts.push(' ');
        }
        parts.push_str(&format!("<{}>", flat(&e.url)));
    }
    if !e.accessed.trim().is_empty() {
        parts.push_str(&format!(" (accessed {})", flat(&e.accessed)));
    }
    if !e.excerpt.trim().is_empty() {
        parts.push_str(&format!(": “{}”", flat(&e.excerpt)));
    }
    if !e.note.trim().is_empty() {
        parts.push_str(&format!(" — {}", flat(&e.note)));
    }
    parts.trim().to_owned()
}
