//! Article text: normalisation on import, and fast conversion between char offsets (what the
//! model stores) and byte offsets (what Rust string slicing needs).

use unicode_segmentation::UnicodeSegmentation;

/// Normalises raw article text once, on import: strips a leading BOM, turns `\r\n` and lone `\r`
/// into `\n`, and removes control characters other than `\n` and `\t`.
///
/// The result is exactly what claim offsets refer to.
pub fn normalize_article_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// How many chars lie between two sampled byte offsets in [`CharIndex`].
const STRIDE: usize = 64;

/// A sparse index from char offsets to byte offsets of one text.
///
/// Stores the byte offset of every 64th char, so a lookup walks at most 63 chars and the index
/// costs one `usize` per 64 chars.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    samples: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

impl CharIndex {
    /// Builds the index for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut samples = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                samples.push(byte);
            }
            char_len = i + 1;
        }
        Self {
            samples,
            char_len,
            byte_len: text.len(),
        }
    }

    /// Number of chars (Unicode scalar values) in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of char offset `char_pos` (clamped to the end of the text).
    pub fn byte_of(&self, text: &str, char_pos: usize) -> usize {
        if char_pos >= self.char_len {
            return self.byte_len;
        }
        let sample = char_pos / STRIDE;
        let base = self.samples[sample];
        let skip = char_pos - sample * STRIDE;
        match text[base..].char_indices().nth(skip) {
            Some((b, _)) => base + b,
            None => self.byte_len,
        }
    }

    /// Char offset of byte offset `byte_pos`, which must lie on a char boundary.
    pub fn char_of(&self, text: &str, byte_pos: usize) -> usize {
        let byte_pos = byte_pos.min(self.byte_len);
        let sample = self.samples.partition_point(|&b| b <= byte_pos);
        if sample == 0 {
            return 0;
        }
        let base = self.samples[sample - 1];
        (sample - 1) * STRIDE + text[base..byte_pos].chars().count()
    }

    /// The substring between two char offsets (clamped, and empty if `start >= end`).
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        if start >= end {
            return "";
        }
        let a = self.byte_of(text, start);
        let b = self.byte_of(text, end);
        &text[a..b]
    }
}

/// Moves `start` back and `end` forward to the nearest grapheme cluster boundaries, so a span
/// never splits a flag, an emoji ZWJ sequence or a letter from its combining marks.
pub fn snap_to_graphemes(
    text: &str,
    index: &CharIndex,
    start: usize,
    end: usize,
) -> (usize, usize) {
    (
        grapheme_boundary_at_or_before(text, index, start),
        grapheme_boundary_at_or_after(text, index, end),
    )
}

/// The stretch of text around `byte` that grapheme and word boundaries are computed in: within
/// the line, from a space at least 64 bytes before to a space at least 64 bytes after (a
/// boundary always falls before a space or a line break). The cost stays constant however long
/// the paragraph.
fn paragraph_bytes(text: &str, byte: usize) -> (usize, usize) {
    const REACH: usize = 64;
    let line_start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[byte..].find('\n').map_or(text.len(), |i| byte + i);
    let mut back = byte.saturating_sub(REACH).max(line_start);
    while !text.is_char_boundary(back) {
        back -= 1;
    }
    let start = text[line_start..back]
        .rfind(' ')
        .map_or(line_start, |i| line_start + i);
    let mut ahead = (byte + REACH).min(line_end);
    while !text.is_char_boundary(ahead) {
        ahead += 1;
    }
    let end = text[ahead..line_end]
        .find(' ')
        .map_or(line_end, |i| ahead + i);
    (start, end)
}

/// True if `byte` lies between two ASCII chars other than CR LF, or at the start: such
/// a place is always a grapheme boundary (only non-ASCII chars extend or join clusters), so
/// English text needs no segmentation at all.
fn is_plain_ascii_boundary(text: &str, byte: usize) -> bool {
    let bytes = text.as_bytes();
    if byte == 0 {
        return true;
    }
    if byte >= bytes.len() {
        return false; // the end: the general path clamps a position past it
    }
    let (before, after) = (bytes[byte - 1], bytes[byte]);
    before.is_ascii() && after.is_ascii() && !(before == b'\r' && after == b'\n')
}

