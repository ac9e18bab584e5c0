//! The fact-check side of the workbench (issue 3): evidence fields, review details, and where
//! an export is proposed (the export itself is [`super::exporting`]). Applied from
//! [`super::AppState::run`].

use std::path::PathBuf;

use claimdesk_model::fields::TypingKey;
use claimdesk_model::history::Edit;
use claimdesk_model::{ClaimId, ReviewDetails};
use claimdesk_reports::ExportFormat;

use super::AppState;
use super::document::Document;

pub use claimdesk_model::fields::EvidenceField;

/// Where Export proposes to write: beside the review (or the article it was made from), named
/// after it, with the format's extension. The two JSON-LD formats get a qualifier so they do not
/// propose the same file.
pub fn suggested_export_path(doc: &Document, format: ExportFormat) -> PathBuf {
    let base = doc
        .path
        .clone()
        .or_else(|| doc.article_path.clone())
        .unwrap_or_else(|| PathBuf::from(file_safe(&doc.review.article.title)));
    let ext = match format {
        ExportFormat::ClaimReview => "claimreview.jsonld",
        ExportFormat::WebAnnotation => "annotations.jsonld",
        other => other.extension(),
    };
    base.with_extension(ext)
}

/// A title made usable as a file name (no path separators or control characters).
fn file_safe(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let name = name.trim().trim_start_matches('.');
    if name.is_empty() {
        "review".to_owned()
    } else {
        name.to_owned()
    }
}

impl AppState {
    /// Replaces the review details as one undo step.
    pub(super) fn set_details(&mut self, details: ReviewDetails) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        if doc.review.details == details {
            return;
        }
        doc.history.seal();
        let _ = doc.apply("edit review details", vec![Edit::SetDetails(details)], None);
    }
}

impl AppState {
    /// Adds an empty evidence entry at the end of a claim's list.
    pub(super) fn add_evidence(&mut self, id: &ClaimId) {
        self.update_claim(id, "add source", None, |c| {
            c.evidence.push(Default::default());
        });
    }

    /// Typing in a field of a claim's evidence entry `i`.
    pub(super) fn set_evidence(
        &mut self,
        id: &ClaimId,
        i: usize,
        field: EvidenceField,
        text: String,
    ) {
        let key = TypingKey::Evidence(id.clone(), i, field);
        let label = format!("edit source {}", field.key());
        self.update_claim(id, &label, Some(key), |c| {
            if let Some(e) = c.evidence.get_mut(i) {
                *field.of(e) = text;
            }
        });
    }

    /// Removes a claim's evidence entry `i`.
    pub(super) fn remove_evidence(&mut self, id: &ClaimId, i: usize) {
        self.update_claim(id, "remove source", None, |c| {
            if i < c.evidence.len() {
                c.evidence.remove(i);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_plain_file_names() {
        assert_eq!(file_safe("a/b\\c:d"), "a_b_c_d");
        assert_eq!(file_safe("  ..hidden "), "hidden");
        assert_eq!(file_safe("   "), "review");
    }
}
