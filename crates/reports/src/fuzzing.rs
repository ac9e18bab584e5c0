//! The properties the fuzz targets (`fuzz/`) check, shared with `cargo test`, which replays the
//! fuzz corpus through the same functions.

use claimdesk_model::format::load_str;

use crate::{ExportFormat, export};

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
        let _ = crate::pdf::report_data(
            &loaded.review,
            crate::Paper::A4,
            &crate::ReportOptions {
                timeline: true,
                ..Default::default()
            },
        );
    }
}
