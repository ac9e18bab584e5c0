//! Unit tests of the export entry point: format names, notes, determinism.

use super::*;
use crate::model::{Article, Claim, Span};

fn review() -> Review {
    let a = Article::new("T", "", "Libya is not to blame, he said.".to_owned());
    let claims = vec![
        Claim::new(&a, Span::new(0, 5), ClaimStatus::Disputed),
        Claim::new(&a, Span::new(0, 21), ClaimStatus::UnderInvestigation),
    ];
    Review::with_claims(a, claims)
}

#[test]
fn names_round_trip_and_unknown_is_an_error() {
    for f in ExportFormat::ALL {
        assert_eq!(f.name().parse::<ExportFormat>().unwrap(), f);
        assert_eq!(f.to_string(), f.name());
    }
    assert_eq!(
        "MD".parse::<ExportFormat>().unwrap(),
        ExportFormat::Markdown
    );
    let err = "docx".parse::<ExportFormat>().unwrap_err().to_string();
    assert!(
        err.contains("\"docx\"") && err.contains("webannotation"),
        "{err}"
    );
}

#[test]
fn every_format_is_deterministic() {
    let r = review();
    for f in ExportFormat::ALL {
        assert_eq!(export(&r, f).unwrap(), export(&r, f).unwrap(), "{f}");
    }
}

#[test]
fn claimreview_counts_what_it_leaves_out() {
    let out = export(&review(), ExportFormat::ClaimReview).unwrap();
    assert!(
        out.notes
            .iter()
            .any(|n| n.starts_with("1 claim under investigation was left out")),
        "{:?}",
        out.notes
    );
    let v: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}
