//! A block's lines into paragraphs: a new paragraph starts at an indented line, after a gap
//! wider than the block's line spacing (by a fifth of the font size), at a change of font size, at a footnote number, or
//! after a short line ending a sentence when the next line's first word would have fitted.

use super::blocks::Block;

/// A paragraph of a page, before paragraphs are joined across columns and pages.
#[derive(Clone, Debug)]
pub(crate) struct Paragraph {
    /// Its lines.
    pub lines: Vec<String>,
    /// The font size of its first line.
    pub size: f32,
    /// Whether its first line is indented from the column's left edge.
    pub indented: bool,
    /// Whether it is the first paragraph of its block (so it may continue the paragraph
    /// before it, from the previous column or page).
    pub block_start: bool,
}

/// Whether `text` starts with a footnote number or sign.
pub(crate) fn starts_with_note_mark(text: &str) -> bool {
    text.starts_with([
        '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '*', '†', '‡', '§',
    ])
}

/// The paragraphs of `block`; `column_left` is the left edge of its column (the leftmost
/// line start of the blocks in it), so a block's first line can be seen to be indented.
pub(crate) fn paragraphs(block: &Block, column_left: f32, notes: bool) -> Vec<Paragraph> {
    let left = column_left.min(block.x0);
    let pitch = typical_pitch(block);
    let mut out: Vec<Paragraph> = Vec::new();
    for (i, line) in block.lines.iter().enumerate() {
        let indented = line.x0 > left + 0.5 * line.size && line.x0 < block.x1 - 2.0 * line.size;
        let new = match i.checked_sub(1).map(|p| &block.lines[p]) {
            None => true,
            Some(prev) => {
                let gap = prev.y - line.y;
                let first_word = line.text.split(' ').next().unwrap_or("");
                let room = block.x1 - prev.x1;
                let fitted = room > (first_word.chars().count() as f32 + 1.5) * 0.5 * line.size;
                indented
                    || gap > pitch + 0.2 * line.size
                    || (line.size - prev.size).abs() > 0.1 * prev.size
                    || (notes && starts_with_note_mark(&line.text))
                    || (fitted && ends_sentence(&prev.text))
            }
        };
        if new {
            out.push(Paragraph {
                lines: vec![line.text.clone()],
                size: line.size,
                indented,
                block_start: i == 0,
            });
        } else if let Some(last) = out.last_mut() {
            last.lines.push(line.text.clone());
        }
    }
    out
}

/// The usual distance between baselines in the block (the smaller half's largest).
fn typical_pitch(block: &Block) -> f32 {
    let mut gaps: Vec<f32> = block
        .lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    if gaps.is_empty() {
        return 1.2 * block.size();
    }
    gaps.sort_by(f32::total_cmp);
    gaps[(gaps.len() - 1) / 2]
}

/// Whether `text` ends a sentence: a full stop, question or exclamation mark or colon, maybe
/// followed by closing quotes or brackets or a footnote number.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
            || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)
            || c.is_whitespace()
    });
    trimmed.ends_with(['.', '!', '?', ':', '…'])
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Line;
    use super::*;

    fn block(lines: &[(&str, f32, f32, f32)]) -> Block {
        let lines: Vec<Line> = lines
            .iter()
            .map(|&(text, x0, x1, y)| Line {
                text: text.into(),
                x0,
                x1,
                y,
                size: 10.0,
            })
            .collect();
        Block {
            x0: lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min),
            x1: lines.iter().map(|l| l.x1).fold(0.0, f32::max),
            lines,
        }
    }

    fn texts(paragraphs: &[Paragraph]) -> Vec<Vec<&str>> {
        paragraphs
            .iter()
            .map(|p| p.lines.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn indents_gaps_and_short_sentence_ends_start_paragraphs() {
        let b = block(&[
            ("One runs", 0.0, 200.0, 500.0),
            ("on here.", 0.0, 60.0, 488.0),
            ("Two starts", 10.0, 200.0, 476.0),
            ("and ends", 0.0, 200.0, 464.0),
            ("Three after a gap", 0.0, 200.0, 440.0),
            ("with a full line.", 0.0, 200.0, 428.0),
            ("Long words continue", 0.0, 200.0, 416.0),
        ]);
        let p = paragraphs(&b, 0.0, false);
        assert_eq!(
            texts(&p),
            vec![
                vec!["One runs", "on here."],
                vec!["Two starts", "and ends"],
                vec![
                    "Three after a gap",
                    "with a full line.",
                    "Long words continue"
                ],
            ]
        );
        assert!(p[1].indented && !p[0].indented);
    }

    #[test]
    fn sentence_ends_are_seen_through_quotes_and_note_numbers() {
        assert!(ends_sentence("he said.”"));
        assert!(ends_sentence("in 2023.¹"));
        assert!(!ends_sentence("the minister of"));
        assert!(!ends_sentence("govern-"));
    }
}
