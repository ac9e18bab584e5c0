//! Right-to-left text for the article view: the Unicode Bidirectional Algorithm (the
//! `unicode-bidi` crate) over one paragraph, in the app's units. Offsets are chars (Rust `char`s)
//! from the paragraph's start, always logical; a wrapped line's *visual runs* are the stretches
//! of one direction, left to right on screen. `arrange` cuts a paragraph into atoms a text
//! engine can shape on their own, wraps them and places each line's atoms in visual order; the
//! app then knows where every char is drawn, and its caret, selection, hit testing and
//! highlights work from those places. Characters are never reversed by hand: an atom is shaped
//! as a whole by the text engine, which handles its direction.

use std::ops::Range;

use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};

/// Which way a paragraph or a run reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right (Latin, numbers on their own, …).
    Ltr,
    /// Right to left (Arabic, Hebrew, …).
    Rtl,
}

/// True if `text` has a character that reads right to left (or forces it). Text without one
/// needs no bidi work: it is shown as it is stored (the fast path).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        c >= '\u{0590}'
            && matches!(
                bidi_class(c),
                BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
            )
    })
}

/// One paragraph (no newline inside) analysed by the bidi algorithm, its base direction taken
/// from its first strong character (HTML's `dir="auto"`).
pub struct BidiParagraph<'t> {
    info: ParagraphBidiInfo<'t>,
    /// Byte offset of each char, plus the text's length at the end.
    bytes: Vec<usize>,
}

/// A stretch of one direction on a line, by logical char offsets within the paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The chars of the run, logical.
    pub chars: Range<usize>,
    /// Its direction.
    pub dir: Direction,
}

/// One wrapped line: its runs in visual order, left to right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidiLine {
    /// The line's chars, logical.
    pub chars: Range<usize>,
    /// Its runs, left to right on screen.
    pub runs: Vec<Run>,
}

impl<'t> BidiParagraph<'t> {
    /// Analyses one paragraph.
    pub fn new(text: &'t str) -> Self {
        let info = ParagraphBidiInfo::new(text, None);
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        Self { info, bytes }
    }

    /// The paragraph's base direction: right-to-left paragraphs are right-aligned.
    pub fn base(&self) -> Direction {
        if self.info.paragraph_level.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// The embedding level of each char (odd: right to left), before line-end adjustments.
    /// Chars of one level read one way and can be laid out together.
    pub fn char_levels(&self) -> Vec<u8> {
        self.bytes[..self.char_len()]
            .iter()
            .map(|&b| self.info.levels[b].number())
            .collect()
    }

    /// The paragraph's length in chars.
    pub fn char_len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// The visual runs of the line made of chars `chars` (one wrapped line of the paragraph).
    pub fn line(&self, chars: Range<usize>) -> BidiLine {
        let bytes = self.bytes[chars.start]..self.bytes[chars.end];
        if bytes.is_empty() {
            return BidiLine {
                chars,
                runs: Vec::new(),
            };
        }
        let (levels, runs) = self.info.visual_runs(bytes);
        let runs = runs
            .into_iter()
            .map(|r| Run {
                dir: if levels[r.start].is_rtl() {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                },
                chars: self.char_of(r.start)..self.char_of(r.end),
            })
            .collect();
        BidiLine { chars, runs }
    }

    fn char_of(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }
}

mod arrange;
pub use arrange::{ArrangedLine, Atom, mirrored};

#[cfg(test)]
mod tests;
