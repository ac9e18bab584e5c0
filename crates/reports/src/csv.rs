//! The CSV export: a header row, then one row per claim in text order. RFC 4180 (every field
//! quoted, CRLF line ends) with spreadsheet formulas neutralised in every text cell.

use super::ExportError;
use super::safe::csv_cell;
use claimdesk_model::{Claim, Evidence, Review};

/// The columns, in order.
pub const HEADER: [&str; 15] = [
    "id",
    "status",
    "verdict",
    "summary",
    "start",
    "end",
    "quote",
    "claimant",
    "claim_date",
    "note",
    "sources",
    "created",
    "modified",
    "last_change_by",
    "last_change_reason",
];

/// The CSV bytes (UTF-8). Orphaned claims have empty `start` and `end`.
pub fn csv(review: &Review) -> Result<Vec<u8>, ExportError> {
    let mut w = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Always)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER)?;
    for claim in review.claims() {
        w.write_record(row(claim))?;
    }
    w.flush().map_err(::csv::Error::from)?;
    w.into_inner()
        .map_err(|e| ExportError::Csv(::csv::Error::from(e.into_error())))
}

/// One claim's cells, in [`HEADER`] order. Every field of [`Claim`] is named here, so a new
/// field does not compile until this export decides whether it gets a column.
fn row(claim: &Claim) -> [String; HEADER.len()] {
    let Claim {
        id,
        span,
        quote,
        prefix: _, // context for re-anchoring, not a fact of the review
        suffix: _,
        status,
        claimant,
        note,
        verdict,
        summary,
        claim_date,
        evidence,
        created,
        modified,
        orphaned,
        history,
        extra: _, // fields of a newer version, kept in the file only
    } = claim;
    let (last_by, last_reason) = history
        .last()
        .map_or(("", ""), |e| (e.by.as_str(), e.reason.as_str()));
    let (start, end) = if *orphaned {
        (String::new(), String::new())
    } else {
        (span.start.to_string(), span.end.to_string())
    };
    let sources: Vec<String> = evidence
        .iter()
        .filter(|e| !e.is_blank())
        .map(source)
        .collect();
    [
        csv_cell(id.as_str()),
        status.as_str().to_owned(),
        csv_cell(verdict),
        csv_cell(summary),
        start,
        end,
        csv_cell(quote),
        csv_cell(claimant),
        csv_cell(claim_date),
        csv_cell(note),
        csv_cell(&sources.join("\n")),
        csv_cell(created.as_str()),
        csv_cell(modified.as_str()),
        csv_cell(last_by),
        csv_cell(last_reason),
    ]
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