/// True if `byte` falls between a CR and the LF after it, which are one grapheme together (the
/// window of [`paragraph_bytes`] ends at the LF, so it cannot see that). Imported text has no
/// CR; a hand-edited review may.
fn inside_crlf(text: &str, byte: usize) -> bool {
    let bytes = text.as_bytes();
    byte > 0 && bytes[byte - 1] == b'\r' && bytes.get(byte) == Some(&b'\n')
}

fn grapheme_boundary_at_or_before(text: &str, index: &CharIndex, pos: usize) -> usize {
    let byte = index.byte_of(text, pos);
    if is_plain_ascii_boundary(text, byte) {
        return pos;
    }
    if inside_crlf(text, byte) {
        return pos - 1;
    }
    let (para_start, para_end) = paragraph_bytes(text, byte);
    let mut boundary = para_start;
    for (offset, _) in text[para_start..para_end].grapheme_indices(true) {
        if para_start + offset > byte {
            break;
        }
        boundary = para_start + offset;
    }
    if byte >= para_end {
        boundary = byte;
    }
    index.char_of(text, boundary)
}

fn grapheme_boundary_at_or_after(text: &str, index: &CharIndex, pos: usize) -> usize {
    let byte = index.byte_of(text, pos);
    if is_plain_ascii_boundary(text, byte) {
        return pos;
    }
    if inside_crlf(text, byte) {
        return pos + 1;
    }
    let (para_start, para_end) = paragraph_bytes(text, byte);
    if byte >= para_end {
        return index.char_of(text, byte);
    }
    for (offset, g) in text[para_start..para_end].grapheme_indices(true) {
        let g_end = para_start + offset + g.len();
        if para_start + offset >= byte {
            return index.char_of(text, para_start + offset);
        }
        if g_end > byte {
            return index.char_of(text, g_end);
        }
    }
    index.char_of(text, para_end)
}

/// Shrinks a span so it neither starts nor ends with whitespace. Returns `None` if nothing but
/// whitespace is left.
pub fn trim_span(
    text: &str,
    index: &CharIndex,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let slice = index.slice(text, start, end);
    let leading = slice.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = slice
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let len = slice.chars().count();
    if leading == len {
        return None;
    }
    Some((start + leading, end - trailing))
}

/// The span a claim over selected chars `[start, end)` takes: widened to whole grapheme
/// clusters, then trimmed of surrounding whitespace. `None` if only whitespace is selected.
pub fn claim_span(
    text: &str,
    index: &CharIndex,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (start, end) = snap_to_graphemes(text, index, start, end);
    trim_span(text, index, start, end)
}

/// The word (run of alphanumeric graphemes, apostrophes and hyphens inside) around char `pos`,
/// as a char span; whitespace or punctuation selects just that grapheme.
pub fn word_at(text: &str, index: &CharIndex, pos: usize) -> (usize, usize) {
    let byte = index.byte_of(text, pos);
    let (para_start, para_end) = paragraph_bytes(text, byte);
    let para = &text[para_start..para_end];
    for (offset, word) in para.split_word_bound_indices() {
        let a = para_start + offset;
        let b = a + word.len();
        if byte >= a && byte < b {
            return (index.char_of(text, a), index.char_of(text, b));
        }
    }
    (pos, pos)
}

/// Widens a span that starts or ends inside a word to the whole word, the way word processors
/// select by dragging; spans already on word boundaries are unchanged.
pub fn expand_to_words(text: &str, index: &CharIndex, start: usize, end: usize) -> (usize, usize) {
    if start >= end {
        return (start, end);
    }
    let is_word = |w: &str| w.chars().any(char::is_alphanumeric);
    let (ws, we) = word_at(text, index, start);
    let start = if ws < start && is_word(index.slice(text, ws, we)) {
        ws
    } else {
        start
    };
    let (ws, we) = word_at(text, index, end - 1);
    let end = if we > end && is_word(index.slice(text, ws, we)) {
        we
    } else {
        end
    };
    (start, end)
}

