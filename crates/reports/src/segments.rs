//! Flattening claims that may overlap or nest arbitrarily into consecutive segments of the
//! article, each with the claims covering it, outermost first: what the reports highlight.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use claimdesk_model::{Review, Span};

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
/// outside any claim have no claims. A sweep over the boundaries: O((n + k) log n) for n
/// claims and k (segment, claim) pairs, so thousands of claims stay fast.
pub fn flatten(len: usize, spans: &[(usize, Span)]) -> Vec<Segment> {
    // (position, is_start, order key) events; ends sort before starts at the same position.
    let mut events: Vec<(usize, bool, Key)> = Vec::with_capacity(spans.len() * 2);
    for &(i, s) in spans {
        let (start, end) = (s.start.min(len), s.end.min(len));
        if start < end {
            let key = (start, Reverse(end), i);
            events.push((start, true, key));
            events.push((end, false, key));
        }
    }
    events.sort_unstable();
    let mut active: BTreeSet<Key> = BTreeSet::new();
    let mut segments = Vec::new();
    let mut at = 0;
    let mut next = events.iter().peekable();
    while at < len {
        while let Some(&&(pos, is_start, key)) = next.peek() {
            if pos > at {
                break;
            }
            if is_start {
                active.insert(key);
            } else {
                active.remove(&key);
            }
            next.next();
        }
        let end = next.peek().map_or(len, |e| e.0.min(len));
        segments.push(Segment {
            start: at,
            end,
            claims: active.iter().map(|k| k.2).collect(),
        });
        at = end;
    }
    segments
}

/// For each of `count` claims, where its drawn span ends (`usize::MAX` if it is not drawn).
pub fn span_ends(count: usize, spans: &[(usize, Span)]) -> Vec<usize> {
    let mut ends = vec![usize::MAX; count];
    for &(i, s) in spans {
        if let Some(e) = ends.get_mut(i) {
            *e = s.end;
        }
    }
    ends
}

/// Outermost first: earlier start, then later end, then text order.
type Key = (usize, Reverse<usize>, usize);

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

    proptest::proptest! {
        #[test]
        fn sweep_matches_the_definition(len in 0usize..40, raw in proptest::collection::vec((0usize..45, 0usize..45), 0..12)) {
            let spans: Vec<(usize, Span)> = raw.iter().enumerate().map(|(i, &(a, b))| (i, Span::new(a.min(b), a.max(b)))).collect();
            let segs = flatten(len, &spans);
            let mut at = 0;
            for seg in &segs {
                proptest::prop_assert_eq!(seg.start, at);
                proptest::prop_assert!(seg.start < seg.end);
                let mut expected: Vec<(usize, usize, usize)> = spans.iter()
                    .filter(|(_, s)| s.start.min(len) <= seg.start && seg.end <= s.end.min(len) && s.start.min(len) < s.end.min(len))
                    .map(|&(i, s)| (s.start, usize::MAX - s.end.min(len), i)).collect();
                expected.sort_unstable();
                let ids: Vec<usize> = expected.iter().map(|e| e.2).collect();
                proptest::prop_assert_eq!(&seg.claims, &ids);
                at = seg.end;
            }
            proptest::prop_assert_eq!(at, len);
        }
    }

    #[test]
    fn identical_spans_and_empty_text_are_fine() {
        let spans = [(0, Span::new(1, 3)), (1, Span::new(1, 3))];
        let segs = flatten(3, &spans);
        assert_eq!(segs[1].claims, [0, 1]);
        assert!(flatten(0, &[]).is_empty());
    }
}
