//! The PDF report: the sample and a hostile review typeset, their text read back with poppler's
//! `pdftotext` and compared with the quotes, metadata and links read with `pdfinfo`, and the
//! same review giving the same bytes. Needs poppler-utils (`.ci/install-packages` installs it).

use claimdesk_testkit as common;

use std::collections::HashMap;
use std::io::Write;
use std::process::Command;

use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, ClaimStatus, Review};
use claimdesk_reports::{ExportFormat, ExportOptions, Paper, export, export_with};
use common::{HOSTILE, claim, hostile_review, sample_review, source};

/// Typst markup, typst code and PDF syntax: each must come out of the PDF as these characters.
const TYPST_AND_PDF: &[&str] = &[
    "#eval(\"1 + 1\") gives 2",
    "#panic(\"boom\") and #read(\"/etc/passwd\")",
    "#{ \"code\" } #let x = 1 #x",
    "*strong* _emph_ `raw` $a^2$ @ref <lab> = Heading",
    "] ) } closing brackets [ ( { and \\ a backslash",
    "%PDF-1.7 1 0 obj << /Type /Catalog >> endobj",
    "(literal) Tj /URI (javascript:alert(1)) stream endstream",
    "#link(\"https://evil.example\")[click] #image(\"x.png\")",
];

/// `pdftotext -layout`-free text of a PDF, whitespace collapsed.
fn pdf_text(pdf: &[u8]) -> String {
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], pdf, true);
    collapse(&raw)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs a poppler tool on `pdf` (through a temporary file), returning its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8], to_stdout: bool) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(file.path());
    if to_stdout {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed to read the PDF back: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pdf_of(review: &Review, paper: Paper) -> Vec<u8> {
    let options = ExportOptions {
        paper,
        ..ExportOptions::default()
    };
    export_with(review, ExportFormat::Pdf, &options)
        .unwrap()
        .bytes
}

#[test]
fn sample_pdf_has_every_quote_fact_and_section_as_text() {
    let review = sample_review();
    let pdf = pdf_of(&review, Paper::A4);
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let text = pdf_text(&pdf);
    for c in review.claims() {
        assert!(text.contains(&collapse(&c.quote)), "quote {:?}", c.quote);
        if !c.verdict.is_empty() {
            assert!(text.contains(&c.verdict), "verdict {:?}", c.verdict);
        }
    }
    for needle in [
        "Fact-check report: Libya denies abuse of migrants",
        "Amal Haddad",
        "Mohammed Besher (AIID)",
        "Abuse is documented by several independent bodies.",
        "UN human rights chief",
        "Summary",
        "Legend",
        "The article, with the claims marked",
        "The claims in context",
        "Claims not found in the article text",
        "Page 1 of",
        "✗",
        "✓",
    ] {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    // The whole article is there, in order.
    let first = review.article.text().split("\n\n").next().unwrap();
    assert!(text.contains(&collapse(first)), "first paragraph");
}

#[test]
fn sample_pdf_metadata_links_and_pages() {
    let pdf = pdf_of(&sample_review(), Paper::A4);
    let info = poppler("pdfinfo", &[], &pdf, false);
    assert!(
        info.contains("Title:           Fact-check report: Libya denies abuse of migrants"),
        "{info}"
    );
    assert!(info.contains("Author:          Amal Haddad"), "{info}");
    assert!(
        info.contains("Subject:         Libya denies abuse of migrants"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let urls = poppler("pdfinfo", &["-url"], &pdf, false);
    assert!(
        urls.contains("https://www.ohchr.org/en/press-releases/2017/11/"),
        "{urls}"
    );
    assert!(urls.contains("https://www.iom.int/"), "{urls}");
    let letter = poppler(
        "pdfinfo",
        &[],
        &pdf_of(&sample_review(), Paper::Letter),
        false,
    );
    assert!(letter.contains("612 x 792 pts (letter)"), "{letter}");
}

#[test]
fn same_review_same_bytes() {
    let review = sample_review();
    let a = export(&review, ExportFormat::Pdf).unwrap();
    let b = export(&review, ExportFormat::Pdf).unwrap();
    assert_eq!(a, b);
    let other = pdf_of(&review, Paper::Letter);
    assert_ne!(a.bytes, other, "the paper size is honoured");
}

/// A review whose article and fields are typst and PDF syntax (and the HTML/CSV payloads).
fn typst_hostile_review() -> Review {
    let text = TYPST_AND_PDF.join("\n\n");
    let article = Article::new(TYPST_AND_PDF[0], "", normalize_article_text(&text));
    let claims = TYPST_AND_PDF
        .iter()
        .enumerate()
        .map(|(k, payload)| {
            let mut c = claim(&article, &format!("t{k}"), payload, ClaimStatus::ALL[k % 3]);
            let other = |n: usize| TYPST_AND_PDF[(k + n) % TYPST_AND_PDF.len()].to_owned();
            c.verdict = other(1);
            c.claimant = other(2);
            c.note = other(3);
            c.evidence = vec![source(
                "javascript:alert(1)",
                &other(4),
                &other(5),
                "",
                &other(6),
            )];
            c
        })
        .collect();
    let mut review = Review::with_claims(article, claims);
    review.details.reviewer = TYPST_AND_PDF[2].into();
    review
}

#[test]
fn typst_and_pdf_syntax_is_only_ever_text() {
    let review = typst_hostile_review();
    let pdf = pdf_of(&review, Paper::A4);
    let text = pdf_text(&pdf);
    for payload in TYPST_AND_PDF {
        assert!(
            text.contains(&collapse(payload)),
            "{payload:?} not in {text}"
        );
    }
    let urls = poppler("pdfinfo", &["-url"], &pdf, false);
    assert!(!urls.contains("javascript"), "{urls}");
    assert!(!urls.contains("evil.example"), "{urls}");
    let info = poppler("pdfinfo", &[], &pdf, false);
    assert!(
        info.contains(&format!(
            "Title:           Fact-check report: {}",
            TYPST_AND_PDF[0]
        )),
        "{info}"
    );
}

#[test]
fn the_timeline_is_printed_when_asked_with_hostile_names_and_reasons_as_text() {
    use claimdesk_model::status_history::{Recording, record, set_last_reason};
    use claimdesk_reports::ReportOptions;
    let mut review = typst_hostile_review();
    let mut c = review.claims()[0].clone();
    let at = claimdesk_model::Timestamp::parse("2026-11-30T10:00:00Z").unwrap();
    record(None, &mut c, TYPST_AND_PDF[1], &at, Recording::NewEntry);
    assert!(set_last_reason(&mut c, TYPST_AND_PDF[3]));
    review.replace(c);
    let plain = pdf_text(&pdf_of(&review, Paper::A4));
    assert!(!plain.contains("Timeline"), "not asked for");
    let options = ExportOptions {
        report: ReportOptions {
            timeline: true,
            ..Default::default()
        },
        ..ExportOptions::default()
    };
    let pdf = export_with(&review, ExportFormat::Pdf, &options)
        .unwrap()
        .bytes;
    let text = pdf_text(&pdf);
    assert!(text.contains("Timeline"), "{text}");
    assert!(text.contains("30 November 2026, 10:00 UTC"), "{text}");
    for payload in [TYPST_AND_PDF[1], TYPST_AND_PDF[3]] {
        assert!(
            text.contains(&collapse(payload)),
            "{payload:?} not in {text}"
        );
    }
}

/// Where the claim numbers of `pdf` link to, read with poppler's `pdftohtml -xml`: for each
/// text piece that is wholly a link showing a claim number ("3", "#3", "✗3" split as glyph and
/// number), the number and the page it leads to; and the page each claim's own section heading
/// ("#3 ✗ Disputed…", in bold, not a link) is on.
fn claim_links_and_sections(pdf: &[u8]) -> (Vec<(usize, usize)>, HashMap<usize, usize>) {
    let xml = poppler("pdftohtml", &["-xml", "-i", "-stdout"], pdf, false);
    // Exactly digits: a piece of article text next to a reference ("7 " of a "2017" cut by
    // the reference "✓478") is taken into the link by pdftohtml, and must not count.
    let number = |s: &str| {
        let digits = s.strip_prefix('#').unwrap_or(s);
        let exact = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        exact.then(|| digits.parse::<usize>().ok()).flatten()
    };
    let (mut links, mut sections, mut page) = (Vec::new(), HashMap::new(), 0);
    for line in xml.lines() {
        // pdftohtml may print text of its own before a page's tag on the same line.
        if let Some((_, rest)) = line.split_once("<page number=\"") {
            page = rest.split('"').next().unwrap().parse().unwrap();
            continue;
        }
        let Some(body) = line
            .strip_prefix("<text ")
            .and_then(|l| l.split_once('>'))
            .and_then(|(_, b)| b.strip_suffix("</text>"))
        else {
            continue;
        };
        let plain = body.replace("<b>", "").replace("</b>", "");
        if let Some(link) = plain
            .strip_prefix("<a href=\"")
            .and_then(|l| l.strip_suffix("</a>"))
        {
            let (href, shown) = link.split_once("\">").unwrap();
            let target = href.rsplit_once('#').and_then(|(_, p)| p.parse().ok());
            if let (Some(n), Some(target)) = (number(shown), target) {
                links.push((n, target));
            }
        } else if body.starts_with("<b>#")
            && let Some(n) = number(plain.split_whitespace().next().unwrap())
        {
            sections.entry(n).or_insert(page);
        }
    }
    (links, sections)
}

/// Every claim number shown as a link leads to the page of that claim's section, and every
/// claim has at least one (its summary row or line).
fn assert_claim_links_lead_to_their_sections(pdf: &[u8], claims: usize) {
    let (links, sections) = claim_links_and_sections(pdf);
    assert_eq!(sections.len(), claims, "a section per claim");
    for n in 1..=claims {
        assert!(links.iter().any(|&(m, _)| m == n), "a link to #{n}");
    }
    for (n, target) in links {
        assert_eq!(Some(&target), sections.get(&n), "the link to #{n}");
    }
}

#[test]
fn claim_numbers_link_to_the_page_of_their_details() {
    // The sample: a summary table and references in the article.
    let sample = sample_review();
    assert_claim_links_lead_to_their_sections(&pdf_of(&sample, Paper::A4), sample.claims().len());
    // More than 500 claims: the summary as lines, over many pages.
    let many = claimdesk_model::synthetic::large_review(60_000, 501);
    assert_claim_links_lead_to_their_sections(&pdf_of(&many, Paper::A4), many.claims().len());
}

/// The text of each page of a PDF, whitespace collapsed, without the running header.
fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], pdf, true);
    raw.split('\u{c}')
        .map(|page| {
            let page = collapse(page);
            let body = page.split_once(" Claimdesk report ").map(|(_, body)| body);
            body.unwrap_or(&page).to_owned()
        })
        .collect()
}

/// The PDF's bookmarks as `pdftohtml -xml` lists them, one `<item>` or `<outline>` per line.
fn outline(pdf: &[u8]) -> Vec<String> {
    let xml = poppler("pdftohtml", &["-xml", "-i", "-stdout"], pdf, false);
    let start = xml.find("<outline>").expect("the PDF has bookmarks");
    let items = xml[start..]
        .lines()
        .map(|line| match line.split_once("\">") {
            Some((_, title)) => title.trim_end_matches("</item>").to_owned(),
            None => line.to_owned(),
        });
    items.collect()
}

#[test]
fn a_review_of_more_than_500_claims_is_laid_out_for_its_size_and_a_smaller_one_is_not() {
    // "#N " starts both a summary line and the claim's own section; a table cell is just "N".
    let mentions = |text: &str, n: usize| text.matches(&format!("#{n} ")).count();
    let many = claimdesk_model::synthetic::large_review(60_000, 501);
    let pdf = pdf_of(&many, Paper::A4);
    let pages = pdf_pages(&pdf);
    let text = pages.join(" ");
    for n in [1, 250, 501] {
        assert_eq!(mentions(&text, n), 2, "summary line and section of #{n}");
    }
    // The article and the claims each start a page; the claims come in parts of 500, each
    // starting a page under its own heading.
    for start in [
        "Legend ",
        "The claims in context Claims 1–500 #1 ",
        "Claim 501 #501 ",
    ] {
        assert!(
            pages.iter().any(|page| page.starts_with(start)),
            "a page starts with {start:?}"
        );
    }
    // A claim's facts on one line.
    assert!(
        text.contains("Claim id: c-000000 · Position: characters "),
        "{}",
        &text[text.find("Claim id").unwrap()..][..200]
    );
    // The parts are bookmarks, with their claims under them.
    let marks = outline(&pdf);
    let part = marks.iter().position(|m| m == "Claims 1–500").unwrap();
    assert_eq!(marks[part + 1..part + 3], ["<outline>", "#1 ✓ Asserted"]);
    let last = marks.iter().position(|m| m == "Claim 501").unwrap();
    assert_eq!(
        marks[last + 1..last + 3],
        ["<outline>", "#501 ? Under investigation"]
    );

    let few = claimdesk_model::synthetic::large_review(60_000, 500);
    let pdf = pdf_of(&few, Paper::A4);
    let text = pdf_text(&pdf);
    for n in [1, 250, 500] {
        assert_eq!(
            mentions(&text, n),
            1,
            "only the section of #{n}: a table row"
        );
    }
    assert!(!text.contains("Claims 1–500"), "no parts");
    assert!(
        text.contains("Claim id: c-000000 Position: characters "),
        "a fact a line"
    );
    assert!(outline(&pdf).contains(&"#1 ✓ Asserted".to_owned()));
}

#[test]
fn html_and_csv_payloads_print_as_text_too() {
    let review = hostile_review();
    let pdf = export(&review, ExportFormat::Pdf).unwrap();
    assert_eq!(pdf, export(&review, ExportFormat::Pdf).unwrap());
    let text = pdf_text(&pdf.bytes);
    for payload in HOSTILE.iter().take(13) {
        assert!(text.contains(&collapse(payload)), "{payload:?}");
    }
    let urls = poppler("pdfinfo", &["-url"], &pdf.bytes, false);
    for scheme in ["javascript", "vbscript", "data:"] {
        assert!(!urls.to_lowercase().contains(scheme), "{urls}");
    }
}

#[test]
fn arabic_review_prints_its_quotes_and_is_a_fixture_file() {
    let review = common::arabic_review();
    common::golden(
        &common::test_file("fixtures/arabic-sample.claimdesk"),
        claimdesk_model::format::to_json(&review).as_bytes(),
    );
    let text = pdf_text(&pdf_of(&review, Paper::A4));
    // pdftotext gives a lam-alef ligature's two letters in the wrong order ("خلال" comes out
    // "خالل"), so words are compared as their sorted letters.
    let letters = |w: &str| {
        let mut v: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).collect();
        v.sort_unstable();
        v
    };
    let extracted: std::collections::HashSet<Vec<char>> = text
        .split(|c: char| c.is_whitespace() || is_bidi_control(c))
        .map(letters)
        .collect();
    for c in review.claims() {
        for word in c.quote.split_whitespace() {
            assert!(
                extracted.contains(&letters(word)),
                "{word:?} of {:?} in {text}",
                c.quote
            );
        }
    }
    assert!(extracted.contains(&letters("حداد")), "{text}");
}

/// The embedding and isolate marks pdftotext puts around right-to-left runs.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
#[ignore = "the 1 MB / 5,000-claim review: tens of seconds in a debug build (`--ignored`)"]
fn large_review_typesets_every_claim() {
    let review = claimdesk_model::synthetic::large_review(1_000_000, 5_000);
    let pdf = pdf_of(&review, Paper::A4);
    let info = poppler("pdfinfo", &[], &pdf, false);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages > 300, "{pages} pages");
    let text = pdf_text(&pdf);
    let last = review.claims().last().unwrap();
    assert!(
        text.contains(&collapse(&last.quote)),
        "the last claim's quote"
    );
    assert!(text.contains("#5000"), "the last claim's details");
}
