//! A half-open span of chars in the article text.

/// A half-open span of chars `[start, end)` in the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

impl Span {
    /// A span; callers keep `start < end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of chars covered.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True if the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True if the two spans share at least one char.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True if `pos` lies inside the span.
    pub fn contains(self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
}
