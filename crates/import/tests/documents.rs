//! PDF, Word, OpenDocument and subtitle files imported end to end (issue 26): the stored text,
//! the document's facts in the review details, the origin (file name, SHA-256 of the bytes),
//! page starts and media times; refusals in plain words; and an update from a corrected PDF
//! or Word file re-anchoring the claims.

#[path = "../../documents/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};

use claimdesk_import::reanchor::{Outcome, apply, reanchor_article};
use claimdesk_import::{ArticleKind, ImportError, ImportOptions, Imported, import_article};
use claimdesk_model::format::{load_str, to_json};
use claimdesk_model::{ClaimStatus, Span, sha256_hex};
use claimdesk_testkit::{claim, test_file};
use support::{OdfParts, WordParts, docx, odt, w_p};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn import(path: &Path) -> Imported {
    import_article(path, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Budget statement</dc:title><dc:creator>Amina Yusuf</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T09:00:00Z</dcterms:created></cp:coreProperties>"#;

fn budget_docx(spent: &str) -> Vec<u8> {
    let body = [
        w_p("Budget statement"),
        w_p(&format!("The ministry spent {spent} million on schools.")),
        r#"<w:p><w:r><w:t xml:space="preserve">Teachers got </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>no</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>a</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> raise.</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    docx(
        &body,
        &WordParts {
            header: Some(&w_p("CONFIDENTIAL DRAFT")),
            core: Some(CORE),
            ..WordParts::default()
        },
    )
}

#[test]
fn a_word_file_imports_its_text_facts_origin_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = budget_docx("12");
    let path = write(dir.path(), "budget.docx", &bytes);
    let i = import(&path);
    let article = &i.review.article;
    assert_eq!(i.kind, ArticleKind::Docx);
    assert_eq!(
        article.text(),
        "Budget statement\n\nThe ministry spent 12 million on schools.\n\nTeachers got a raise."
            .to_owned()
            + if article.text().ends_with('\n') {
                "\n"
            } else {
                ""
            }
    );
    assert!(
        !article.text().contains("CONFIDENTIAL"),
        "page header left out"
    );
    assert_eq!(article.title, "Budget statement");
    assert_eq!(i.review.details.article_published, "2024-03-05");
    assert_eq!(
        i.review.details.extra.get("article_byline"),
        Some(&"Amina Yusuf".into())
    );
    let origin = article.origin.as_ref().unwrap();
    assert_eq!(origin.file_name, "budget.docx");
    assert_eq!(origin.sha256, sha256_hex(&bytes));
    assert!(article.page_starts().is_empty(), "Word files have no pages");
    let notes = i.notes.join("\n");
    assert!(notes.contains("tracked changes"), "{notes}");
    assert!(notes.contains("Byline: Amina Yusuf"), "{notes}");
}

#[test]
fn an_opendocument_file_imports_even_when_named_txt() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"<text:h text:outline-level="1">Council minutes</text:h><text:p>The council approved 40 new homes.</text:p>"#;
    let meta = r#"<dc:title>Minutes</dc:title><meta:initial-creator>Jon Berg</meta:initial-creator><meta:creation-date>2023-10-01T08:00:00</meta:creation-date>"#;
    let bytes = odt(
        body,
        &OdfParts {
            meta: Some(meta),
            ..OdfParts::default()
        },
    );
    let i = import(&write(dir.path(), "minutes.txt", &bytes));
    assert_eq!(i.kind, ArticleKind::Odt, "the bytes decide, not the name");
    assert!(
        i.review
            .article
            .text()
            .starts_with("Council minutes\n\nThe council approved 40 new homes.")
    );
    assert_eq!(i.review.article.title, "Minutes");
    assert_eq!(i.review.details.article_published, "2023-10-01");
    assert_eq!(
        i.review.article.origin.as_ref().unwrap().file_name,
        "minutes.txt"
    );
}

#[test]
fn a_pdf_imports_its_text_pages_and_metadata() {
    let path = test_file("fixtures/documents/report.pdf");
    let i = import(&path);
    let article = &i.review.article;
    assert_eq!(i.kind, ArticleKind::Pdf);
    assert_eq!(i.encoding, "PDF");
    assert_eq!(article.title, "Water Board Annual Report");
    assert_eq!(i.review.details.article_published, "2024-11-26");
    assert!(
        article
            .text()
            .starts_with("The board spent 38 million euros on new pipes in 2024.")
    );
    assert!(!article.text().contains("Page 2"), "page numbers removed");
    assert_eq!(article.page_starts().len(), 3);
    let at = |needle: &str| {
        article
            .text()
            .find(needle)
            .map(|b| article.text()[..b].chars().count())
            .unwrap()
    };
    let start = at("Customers waited");
    assert_eq!(article.page_at(0), Some(1));
    assert_eq!(article.page_at(start), Some(2));
    assert_eq!(article.page_at(at("The board plans")), Some(3));
    // A span from page 2 into page 3 covers both.
    let span = Span::new(start, at("The board plans") + 5);
    assert_eq!(article.pages_of(span), Some((2, 3)));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(article.origin.as_ref().unwrap().sha256, sha256_hex(&bytes));
    // Saved and loaded, the review keeps all of it.
    let loaded = load_str(&to_json(&i.review)).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(&loaded.review.article, article);
}

const SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\nSEN. HOLLIS: Unemployment fell to four percent\n\n2\n00:00:04,500 --> 00:00:07,000\nlast year. We built 200 new schools.\n\n3\n00:01:30,250 --> 00:01:33,000\n<i>Crime doubled in the capital.</i>\n";

