//! `read_pdf` on PDFs typeset for the tests with typst: reading order, running heads and page
//! numbers, broken words and real hyphens, ligatures, footnotes, page starts, facts, and the
//! failures (scan, password, damage).

mod pdf_support;

use claimdesk_documents::ReadError;
use claimdesk_documents::pdf::read_pdf;
use pdf_support::corpus::{self, TestDoc};
use pdf_support::{escape, typeset};

/// The body paragraphs of the text: its paragraphs without the footnotes.
fn body_paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .filter(|p| !p.starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']))
        .collect()
}

fn footnotes(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .filter(|p| p.starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']))
        .collect()
}

/// The body paragraphs with the footnote calls (superscript digits) taken out.
fn without_calls(paragraph: &str) -> String {
    paragraph
        .chars()
        .filter(|c| !"¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c))
        .collect()
}

fn assert_reads_exactly(doc: &TestDoc) {
    let read = read_pdf(&doc.pdf).unwrap_or_else(|e| panic!("{}: {e}", doc.name));
    let found: Vec<String> = body_paragraphs(&read.text)
        .into_iter()
        .map(without_calls)
        .collect();
    for (i, (want, got)) in doc.paragraphs.iter().zip(&found).enumerate() {
        assert_eq!(got, want, "{}: paragraph {i}", doc.name);
    }
    assert_eq!(
        found.len(),
        doc.paragraphs.len(),
        "{}: paragraph count",
        doc.name
    );
    for running in &doc.running {
        assert!(
            !read.text.contains(running.as_str()),
            "{}: running text {running:?} leaked",
            doc.name
        );
    }
    assert_eq!(
        read.pages.len(),
        doc.pages,
        "{}: one start per page",
        doc.name
    );
    assert_eq!(read.pages[0], 0);
    assert!(read.pages.windows(2).all(|w| w[0] <= w[1]), "{}", doc.name);
    assert!(*read.pages.last().unwrap() < read.text.chars().count());
}

#[test]
fn a_two_column_news_page_reads_column_by_column_without_its_running_head_and_feet() {
    let doc = corpus::news_two_columns();
    assert!(doc.pages >= 3, "the story spans pages: {}", doc.pages);
    assert_reads_exactly(&doc);
    let read = read_pdf(&doc.pdf).unwrap();
    let notes = footnotes(&read.text);
    assert_eq!(
        notes,
        doc.footnotes
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{} {n}", ["¹", "²"][i]))
            .collect::<Vec<_>>()
    );
    assert!(
        read.notes.iter().any(|n| n.contains("running heads")
            && n.contains("page numbers")
            && n.contains(&format!("{} of {} pages", doc.pages, doc.pages))),
        "{:?}",
        read.notes
    );
}

#[test]
fn a_report_keeps_headings_as_paragraphs_and_drops_its_running_head_and_page_numbers() {
    let doc = corpus::report();
    assert_reads_exactly(&doc);
    let read = read_pdf(&doc.pdf).unwrap();
    assert_eq!(footnotes(&read.text).len(), doc.footnotes.len());
    for (i, note) in doc.footnotes.iter().enumerate() {
        assert!(read.text.contains(note.as_str()), "footnote {i}: {note}");
    }
    // Bare page numbers at the foot: no paragraph is only a number.
    assert!(
        read.text
            .split("\n\n")
            .all(|p| !p.chars().all(|c| c.is_ascii_digit()))
    );
}

#[test]
fn a_report_states_its_title_author_and_date() {
    let doc = corpus::report();
    let facts = read_pdf(&doc.pdf).unwrap().facts;
    assert_eq!(
        facts.title.as_deref(),
        Some("Annual Review of Regional Infrastructure")
    );
    assert_eq!(facts.author.as_deref(), Some("Maria Okonkwo"));
    assert_eq!(facts.date.as_deref().map(|d| &d[..10]), Some("2024-11-26"));
}

#[test]
fn three_narrow_hyphenated_columns_with_alternating_heads_read_in_order() {
    assert_reads_exactly(&corpus::bulletin_three_columns());
}

#[test]
fn a_long_hyphenated_single_column_text_reads_exactly() {
    assert_reads_exactly(&corpus::long_text(6));
}

#[test]
fn a_page_starts_where_its_text_starts_also_inside_a_paragraph_running_on() {
    let first = "The first page holds this paragraph alone, and it ends here.";
    let second = "The second page starts a new paragraph that runs on past the end of the page";
    let filler = "and it continues with many more words so that it fills the page";
    let src = format!(
        "#set page(width: 12cm, height: 6cm, margin: 1cm)\n#set text(font: \"Libertinus Serif\", size: 11pt, hyphenate: false)\n{}\n#pagebreak()\n{} {}",
        escape(first),
        escape(second),
        std::iter::repeat_n(escape(filler), 16)
            .collect::<Vec<_>>()
            .join(" and ")
    );
    let pdf = typeset(&src);
    let read = read_pdf(&pdf).unwrap();
    let pages = corpus::page_count(&pdf);
    assert!(pages >= 3, "{pages}");
    assert_eq!(read.pages.len(), pages);
    let offset = |needle: &str| read.text[..read.text.find(needle).unwrap()].chars().count();
    assert_eq!(read.pages[0], 0);
    assert_eq!(read.pages[1], offset(second));
    // Page 3 starts inside the paragraph: the paragraph is one, and page 3 starts at a word.
    assert_eq!(read.text.split("\n\n").count(), 2, "{}", read.text);
    let chars: Vec<char> = read.text.chars().collect();
    assert_eq!(chars[read.pages[2] - 1], ' ');
    assert!(chars[read.pages[2]].is_alphabetic());
}

#[test]
fn a_page_with_only_an_image_has_no_text_layer() {
    let src = "#set page(width: 10cm, height: 10cm)\n#image(bytes(range(4096).map(i => calc.rem(i * 7, 256))), format: (encoding: \"luma8\", width: 64, height: 64), width: 8cm)";
    let pdf = typeset(src);
    assert!(matches!(read_pdf(&pdf), Err(ReadError::NoTextLayer)));
    let empty = typeset("#set page(width: 10cm, height: 10cm)\n#rect(width: 5cm)");
    assert!(matches!(read_pdf(&empty), Err(ReadError::NoTextLayer)));
}

#[test]
fn damaged_and_foreign_files_are_named_as_such() {
    let pdf = corpus::report().pdf;
    for cut in [pdf.len() / 10, pdf.len() / 2] {
        match read_pdf(&pdf[..cut]) {
            Err(ReadError::Broken { detail, .. }) => assert!(!detail.is_empty()),
            other => panic!("cut at {cut}: {:?}", other.map(|e| e.text.len())),
        }
    }
    assert!(matches!(
        read_pdf(b"%PDF-1.7\nnot really"),
        Err(ReadError::Broken { .. })
    ));
    assert!(matches!(
        read_pdf(b"PK\x03\x04 a zip"),
        Err(ReadError::NotThisKind { .. })
    ));
}

/// `pdf` encrypted (RC4, 128 bits) with user password `user`.
fn encrypted(pdf: &[u8], user: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner secret",
        user_password: user,
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_password_is_reported_and_an_empty_user_password_is_just_read() {
    let doc = corpus::long_text(2);
    let locked = encrypted(&doc.pdf, "letmein");
    assert!(matches!(
        read_pdf(&locked),
        Err(ReadError::Encrypted { .. })
    ));
    let protected = encrypted(&doc.pdf, "");
    let read = read_pdf(&protected).unwrap();
    assert!(read.text.contains(doc.paragraphs[0].as_str()));
}

#[test]
fn a_tagged_pdf_drops_its_artifacts() {
    let src = "#set page(width: 12cm, height: 8cm, margin: 1.5cm, header: [Tagged Ledger], footer: context counter(page).display())\n#set text(font: \"Noto Sans\", size: 10pt)\nThe only paragraph of the tagged document.";
    let pdf = pdf_support::typeset_tagged(src);
    let read = read_pdf(&pdf).unwrap();
    assert_eq!(read.text, "The only paragraph of the tagged document.");
}

/// A one-page PDF drawn with a standard 14 font (no embedded font, no widths, WinAnsi
/// encoding), as old producers write them: built with lopdf.
fn standard_font_pdf(content: &str) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_standard_font_with_winansi_text_and_inherited_resources_is_read() {
    let pdf = standard_font_pdf(
        "BT /F1 12 Tf 72 720 Td (Caf\\351 offers fine food.) Tj 0 -14 Td (Second line, same para-) Tj T* 0 -14 Td [(graph ends) -250 (here.)] TJ ET",
    );
    let read = read_pdf(&pdf).unwrap();
    assert_eq!(
        read.text,
        "Café offers fine food. Second line, same paragraph ends here."
    );
    assert_eq!(read.pages, vec![0]);
}
