//! OpenDocument text (.odt) files written by the tests: what is read, in which order, what is
//! left out, and how encrypted and foreign files are refused.

mod support;

use claimdesk_documents::ReadError;
use claimdesk_documents::office::fuzzing::check_office;
use claimdesk_documents::office::{read_odt, read_office};
use proptest::prelude::*;
use support::{OdfParts, assert_notes_say, fixture, odt, spliced, zip};

/// A report with everything an OpenDocument text can put around its text. The XML is indented
/// as some writers do: that white space is not text.
fn full_report() -> Vec<u8> {
    let body = r#"
    <text:tracked-changes>
      <text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator><dc:date>2024-03-02T10:00:00</dc:date></office:change-info><text:p>DELETED WORDS</text:p></text:deletion></text:changed-region>
      <text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>A</dc:creator><dc:date>2024-03-02T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
    </text:tracked-changes>
    <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
    <text:h text:outline-level="1">Budget   report
      2024</text:h>
    <text:p text:style-name="P1">The gov<text:span text:style-name="T1">ern</text:span>ment spent <text:change-start text:change-id="ct2"/>4.2 billion<text:change-end text:change-id="ct2"/><text:change text:change-id="ct1"/> on schools.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Ministry of Finance, <text:span>Annual accounts</text:span>, p. 12.</text:p></text:note-body></text:note></text:p>
    <text:p>Spaced<text:s text:c="3"/>out<text:tab/>tabbed<text:line-break/>next line co&#xAD;operative<text:span text:style-name="T9">HIDDEN</text:span><office:annotation><dc:creator>Editor</dc:creator><text:p>COMMENT TEXT</text:p></office:annotation><office:annotation-end/>.</text:p>
    <text:list text:style-name="L1">
      <text:list-item><text:p>First item</text:p></text:list-item>
      <text:list-item><text:p>Second item<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Figures are provisional.</text:p><text:p>Second paragraph of the endnote.</text:p></text:note-body></text:note></text:p></text:list-item>
    </text:list>
    <table:table table:name="Spending">
      <table:table-column table:number-columns-repeated="3"/>
      <table:table-header-rows><table:table-row><table:table-cell><text:p>Region</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>Spending</text:p></table:table-cell><table:covered-table-cell><text:p>COVERED</text:p></table:covered-table-cell></table:table-row></table:table-header-rows>
      <table:table-row><table:table-cell><text:p>North</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p>1.2</text:p></table:table-cell></table:table-row>
    </table:table>
    <text:p>Before box.<draw:frame draw:name="Frame1"><svg:title>ALT TITLE</svg:title><draw:text-box><text:p>Box text</text:p></draw:text-box></draw:frame></text:p>
    <text:table-of-content text:name="TOC"><text:table-of-content-source><text:index-title-template>TEMPLATE</text:index-title-template></text:table-of-content-source><text:index-body><text:p>Contents entry<text:tab/>1</text:p></text:index-body></text:table-of-content>
    "#;
    odt(
        body,
        &OdfParts {
            master_styles: Some(
                r#"<style:master-page style:name="Standard"><style:header><text:p>RUNNING HEAD 2024</text:p></style:header><style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>"#,
            ),
            meta: Some(
                "<meta:initial-creator>Ana Ruiz</meta:initial-creator><dc:creator>Bo Chen</dc:creator><dc:title>Budget report 2024</dc:title><meta:creation-date>2024-03-01T09:30:00</meta:creation-date><dc:date>2024-03-05T10:00:00.123</dc:date><dc:language>en-GB</dc:language>",
            ),
            ..OdfParts::default()
        },
    )
}

