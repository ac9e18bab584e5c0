//! A set of spans that answers "does anything here overlap this span?" in O(log n), for
//! filtering thousands of suggestions against thousands of claims.

use claimdesk_model::Span;

/// Spans sorted by start, with the furthest end reached so far at each position.
pub(super) struct SpanSet {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanSet {
    /// The set of `spans` (any order).
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        Self {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// True if some span of the set shares a char with `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_sharing_a_char() {
        let set = SpanSet::new([Span::new(20, 30), Span::new(0, 50), Span::new(60, 61)]);
        assert!(set.overlaps(Span::new(40, 55)), "inside the long span");
        assert!(
            !set.overlaps(Span::new(50, 60)),
            "touching is not overlapping"
        );
        assert!(set.overlaps(Span::new(55, 61)));
        assert!(!set.overlaps(Span::new(61, 70)));
        assert!(!SpanSet::new([]).overlaps(Span::new(0, 10)));
    }
}
