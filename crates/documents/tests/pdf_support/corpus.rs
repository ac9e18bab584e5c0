//! The PDF test set: typst documents in the shapes fact-checkers receive (a two-column news
//! page with a running head and "Page N of M", a report with headings and footnotes, a
//! three-column bulletin with alternating heads, a long single-column text), each with the
//! text a reader should find in it.

use super::prose::Prose;
use super::{escape, typeset};

/// A test PDF and what a reader should find in it.
pub struct TestDoc {
    /// A short name for tables and file names.
    pub name: &'static str,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The body paragraphs in reading order, as the reader should give them.
    pub paragraphs: Vec<String>,
    /// The footnotes' texts (without their numbers).
    pub footnotes: Vec<String>,
    /// The running heads and feet of every page, as printed (must not be in the text).
    pub running: Vec<String>,
    /// The number of pages.
    pub pages: usize,
}

impl TestDoc {
    /// Every sentence of the body paragraphs (split after ". ").
    pub fn sentences(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.split_inclusive(". ").map(|s| s.trim().to_owned()))
            .filter(|s| s.ends_with('.'))
            .collect()
    }
}

/// A paragraph in markup, with a footnote call at its end when `note` is given.
fn markup_paragraph(text: &str, note: Option<&str>) -> String {
    match note {
        Some(note) => format!("{}#footnote[{}]\n\n", escape(text), escape(note)),
        None => format!("{}\n\n", escape(text)),
    }
}

/// Paragraphs of `prose` with the special sentences of the test set mixed in: compounds with
/// real hyphens and ligature characters.
fn body(prose: &mut Prose, count: usize) -> Vec<String> {
    let specials = [
        "The inquiry lasted five-and-a-half months and heard well-known experts on cost-benefit analysis.",
        "Both self- and peer-assessment were used by the ﬁnancial oﬃce, which ﬂagged the aﬄuent suppliers.",
        "The state-owned operator and the long-term contracts were reviewed by a cross-party panel.",
    ];
    (0..count)
        .map(|i| {
            let mut p = prose.any_paragraph();
            if i % 5 == 2 {
                p.push(' ');
                p.push_str(specials[i / 5 % specials.len()]);
            }
            p
        })
        .collect()
}

/// How the special sentences read once ligature characters are expanded.
pub fn expanded(text: &str) -> String {
    text.replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬀ', "ff")
        .replace('ﬃ', "ffi")
        .replace('ﬄ', "ffl")
}

