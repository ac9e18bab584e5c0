//! Golden files of every export format on the sample review. `UPDATE_GOLDEN=1 cargo test`
//! rewrites them; review the diff before committing.

use claimdesk_testkit as common;

use claimdesk_reports::{ExportFormat, export};
use common::{golden, sample_review};

#[test]
fn every_format_matches_its_golden_file() {
    let review = sample_review();
    for format in ExportFormat::ALL {
        let out = export(&review, format).unwrap();
        let name = match format.extension() {
            "jsonld" => format!("golden/sample.{}.jsonld", format.name()),
            ext => format!("golden/sample.{ext}"),
        };
        golden(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests")
                .join(&name),
            &out.bytes,
        );
        assert_eq!(
            export(&review, format).unwrap().bytes,
            out.bytes,
            "{format} is deterministic"
        );
    }
}

#[test]
fn notes_tell_what_was_left_out() {
    let review = sample_review();
    let notes = export(&review, ExportFormat::ClaimReview).unwrap().notes;
    assert!(
        notes
            .iter()
            .any(|n| n
                == "2 claims under investigation were left out: a ClaimReview needs a verdict."),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.contains("orphans")), "{notes:?}");
    let html_notes = export(&review, ExportFormat::Html).unwrap().notes;
    assert_eq!(
        html_notes,
        ["1 claim not found in the article text (orphans) is listed separately."]
    );
}

/// The sample review's HTML and Markdown reports in Spanish and in Arabic (right to left): the
/// labels, statuses, counts and dates come from the catalogues.
#[test]
fn translated_reports_match_their_golden_files() {
    use claimdesk_i18n::Language;
    use claimdesk_reports::{ExportOptions, ReportOptions, export_with};
    let review = sample_review();
    for tag in ["es", "ar"] {
        let options = ExportOptions {
            report: ReportOptions {
                timeline: true,
                language: Language::from_tag(tag),
            },
            ..ExportOptions::default()
        };
        for format in [ExportFormat::Html, ExportFormat::Markdown] {
            let out = export_with(&review, format, &options).unwrap();
            let name = format!("golden/sample.{tag}.{}", format.extension());
            golden(
                &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests")
                    .join(&name),
                &out.bytes,
            );
        }
    }
}
