//! The real binary on documents (issue 26): `claimdesk new` on a PDF, a Word file, an
//! OpenDocument file and subtitles; `claimdesk update` from a corrected PDF; `claimdesk suggest
//! --json` giving each sentence's `media_start`; a damaged document refused in plain words.

#[path = "../../crates/documents/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

use claimdesk_model::format::{load_file, save_file};
use claimdesk_model::{ClaimStatus, sha256_hex};
use claimdesk_testkit::{claim, test_file};
use serde_json::Value;
use support::{OdfParts, WordParts, docx, odt, w_p};

fn run(args: &[&str]) -> Output {
    crate::harness::claimdesk(args).output()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn copy_fixture(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(test_file(&format!("fixtures/documents/{name}")), &to).unwrap();
    to
}

const SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\nSEN. HOLLIS: Unemployment fell to four percent\n\n2\n00:00:04,500 --> 00:00:07,000\nlast year. We built 200 new schools.\n\n3\n00:01:30,250 --> 00:01:33,000\nCrime doubled in the capital since 2019.\n";

#[test]
fn new_reads_a_pdf_with_its_pages_title_date_and_hash() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = copy_fixture(dir.path(), "report.pdf");
    let out = run(&["new", s(&pdf)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(printed.contains("(PDF)"), "{printed}");
    assert!(printed.contains("pages: 3"), "{printed}");
    assert!(!printed.contains("encoding"), "{printed}");
    let review = load_file(&pdf.with_extension("claimdesk")).unwrap();
    assert!(review.warnings.is_empty(), "{:?}", review.warnings);
    let review = review.review;
    assert_eq!(review.article.title, "Water Board Annual Report");
    assert_eq!(review.details.article_published, "2024-11-26");
    assert_eq!(review.article.page_starts().len(), 3);
    let origin = review.article.origin.unwrap();
    assert_eq!(origin.file_name, "report.pdf");
    assert_eq!(origin.sha256, sha256_hex(&std::fs::read(&pdf).unwrap()));
}

#[test]
fn new_reads_word_opendocument_and_subtitle_files() {
    let dir = tempfile::tempdir().unwrap();
    let word = dir.path().join("statement.docx");
    std::fs::write(
        &word,
        docx(
            &w_p("The ministry spent 12 million on schools."),
            &WordParts::default(),
        ),
    )
    .unwrap();
    let open = dir.path().join("minutes.odt");
    std::fs::write(
        &open,
        odt(
            "<text:p>The council approved 40 new homes.</text:p>",
            &OdfParts::default(),
        ),
    )
    .unwrap();
    let srt = dir.path().join("debate.srt");
    std::fs::write(&srt, SRT).unwrap();
    let vtt = dir.path().join("talk.vtt");
    std::fs::write(
        &vtt,
        "WEBVTT\n\n00:01:02.000 --> 00:01:05.000\n<v Roger Bingham>We know the sea rose 20 centimetres.\n",
    )
    .unwrap();
    for (path, says) in [
        (&word, "The ministry spent 12 million on schools."),
        (&open, "The council approved 40 new homes."),
        (&srt, "Unemployment fell to four percent last year."),
        (&vtt, "We know the sea rose 20 centimetres."),
    ] {
        let out = run(&["new", s(path), "--media-url", "https://youtu.be/abc"]);
        assert!(out.status.success(), "{}: {}", s(path), text(&out.stderr));
        let review = load_file(&path.with_extension("claimdesk")).unwrap().review;
        assert!(review.article.text().contains(says), "{}", s(path));
        assert!(review.article.origin.is_some(), "{}", s(path));
        assert_eq!(review.details.media_url, "https://youtu.be/abc");
    }
    let subtitles = load_file(&srt.with_extension("claimdesk")).unwrap().review;
    let at = subtitles.article.text().find("Crime doubled").unwrap();
    assert_eq!(subtitles.article.media_millis_at(at), Some(90_250));
    let talk = load_file(&vtt.with_extension("claimdesk")).unwrap().review;
    assert_eq!(talk.article.media_time_at(0), Some(62.0));
}

#[test]
fn update_from_a_corrected_pdf_re_anchors_and_takes_its_pages_and_hash() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = copy_fixture(dir.path(), "report.pdf");
    let corrected = copy_fixture(dir.path(), "report-corrected.pdf");
    assert!(run(&["new", s(&pdf)]).status.success());
    let path = pdf.with_extension("claimdesk");
    let mut review = load_file(&path).unwrap().review;
    let article = review.article.clone();
    review.insert(claim(
        &article,
        "c1",
        "Customers waited nine days on average for a connection.",
        ClaimStatus::Disputed,
    ));
    save_file(&path, &review).unwrap();

    let out = run(&["update", s(&path), "--article", s(&corrected)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The figure changed on page 1; the claim on page 2 is where the diff puts it.
    assert!(
        text(&out.stdout).contains("1 unchanged"),
        "{}",
        text(&out.stdout)
    );
    let updated = load_file(&path).unwrap().review;
    let c1 = &updated.claims()[0];
    assert!(!c1.orphaned);
    assert_eq!(updated.article.pages_of(c1.span), Some((2, 2)));
    assert!(updated.article.text().contains("41 million"));
    let origin = updated.article.origin.as_ref().unwrap();
    assert_eq!(origin.file_name, "report-corrected.pdf");
    assert_eq!(
        origin.sha256,
        sha256_hex(&std::fs::read(&corrected).unwrap())
    );
    assert_eq!(
        updated.earlier_versions[0]
            .origin
            .as_ref()
            .unwrap()
            .file_name,
        "report.pdf"
    );
}

#[test]
fn suggest_json_gives_each_sentence_its_media_start() {
    let dir = tempfile::tempdir().unwrap();
    let srt = dir.path().join("debate.srt");
    std::fs::write(&srt, SRT).unwrap();
    let out = run(&["suggest", s(&srt), "--json", "--all"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let starts: Vec<(String, f64)> = v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap().to_owned(),
                s["media_start"].as_f64().unwrap(),
            )
        })
        .collect();
    let of = |words: &str| {
        starts
            .iter()
            .find(|(t, _)| t.contains(words))
            .unwrap_or_else(|| panic!("{words:?} in {starts:?}"))
            .1
    };
    assert_eq!(of("Unemployment fell"), 1.0);
    assert_eq!(of("We built"), 4.5);
    assert_eq!(of("Crime doubled"), 90.25);
    // An article without times says so with null.
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "Crime doubled in the capital since 2019.\n").unwrap();
    let out = run(&["suggest", s(&plain), "--json", "--all"]);
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert!(v["sentences"][0]["media_start"].is_null());
}

#[test]
fn a_damaged_pdf_is_refused_in_plain_words_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("damaged.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj << /Type /Catalog").unwrap();
    let out = run(&["new", s(&pdf)]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("damaged.pdf"), "{err}");
    assert!(err.contains("PDF"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!pdf.with_extension("claimdesk").exists());
}
