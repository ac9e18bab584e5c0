//! Flattening claims that may overlap or nest arbitrarily into consecutive segments of the
//! article, each with the claims covering it, outermost first: what the reports highlight.

use crate::model::{Review, Span};

/// A run of the article covered by the same set of claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Indices into [`Review::claims`] of the claims covering the run, outermost first
    /// (earlier start, then later end, then text order).
    pub claims: Vec<usize>,
}

/// The drawable span of every claim that is not an orphan, clamped to the text; empty spans
/// are left out.
pub fn anchored_spans(review: &Review) -> Vec<(usize, Span)> {
    let len = review.article.char_len();
    review
        .claims()
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.orphaned)
        .map(|(i, c)| (i, Span::new(c.span.start.min(len), c.span.end.min(len))))
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

/// Cuts `[0, len)` at every claim boundary. Segments cover the whole text in order; those
/// outside any claim have no claims.
pub fn flatten(len: usize, spans: &[(usize, Span)]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, len];
    for (_, s) in spans {
        cuts.push(s.start.min(len));
        cuts.push(s.end.min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut ordered: Vec<&(usize, Span)> = spans.iter().collect();
    ordered.sort_by_key(|(i, s)| (s.start, std::cmp::Reverse(s.end), *i));
    cuts.windows(2)
        .map(|w| Segment {
            start: w[0],
            end: w[1],
            claims: ordered
                .iter()
                .filter(|(_, s)| s.start <= w[0] && w[1] <= s.end)
                .map(|(i, _)| *i)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_nested_claims_split_into_segments() {
        // 0..10 outer, 2..4 nested, 8..14 overlapping the end of the outer.
        let spans = [
            (0, Span::new(0, 10)),
            (1, Span::new(2, 4)),
            (2, Span::new(8, 14)),
        ];
        let segs = flatten(16, &spans);
        let got: Vec<_> = segs
            .iter()
            .map(|s| (s.start, s.end, s.claims.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (0, 2, vec![0]),
                (2, 4, vec![0, 1]),
                (4, 8, vec![0]),
                (8, 10, vec![0, 2]),
                (10, 14, vec![2]),
                (14, 16, vec![]),
            ]
        );
    }

    #[test]
    fn identical_spans_and_empty_text_are_fine() {
        let spans = [(0, Span::new(1, 3)), (1, Span::new(1, 3))];
        let segs = flatten(3, &spans);
        assert_eq!(segs[1].claims, [0, 1]);
        assert!(flatten(0, &[]).is_empty());
    }
}
