//! Reading a 100-page text PDF (typeset with typst when the bench starts): issue 26 asks for
//! at most 2 s in release. Run: `cargo bench -p claimdesk-documents --bench pdf`.

#[path = "../tests/pdf_support/mod.rs"]
mod pdf_support;

use criterion::{Criterion, criterion_group, criterion_main};

fn read_100_pages(c: &mut Criterion) {
    let doc = pdf_support::corpus::long_text(51);
    assert!(doc.pages >= 100, "the bench PDF has {} pages", doc.pages);
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function(format!("read_pdf {} pages", doc.pages), |b| {
        b.iter(|| claimdesk_documents::pdf::read_pdf(std::hint::black_box(&doc.pdf)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, read_100_pages);
criterion_main!(benches);
