//! What the analyst decided about suggested sentences: accepted (marked as a claim) or
//! dismissed. Decisions are saved in the review (format version 4, `suggestion_decisions`) so a
//! reopened review does not suggest the same sentences again. A decision is never a claim.

use serde::{Deserialize, Serialize};

use crate::anchor::{Resolution, resolve};
use crate::article::Article;
use crate::span::Span;
use crate::timestamp::Timestamp;

/// Accepted or dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// The sentence was marked as a claim from its suggestion.
    Accepted,
    /// The analyst said the sentence is not worth checking.
    Dismissed,
}

/// One decision about a suggested sentence, anchored like a claim: its span and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionDecision {
    /// The sentence, in chars of the article text.
    pub span: Span,
    /// The sentence's text when decided (finds it again if the article changes).
    pub quote: String,
    /// Accepted or dismissed.
    pub kind: DecisionKind,
    /// When it was decided.
    pub decided: Timestamp,
}

impl SuggestionDecision {
    /// A decision about the sentence at `span` of `article`, made now.
    pub fn new(article: &Article, span: Span, kind: DecisionKind) -> Self {
        Self {
            span,
            quote: article.slice(span.start, span.end).to_owned(),
            kind,
            decided: Timestamp::now(),
        }
    }

    /// Where the decided sentence is in `article` now: at its span, or the one other place its
    /// text is found; `None` if it is gone or ambiguous.
    pub fn locate(&self, article: &Article) -> Option<Span> {
        match resolve(article, self.span, &self.quote, "", "") {
            Resolution::Exact => Some(self.span),
            Resolution::Moved(span) => Some(span),
            Resolution::Orphaned => None,
        }
    }
}

/// `decisions` with the decision about `span` replaced by one of `kind` (the list stays in
/// text order, one decision per span).
pub fn with_decision(
    decisions: &[SuggestionDecision],
    article: &Article,
    span: Span,
    kind: DecisionKind,
) -> Vec<SuggestionDecision> {
    let mut out: Vec<SuggestionDecision> = decisions
        .iter()
        .filter(|d| d.span != span)
        .cloned()
        .collect();
    let at = out.partition_point(|d| (d.span.start, d.span.end) < (span.start, span.end));
    out.insert(at, SuggestionDecision::new(article, span, kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_follows_its_sentence_and_is_lost_only_when_ambiguous() {
        let text = "Taxes fell 5%. Jobs rose.";
        let article = Article::new("t", "", text.to_owned());
        let span = Span::new(0, 14);
        let d = SuggestionDecision::new(&article, span, DecisionKind::Dismissed);
        assert_eq!(d.quote, "Taxes fell 5%.");
        assert_eq!(d.locate(&article), Some(span));
        let moved = Article::new("t", "", format!("Intro. {text}"));
        assert_eq!(d.locate(&moved), Some(Span::new(7, 21)));
        let twice = Article::new(
            "t",
            "",
            "Taxes fell 5%. Taxes fell 5%! Taxes fell 5%.".into(),
        );
        assert_eq!(d.locate(&twice), Some(span), "exact place first");
        let shifted = Article::new("t", "", "A. Taxes fell 5%. Taxes fell 5%.".into());
        assert_eq!(d.locate(&shifted), None, "two candidates: no guess");
    }

    #[test]
    fn one_decision_per_span_in_text_order() {
        let article = Article::new("t", "", "One. Two. Three.".into());
        let list = with_decision(&[], &article, Span::new(10, 16), DecisionKind::Dismissed);
        let list = with_decision(&list, &article, Span::new(0, 4), DecisionKind::Dismissed);
        let list = with_decision(&list, &article, Span::new(10, 16), DecisionKind::Accepted);
        let got: Vec<(&str, DecisionKind)> =
            list.iter().map(|d| (d.quote.as_str(), d.kind)).collect();
        assert_eq!(
            got,
            [
                ("One.", DecisionKind::Dismissed),
                ("Three.", DecisionKind::Accepted)
            ]
        );
    }
}