/// A four-page news story in two columns: a running head, "Page N of M" at the foot, a
/// headline across both columns, indented paragraphs without spacing, two footnotes.
pub fn news_two_columns() -> TestDoc {
    let mut prose = Prose::new(1);
    let headline = "Water Rights Dispute Reaches the Administrative Court";
    let paragraphs = body(&mut prose, 34);
    let notes = [
        "Figures from the national statistics office, revised in January.",
        "The court has not yet published its reasoning.",
    ];
    let mut src = String::from(
        "#set page(paper: \"a4\", columns: 2, margin: (x: 2cm, y: 2.5cm),
  header: [The Morning Ledger #h(1fr) Tuesday 4 March 2025],
  footer: context align(center)[Page #counter(page).display() of #counter(page).final().first()])
#set text(font: \"Libertinus Serif\", size: 10pt, lang: \"en\", hyphenate: true)
#set par(justify: true, first-line-indent: (amount: 1em, all: true), spacing: 0.65em)
#set columns(gutter: 0.8cm)
#set super(typographic: false)
",
    );
    src.push_str(&format!(
        "#place(top, float: true, scope: \"parent\", clearance: 1.5em, text(size: 20pt, weight: \"bold\")[{}])\n\n",
        escape(headline)
    ));
    for (i, p) in paragraphs.iter().enumerate() {
        let note = match i {
            3 => Some(notes[0]),
            20 => Some(notes[1]),
            _ => None,
        };
        src.push_str(&markup_paragraph(p, note));
    }
    let pdf = typeset(&src);
    let pages = page_count(&pdf);
    let mut running = vec![
        "The Morning Ledger".to_owned(),
        "Tuesday 4 March 2025".to_owned(),
    ];
    running.extend((1..=pages).map(|n| format!("Page {n} of {pages}")));
    let mut all = vec![headline.to_owned()];
    all.extend(paragraphs.iter().map(|p| expanded(p)));
    TestDoc {
        name: "news-2col",
        pdf,
        paragraphs: all,
        footnotes: notes.iter().map(|s| s.to_string()).collect(),
        running,
        pages,
    }
}

/// A report in one column: title page facts, headings, spaced paragraphs, a running head from
/// page 2 on, bare page numbers at the foot, footnotes.
pub fn report() -> TestDoc {
    let mut prose = Prose::new(2);
    let title = "Annual Review of Regional Infrastructure";
    let mut src = format!(
        "#set document(title: \"{title}\", author: \"Maria Okonkwo\", date: datetime(year: 2024, month: 11, day: 26))
#set page(paper: \"a4\", margin: 2.5cm,
  header: context if here().page() > 1 [#set text(size: 9pt); {title} 2024 #h(1fr) Draft for consultation],
  footer: context align(center, counter(page).display()))
#set text(font: \"Noto Sans\", size: 11pt, lang: \"en\", hyphenate: false)
#set par(justify: false, spacing: 1.2em)
#show heading: set block(above: 1.6em, below: 1em)
#set super(typographic: false)
#text(size: 22pt, weight: \"bold\")[{title}]

"
    );
    let mut paragraphs = vec![title.to_owned()];
    let notes = [
        "The regional breakdown is in the annex.",
        "Preliminary figures; the final report may differ.",
        "Source: ministry of transportation, table 4.",
    ];
    let mut note_at = 0;
    for section in [
        "Context",
        "Findings on Transport",
        "Findings on Health",
        "Method",
    ] {
        src.push_str(&format!("= {section}\n\n"));
        paragraphs.push(section.to_owned());
        for (i, p) in body(&mut prose, 6).iter().enumerate() {
            let note = (i == 2 && note_at < notes.len()).then(|| notes[note_at]);
            note_at += usize::from(note.is_some());
            src.push_str(&markup_paragraph(p, note));
            paragraphs.push(expanded(p));
        }
    }
    let pdf = typeset(&src);
    let pages = page_count(&pdf);
    TestDoc {
        name: "report",
        pdf,
        paragraphs,
        footnotes: notes.iter().map(|s| s.to_string()).collect(),
        running: vec![format!("{title} 2024"), "Draft for consultation".to_owned()],
        pages,
    }
}

/// A bulletin in three narrow columns on US letter paper (New Computer Modern, 9 pt): the
/// page number at the outer top corner, alternating left and right, beside the bulletin name.
pub fn bulletin_three_columns() -> TestDoc {
    let mut prose = Prose::new(3);
    let paragraphs = body(&mut prose, 40);
    let mut src = String::from(
        "#set page(paper: \"us-letter\", columns: 3, margin: (x: 1.8cm, y: 2.2cm),
  header: context { let n = counter(page).display(); if calc.odd(here().page()) [#h(1fr) Bulletin of the Audit Commission #h(1em) #n] else [#n #h(1em) Bulletin of the Audit Commission #h(1fr)] })
#set text(font: \"New Computer Modern\", size: 9pt, lang: \"en\", hyphenate: true)
#set par(justify: true, first-line-indent: 0pt, spacing: 0.9em)
#set columns(gutter: 0.6cm)
",
    );
    for p in &paragraphs {
        src.push_str(&markup_paragraph(p, None));
    }
    let pdf = typeset(&src);
    let pages = page_count(&pdf);
    TestDoc {
        name: "bulletin-3col",
        pdf,
        paragraphs: paragraphs.iter().map(|p| expanded(p)).collect(),
        footnotes: vec![],
        running: vec!["Bulletin of the Audit Commission".to_owned()],
        pages,
    }
}

/// A long single-column text of about `pages` pages with a running head and a bare page
/// number at the foot (Libertinus Serif, 11 pt, justified and hyphenated).
pub fn long_text(pages: usize) -> TestDoc {
    let mut prose = Prose::new(4);
    let paragraphs = body(&mut prose, pages * 7);
    let mut src = String::from(
        "#set page(paper: \"a5\", margin: 1.8cm,
  header: align(right)[Hearing transcript, Committee on Public Accounts],
  footer: context align(center, counter(page).display()))
#set text(font: \"Libertinus Serif\", size: 10pt, lang: \"en\", hyphenate: true)
#set par(justify: true, first-line-indent: 1.2em, spacing: 0.6em)
",
    );
    for p in &paragraphs {
        src.push_str(&markup_paragraph(p, None));
    }
    let pdf = typeset(&src);
    let pages = page_count(&pdf);
    TestDoc {
        name: "long-1col",
        pdf,
        paragraphs: paragraphs.iter().map(|p| expanded(p)).collect(),
        footnotes: vec![],
        running: vec!["Hearing transcript, Committee on Public Accounts".to_owned()],
        pages,
    }
}

/// The whole test set.
pub fn test_set() -> Vec<TestDoc> {
    vec![
        news_two_columns(),
        report(),
        bulletin_three_columns(),
        long_text(12),
    ]
}

/// The page count of `pdf`, from lopdf's page tree (not from the reader under test).
pub fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).map_or(0, |d| d.get_pages().len())
}
