//! Unit tests of the export entry point: format names, notes, determinism.

use super::*;
use claimdesk_model::{Article, Claim, Span};

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

/// The review with a history on its first claim: marked by Ana, then a reason with markup.
fn review_with_history() -> Review {
    use claimdesk_model::Timestamp;
    use claimdesk_model::status_history::{Recording, record, set_last_reason};
    let mut r = review();
    let mut c = r.claims()[0].clone();
    let at = Timestamp::parse("2026-11-30T10:00:00Z").unwrap();
    record(None, &mut c, "Ana <AD>", &at, Recording::NewEntry);
    assert!(set_last_reason(&mut c, "the <b>minister</b> said so"));
    r.replace(c);
    r
}

#[test]
fn reports_show_the_timeline_only_when_asked_and_escaped() {
    let r = review_with_history();
    let with = ExportOptions {
        report: ReportOptions {
            timeline: true,
            ..Default::default()
        },
        ..ExportOptions::default()
    };
    for format in [ExportFormat::Html, ExportFormat::Markdown] {
        let plain = String::from_utf8(export(&r, format).unwrap().bytes).unwrap();
        assert!(!plain.contains("Timeline"), "{format}: not asked for");
        let out = String::from_utf8(export_with(&r, format, &with).unwrap().bytes).unwrap();
        assert!(out.contains("Timeline"), "{format}");
        assert!(
            out.contains("30 November 2026, 10:00 UTC"),
            "{format}: {out}"
        );
        if format == ExportFormat::Html {
            assert!(out.contains("datetime=\"2026-11-30T10:00:00Z\""), "{out}");
        }
        assert!(out.contains("status set to Disputed"), "{format}");
        assert!(
            !out.contains("<b>minister"),
            "{format}: the reason is escaped"
        );
        assert!(!out.contains("Ana <AD>"), "{format}: the name is escaped");
    }
}

#[test]
fn csv_has_the_last_changes_author_and_reason() {
    let out = export(&review_with_history(), ExportFormat::Csv).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with("\"last_change_by\",\"last_change_reason\"")
    );
    let rows: Vec<_> = lines.collect();
    assert!(
        rows.iter()
            .any(|l| l.ends_with("\"Ana <AD>\",\"the <b>minister</b> said so\"")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|l| l.ends_with("\"\",\"\"")),
        "no history: empty"
    );
}

/// A review of a document: claims know their pages (PDF) or their time in the video
/// (subtitles), and the reports show them in the report's language, the time linked to its
/// moment when the video's address is known.
#[test]
fn reports_show_each_claims_pages_and_media_time() {
    use claimdesk_model::MediaTime;
    let text = "First page ends here. Second page starts. Third.".to_owned();
    let a = Article::new("T", "", text)
        .with_page_starts(vec![0, 22, 42])
        .with_media_times(vec![
            MediaTime {
                start: 0,
                millis: 0,
            },
            MediaTime {
                start: 22,
                millis: 3_723_400,
            },
        ]);
    let claims = vec![
        Claim::new(&a, Span::new(0, 10), ClaimStatus::Disputed),
        Claim::new(&a, Span::new(22, 47), ClaimStatus::Asserted),
    ];
    let mut r = Review::with_claims(a, claims);
    r.details.media_url = "https://www.youtube.com/watch?v=abc".into();
    let html = String::from_utf8(export(&r, ExportFormat::Html).unwrap().bytes).unwrap();
    assert!(html.contains("<dt>Page</dt><dd>p. 1</dd>"), "{html}");
    assert!(html.contains("<dt>Page</dt><dd>pp. 2–3</dd>"), "{html}");
    assert!(
        html.contains("watch?v=abc&amp;t=3723s") && html.contains(">01:02:03</a>"),
        "{html}"
    );
    let md = String::from_utf8(export(&r, ExportFormat::Markdown).unwrap().bytes).unwrap();
    assert!(
        md.contains(
            "- **Time in the video:** [01:02:03](<https://www.youtube.com/watch?v=abc&t=3723s>)"
        ),
        "{md}"
    );
    r.details.language = "de".into();
    let md = String::from_utf8(export(&r, ExportFormat::Markdown).unwrap().bytes).unwrap();
    assert!(md.contains("- **Seite:** S. 2–3"), "{md}");
    // Without pages or times (a text article) neither fact is shown.
    let plain = String::from_utf8(export(&review(), ExportFormat::Html).unwrap().bytes).unwrap();
    assert!(
        !plain.contains("<dt>Page</dt>") && !plain.contains("video"),
        "{plain}"
    );
}
