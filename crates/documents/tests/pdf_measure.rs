//! Measurements on the PDF test set (ignored tests, run by hand): the figures of
//! `docs/pdf-library.md`.

mod pdf_support;

use pdf_support::corpus;

/// Writes the test set to `$PDF_TESTSET_DIR` (default `target/tmp/pdf-testset`): each PDF with
/// its body sentences and running heads, one a line, for comparing other readers.
#[test]
#[ignore = "writes files; run by hand"]
fn write_test_set() {
    let dir = std::env::var("PDF_TESTSET_DIR")
        .unwrap_or_else(|_| format!("{}/pdf-testset", env!("CARGO_TARGET_TMPDIR")));
    std::fs::create_dir_all(&dir).unwrap();
    let long = std::env::var("PDF_LONG_PAGES")
        .ok()
        .and_then(|n| n.parse().ok());
    let extra = long.map(corpus::long_text);
    for doc in corpus::test_set().into_iter().chain(extra) {
        let base = format!("{dir}/{}", doc.name);
        std::fs::write(format!("{base}.pdf"), &doc.pdf).unwrap();
        std::fs::write(format!("{base}.sentences.txt"), doc.sentences().join("\n")).unwrap();
        std::fs::write(format!("{base}.running.txt"), doc.running.join("\n")).unwrap();
        std::fs::write(
            format!("{base}.paragraphs.txt"),
            doc.paragraphs.join("\n\n"),
        )
        .unwrap();
        if let Ok(read) = claimdesk_documents::pdf::read_pdf(&doc.pdf) {
            let about = format!("{:?}\n{:#?}\n{:?}", read.facts, read.notes, read.pages);
            std::fs::write(format!("{base}.about.txt"), about).unwrap();
        }
        let ours = claimdesk_documents::pdf::read_pdf(&doc.pdf).map(|r| r.text);
        std::fs::write(
            format!("{base}.claimdesk.txt"),
            ours.unwrap_or_else(|e| e.to_string()),
        )
        .unwrap();
        println!(
            "{}: {} pages, {} sentences",
            doc.name,
            doc.pages,
            doc.sentences().len()
        );
    }
}

/// How one reader did on one document.
#[derive(Default, Clone, Copy)]
struct Score {
    sentences: usize,
    found: usize,
    in_order: usize,
    pairs: usize,
    leaks: usize,
    millis: f64,
}

/// Scores `text` against `doc`: body sentences found verbatim (white space squashed), pairs of
/// consecutive sentences found in order, running heads/feet and page-number lines left in.
fn score(doc: &corpus::TestDoc, text: &str, millis: f64) -> Score {
    let flat = pdf_support::squash(text);
    let sentences = doc.sentences();
    let positions: Vec<Option<usize>> = sentences.iter().map(|s| flat.find(s.as_str())).collect();
    let found = positions.iter().filter(|p| p.is_some()).count();
    // Order is judged on sentences that occur once in the document.
    let unique: Vec<Option<usize>> = sentences
        .iter()
        .zip(&positions)
        .filter(|(s, _)| sentences.iter().filter(|o| o == s).count() == 1)
        .map(|(_, p)| *p)
        .collect();
    let pairs: Vec<(usize, usize)> = unique
        .windows(2)
        .filter_map(|w| Some((w[0]?, w[1]?)))
        .collect();
    let mut leaks: usize = doc
        .running
        .iter()
        .map(|r| flat.matches(r.as_str()).count())
        .sum();
    leaks += text
        .lines()
        .map(str::trim)
        .filter(|l| {
            l.parse::<usize>()
                .is_ok_and(|n| (1..=doc.pages).contains(&n))
        })
        .count();
    Score {
        sentences: positions.len(),
        found,
        in_order: pairs.iter().filter(|(a, b)| a < b).count(),
        pairs: pairs.len(),
        leaks,
        millis,
    }
}

