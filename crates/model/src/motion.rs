//! Caret motions over the article text that need no layout: by grapheme, by word and to a
//! line's (paragraph's) bounds. Positions are char offsets; no motion ever lands inside a
//! grapheme cluster (an emoji, a flag, a letter with its accents). Motions by visual line need
//! the layout and live in the article view.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::CharIndex;

/// A motion that needs only the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// One grapheme left.
    Left,
    /// One grapheme right.
    Right,
    /// To the start of this word, or of the previous one.
    WordLeft,
    /// To the end of this word, or of the next one.
    WordRight,
    /// To the start of this line (paragraph), or of the previous non-empty one if already there.
    ParagraphStart,
    /// To the end of this line (paragraph), or of the next non-empty one if already there.
    ParagraphEnd,
}

/// Where `motion` takes a caret at char `pos` of `text` (`index` is the text's char index).
pub fn move_caret(text: &str, index: &CharIndex, pos: usize, motion: Motion) -> usize {
    let b = index.byte_of(text, pos.min(index.char_len()));
    let byte = match motion {
        Motion::Left => text[..b]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i),
        Motion::Right => text[b..].graphemes(true).next().map_or(b, |g| b + g.len()),
        Motion::WordLeft => text[..b]
            .split_word_bound_indices()
            .rev()
            .find(|(_, w)| is_word(w))
            .map_or(0, |(i, _)| i),
        Motion::WordRight => text[b..]
            .split_word_bound_indices()
            .find(|(_, w)| is_word(w))
            .map_or(text.len(), |(i, w)| b + i + w.len()),
        Motion::ParagraphStart => {
            let line_start = text[..b].rfind('\n').map_or(0, |i| i + 1);
            if line_start < b {
                line_start
            } else {
                let before = text[..b].trim_end_matches('\n');
                before.rfind('\n').map_or(0, |i| i + 1)
            }
        }
        Motion::ParagraphEnd => {
            let line_end = text[b..].find('\n').map_or(text.len(), |i| b + i);
            if line_end > b {
                line_end
            } else {
                let after = b + (text[b..].len() - text[b..].trim_start_matches('\n').len());
                text[after..].find('\n').map_or(text.len(), |i| after + i)
            }
        }
    };
    index.char_of(text, byte)
}

/// True for a word segment (letters or digits), false for spaces and punctuation.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(text: &str, from: usize, motion: Motion, times: usize) -> Vec<usize> {
        let index = CharIndex::new(text);
        let mut pos = from;
        (0..times)
            .map(|_| {
                pos = move_caret(text, &index, pos, motion);
                pos
            })
            .collect()
    }

    #[test]
    fn graphemes_are_never_split() {
        // "e" + combining acute, a flag (two scalars), a family emoji (five scalars).
        let text = "ae\u{301}🇱🇾👨‍👩‍👧b";
        assert_eq!(walk(text, 0, Motion::Right, 6), [1, 3, 5, 10, 11, 11]);
        assert_eq!(walk(text, 11, Motion::Left, 6), [10, 5, 3, 1, 0, 0]);
    }

    #[test]
    fn words_skip_spaces_and_punctuation_and_keep_numbers_whole() {
        let text = "It grew 15.9 percent, “he said.”";
        let ends = walk(text, 0, Motion::WordRight, 6);
        let cut = |p: usize| text.chars().take(p).collect::<String>();
        assert_eq!(cut(ends[0]), "It");
        assert_eq!(cut(ends[2]), "It grew 15.9");
        assert_eq!(cut(ends[5]), "It grew 15.9 percent, “he said");
        let n = text.chars().count();
        let starts = walk(text, n, Motion::WordLeft, 4);
        assert_eq!(text.chars().skip(starts[0]).collect::<String>(), "said.”");
        assert_eq!(
            text.chars().skip(starts[3]).collect::<String>(),
            "15.9 percent, “he said.”"
        );
    }

    #[test]
    fn paragraph_bounds_then_the_neighbours() {
        let text = "One two.\n\nThree four.\nFive.";
        let at = text.find("four").unwrap();
        assert_eq!(walk(text, at, Motion::ParagraphStart, 3), [10, 0, 0]);
        assert_eq!(walk(text, at, Motion::ParagraphEnd, 3), [21, 27, 27]);
    }
}
