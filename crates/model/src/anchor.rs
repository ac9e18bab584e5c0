//! Anchoring: checking that a stored claim still points at its quote, and finding the quote
//! again (with its prefix and suffix) when it does not.
//!
//! The rule, unlike Hypothesis: never guess. A claim is re-anchored only when exactly one place
//! in the text fits; otherwise it becomes an orphan the user can see.

use crate::article::Article;
use crate::span::Span;

/// What became of a stored claim when checked against the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The quote is at its stored offsets.
    Exact,
    /// The quote was found at exactly one other place that fits.
    Moved(Span),
    /// The quote is nowhere, or at several places that fit equally well.
    Orphaned,
}

/// Checks a stored quote against `article` and finds it again if it moved.
pub fn resolve(
    article: &Article,
    span: Span,
    quote: &str,
    prefix: &str,
    suffix: &str,
) -> Resolution {
    if quote.is_empty() {
        return Resolution::Orphaned;
    }
    if span.start < span.end
        && span.end <= article.char_len()
        && article.slice(span.start, span.end) == quote
    {
        return Resolution::Exact;
    }
    let text = article.text();
    let candidates: Vec<usize> = text.match_indices(quote).map(|(b, _)| b).collect();
    let chosen = match candidates.as_slice() {
        [] => None,
        [only] => Some(*only),
        many => {
            let fitting: Vec<usize> = many
                .iter()
                .copied()
                .filter(|&b| {
                    text[..b].ends_with(prefix) && text[b + quote.len()..].starts_with(suffix)
                })
                .collect();
            match fitting.as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        }
    };
    match chosen {
        Some(byte) => {
            let start = article.index().char_of(text, byte);
            Resolution::Moved(Span::new(start, start + quote.chars().count()))
        }
        None => Resolution::Orphaned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new("t", "", text.to_owned())
    }

    #[test]
    fn exact_when_quote_is_in_place() {
        let a = article("😀 lies and fabrications");
        assert_eq!(
            resolve(&a, Span::new(2, 6), "lies", "😀 ", " and"),
            Resolution::Exact
        );
    }

    #[test]
    fn moved_when_quote_is_found_once_elsewhere() {
        let a = article("😀😀 lies and fabrications");
        // Offsets counted in UTF-16 would be off by two; the quote is found again.
        assert_eq!(
            resolve(&a, Span::new(5, 9), "lies", "", ""),
            Resolution::Moved(Span::new(3, 7))
        );
    }

    #[test]
    fn context_picks_one_of_several_occurrences() {
        let a = article("He said no. She said no. They said yes.");
        assert_eq!(
            resolve(&a, Span::new(0, 0), "said no", "She ", "."),
            Resolution::Moved(Span::new(16, 23))
        );
    }

    #[test]
    fn orphaned_when_missing_or_ambiguous() {
        let a = article("He said no. She said no.");
        assert_eq!(
            resolve(&a, Span::new(0, 3), "yes", "", ""),
            Resolution::Orphaned
        );
        assert_eq!(
            resolve(&a, Span::new(0, 3), "said no", "", ""),
            Resolution::Orphaned
        );
        assert_eq!(
            resolve(&a, Span::new(0, 3), "", "", ""),
            Resolution::Orphaned
        );
    }
}
