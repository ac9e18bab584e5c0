//! The properties the fuzz targets (`fuzz/`) check, shared with `cargo test`, which replays the
//! fuzz corpus through the same functions.

use std::path::Path;

use crate::export::{ExportFormat, export};
use crate::format::{load_str, to_json};
use crate::import::{ArticleKind, ImportOptions, import_bytes};

/// Any bytes give a review or an error, never a panic; a review that loads saves and loads
/// again to the same claims.
pub fn check_load(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = load_str(text) {
        let json = to_json(&loaded.review);
        let again = load_str(&json).expect("a written review loads");
        assert_eq!(again.review.claims(), loaded.review.claims());
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    }
}

/// Every exporter runs on every review the loader accepts, without panicking (the PDF up to its
/// typesetting: see below).
pub fn check_exports(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = load_str(text) {
        for format in ExportFormat::ALL.into_iter().filter(|f| f.is_text()) {
            let _ = export(&loaded.review, format);
        }
        // The PDF's own step: the review as the template's data. Typesetting (a fixed template
        // over JSON strings) is too slow to run per input; core/tests/pdf.rs covers it.
        let _ = crate::export::pdf::report_data(
            &loaded.review,
            crate::export::Paper::A4,
            &crate::export::ReportOptions { timeline: true },
        );
    }
}

/// Any bytes, read as plain text, as a web page and as Markdown, import or are refused, never
/// panic; an imported article is normalised (no carriage returns, no control characters other
/// than newline and tab) and has text.
pub fn check_import(data: &[u8]) {
    for kind in [ArticleKind::Text, ArticleKind::Html, ArticleKind::Markdown] {
        let options = ImportOptions::default();
        let Ok(imported) = import_bytes(data, Path::new("fuzz"), "fuzz", "", kind, &options) else {
            continue;
        };
        let text = imported.review.article.text();
        assert!(!text.trim().is_empty(), "{kind:?}: empty article accepted");
        assert!(
            text.chars()
                .all(|c| c == '\n' || c == '\t' || !c.is_control()),
            "{kind:?}: control characters in {text:?}"
        );
    }
}
