//! Training examples from saved reviews: every sentence of a reviewed article, positive when it
//! overlaps a claim the analyst marked (orphaned claims do not count), negative otherwise; a
//! suggestion the analyst dismissed is a strong negative.

use super::article_sentences;
use super::train::Example;
use claimdesk_model::Review;
use claimdesk_model::suggestion_decision::DecisionKind;
use claimdesk_model::transcript::detect_transcript;

/// How much a dismissed suggestion counts against its sentence, in ordinary sentences: the
/// analyst looked at it and said no, which is stronger evidence than a sentence nobody marked.
pub const DISMISSED_WEIGHT: f32 = 3.0;

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
    let dismissed: Vec<_> = review
        .suggestion_decisions
        .iter()
        .filter(|d| d.kind == DecisionKind::Dismissed)
        .filter_map(|d| d.locate(&review.article))
        .collect();
    article_sentences(text, transcript.as_ref())
        .into_iter()
        .map(|s| {
            let positive = claims.iter().any(|c| c.overlaps(s.span));
            let was_dismissed = dismissed.iter().any(|d| d.overlaps(s.span));
            Example {
                text: s.text.to_owned(),
                positive,
                weight: if was_dismissed && !positive {
                    DISMISSED_WEIGHT
                } else {
                    1.0
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk_model::{Article, Claim, ClaimStatus, Span};

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
        assert!(ex.iter().all(|e| e.weight == 1.0));
    }

    #[test]
    fn a_dismissed_suggestion_is_a_strong_negative() {
        use claimdesk_model::suggestion_decision::SuggestionDecision;
        let text = "Jobs rose 5 percent. Taxes fell in 2019. Rain is wet.";
        let article = Article::new("t", "", text.to_owned());
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let claim = Claim::new(&article, at("Jobs rose 5 percent."), ClaimStatus::Asserted);
        let mut review = Review::with_claims(article.clone(), vec![claim]);
        for needle in ["Taxes fell in 2019.", "Jobs rose 5 percent."] {
            review.suggestion_decisions.push(SuggestionDecision::new(
                &article,
                at(needle),
                DecisionKind::Dismissed,
            ));
        }
        let ex = examples_from_review(&review);
        let got: Vec<(bool, f32)> = ex.iter().map(|e| (e.positive, e.weight)).collect();
        assert_eq!(
            got,
            [(true, 1.0), (false, DISMISSED_WEIGHT), (false, 1.0)],
            "a claim outweighs a dismissal of its sentence"
        );
    }
}
