//! Training examples from saved reviews: every sentence of a reviewed article, positive when it
//! overlaps a claim the analyst marked (orphaned claims do not count), negative otherwise.

use super::article_sentences;
use super::train::Example;
use crate::model::Review;
use crate::transcript::detect_transcript;

/// The sentences of `review`'s article as labelled examples (speaker labels cut off).
pub fn examples_from_review(review: &Review) -> Vec<Example> {
    let text = review.article.text();
    let transcript = detect_transcript(text);
    let claims: Vec<_> = review
        .claims()
        .iter()
        .filter(|c| !c.orphaned)
        .map(|c| c.span)
        .collect();
    article_sentences(text, transcript.as_ref())
        .into_iter()
        .map(|s| Example {
            text: s.text.to_owned(),
            positive: claims.iter().any(|c| c.overlaps(s.span)),
            weight: 1.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Claim, ClaimStatus, Span};

    #[test]
    fn sentences_overlapping_claims_are_positive() {
        let text = "HOST: Welcome. Tell us.\nSMITH: Jobs rose 5 percent. I am glad.\nHOST: Why?\nSMITH: Taxes fell in 2019.\n";
        let article = Article::new("t", "", text.to_owned());
        let start = text.find("rose").unwrap();
        let mut orphan = Claim::new(
            &article,
            Span::new(text.find("glad").unwrap(), text.find("glad").unwrap() + 4),
            ClaimStatus::Disputed,
        );
        orphan.orphaned = true;
        let claims = vec![
            Claim::new(&article, Span::new(start, start + 4), ClaimStatus::Asserted),
            orphan,
        ];
        let ex = examples_from_review(&Review::with_claims(article, claims));
        let labelled: Vec<(&str, bool)> =
            ex.iter().map(|e| (e.text.as_str(), e.positive)).collect();
        assert_eq!(
            labelled,
            [
                ("Welcome.", false),
                ("Tell us.", false),
                ("Jobs rose 5 percent.", true),
                ("I am glad.", false),
                ("Why?", false),
                ("Taxes fell in 2019.", false),
            ]
        );
    }
}
