//! Benchmark of the Word and OpenDocument readers (`cargo bench -p claimdesk-documents --bench
//! office`): `office/docx_300_pages` and `office/odt_300_pages` read a 300-page report built at
//! the start: 1,500 paragraphs of 100 words (150,000 words, about 500 a page), each paragraph
//! in several formatted runs as word processors write them, a heading every 10 paragraphs, a
//! footnote every 20, and a 4-row table every 50.

use std::hint::black_box;

use claimdesk_documents::office::{read_docx, read_odt};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/support/mod.rs"]
mod support;

const PARAGRAPHS: usize = 1_500;
const SYLLABLES: [&str; 16] = [
    "ta", "min", "re", "por", "spen", "ding", "scho", "ol", "ro", "se", "bud", "get", "hos", "pi",
    "fell", "shar",
];

/// The `i`-th paragraph's words, split into runs of 20: pseudo-random words of two or three
/// syllables (a linear congruential generator), so the text compresses like prose, not like a
/// repeated phrase.
fn runs(i: usize) -> Vec<String> {
    let mut state = (i as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1);
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let words: Vec<String> = (0..100)
        .map(|_| {
            (0..2 + next() % 2)
                .map(|_| SYLLABLES[next() % SYLLABLES.len()])
                .collect()
        })
        .collect();
    words
        .chunks(20)
        .map(|chunk| chunk.join(" ") + " ")
        .collect()
}

fn word_report() -> Vec<u8> {
    let mut body = String::new();
    let mut notes = String::new();
    for i in 0..PARAGRAPHS {
        if i % 10 == 0 {
            body.push_str(&format!(r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Section {}</w:t></w:r></w:p>"#, i / 10 + 1));
        }
        body.push_str(r#"<w:p><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>"#);
        for (k, run) in runs(i).iter().enumerate() {
            let bold = if k == 2 { "<w:b/>" } else { "" };
            body.push_str(&format!(r#"<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="Calibri"/>{bold}<w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">{run}</w:t></w:r>"#));
        }
        if i % 20 == 0 {
            body.push_str(&format!(
                r#"<w:r><w:footnoteReference w:id="{}"/></w:r>"#,
                i / 20 + 1
            ));
            notes.push_str(&format!(r#"<w:footnote w:id="{}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Source {} of the annual accounts.</w:t></w:r></w:p></w:footnote>"#, i / 20 + 1, i));
        }
        body.push_str("</w:p>");
        if i % 50 == 49 {
            body.push_str("<w:tbl>");
            for row in 0..4 {
                body.push_str(&format!(
                    "<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>",
                    support::w_p(&format!("Region {row}")),
                    support::w_p(&format!("{}.{row} billion", i % 7))
                ));
            }
            body.push_str("</w:tbl>");
        }
    }
    support::docx(
        &body,
        &support::WordParts {
            footnotes: Some(&notes),
            ..support::WordParts::default()
        },
    )
}

fn odf_report() -> Vec<u8> {
    let mut body = String::new();
    for i in 0..PARAGRAPHS {
        if i % 10 == 0 {
            body.push_str(&format!(
                r#"<text:h text:outline-level="2">Section {}</text:h>"#,
                i / 10 + 1
            ));
        }
        body.push_str(r#"<text:p text:style-name="P1">"#);
        for (k, run) in runs(i).iter().enumerate() {
            if k == 2 {
                body.push_str(&format!(
                    r#"<text:span text:style-name="T1">{run}</text:span>"#
                ));
            } else {
                body.push_str(run);
            }
        }
        if i % 20 == 0 {
            body.push_str(&format!(r#"<text:note text:note-class="footnote"><text:note-citation>{}</text:note-citation><text:note-body><text:p>Source {i} of the annual accounts.</text:p></text:note-body></text:note>"#, i / 20 + 1));
        }
        body.push_str("</text:p>");
    }
    support::odt(&body, &support::OdfParts::default())
}

fn bench(c: &mut Criterion) {
    let docx = word_report();
    let doc = read_docx(&docx).expect("the report reads");
    eprintln!(
        "docx_300_pages: {} bytes, {} words read",
        docx.len(),
        doc.text.split_whitespace().count()
    );
    c.bench_function("office/docx_300_pages", |b| {
        b.iter(|| read_docx(black_box(&docx)))
    });
    let odt = odf_report();
    let doc = read_odt(&odt).expect("the report reads");
    eprintln!(
        "odt_300_pages: {} bytes, {} words read",
        odt.len(),
        doc.text.split_whitespace().count()
    );
    c.bench_function("office/odt_300_pages", |b| {
        b.iter(|| read_odt(black_box(&odt)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
