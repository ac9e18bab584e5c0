//! The PDF report: the same content as the HTML report (see [`super::report`]), typeset by
//! typst used as a library. The template (`report.typ`) and the fonts are built into the
//! binary; the review reaches the template only as JSON data (`data.rs`), so hostile text is
//! only ever text. Same review, same bytes: the PDF's date is the review's last change.

mod data;
mod world;

use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards};

use super::ReportOptions;
use claimdesk_model::Review;
use world::ReportWorld;

pub use data::direction;
pub(crate) use data::report_data;

/// The page size of a PDF report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// All sizes, in menu order.
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// The name on the command line and in typst (`a4`, `us-letter` → `letter`).
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Paper::ALL
            .into_iter()
            .find(|p| p.name() == lower)
            .ok_or_else(|| format!("unknown paper size \"{s}\"; expected a4 or letter"))
    }
}

/// Typesetting failed. Not expected for any loaded review (the template is fixed and the data
/// is only text); kept so nothing panics, with typst's messages.
#[derive(Debug, thiserror::Error)]
#[error("could not typeset the PDF: {0}")]
pub struct PdfError(pub String);

/// The review as a PDF report on `paper`, with what `options` adds (each claim's timeline).
pub fn pdf(review: &Review, paper: Paper, options: &ReportOptions) -> Result<Vec<u8>, PdfError> {
    let data = data::report_data(review, paper, options);
    let bytes = serde_json::to_vec(&data).map_err(|e| PdfError(e.to_string()))?;
    let world = ReportWorld::new(bytes);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PdfError(messages(&errors)))?;
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("Claimdesk".to_owned())),
        timestamp: None,
        page_ranges: None,
        standards: PdfStandards::default(),
        tagged: true,
        pretty: false,
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| PdfError(messages(&errors)));
    // typst memoises its work process-wide (comemo); an export is one-off, so its cache is
    // dropped: a long-running app does not keep every exported review's layout in memory, and
    // the next export (and the benchmark) is measured cold.
    typst::comemo::evict(0);
    bytes
}

/// typst's diagnostics in one line: the first three, and how many more.
fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    let mut line = errors
        .iter()
        .take(3)
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    if errors.len() > 3 {
        line.push_str(&format!("; and {} more", errors.len() - 3));
    }
    line
}
