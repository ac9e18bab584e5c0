//! A deterministic large review for benchmarks and scale tests: about 1 MB of article text in
//! realistic paragraphs (with non-ASCII text and one 100 KB paragraph without a line break) and
//! 5,000 claims of every status, some overlapping, some nested.

use crate::article::Article;
use crate::claim::{Claim, ClaimId};
use crate::review::Review;
use crate::span::Span;
use crate::status::ClaimStatus;
use crate::timestamp::Timestamp;

/// A small xorshift generator: the same seed always gives the same review.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "ministry",
    "said",
    "reports",
    "were",
    "false",
    "migrants",
    "centres",
    "Libya",
    "officials",
    "denied",
    "allegations",
    "of",
    "abuse",
    "in",
    "detention",
    "according",
    "to",
    "a",
    "statement",
    "on",
    "Sunday",
    "evidence",
    "shows",
    "thousands",
    "persons",
    "coast",
    "guard",
    "café",
    "naïve",
    "résumé",
    "—",
    "“quoted”",
    "Tripoli",
    "Misrata",
    "Sabha",
    "investigation",
    "United",
    "Nations",
    "figures",
    "percent",
    "2017",
    "€4,000",
    "🇱🇾",
    "中文",
    "report",
    "claims",
    "responsibility",
    "sovereignty",
    "and",
    "that",
    "is",
    "not",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 8 + rng.below(18);
    for i in 0..n {
        let word = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push_str(". ");
}

/// The article text: paragraphs of 2–8 sentences separated by blank lines until `bytes` is
/// reached, with one paragraph of about 100 KB and no line break in the middle.
pub fn article_text(bytes: usize) -> String {
    let mut rng = Rng(0x5eed_c1a1_0de5_4b1d);
    let mut text = String::with_capacity(bytes + 1024);
    let mut giant_done = false;
    while text.len() < bytes {
        let paragraph_target = if !giant_done && text.len() > bytes / 2 {
            giant_done = true;
            100 * 1024
        } else {
            0
        };
        let start = text.len();
        let sentences = 2 + rng.below(7);
        let mut k = 0;
        while k < sentences || text.len() - start < paragraph_target {
            sentence(&mut rng, &mut text);
            k += 1;
        }
        text.pop(); // the trailing space
        text.push_str("\n\n");
    }
    text
}

/// The large review: [`article_text`] of about 1 MB and `claims` claims over word-aligned
/// spans, cycling through the statuses; every 7th claim nests inside the previous one and
/// every 5th overlaps it.
pub fn large_review(bytes: usize, claims: usize) -> Review {
    let article = Article::new("large-article.txt", "", article_text(bytes));
    let len = article.char_len();
    let mut rng = Rng(0xc1a1_5000);
    let stamp = Timestamp::parse("2026-11-28T12:00:00Z").expect("valid");
    let mut out: Vec<Claim> = Vec::with_capacity(claims);
    let step = (len / claims.max(1)).max(2);
    for i in 0..claims {
        let (start, end) = match out.last() {
            Some(prev) if i % 7 == 0 && prev.span.len() > 4 => {
                (prev.span.start + 1, prev.span.end - 1) // nested
            }
            Some(prev) if i % 5 == 0 => {
                let s = prev.span.start + prev.span.len() / 2;
                (s, (s + 20 + rng.below(60)).min(len)) // overlapping
            }
            _ => {
                let s = (i * step + rng.below(step / 2 + 1)).min(len.saturating_sub(2));
                (s, (s + 10 + rng.below(90)).min(len))
            }
        };
        // Claims made in the app never split a grapheme cluster (a flag, an accent).
        let (start, end) =
            crate::text::snap_to_graphemes(article.text(), article.index(), start, end);
        if start >= end {
            continue;
        }
        let mut claim = Claim::new(&article, Span::new(start, end), ClaimStatus::ALL[i % 3]);
        claim.id = ClaimId(format!("c-{i:06}"));
        claim.created = stamp.clone();
        claim.modified = stamp.clone();
        if i % 4 == 0 {
            claim.claimant = "Ministry spokesperson".into();
            claim.note = "Checked against the UN report.".into();
        }
        out.push(claim);
    }
    Review::with_claims(article, out)
}

