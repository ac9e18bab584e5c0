//! Footnotes: blocks in the lower half of a page, in a smaller size than the body text, with
//! no body text below them in their column, the first starting with a note number or sign.
//! They are taken out of the page's flow so they never land mid-sentence; the caller places
//! them after the body text of their page.

use super::blocks::{Block, overlap};
use super::paragraphs::starts_with_note_mark;

/// Smaller than this share of the body size is footnote size.
const NOTE_SIZE: f32 = 0.92;

/// Splits a page's blocks (in reading order) into body blocks and footnote blocks.
pub(crate) fn split_notes(
    blocks: Vec<Block>,
    body_size: f32,
    page_height: f32,
) -> (Vec<Block>, Vec<Block>) {
    let small = |b: &Block| b.size() < NOTE_SIZE * body_size;
    let is_note_start = |i: usize, b: &Block| {
        small(b)
            && b.top() < 0.5 * page_height
            && (starts_with_note_mark(&b.lines[0].text) || starts_with_number(&b.lines[0].text))
            && !blocks.iter().enumerate().any(|(j, o)| {
                j != i && !small(o) && o.top() < b.bottom() && overlap(o.x0, o.x1, b.x0, b.x1) > 0.0
            })
    };
    let starts: Vec<bool> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| is_note_start(i, b))
        .collect();
    let mut body = Vec::new();
    let mut notes = Vec::new();
    let mut in_notes = false;
    for (block, start) in blocks.into_iter().zip(starts) {
        // A small block right after a note (in reading order) continues the notes.
        in_notes = start || (in_notes && small(&block) && block.top() < 0.5 * page_height);
        if in_notes {
            notes.push(block);
        } else {
            body.push(block);
        }
    }
    (body, notes)
}

/// Whether `text` starts with a plain note number: one to three digits, then text.
fn starts_with_number(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && text[digits..].trim_start().starts_with(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Line;
    use super::*;

    fn block(text: &str, y: f32, size: f32) -> Block {
        Block {
            lines: vec![Line {
                text: text.into(),
                x0: 50.0,
                x1: 300.0,
                y,
                size,
            }],
            x0: 50.0,
            x1: 300.0,
        }
    }

    #[test]
    fn small_numbered_blocks_at_the_foot_are_notes_and_captions_above_body_are_not() {
        let blocks = vec![
            block("Body starts.", 700.0, 10.0),
            block("¹ A caption-like small line", 600.0, 8.0),
            block("Body goes on.", 500.0, 10.0),
            block("¹ The first note.", 100.0, 8.0),
            block("More of the note", 80.0, 8.0),
        ];
        let (body, notes) = split_notes(blocks, 10.0, 800.0);
        assert_eq!(body.len(), 3);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].lines[0].text, "¹ The first note.");
    }
}