/// Runs `pdftotext` (poppler) with `args` on `pdf`.
fn pdftotext(pdf: &[u8], args: &[&str]) -> Option<(String, f64)> {
    let dir = std::env::temp_dir().join(format!("claimdesk-pdfmeasure-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let input = dir.join("in.pdf");
    std::fs::write(&input, pdf).ok()?;
    let started = std::time::Instant::now();
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .arg(&input)
        .arg("-")
        .output()
        .ok()?;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    Some((String::from_utf8_lossy(&out.stdout).into_owned(), millis))
}

/// Prints the table of `docs/pdf-library.md`: claimdesk's reader against pdftotext (plain and
/// `-layout`), and against other readers' outputs found in `$PDF_CANDIDATES_DIR/<reader>/<doc>.txt`.
/// Run: `cargo test --release -p claimdesk-documents --test pdf_measure -- --ignored --nocapture measure`.
#[test]
#[ignore = "measurement; run by hand"]
fn measure() {
    let docs = corpus::test_set();
    let mut readers: Vec<(String, Vec<Score>)> = Vec::new();
    let mut ours = Vec::new();
    for doc in &docs {
        let started = std::time::Instant::now();
        let text = claimdesk_documents::pdf::read_pdf(&doc.pdf)
            .map(|r| r.text)
            .unwrap_or_default();
        ours.push(score(doc, &text, started.elapsed().as_secs_f64() * 1000.0));
    }
    readers.push(("claimdesk read_pdf".into(), ours));
    for (name, args) in [
        ("pdftotext", &[][..]),
        ("pdftotext -layout", &["-layout"][..]),
    ] {
        let scores = docs
            .iter()
            .map(|doc| {
                let (text, millis) = pdftotext(&doc.pdf, args).unwrap_or_default();
                score(doc, &text, millis)
            })
            .collect();
        readers.push((name.into(), scores));
    }
    if let Ok(dir) = std::env::var("PDF_CANDIDATES_DIR") {
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        names.sort();
        for reader in names {
            let reader = reader.to_string_lossy().into_owned();
            let scores = docs
                .iter()
                .map(|doc| {
                    let text = std::fs::read_to_string(format!("{dir}/{reader}/{}.txt", doc.name))
                        .unwrap_or_default();
                    score(doc, &text, 0.0)
                })
                .collect();
            readers.push((reader, scores));
        }
    }
    println!(
        "| reader | document | sentences verbatim | consecutive pairs in order | running heads/feet/numbers left | ms |"
    );
    println!("|---|---|---|---|---|---|");
    for (reader, scores) in &readers {
        let mut total = Score::default();
        for (doc, s) in docs.iter().zip(scores) {
            println!(
                "| {reader} | {} ({} p.) | {}/{} | {}/{} | {} | {:.1} |",
                doc.name, doc.pages, s.found, s.sentences, s.in_order, s.pairs, s.leaks, s.millis
            );
            total.sentences += s.sentences;
            total.found += s.found;
            total.in_order += s.in_order;
            total.pairs += s.pairs;
            total.leaks += s.leaks;
            total.millis += s.millis;
        }
        println!(
            "| **{reader}** | **all** | **{:.1} %** | **{:.1} %** | **{}** | {:.1} |",
            100.0 * total.found as f64 / total.sentences as f64,
            100.0 * total.in_order as f64 / total.pairs.max(1) as f64,
            total.leaks,
            total.millis
        );
    }
}

/// Reads every file of `$PDF_MUTATED_DIR` (damaged PDFs made by hand, e.g. the library
/// comparison's) and prints how many gave text, which errors, and the slowest read.
#[test]
#[ignore = "measurement; run by hand"]
fn read_damaged_dir() {
    let Ok(dir) = std::env::var("PDF_MUTATED_DIR") else {
        return;
    };
    let mut ok = 0;
    let mut errors: std::collections::BTreeMap<String, usize> = Default::default();
    let mut slowest = std::time::Duration::ZERO;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let started = std::time::Instant::now();
        match claimdesk_documents::pdf::read_pdf(&bytes) {
            Ok(_) => ok += 1,
            Err(e) => {
                let kind = format!("{e:?}")
                    .split([' ', '{', '('])
                    .next()
                    .unwrap_or("")
                    .to_owned();
                *errors.entry(kind).or_default() += 1;
            }
        }
        slowest = slowest.max(started.elapsed());
    }
    println!("{ok} read, errors {errors:?}, slowest {slowest:?}");
}
