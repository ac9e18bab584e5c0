//! Reports of a review in six formats, all pure functions of the review: the same review
//! gives the same bytes (no "now" anywhere), and every piece of user or article text is hostile.

mod claimreview;
mod csv;
#[doc(hidden)]
pub mod fuzzing;
mod html;
mod markdown;
pub mod pdf;
mod report;
pub mod safe;
pub mod segments;
mod webannotation;

use std::fmt;
use std::str::FromStr;

use claimdesk_model::{ClaimStatus, Review};

pub use claimreview::claimreview;
pub use csv::csv;
pub use html::{html, html_with};
pub use markdown::{markdown, markdown_with};
pub use pdf::{Paper, PdfError, pdf};
pub use report::ReportOptions;
pub use webannotation::webannotation;

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A self-contained, print-ready HTML report.
    Html,
    /// The same report in CommonMark.
    Markdown,
    /// One row per claim, RFC 4180.
    Csv,
    /// schema.org ClaimReview JSON-LD, one per asserted or disputed claim.
    ClaimReview,
    /// A W3C Web Annotation `AnnotationCollection`.
    WebAnnotation,
    /// The HTML report's content as a paginated, tagged PDF (typst).
    Pdf,
}

impl ExportFormat {
    /// All formats, in menu order.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Html,
        ExportFormat::Pdf,
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::ClaimReview,
        ExportFormat::WebAnnotation,
    ];

    /// The name used on the command line (`webannotation`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Csv => "csv",
            ExportFormat::ClaimReview => "claimreview",
            ExportFormat::WebAnnotation => "webannotation",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// A human-readable name for menus ("ClaimReview JSON-LD").
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Html => "HTML report",
            ExportFormat::Markdown => "Markdown report",
            ExportFormat::Csv => "CSV table",
            ExportFormat::ClaimReview => "ClaimReview JSON-LD",
            ExportFormat::WebAnnotation => "W3C Web Annotations",
            ExportFormat::Pdf => "PDF report",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::ClaimReview | ExportFormat::WebAnnotation => "jsonld",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// True if the output is UTF-8 text (every format but PDF).
    pub fn is_text(self) -> bool {
        self != ExportFormat::Pdf
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The text was not one of the format names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown export format \"{0}\"; expected one of html, pdf, markdown, csv, claimreview, webannotation"
)]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    /// Accepts the names case-insensitively, and `md`, `json-ld`, `w3c` as aliases.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let found = match lower.as_str() {
            "md" => Some(ExportFormat::Markdown),
            "jsonld" | "json-ld" => Some(ExportFormat::ClaimReview),
            "w3c" | "annotations" => Some(ExportFormat::WebAnnotation),
            other => Self::ALL.into_iter().find(|f| f.name() == other),
        };
        found.ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// Why an export failed. Should not happen for any loaded review; kept so nothing panics.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("could not write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// JSON serialisation failed.
    #[error("could not write the JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Typesetting the PDF failed.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// Choices that only some formats read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The PDF report's page size.
    pub paper: Paper,
    /// What the HTML, Markdown and PDF reports include beyond the default (the timeline).
    pub report: ReportOptions,
}

/// A finished export and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOutput {
    /// The file contents.
    pub bytes: Vec<u8>,
    /// Plain-words remarks ("3 claims under investigation were left out").
    pub notes: Vec<String>,
}

/// Exports `review` in `format` with the default options.
pub fn export(review: &Review, format: ExportFormat) -> Result<ExportOutput, ExportError> {
    export_with(review, format, &ExportOptions::default())
}

/// Exports `review` in `format`. The single entry point for the GUI and the CLI.
pub fn export_with(
    review: &Review,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<ExportOutput, ExportError> {
    let bytes = match format {
        ExportFormat::Html => html_with(review, &options.report).into_bytes(),
        ExportFormat::Markdown => markdown_with(review, &options.report).into_bytes(),
        ExportFormat::Csv => csv(review)?,
        ExportFormat::ClaimReview => claimreview(review)?.into_bytes(),
        ExportFormat::WebAnnotation => webannotation(review)?.into_bytes(),
        ExportFormat::Pdf => pdf(review, options.paper, &options.report)?,
    };
    Ok(ExportOutput {
        bytes,
        notes: notes(review, format),
    })
}

/// "1 claim" / "3 claims".
fn claims_word(n: usize) -> String {
    if n == 1 {
        "1 claim".to_owned()
    } else {
        format!("{n} claims")
    }
}

/// What the user should know about an export of `review` in `format`.
pub fn notes(review: &Review, format: ExportFormat) -> Vec<String> {
    let mut notes = Vec::new();
    let orphans = review.orphan_count();
    if orphans > 0 {
        let (is, has) = if orphans == 1 {
            ("is", "has")
        } else {
            ("are", "have")
        };
        let what = match format {
            ExportFormat::Html | ExportFormat::Markdown | ExportFormat::Pdf => {
                format!("{is} listed separately")
            }
            ExportFormat::Csv => format!("{has} empty start and end"),
            ExportFormat::ClaimReview => format!("{is} included, with the quote as marked"),
            ExportFormat::WebAnnotation => {
                format!("{has} a quote selector but no position selector")
            }
        };
        notes.push(format!(
            "{} not found in the article text (orphans) {what}.",
            claims_word(orphans)
        ));
    }
    if format == ExportFormat::ClaimReview {
        notes.extend(claimreview::notes(review));
    }
    if review.claims().is_empty() {
        notes.push("The review has no claims.".to_owned());
    }
    notes
}

/// The claims that count for ClaimReview: asserted or disputed.
fn has_verdict(status: ClaimStatus) -> bool {
    status != ClaimStatus::UnderInvestigation
}

#[cfg(test)]
mod tests;
