//! Exports stay fast on a large review: a 100 000-character article with 3 000 claims, many
//! nested and overlapping. Prints the time per format (`cargo test --release -- --nocapture`).

use std::time::Instant;

use claimdesk_core::export::{ExportFormat, export};
use claimdesk_core::model::{Article, Claim, ClaimStatus, Review, Span};

#[test]
fn large_review_exports_quickly() {
    let sentence = "Libya is not to blame for the displacement of thousands 🇱🇾 of persons. ";
    let text: String = sentence.repeat(100_000 / sentence.chars().count());
    let article = Article::new("Big", "", text);
    let len = article.char_len();
    let claims: Vec<Claim> = (0..3_000)
        .map(|k| {
            let start = (k * 31) % (len - 200);
            let span = Span::new(start, start + 5 + (k * 7) % 150);
            Claim::new(&article, span, ClaimStatus::ALL[k % 3])
        })
        .collect();
    let review = Review::with_claims(article, claims);
    for format in ExportFormat::ALL {
        let t = Instant::now();
        let out = export(&review, format).unwrap();
        let took = t.elapsed();
        println!("{format}: {} bytes in {took:?}", out.bytes.len());
        assert!(took.as_secs() < 10, "{format} took {took:?}");
    }
}