/// A hostile review: the sample-sized article `text` with `claims` claims all stacked on its
/// first word (ids `s-000000`…, statuses cycling). Opening it must stay as fast as a plain one.
pub fn stacked_review(text: &str, claims: usize) -> Review {
    let article = Article::new("stacked.txt", "", text.to_owned());
    let word_end = text
        .char_indices()
        .position(|(_, c)| c.is_whitespace())
        .unwrap_or(article.char_len())
        .max(1);
    let stamp = Timestamp::parse("2026-11-28T12:00:00Z").expect("valid");
    let template = Claim::new(&article, Span::new(0, word_end), ClaimStatus::Asserted);
    let out = (0..claims)
        .map(|i| {
            let mut claim = template.clone();
            claim.id = ClaimId(format!("s-{i:06}"));
            claim.status = ClaimStatus::ALL[i % 3];
            claim.created = stamp.clone();
            claim.modified = stamp.clone();
            claim
        })
        .collect();
    Review::with_claims(article, out)
}

/// Two analysts' versions of `base` for the team benchmarks (issue 11): each changes the
/// status of 10% of the claims (ours every claim `i % 10 == 0`, theirs `i % 10 == 5`, and both
/// every 100th, differently: conflicts) and adds `added` claims of its own, each a few chars
/// off an existing claim (so compare pairs many by overlap).
pub fn team_sides(base: &Review, added: usize) -> (Review, Review) {
    let side =
        |offset: usize, shift: usize, prefix: &str, status_of: fn(ClaimStatus) -> ClaimStatus| {
            let mut review = base.clone();
            let claims: Vec<Claim> = base.claims().to_vec();
            for (i, c) in claims.iter().enumerate() {
                if i % 10 == offset || i % 100 == 1 {
                    let mut changed = c.clone();
                    changed.status = if i % 100 == 1 {
                        status_of(c.status)
                    } else {
                        next(c.status)
                    };
                    review.replace(changed);
                }
            }
            let article = &base.article;
            let len = article.char_len();
            for k in 0..added.min(claims.len()) {
                let c = &claims[k * claims.len() / added.max(1)];
                let (start, end) = (
                    (c.span.start + shift).min(len - 1),
                    (c.span.end + shift).min(len),
                );
                let (start, end) =
                    crate::text::snap_to_graphemes(article.text(), article.index(), start, end);
                if start < end {
                    let mut claim =
                        Claim::new(article, Span::new(start, end), ClaimStatus::Disputed);
                    claim.id = ClaimId(format!("{prefix}-{k:06}"));
                    claim.created = c.created.clone();
                    claim.modified = c.created.clone();
                    review.insert(claim);
                }
            }
            review
        };
    let ours = side(0, 2, "o", next);
    let theirs = side(5, 3, "t", |s| next(next(s)));
    (ours, theirs)
}

/// The status after `s` in [`ClaimStatus::ALL`], wrapping.
fn next(s: ClaimStatus) -> ClaimStatus {
    ClaimStatus::ALL[(s as usize + 1) % 3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_review_puts_every_claim_on_the_first_word() {
        let review = stacked_review("Chief denies it.", 1_000);
        assert_eq!(review.claims().len(), 1_000);
        assert!(review.claims().iter().all(|c| c.quote == "Chief"));
        assert_eq!(review.counts(), [334, 333, 333]);
    }

    #[test]
    fn large_review_is_deterministic_and_shaped_as_promised() {
        let a = large_review(1_000_000, 5_000);
        let b = large_review(1_000_000, 5_000);
        assert_eq!(a.article.text(), b.article.text());
        assert_eq!(a.claims(), b.claims());
        let text = a.article.text();
        assert!(text.len() >= 1_000_000 && text.len() < 1_100_000);
        assert!(
            text.split('\n').any(|p| p.len() >= 100 * 1024),
            "one 100 KB paragraph"
        );
        assert!(!text.is_ascii());
        assert!(a.claims().len() >= 4_900);
        assert_eq!(a.counts().iter().filter(|&&n| n > 1_000).count(), 3);
        let overlapping = a
            .claims()
            .windows(2)
            .filter(|w| w[0].span.overlaps(w[1].span))
            .count();
        assert!(overlapping > 500, "{overlapping}");
        let index = a.article.index();
        for c in a.claims() {
            assert_eq!(a.article.slice(c.span.start, c.span.end), c.quote);
            let snapped =
                crate::text::snap_to_graphemes(a.article.text(), index, c.span.start, c.span.end);
            assert_eq!(
                snapped,
                (c.span.start, c.span.end),
                "{} splits a grapheme",
                c.id
            );
        }
    }
}