#[test]
fn the_body_in_order_with_notes_after_it() {
    let doc = read_odt(&full_report()).expect("the report reads");
    let expected = [
        "Budget report 2024",
        "The government spent 4.2 billion on schools.[1]",
        "Spaced   out\ttabbed\nnext line cooperative.",
        "First item",
        "Second item[i]",
        "Region | Spending",
        "North | 1.2",
        "Box text",
        "Before box.",
        "Contents entry\t1",
        "Footnotes",
        "[1] Ministry of Finance, Annual accounts, p. 12.",
        "Endnotes",
        "[i] Figures are provisional.",
        "Second paragraph of the endnote.",
    ]
    .join("\n\n");
    assert_eq!(doc.text, expected);
    for left_out in [
        "DELETED",
        "COMMENT",
        "RUNNING HEAD",
        "COVERED",
        "ALT TITLE",
        "TEMPLATE",
        "Editor",
    ] {
        assert!(!doc.text.contains(left_out), "{left_out} must be left out");
    }
}

#[test]
fn facts_and_notes_for_the_user() {
    let doc = read_odt(&full_report()).unwrap();
    assert_eq!(doc.facts.title.as_deref(), Some("Budget report 2024"));
    assert_eq!(doc.facts.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(doc.facts.date.as_deref(), Some("2024-03-01T09:30:00"));
    assert_eq!(doc.facts.language.as_deref(), Some("en-GB"));
    assert_notes_say(
        &doc,
        &[
            "tracked changes",
            "1 footnote",
            "1 endnote",
            "Comments were left out",
            "headers and footers were left out",
        ],
    );
}

#[test]
fn a_plain_document_has_no_notes() {
    let doc = read_odt(&odt(
        "<text:p>Just one paragraph.</text:p>",
        &OdfParts::default(),
    ))
    .unwrap();
    assert_eq!(doc.text, "Just one paragraph.");
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_eq!(doc.facts, Default::default());
}

#[test]
fn a_custom_note_label_and_many_spaces() {
    let body = r#"<text:p>Claim<text:note text:note-class="footnote"><text:note-citation text:label="*">1</text:note-citation><text:note-body><text:p>Starred.</text:p></text:note-body></text:note> and<text:s text:c="99999999999"/>more</text:p>"#;
    let doc = read_odt(&odt(body, &OdfParts::default())).unwrap();
    let (first, notes) = doc.text.split_once("\n\n").unwrap();
    assert!(first.starts_with("Claim[*] and   "), "{first:?}");
    assert!(first.ends_with(" more"));
    assert_eq!(first.chars().filter(|&c| c == ' ').count(), 1 + 1000);
    assert_eq!(notes, "Footnotes\n\n[*] Starred.");
}

#[test]
fn encrypted_documents_are_reported() {
    let manifest = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#;
    let err = read_odt(&odt(
        "<text:p>x</text:p>",
        &OdfParts {
            manifest: Some(manifest),
            ..OdfParts::default()
        },
    ))
    .unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Encrypted {
                kind: "OpenDocument text (.odt)"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn other_opendocument_kinds_and_word_files_are_refused() {
    let ods = odt(
        "<text:p>x</text:p>",
        &OdfParts {
            mimetype: Some("application/vnd.oasis.opendocument.spreadsheet"),
            ..OdfParts::default()
        },
    );
    let err = read_odt(&ods).unwrap_err();
    assert!(
        err.to_string().contains("OpenDocument spreadsheet"),
        "{err}"
    );
    let docx = zip(&[("word/document.xml", b"<w:document/>")], &[]);
    let err = read_odt(&docx).unwrap_err();
    assert!(err.to_string().contains("Word"), "{err}");
    let err = read_odt(b"plain text").unwrap_err();
    assert!(matches!(err, ReadError::NotThisKind { .. }), "{err:?}");
}

#[test]
fn damaged_and_empty_documents() {
    let err = read_odt(&odt(
        "<text:p>unclosed<text:span></text:p>",
        &OdfParts::default(),
    ))
    .unwrap_err();
    assert!(matches!(err, ReadError::Broken { .. }), "{err:?}");
    assert!(err.to_string().contains("content.xml"), "{err}");
    let err = read_odt(&odt("<text:p> </text:p><text:p/>", &OdfParts::default())).unwrap_err();
    assert!(matches!(err, ReadError::Empty { .. }), "{err:?}");
    let good = full_report();
    assert!(read_odt(&good[..good.len() - 40]).is_err());
}

#[test]
fn read_office_reads_an_odt_by_its_parts() {
    assert_eq!(
        read_office(&full_report()).unwrap(),
        read_odt(&full_report()).unwrap()
    );
}

#[test]
fn opendocument_files_written_by_libreoffice() {
    let doc = read_odt(&fixture("report.odt")).unwrap();
    let from_word = claimdesk_documents::office::read_docx(&fixture("report.docx")).unwrap();
    assert_eq!(
        doc.text, from_word.text,
        "the same report reads the same in both forms"
    );
    assert!(
        doc.text
            .contains("[1] Spending rose in every region, the report says.")
    );
    assert_eq!(doc.facts.language.as_deref(), Some("en-GB"));
    assert_eq!(doc.notes, from_word.notes);
    let docx_as_odt = read_odt(&fixture("test-docx-saved-as.odt")).unwrap();
    assert!(
        docx_as_odt
            .text
            .contains("See page 7.\tTabbed\nnext line cooper\u{2011}ative\n\nMoved here: arrived"),
        "{}",
        docx_as_odt.text
    );
    for left_out in [
        "3 billion",
        "PAGEREF",
        "COMMENT",
        "RUNNING HEAD",
        "HIDDEN",
        "MOVED AWAY",
        "UNREFERENCED",
    ] {
        assert!(!docx_as_odt.text.contains(left_out), "{left_out}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn damaged_bodies_never_panic(cuts in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..8)) {
        const FRAGMENTS: [&str; 9] = [
            "<text:p>", "</text:p>", "<text:note><text:note-citation>", "</text:note-citation><text:note-body>",
            "<table:table-row><table:table-cell>", "<text:s text:c=\"7\"/>", "<office:annotation>", "&lt;", " \n ",
        ];
        let body = "<text:h>Title</text:h><text:p>One <text:span>two</text:span><text:tab/>three</text:p><table:table><table:table-row><table:table-cell><text:p>Cell</text:p></table:table-cell></table:table-row></table:table>";
        let body = spliced(body, &FRAGMENTS, &cuts);
        check_office(&[&[2u8][..], body.as_bytes()].concat());
    }
}

#[test]
fn ruby_readings_are_left_out() {
    let body = "<text:p>Kanji: <text:ruby><text:ruby-base>漢</text:ruby-base><text:ruby-text>kan</text:ruby-text></text:ruby></text:p>";
    assert_eq!(
        read_odt(&odt(body, &OdfParts::default())).unwrap().text,
        "Kanji: 漢"
    );
}

#[test]
fn the_flat_xml_form_reads_as_the_archive_does() {
    let flat = read_odt(&fixture("report.fodt")).unwrap();
    let archive = read_odt(&fixture("report.odt")).unwrap();
    assert_eq!(flat.text, archive.text);
    assert_eq!(flat.facts, archive.facts);
    assert_eq!(flat.notes, archive.notes);
    assert_eq!(read_office(&fixture("report.fodt")).unwrap(), flat);
    let spreadsheet = br#"<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet/></office:body></office:document>"#;
    assert!(matches!(
        read_odt(spreadsheet),
        Err(ReadError::NotThisKind { .. })
    ));
}

#[test]
fn counted_spaces_are_bounded_in_all() {
    let body = format!(
        "<text:p>a{}b</text:p>",
        r#"<text:s text:c="1000"/>"#.repeat(5_000)
    );
    let doc = read_odt(&odt(&body, &OdfParts::default())).unwrap();
    // A million counted spaces, then one space for each of the 4,000 elements left.
    assert_eq!(doc.text.len(), 1_000_000 + 4_000 + 2);
}
