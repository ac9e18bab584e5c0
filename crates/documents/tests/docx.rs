//! Word (.docx) files written by the tests: what is read, in which order, what is left out,
//! and how damaged, encrypted, foreign and oversized files are refused.

mod support;

use claimdesk_documents::ReadError;
use claimdesk_documents::office::fuzzing::check_office;
use claimdesk_documents::office::{read_docx, read_office};
use proptest::prelude::*;
use support::{WordParts, assert_notes_say, docx, fixture, spliced, w_p, zip};

/// A report with everything a Word file can put around its text.
fn full_report() -> Vec<u8> {
    let body = r#"
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Budget report 2024</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The gov</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ern</w:t></w:r><w:r><w:t xml:space="preserve">ment spent </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>4.2 billion</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>3 billion</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> on schools.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r></w:p>
<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>See page</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> 7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>.</w:t><w:tab/><w:t>Tabbed</w:t><w:br/><w:t>next line co</w:t><w:softHyphen/><w:t>op&#xAD;er</w:t><w:noBreakHyphen/><w:t>ative</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r></w:p>
<w:p><w:moveFrom w:id="5" w:author="A"><w:r><w:t>MOVED AWAY</w:t></w:r></w:moveFrom><w:r><w:t>Moved here:</w:t></w:r><w:moveTo w:id="6" w:author="A"><w:r><w:t xml:space="preserve"> arrived</w:t></w:r></w:moveTo></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>First item</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Second item</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>
<w:tr><w:tc><w:p><w:r><w:t>Region</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>Spending</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>North</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>1.2</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>Before box.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:sectPr><w:headerReference w:type="default" r:id="rheader1.xml"/><w:footerReference w:type="default" r:id="rfooter1.xml"/></w:sectPr>
"#;
    docx(
        body,
        &WordParts {
            footnotes: Some(
                r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ministry of Finance, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Annual accounts</w:t></w:r><w:r><w:t>, p. 12.</w:t></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p><w:r><w:t>UNREFERENCED NOTE</w:t></w:r></w:p></w:footnote>"#,
            ),
            endnotes: Some(
                r#"<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Figures are provisional.</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph of the endnote.</w:t></w:r></w:p></w:endnote>"#,
            ),
            comments: Some(
                r#"<w:comment w:id="0" w:author="Editor"><w:p><w:r><w:t>COMMENT TEXT</w:t></w:r></w:p></w:comment>"#,
            ),
            header: Some(r#"<w:p><w:r><w:t>RUNNING HEAD 2024</w:t></w:r></w:p>"#),
            core: Some(
                r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Budget report 2024</dc:title><dc:creator>Ana Ruiz</dc:creator><cp:lastModifiedBy>Bo Chen</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:30:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-05T10:00:00Z</dcterms:modified></cp:coreProperties>"#,
            ),
        },
    )
}

#[test]
fn the_body_in_order_with_notes_after_it() {
    let doc = read_docx(&full_report()).expect("the report reads");
    let expected = [
        "Budget report 2024",
        "The government spent 4.2 billion on schools.[1]",
        "See page 7.\tTabbed\nnext line cooper-ative",
        "Moved here: arrived",
        "First item",
        "Second item[i]",
        "Region | Spending",
        "North | 1.2",
        "Box text",
        "Before box.",
        "Footnotes",
        "[1] Ministry of Finance, Annual accounts, p. 12.",
        "Endnotes",
        "[i] Figures are provisional.",
        "Second paragraph of the endnote.",
    ]
    .join("\n\n");
    assert_eq!(doc.text, expected);
    for left_out in [
        "3 billion",
        "PAGEREF",
        "COMMENT",
        "RUNNING HEAD",
        "HIDDEN",
        "MOVED AWAY",
        "UNREFERENCED",
    ] {
        assert!(!doc.text.contains(left_out), "{left_out} must be left out");
    }
    assert!(doc.pages.is_empty() && doc.times.is_empty());
}

#[test]
fn facts_and_notes_for_the_user() {
    let doc = read_docx(&full_report()).unwrap();
    assert_eq!(doc.facts.title.as_deref(), Some("Budget report 2024"));
    assert_eq!(doc.facts.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(doc.facts.date.as_deref(), Some("2024-03-01T09:30:00Z"));
    assert_notes_say(
        &doc,
        &[
            "tracked changes",
            "accepted",
            "1 footnote",
            "1 endnote",
            "Comments were left out",
            "headers and footers were left out",
        ],
    );
}

#[test]
fn a_plain_document_has_no_notes_and_no_facts() {
    let doc = read_docx(&docx(&w_p("Just one paragraph."), &WordParts::default())).unwrap();
    assert_eq!(doc.text, "Just one paragraph.");
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_eq!(doc.facts, Default::default());
}

#[test]
fn strict_ooxml_and_parts_found_without_relationships() {
    let strict = r#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict text</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip(&[("word/document.xml", strict.as_bytes())], &[]);
    assert_eq!(read_docx(&bytes).unwrap().text, "Strict text");
    // Part names are case-insensitive in Office packages.
    let bytes = zip(&[("Word/Document.xml", strict.as_bytes())], &[]);
    assert_eq!(read_docx(&bytes).unwrap().text, "Strict text");
}

#[test]
fn alternate_content_falls_back_and_custom_note_marks_stay() {
    let body = r#"<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>fallback only</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>Claim</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="4"/><w:t>*</w:t></w:r></w:p>"#;
    let notes =
        r#"<w:footnote w:id="4"><w:p><w:r><w:t>Custom-marked note.</w:t></w:r></w:p></w:footnote>"#;
    let doc = read_docx(&docx(
        body,
        &WordParts {
            footnotes: Some(notes),
            ..WordParts::default()
        },
    ))
    .unwrap();
    assert_eq!(
        doc.text,
        "fallback only\n\nClaim*\n\nFootnotes\n\n[*] Custom-marked note."
    );
}

#[test]
fn a_long_row_reads_cell_by_cell() {
    let long = "word ".repeat(80);
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        w_p("Left, first"),
        w_p("Left, second"),
        w_p(&long)
    );
    let doc = read_docx(&docx(&body, &WordParts::default())).unwrap();
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3);
    assert_eq!(paragraphs[..2], ["Left, first", "Left, second"]);
    assert_eq!(paragraphs[2], long.trim());
}

