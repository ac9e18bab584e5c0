//! Sentences of an article as char spans: Unicode sentence segmentation (UAX #29) made robust
//! for news and transcripts.
//!
//! UAX #29 alone splits after "Mr." or "Sen." before a capitalised name and after every line
//! break, so hard-wrapped paragraphs fall apart. [`sentence_spans`] repairs those cases: it joins
//! a piece ending in a known abbreviation or a single-letter initial to the next piece on the
//! same line, and joins a line that stops without end punctuation to a next line that starts in
//! lower case. Decimal numbers ("15.9"), quotes after the full stop and "U.S. officials" are
//! already handled by UAX #29.
//!
//! One segmenter serves both check-worthiness suggestions and keyboard sentence selection.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// The sentences of `text` in order, as half-open char spans with surrounding white space
/// trimmed. Pieces without any letter or digit (a lone "—", blank lines) are left out, so the
/// spans never overlap and every one holds some text.
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let pieces = merged_pieces(text);
    let mut out = Vec::with_capacity(pieces.len());
    let mut cursor = CharCursor::default();
    for (start, end) in pieces {
        let piece = &text[start..end];
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start >= trimmed_end || !piece.chars().any(char::is_alphanumeric) {
            continue;
        }
        let a = cursor.advance_to(text, trimmed_start);
        let b = cursor.advance_to(text, trimmed_end);
        out.push(Span::new(a, b));
    }
    out
}

/// The index of the sentence among `spans` (as returned by [`sentence_spans`]) that contains
/// char `pos`, or `None` if `pos` falls between sentences.
pub fn sentence_at(spans: &[Span], pos: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end <= pos);
    spans.get(i).filter(|s| s.start <= pos).map(|_| i)
}

/// The whole sentences that chars `a..b` of `text` touch, as one char span: for a caret
/// (`a == b`) the sentence around it (the one ending there if it sits just after a full stop,
/// the next one if it sits between sentences); for a selection, from the first sentence it
/// starts in to the last one it ends in. `None` if the text has no sentence at all.
pub fn sentence_bounds(text: &str, a: usize, b: usize) -> Option<Span> {
    let (a, b) = (a.min(b), a.max(b));
    let spans = sentence_spans(text);
    let first = spans
        .iter()
        .position(|s| s.end > a || (a == b && s.end == a))
        .or_else(|| spans.len().checked_sub(1))?;
    let last = if a == b {
        first
    } else {
        spans[first..]
            .iter()
            .rposition(|s| s.start < b)
            .map_or(first, |i| first + i)
    };
    Some(Span::new(spans[first].start, spans[last].end))
}

/// Title and other abbreviations that UAX #29 takes for a sentence end when a capitalised word
/// follows ("Mr. Smith", "Sen. Warren"). Lower case, without the full stop.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
    "capt", "cmdr", "sgt", "adm", "maj", "rev", "hon", "pres", "st", "mt", "ft", "jr", "sr", "vs",
    "approx", "dept", "fig", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb", "apr", "aug", "sept",
    "oct", "nov", "dec",
];

/// Byte ranges of UAX #29 pieces after the repairs described in the module docs.
fn merged_pieces(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut join_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.len();
        match out.last_mut() {
            Some(last) if join_next => last.1 = end,
            _ => out.push((start, end)),
        }
        let (s, e) = *out.last().expect("just pushed");
        join_next = ends_in_abbreviation(&text[s..e]) || is_wrapped_line(&text[s..e], &text[e..]);
    }
    out
}

/// True when `piece` ends (on its line) in "Mr. " or an initial "J. ", so the next piece continues
/// the same sentence.
fn ends_in_abbreviation(piece: &str) -> bool {
    if piece.ends_with('\n') {
        return false;
    }
    let body = piece.trim_end();
    let Some(word) = body.strip_suffix('.') else {
        return false;
    };
    let last = word
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let mut chars = last.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

/// True when `piece` is a hard-wrapped line: it ends in a single line break, stops without end
/// punctuation, and the next line goes on in lower case.
fn is_wrapped_line(piece: &str, rest: &str) -> bool {
    if !piece.ends_with('\n') || piece.ends_with("\n\n") || rest.starts_with('\n') {
        return false;
    }
    let body = piece.trim_end();
    let stops = body.ends_with(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']' | '…'
        )
    });
    let next = rest.trim_start_matches([' ', '\t']).chars().next();
    !body.is_empty() && !stops && next.is_some_and(char::is_lowercase)
}

/// Converts increasing byte offsets to char offsets in one pass over the text.
#[derive(Default)]
struct CharCursor {
    byte: usize,
    char: usize,
}

