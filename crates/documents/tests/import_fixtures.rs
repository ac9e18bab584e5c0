//! Writes the PDFs that `claimdesk-import`'s and the command line's tests import
//! (`crates/testkit/data/fixtures/documents/`): a three-page report with a running head and
//! page numbers, and its corrected edition. Those crates do not link typst, so the files are
//! typeset here once and committed. Regenerate with
//! `cargo test -p claimdesk-documents --test import_fixtures -- --ignored`.

mod pdf_support;

use claimdesk_documents::pdf::read_pdf;
use pdf_support::typeset;

/// The report's typst source; `corrected` changes one figure and adds a sentence on page 1.
fn report(corrected: bool) -> String {
    let figure = if corrected { "41" } else { "38" };
    let added = if corrected {
        " The ministry corrected this figure on 3 December."
    } else {
        ""
    };
    let filler = "Inspectors visited every district office during the year and compared the \
                  registers with the payments made from the central account. ";
    format!(
        r#"#set document(title: "Water Board Annual Report", author: "Maria Okonkwo", date: datetime(year: 2024, month: 11, day: 26))
#set page(width: 150mm, height: 120mm, margin: 15mm, header: [Water Board Annual Report 2024], footer: context [Page #counter(page).display()])
#set par(justify: false)
#set text(size: 10pt)

The board spent {figure} million euros on new pipes in 2024.{added} {filler}{filler}

Leaks fell by a third in the northern districts after the repairs. {filler}{filler}{filler}

#pagebreak()

Customers waited nine days on average for a connection. {filler}{filler}

#pagebreak()

The board plans to replace 120 kilometres of pipe by 2027. {filler}
"#
    )
}

#[test]
#[ignore = "writes the committed fixtures; run when they must change"]
fn write_import_fixtures() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testkit/data/fixtures/documents");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, corrected) in [("report.pdf", false), ("report-corrected.pdf", true)] {
        let pdf = typeset(&report(corrected));
        let read = read_pdf(&pdf).unwrap();
        assert_eq!(read.pages.len(), 3, "{name}: three pages");
        assert!(
            !read.text.contains("Page 2"),
            "{name}: page numbers removed"
        );
        std::fs::write(dir.join(name), pdf).unwrap();
    }
}
