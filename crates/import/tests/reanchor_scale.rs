//! Re-anchoring stays fast on the 1 MB / 5,000-claim review (issue 6): a handful of edits, a
//! paragraph shuffle, and a worst case where the whole text is rewritten. Prints the times;
//! `cargo test --release --test reanchor_scale -- --nocapture` for the real numbers.

use std::time::Instant;

use claimdesk_import::reanchor::{Outcome, apply, reanchor};
use claimdesk_model::synthetic::large_review;

fn edited(text: &str) -> String {
    // A new lead paragraph, 60 word replacements spread over the text, two sentences removed.
    let mut out = String::from("Editor's note: this article was corrected on Monday.\n\n");
    let mut replaced = 0;
    for (i, para) in text.split("\n\n").enumerate() {
        if i % 37 == 5 && replaced < 60 {
            out.push_str(&para.replacen("the", "a", 1));
            replaced += 1;
        } else if i == 400 || i == 800 {
            // drop this paragraph
            continue;
        } else {
            out.push_str(para);
        }
        out.push_str("\n\n");
    }
    out
}

#[test]
fn reanchoring_a_large_review_is_fast_and_exact() {
    let review = large_review(1_000_000, 5_000);
    let new_text = edited(review.article.text());
    let t = Instant::now();
    let plan = reanchor(&review, &new_text);
    let took = t.elapsed();
    let counts = plan.counts();
    eprintln!(
        "reanchor 1 MB / {} claims, edited: {took:?} {counts:?}",
        review.claims().len()
    );
    assert!(plan.diff_complete);
    assert!(counts.unchanged > 4_700, "{counts:?}");
    let t = Instant::now();
    let updated = apply(&review, &plan, false);
    eprintln!("apply: {:?}", t.elapsed());
    for c in updated.claims().iter().filter(|c| !c.orphaned) {
        assert_eq!(updated.article.slice(c.span.start, c.span.end), c.quote);
    }
    // Generous for debug builds on a shared machine; release is far below a second.
    assert!(took.as_secs_f64() < 30.0, "{took:?}");
}

#[test]
fn reanchoring_after_a_total_rewrite_stays_bounded() {
    let review = large_review(1_000_000, 5_000);
    // Paragraphs reversed and every "the" changed: most claims move or change.
    let mut paras: Vec<&str> = review.article.text().split("\n\n").collect();
    paras.reverse();
    let new_text = paras.join("\n\n").replace(" the ", " this ");
    let t = Instant::now();
    let plan = reanchor(&review, &new_text);
    let took = t.elapsed();
    eprintln!(
        "reanchor 1 MB / 5,000 claims, rewritten: {took:?} {:?} diff complete: {}",
        plan.counts(),
        plan.diff_complete
    );
    for u in &plan.claims {
        if let Outcome::Unchanged { span } | Outcome::Moved { span } = u.outcome {
            assert!(span.start < span.end);
        }
    }
    assert!(took.as_secs_f64() < 60.0, "{took:?}");
}