#[test]
fn subtitles_import_as_running_text_with_media_times() {
    let dir = tempfile::tempdir().unwrap();
    let i = import(&write(dir.path(), "debate.srt", SRT.as_bytes()));
    let article = &i.review.article;
    assert_eq!(i.kind, ArticleKind::Srt);
    let text = article.text();
    assert!(
        text.contains("Unemployment fell to four percent last year."),
        "a sentence cut across cues is one: {text:?}"
    );
    assert!(!text.contains("-->") && !text.contains("<i>"), "{text:?}");
    let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
    assert_eq!(article.media_time_at(at("Unemployment")), Some(1.0));
    assert_eq!(article.media_time_at(at("We built")), Some(4.5));
    assert_eq!(article.media_millis_at(at("Crime doubled")), Some(90_250));
    assert!(article.page_starts().is_empty());
    assert_eq!(
        article.origin.as_ref().unwrap().sha256,
        sha256_hex(SRT.as_bytes())
    );
    // WebVTT, and subtitles recognised by their content under another name.
    let vtt = "WEBVTT\n\n00:00:02.000 --> 00:00:05.000 align:start\n<v Roger Bingham>We know the sea rose 20 centimetres.\n";
    let v = import(&write(dir.path(), "talk.vtt", vtt.as_bytes()));
    assert_eq!(v.kind, ArticleKind::Vtt);
    assert!(
        v.review
            .article
            .text()
            .contains("We know the sea rose 20 centimetres.")
    );
    assert_eq!(v.review.article.media_time_at(0), Some(2.0));
    let named_txt = import(&write(dir.path(), "captions.txt", SRT.as_bytes()));
    assert_eq!(named_txt.kind, ArticleKind::Srt);
}

#[test]
fn unreadable_documents_are_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj garbage", "PDF"),
        ("not-a-pdf.pdf", b"just some text", "not a PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "Word"),
        (
            "empty.srt",
            b"1\n00:00:01,000 --> 00:00:02,000\n\n",
            "no text",
        ),
    ];
    for (name, bytes, says) in cases {
        let err =
            import_article(&write(dir.path(), name, bytes), &ImportOptions::default()).unwrap_err();
        let message = err.to_string();
        assert!(
            matches!(err, ImportError::Document { .. } | ImportError::Empty(_)),
            "{name}: {err:?}"
        );
        assert!(message.contains(name), "{name}: {message}");
        assert!(message.contains(says), "{name}: {message}");
    }
    // An encrypted Word file (an OLE container with an EncryptedPackage stream) says so.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    let err = import_article(
        &write(dir.path(), "locked.docx", &ole),
        &ImportOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(!err.contains("binary file"), "{err}");
}

#[test]
fn a_corrected_pdf_re_anchors_the_claims_and_replaces_origin_and_pages() {
    let old = import(&test_file("fixtures/documents/report.pdf")).review;
    let mut review = old.clone();
    let article = old.article.clone();
    review.insert(claim(
        &article,
        "c1",
        "Leaks fell by a third",
        ClaimStatus::Disputed,
    ));
    review.insert(claim(
        &article,
        "c2",
        "The board plans to replace 120 kilometres of pipe by 2027.",
        ClaimStatus::Asserted,
    ));
    let corrected_path = test_file("fixtures/documents/report-corrected.pdf");
    let corrected = import(&corrected_path).review.article;
    let plan = reanchor_article(&review, &corrected);
    for u in &plan.claims {
        assert!(
            matches!(u.outcome, Outcome::Moved { .. } | Outcome::Unchanged { .. }),
            "{}: {:?}",
            u.id.as_str(),
            u.outcome
        );
    }
    let updated = apply(&review, &plan, false);
    let new = &updated.article;
    assert!(new.text().contains("41 million"));
    assert_eq!(new.page_starts(), corrected.page_starts());
    assert_eq!(new.origin, corrected.origin);
    assert_ne!(new.origin, old.article.origin);
    assert_eq!(updated.earlier_versions[0].origin, old.article.origin);
    let c2 = updated
        .claims()
        .iter()
        .find(|c| c.id.as_str() == "c2")
        .unwrap();
    assert!(!c2.orphaned);
    assert_eq!(new.pages_of(c2.span), Some((3, 3)));
    // A plain text update clears the document's positions: they belong to the old file.
    let plain = reanchor(&updated, new.text().replace("41", "42").as_str());
    let as_text = apply(&updated, &plain, false);
    assert!(as_text.article.page_starts().is_empty());
    assert_eq!(as_text.article.origin, None);
}

use claimdesk_import::reanchor::reanchor;

#[test]
fn a_corrected_word_file_re_anchors_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    let first = import(&write(dir.path(), "budget.docx", &budget_docx("12"))).review;
    let mut review = first.clone();
    let article = first.article.clone();
    review.insert(claim(
        &article,
        "c1",
        "Teachers got a raise.",
        ClaimStatus::Disputed,
    ));
    review.insert(claim(
        &article,
        "c2",
        "The ministry spent 12 million on schools.",
        ClaimStatus::Asserted,
    ));
    let second = import(&write(dir.path(), "budget-v2.docx", &budget_docx("15"))).review;
    let plan = reanchor_article(&review, &second.article);
    let updated = apply(&review, &plan, true);
    let c1 = updated
        .claims()
        .iter()
        .find(|c| c.id.as_str() == "c1")
        .unwrap();
    assert!(!c1.orphaned);
    assert_eq!(c1.quote, "Teachers got a raise.");
    let c2 = updated
        .claims()
        .iter()
        .find(|c| c.id.as_str() == "c2")
        .unwrap();
    assert_eq!(c2.quote, "The ministry spent 15 million on schools.");
    assert_eq!(
        updated.article.origin.as_ref().unwrap().file_name,
        "budget-v2.docx"
    );
}