#[test]
fn an_empty_document_is_empty() {
    let err = read_docx(&docx(
        "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>",
        &WordParts::default(),
    ))
    .unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Empty {
                kind: "Word (.docx)"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn encrypted_and_old_word_files_are_told_apart() {
    let ole = |stream: &str| {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.extend(vec![0u8; 600]);
        bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend(vec![0u8; 100]);
        bytes
    };
    let err = read_docx(&ole("EncryptedPackage")).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Encrypted {
                kind: "Word (.docx)"
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("password"), "{err}");
    let err = read_docx(&ole("WordDocument")).unwrap_err();
    assert!(err.to_string().contains(".doc)"), "{err}");
}

#[test]
fn other_files_are_not_word_documents() {
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")], &[]);
    let err = read_docx(&xlsx).unwrap_err();
    assert!(err.to_string().contains("Excel"), "{err}");
    let err = read_docx(b"%PDF-1.7 not a zip").unwrap_err();
    assert!(matches!(err, ReadError::NotThisKind { .. }), "{err:?}");
    let err = read_docx(&zip(&[("word/document.xml", b"<html/>")], &[])).unwrap_err();
    assert!(matches!(err, ReadError::NotThisKind { .. }), "{err:?}");
}

#[test]
fn damaged_files_are_broken_not_panics() {
    let good = full_report();
    let err = read_docx(&good[..good.len() / 2]).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Broken { .. } | ReadError::NotThisKind { .. }
        ),
        "{err:?}"
    );
    let bad_xml = docx("<w:p><w:r><w:t>unclosed</w:r></w:p>", &WordParts::default());
    let err = read_docx(&bad_xml).unwrap_err();
    assert!(matches!(err, ReadError::Broken { .. }), "{err:?}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
    let deep = "<w:sdt><w:sdtContent>".repeat(300) + &"</w:sdtContent></w:sdt>".repeat(300);
    let err = read_docx(&docx(&deep, &WordParts::default())).unwrap_err();
    assert!(err.to_string().contains("levels deep"), "{err}");
}

#[test]
fn a_highly_compressible_part_is_refused_as_a_bomb() {
    let huge = format!(
        "{}{}{}",
        "<w:p><w:r><w:t>",
        "a".repeat(50 * 1024 * 1024),
        "</w:t></w:r></w:p>"
    );
    let bomb = docx(&huge, &WordParts::default());
    assert!(
        bomb.len() < 200 * 1024,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let err = read_docx(&bomb).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("zip bomb"), "{err}");
}

#[test]
fn a_part_that_lies_about_its_size_is_not_trusted() {
    let text = "<w:p><w:r><w:t>".to_owned() + &"b".repeat(3 * 1024 * 1024) + "</w:t></w:r></w:p>";
    let mut bytes = docx(&text, &WordParts::default());
    // Claim 100 bytes for word/document.xml, in its local header and central directory entry.
    let name = b"word/document.xml";
    // Local header: size at 22, name at 30; central directory entry: size at 24, name at 46.
    for (signature, size_at, name_at) in
        [(&b"PK\x03\x04"[..], 22, 30), (&b"PK\x01\x02"[..], 24, 46)]
    {
        let header = (0..bytes.len())
            .find(|&i| bytes[i..].starts_with(signature) && bytes[i + name_at..].starts_with(name))
            .expect("the entry's header");
        bytes[header + size_at..header + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
    }
    match read_docx(&bytes) {
        Err(ReadError::TooLarge { .. } | ReadError::Broken { .. }) => {}
        other => panic!("a lying size must not be read as given: {other:?}"),
    }
}

#[test]
fn too_many_entries_and_shared_entries_are_refused() {
    let names: Vec<String> = (0..10_001).map(|i| format!("media/{i}.bin")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let err = read_docx(&zip(&entries, &[])).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("10001 entries"), "{err}");

    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    std::io::Write::write_all(&mut writer, b"<w:document/>").unwrap();
    writer
        .shallow_copy_file("word/document.xml", "word/copy.xml")
        .unwrap();
    let shared = writer.finish().unwrap().into_inner();
    let err = read_docx(&shared).unwrap_err();
    assert!(err.to_string().contains("share their data"), "{err}");
}

#[test]
fn read_office_reads_a_docx_by_its_parts() {
    assert_eq!(
        read_office(&full_report()).unwrap(),
        read_docx(&full_report()).unwrap()
    );
}

/// The report of `tests/fixtures/libreoffice/report.fodt` as LibreOffice writes it in Word form.
const LIBREOFFICE_REPORT: &str = "Regional spending review

The government spent 4.2 billion on schools in 2023.[1] Spending rose in every region, the report says.

Columns:\ttabbed
and a second line with   spaces.

Schools received the largest share.

Hospitals came second.[i]

Region | Spending

North | 1.2 billion

The review ends here.

Footnotes

[1] Ministry of Finance, Annual accounts 2023, p. 12.

Endnotes

[i] Figures are provisional.";

#[test]
fn word_files_written_by_libreoffice() {
    let doc = read_docx(&fixture("report.docx")).unwrap();
    assert_eq!(doc.text, LIBREOFFICE_REPORT);
    assert_eq!(doc.facts.title.as_deref(), Some("Regional spending review"));
    assert_eq!(doc.facts.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(doc.facts.date.as_deref(), Some("2024-03-01T09:30:00Z"));
    assert_eq!(
        doc.notes.len(),
        5,
        "tracked changes, notes, comments, headers: {:?}",
        doc.notes
    );
    let odt_as_docx = read_docx(&fixture("test-odt-saved-as.docx")).unwrap();
    assert!(odt_as_docx.text.starts_with("Budget report 2024\n\nThe government spent 4.2 billion on schools.[1]\n\nSpaced   out\ttabbed\nnext line cooperative."), "{}", odt_as_docx.text);
    for left_out in ["DELETED", "COMMENT", "RUNNING HEAD", "HIDDEN", "TEMPLATE"] {
        assert!(!odt_as_docx.text.contains(left_out), "{left_out}");
    }
    assert!(
        odt_as_docx.text.ends_with(
            "Endnotes\n\n[i] Figures are provisional.\n\nSecond paragraph of the endnote."
        )
    );
}

/// Every file of a fuzz corpus folder (`fuzz/corpus/<target>`), by name.
fn fuzz_corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.display().to_string(), std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_fuzz_corpus_replays_without_panics() {
    let corpus = fuzz_corpus("read_office");
    let mut seed_files = 0;
    for (name, data) in &corpus {
        check_office(data);
        if name.contains("seed-file-") {
            assert!(read_office(&data[1..]).is_ok(), "the seed {name} reads");
            seed_files += 1;
        }
    }
    assert_eq!(seed_files, 6, "the seed files are there");
}

/// Markup that damages a Word body when spliced into it.
const WORD_FRAGMENTS: [&str; 10] = [
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>",
    "</w:t></w:r>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr>",
    "<mc:AlternateContent><mc:Choice>",
    "<w:del>",
    "<w:fldChar w:fldCharType=\"begin\"/>",
    "&amp;",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3_000)) {
        check_office(&[&[0u8][..], &bytes].concat());
    }

    #[test]
    fn damaged_archives_never_panic(flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let mut bytes = full_report();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        check_office(&[&[0u8][..], &bytes].concat());
    }

    #[test]
    fn damaged_bodies_never_panic(cuts in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..8)) {
        let body = w_p("Alpha") + "<w:tbl><w:tr><w:tc>" + &w_p("Cell") + "</w:tc></w:tr></w:tbl>" + &w_p("Beta &amp; gamma");
        check_office(&[&[1u8][..], spliced(&body, &WORD_FRAGMENTS, &cuts).as_bytes()].concat());
    }
}