impl CharCursor {
    fn advance_to(&mut self, text: &str, byte: usize) -> usize {
        self.char += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        sentence_spans(text)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn news_text_with_titles_decimals_and_quotes() {
        let text = "Mr. Smith said GDP grew 15.9 percent in 2021. “It was a record,” he said. \
                    U.S. officials disagreed! Did Sen. Warren vote? Dr. J. Doe, of the U.N. agency, \
                    spoke at 3 p.m. on Monday.";
        assert_eq!(
            sentences(text),
            [
                "Mr. Smith said GDP grew 15.9 percent in 2021.",
                "“It was a record,” he said.",
                "U.S. officials disagreed!",
                "Did Sen. Warren vote?",
                "Dr. J. Doe, of the U.N. agency, spoke at 3 p.m. on Monday.",
            ]
        );
    }

    #[test]
    fn paragraphs_and_hard_wrapped_lines() {
        let text = "Headline Without A Stop\n\nThe ministry said the reports\nwere false. Officials\nagreed.\nA new line starts here.\n";
        assert_eq!(
            sentences(text),
            [
                "Headline Without A Stop",
                "The ministry said the reports\nwere false.",
                "Officials\nagreed.",
                "A new line starts here.",
            ]
        );
    }

    #[test]
    fn transcript_lines_stay_apart() {
        let text = "MADDOW: Good evening. Welcome to the debate.\nSANDERS: Thank you. The top 1 percent own 40 percent of the wealth.\n(APPLAUSE)\nQ. Did you sign it?\nA. No.\n";
        assert_eq!(
            sentences(text),
            [
                "MADDOW: Good evening.",
                "Welcome to the debate.",
                "SANDERS: Thank you.",
                "The top 1 percent own 40 percent of the wealth.",
                "(APPLAUSE)",
                "Q. Did you sign it?",
                "A. No.",
            ]
        );
    }

    #[test]
    fn sample_article_sentences_are_trimmed_and_in_order() {
        let text = include_str!("../../../assets/sample-article.txt");
        let spans = sentence_spans(text);
        let chars: Vec<char> = text.chars().collect();
        assert!(spans.len() >= 10, "{}", spans.len());
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
        for s in &spans {
            let t: String = chars[s.start..s.end].iter().collect();
            assert_eq!(t.trim(), t, "trimmed");
            assert!(!t.contains("\n\n"), "never across a paragraph: {t}");
        }
        let first: String = chars[spans[0].start..spans[0].end].iter().collect();
        assert!(first.starts_with("The Chief of Anti-Illegal Immigration Department"));
        assert!(first.ends_with("illegal immigrants in Libya."), "{first}");
        // Offsets are chars, not bytes: the article has curly quotes before later sentences.
        let quoted = spans
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect::<String>())
            .find(|t| t.starts_with("“We have sorrowfully seen"))
            .expect("the quoted sentence is found whole");
        assert!(quoted.ends_with("Besher said, adding that those are illegal immigrants who have already broke the law by coming illegally to Libya."), "{quoted}");
    }

    #[test]
    fn sentence_at_finds_the_sentence_or_none_between() {
        let text = "One two.  Three four.";
        let spans = sentence_spans(text);
        assert_eq!(spans, [Span::new(0, 8), Span::new(10, 21)]);
        assert_eq!(sentence_at(&spans, 0), Some(0));
        assert_eq!(sentence_at(&spans, 7), Some(0));
        assert_eq!(sentence_at(&spans, 8), None);
        assert_eq!(sentence_at(&spans, 10), Some(1));
        assert_eq!(sentence_at(&spans, 21), None);
    }

    #[test]
    fn empty_and_punctuation_only_text() {
        assert!(sentence_spans("").is_empty());
        assert!(sentence_spans(" \n\n — \n").is_empty());
    }

    #[test]
    fn sentence_bounds_of_a_caret_and_of_a_selection() {
        let text = "Mr. Smith said 15.9 percent. “It was a record,” he said.  Next one.";
        let chars: Vec<char> = text.chars().collect();
        let cut = |s: Span| chars[s.start..s.end].iter().collect::<String>();
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let first = "Mr. Smith said 15.9 percent.";
        // Inside, on "Mr." and on the decimal point: the whole first sentence.
        for pos in [0, 2, at("15.9") + 2] {
            assert_eq!(cut(sentence_bounds(text, pos, pos).unwrap()), first);
        }
        // Just after its full stop: still the sentence that ends there.
        let end = first.chars().count();
        assert_eq!(cut(sentence_bounds(text, end, end).unwrap()), first);
        // Between two sentences (in the double space): the next one.
        let gap = at("  Next") + 1;
        assert_eq!(cut(sentence_bounds(text, gap, gap).unwrap()), "Next one.");
        // A selection from "Smith" to "record" grows to both sentences, quotes included.
        let grown = sentence_bounds(text, at("Smith"), at("record")).unwrap();
        assert_eq!(
            cut(grown),
            "Mr. Smith said 15.9 percent. “It was a record,” he said."
        );
        // A backwards selection is the same.
        assert_eq!(
            sentence_bounds(text, at("record"), at("Smith")),
            Some(grown)
        );
        // After the last sentence: the last one.
        let n = chars.len();
        assert_eq!(cut(sentence_bounds(text, n, n).unwrap()), "Next one.");
        assert_eq!(sentence_bounds(" \n ", 1, 1), None);
    }

    #[test]
    fn sentence_bounds_in_a_transcript_keep_the_speaker() {
        let text = "MADDOW: Good evening. Welcome.\nSANDERS: Thank you. The top 1 percent own 40 percent.\n";
        let chars: Vec<char> = text.chars().collect();
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let s = sentence_bounds(text, at("Thank"), at("Thank")).unwrap();
        assert_eq!(
            chars[s.start..s.end].iter().collect::<String>(),
            "SANDERS: Thank you."
        );
        let s = sentence_bounds(text, at("top"), at("top")).unwrap();
        assert_eq!(
            chars[s.start..s.end].iter().collect::<String>(),
            "The top 1 percent own 40 percent."
        );
    }
}
