//! Verdict wording and the ClaimReview summary rule: the verdicts the editor suggests and how
//! a claim's summary is cut to ClaimReview's length.

use unicode_segmentation::UnicodeSegmentation;

/// Verdicts offered as suggestions; the verdict itself is free text.
pub const VERDICT_SUGGESTIONS: &[&str] = &[
    "False",
    "Mostly false",
    "Misleading",
    "Missing context",
    "Half true",
    "Mostly true",
    "Accurate",
    "Unproven",
];

/// ClaimReview's `claimReviewed` should stay under this many characters.
pub const SUMMARY_LIMIT: usize = 75;

/// `text` with runs of whitespace collapsed to one space, cut to fewer than [`SUMMARY_LIMIT`]
/// characters at a word boundary (with `…` when cut). Never splits a grapheme cluster.
pub fn short_summary(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() < SUMMARY_LIMIT {
        return collapsed;
    }
    // Room for the text and the ellipsis, strictly under the limit.
    let budget = SUMMARY_LIMIT - 2;
    let mut used = 0;
    let mut cut = 0;
    let mut last_space = None;
    for (byte, g) in collapsed.grapheme_indices(true) {
        let len = g.chars().count();
        if used + len > budget {
            break;
        }
        if g == " " {
            last_space = Some(byte);
        }
        used += len;
        cut = byte + g.len();
    }
    let end = last_space.filter(|&b| b > 0).unwrap_or(cut);
    let mut out = collapsed[..end].trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(
            short_summary("  Libya is\nnot to blame "),
            "Libya is not to blame"
        );
    }

    #[test]
    fn long_text_is_cut_below_the_limit_at_a_word() {
        let quote = "Libya is not to blame for the displacement of thousands of persons from \
                     their homelands, coming to Libya";
        let s = short_summary(quote);
        assert!(s.chars().count() < SUMMARY_LIMIT, "{s}");
        assert!(s.ends_with("persons…") || s.ends_with("from…"), "{s}");
        assert!(quote.starts_with(s.trim_end_matches('…')));
    }

    #[test]
    fn one_long_word_is_cut_between_graphemes() {
        let s = short_summary(&"🇱🇾".repeat(60));
        assert!(s.chars().count() < SUMMARY_LIMIT);
        assert_eq!(
            s.trim_end_matches('…').chars().count() % 2,
            0,
            "no half flags"
        );
    }
}