/// At most `max` chars of `s`, with an ellipsis if cut.
pub fn shorten(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Snapping (with its ASCII fast path and its bounded window) gives the boundaries a
        /// segmentation of the whole text gives.
        #[test]
        fn snapping_agrees_with_whole_text_segmentation(
            text in "([a-z \\n\\r]|e\u{301}|\u{1F1EB}\u{1F1F7}|\u{1F469}\u{200D}\u{1F52C}|\u{0915}\u{094D}\u{0937}){0,40}",
            a in 0usize..60,
            b in 0usize..60,
        ) {
            let index = CharIndex::new(&text);
            let chars = text.chars().count();
            let (a, b) = (a.min(chars), b.min(chars));
            let (start, end) = (a.min(b), a.max(b));
            let boundaries: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(i, _)| text[..i].chars().count())
                .chain([chars])
                .collect();
            let before = *boundaries.iter().rfind(|&&x| x <= start).unwrap();
            let after = *boundaries.iter().find(|&&x| x >= end).unwrap();
            proptest::prop_assert_eq!(snap_to_graphemes(&text, &index, start, end), (before, after));
        }
    }

    #[test]
    fn normalises_line_endings_and_controls() {
        assert_eq!(
            normalize_article_text("\u{feff}a\r\nb\rc\u{0}d\te\u{7}"),
            "a\nb\ncd\te"
        );
    }

    #[test]
    fn char_index_round_trips_on_mixed_text() {
        let text = "é—🇱🇾 x".repeat(50);
        let idx = CharIndex::new(&text);
        assert_eq!(idx.char_len(), text.chars().count());
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.byte_of(&text, c), b);
            assert_eq!(idx.char_of(&text, b), c);
        }
        assert_eq!(idx.byte_of(&text, idx.char_len()), text.len());
    }

    #[test]
    fn snapping_never_splits_a_flag_or_combining_mark() {
        let text = "a🇱🇾b e\u{301}t";
        let idx = CharIndex::new(text);
        // Char 2 is between the two regional indicators of the flag.
        assert_eq!(snap_to_graphemes(text, &idx, 2, 2), (1, 3));
        // Char 6 is between "e" and its combining acute accent.
        assert_eq!(snap_to_graphemes(text, &idx, 6, 6), (5, 7));
        assert_eq!(snap_to_graphemes(text, &idx, 5, 6), (5, 7));
        assert_eq!(snap_to_graphemes(text, &idx, 0, 4), (0, 4));
    }

    #[test]
    fn trims_whitespace_and_rejects_blank_spans() {
        let text = "  hello world \n";
        let idx = CharIndex::new(text);
        assert_eq!(trim_span(text, &idx, 0, 15), Some((2, 13)));
        assert_eq!(trim_span(text, &idx, 0, 2), None);
    }

    #[test]
    fn expands_partial_words_only() {
        let text = "the Immigration Department (AIID) said";
        let idx = CharIndex::new(text);
        let (a, b) = expand_to_words(text, &idx, 9, 20);
        assert_eq!(idx.slice(text, a, b), "Immigration Department");
        let (a, b) = expand_to_words(text, &idx, 4, 15);
        assert_eq!(idx.slice(text, a, b), "Immigration");
        let (a, b) = expand_to_words(text, &idx, 27, 33);
        assert_eq!(idx.slice(text, a, b), "(AIID)");
    }

    #[test]
    fn word_at_finds_the_word_under_the_cursor() {
        let text = "Libya’s right, for sovereignty";
        let idx = CharIndex::new(text);
        assert_eq!(idx.slice(text, 0, 7), "Libya’s");
        let (a, b) = word_at(text, &idx, 2);
        assert_eq!(idx.slice(text, a, b), "Libya’s");
        let (a, b) = word_at(text, &idx, 21);
        assert_eq!(idx.slice(text, a, b), "sovereignty");
    }
}
