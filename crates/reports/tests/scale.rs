//! Exports stay correct on a large review: a 100 000-character article with 3 000 claims, many
//! nested and overlapping. Speed is measured by `cargo bench` (benches/), not here.

use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};
use claimdesk_reports::{ExportFormat, export};

#[test]
fn large_review_exports_every_claim() {
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
    // The PDF (not text) is checked on the 1 MB review by `cargo test --test pdf -- --ignored`.
    for format in ExportFormat::ALL.into_iter().filter(|f| f.is_text()) {
        let out = export(&review, format).unwrap();
        let text = String::from_utf8(out.bytes).unwrap();
        let found = claim_ids_in(&text);
        for claim in review.claims() {
            let expected = format != ExportFormat::ClaimReview
                || claim.status != ClaimStatus::UnderInvestigation;
            assert_eq!(
                found.contains(claim.id.as_str()),
                expected,
                "{format} and claim {} ({:?})",
                claim.id,
                claim.status
            );
        }
    }
}

/// Every generated claim id (`c-` and 12 hex digits) that occurs in `text`.
fn claim_ids_in(text: &str) -> std::collections::HashSet<&str> {
    let bytes = text.as_bytes();
    let mut ids = std::collections::HashSet::new();
    for (i, _) in text.match_indices("c-") {
        let end = i + 14;
        if end <= bytes.len() && bytes[i + 2..end].iter().all(u8::is_ascii_hexdigit) {
            ids.insert(&text[i..end]);
        }
    }
    ids
}
