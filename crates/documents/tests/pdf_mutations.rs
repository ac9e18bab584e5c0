//! Damaged PDFs never make `read_pdf` panic or hang: random byte mutations, cuts and splices of
//! a valid typst PDF (uncompressed and compressed parts alike) give text or a `ReadError`.
//! The ignored `mutation_loop` runs many more seeded mutations by hand and prints the figures:
//! `PDF_MUTATIONS=20000 cargo test --release -p claimdesk-documents --test pdf_mutations -- --ignored --nocapture`.

mod pdf_support;

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use claimdesk_documents::ReadError;
use claimdesk_documents::pdf::read_pdf;
use proptest::prelude::*;

/// A small valid PDF: two pages, two columns, a running head, a footnote.
static SEED: LazyLock<Vec<u8>> = LazyLock::new(|| {
    pdf_support::typeset(
        "#set page(width: 12cm, height: 9cm, margin: 1.2cm, columns: 2, header: [Seed head], footer: context counter(page).display())
#set text(font: \"Libertinus Serif\", size: 9pt, hyphenate: true)
#set par(justify: true)
The ministry reported that unemployment fell to 4.2 per cent, according to figures published on Tuesday.#footnote[Revised.] Independent researchers questioned the interpretation of the figures and the methodology.

The efficient office flagged fifty affluent suppliers. The inquiry lasted five-and-a-half months.
#pagebreak()
A second page with a sentence that runs on across the column break and keeps going for a while longer.",
    )
});

/// Applies `edits` to `base`: (position share, kind, value).
fn mutate(base: &[u8], edits: &[(f64, u8, u8)]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(at, kind, value) in edits {
        if bytes.is_empty() {
            break;
        }
        let i = ((bytes.len() - 1) as f64 * at) as usize;
        match kind % 5 {
            0 => bytes[i] = value,
            1 => bytes[i] ^= 1 << (value % 8),
            2 => {
                bytes.remove(i);
            }
            3 => bytes.insert(i, value),
            _ => {
                let end = (i + usize::from(value)).min(bytes.len());
                let piece: Vec<u8> = bytes[i..end].to_vec();
                let to = (i * 7 + 13) % bytes.len();
                bytes.splice(to..to, piece);
            }
        }
    }
    bytes
}

/// Reads `bytes` and checks the result's shape.
fn read_checked(bytes: &[u8]) -> Result<(), ReadError> {
    let read = read_pdf(bytes)?;
    let chars = read.text.chars().count();
    assert!(read.pages.windows(2).all(|w| w[0] <= w[1]));
    assert!(read.pages.iter().all(|&p| p <= chars));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn mutated_pdfs_never_panic(edits in prop::collection::vec((0.0f64..1.0, any::<u8>(), any::<u8>()), 1..12)) {
        let bytes = mutate(&SEED, &edits);
        let _ = read_checked(&bytes);
    }

    #[test]
    fn truncated_pdfs_never_panic(share in 0.0f64..1.0) {
        let cut = (SEED.len() as f64 * share) as usize;
        let _ = read_checked(&SEED[..cut]);
    }
}

#[test]
#[ignore = "long: run by hand, figures for the fuzzing note"]
fn mutation_loop() {
    let runs: usize = std::env::var("PDF_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let seeds = [
        SEED.clone(),
        pdf_support::corpus::report().pdf,
        pdf_support::corpus::news_two_columns().pdf,
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut ok, mut slowest) = (0usize, Duration::ZERO);
    let mut errors: std::collections::BTreeMap<String, usize> = Default::default();
    let started = Instant::now();
    for run in 0..runs {
        let base = &seeds[run % seeds.len()];
        let edits: Vec<(f64, u8, u8)> = (0..1 + next() % 16)
            .map(|_| {
                (
                    (next() % 1_000_000) as f64 / 1e6,
                    next() as u8,
                    next() as u8,
                )
            })
            .collect();
        let bytes = mutate(base, &edits);
        let t = Instant::now();
        match read_checked(&bytes) {
            Ok(()) => ok += 1,
            Err(e) => {
                // The kind, and whether the reader's panic guard caught something.
                let kind = format!("{e:?}")
                    .split([' ', '{', '('])
                    .next()
                    .unwrap_or("")
                    .to_owned();
                let caught = e.to_string().contains("stopped on something unexpected");
                *errors
                    .entry(if caught { "caught panic".into() } else { kind })
                    .or_default() += 1;
            }
        }
        slowest = slowest.max(t.elapsed());
    }
    println!(
        "{runs} mutated PDFs: {ok} read, errors {errors:?}, no panic escaped; slowest {slowest:?}, total {:?}",
        started.elapsed()
    );
}

/// Writes the fuzz target's seed PDFs (`fuzz/corpus/read_pdf/`): run by hand when the seeds
/// should change.
#[test]
#[ignore = "writes the fuzz seeds; run by hand"]
fn write_fuzz_seeds() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/read_pdf");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(format!("{dir}/two-columns-footnote.pdf"), &*SEED).unwrap();
    let tagged = pdf_support::typeset_tagged(
        "#set page(width: 8cm, height: 6cm, margin: 1cm, header: [Head], footer: context counter(page).display())\n#set text(font: \"Noto Sans\", size: 9pt)\nA tagged page with an ﬁ ligature and a well-known compound.",
    );
    std::fs::write(format!("{dir}/tagged.pdf"), tagged).unwrap();
    let scan = pdf_support::typeset(
        "#set page(width: 6cm, height: 6cm)\n#rect(width: 3cm, height: 2cm, fill: gray)",
    );
    std::fs::write(format!("{dir}/no-text.pdf"), scan).unwrap();
}