#[test]
fn a_run_goes_on_after_its_text_box_and_ruby_readings_are_left_out() {
    let body = r#"<w:p><w:r><w:t>A</w:t><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing><w:tab/><w:t>B</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>kan</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>漢</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#;
    let doc = read_docx(&docx(body, &WordParts::default())).unwrap();
    assert_eq!(doc.text, "Box\n\nA\tB漢");
}

#[test]
fn many_notes_read_in_linear_time() {
    let refs: String = (1..=20_000)
        .map(|i| format!(r#"<w:r><w:t>x</w:t><w:footnoteReference w:id="{i}"/></w:r>"#))
        .collect();
    let notes: String = (1..=20_000)
        .map(|i| {
            format!(r#"<w:footnote w:id="{i}"><w:p><w:r><w:t>n{i}</w:t></w:r></w:p></w:footnote>"#)
        })
        .collect();
    let bytes = docx(
        &format!("<w:p>{refs}</w:p>"),
        &WordParts {
            footnotes: Some(&notes),
            ..WordParts::default()
        },
    );
    let doc = read_docx(&bytes).unwrap();
    assert!(
        doc.text.ends_with("[20000] n20000"),
        "{}",
        &doc.text[doc.text.len() - 40..]
    );
    assert!(
        doc.text
            .contains("x[19999]x[20000]\n\nFootnotes\n\n[1] n1\n\n[2] n2")
    );
}

#[test]
fn empty_headers_are_not_mentioned() {
    let body = w_p("Text.")
        + r#"<w:sectPr><w:headerReference w:type="default" r:id="rheader1.xml"/></w:sectPr>"#;
    let empty = docx(
        &body,
        &WordParts {
            header: Some("<w:p/>"),
            ..WordParts::default()
        },
    );
    assert!(read_docx(&empty).unwrap().notes.is_empty());
    let page_number = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let numbered = docx(
        &body,
        &WordParts {
            header: Some(page_number),
            ..WordParts::default()
        },
    );
    assert_notes_say(
        &read_docx(&numbered).unwrap(),
        &["headers and footers were left out"],
    );
}
