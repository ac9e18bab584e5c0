//! Line layout of a paragraph with right-to-left text, independent of any text engine: the
//! paragraph is cut into *atoms* that a shaper can lay out on their own (a word of one
//! direction, a single space or neutral char), atoms are wrapped into lines by their widths,
//! and each line's atoms are placed left to right on screen in bidi visual order.
//!
//! Atoms exist because a shaper shapes one run in one direction: an Arabic word is shaped as a
//! whole (its letters join), but punctuation and spaces between right-to-left words must be
//! placed by the bidi algorithm, not by the shaper. Arabic letters never join across a space or
//! a punctuation mark, so cutting there loses nothing.

use std::ops::Range;

use unicode_bidi::{BidiClass, bidi_class};

use super::{BidiParagraph, Direction};

/// A piece of a paragraph laid out as one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Atom {
    /// Its chars, logical, from the paragraph's start.
    pub chars: Range<usize>,
    /// Its bytes in the paragraph's text.
    pub bytes: Range<usize>,
    /// Which way its chars read (their embedding level's parity).
    pub dir: Direction,
    /// A single whitespace char: lines break after it, and it may hang past the line's end.
    pub space: bool,
}

/// One wrapped line, with its atoms placed.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrangedLine {
    /// The line's chars, logical.
    pub chars: Range<usize>,
    /// Each atom of the line (index into the atoms) and its left x, left to right on screen.
    pub placed: Vec<(usize, f32)>,
    /// The line's width: the sum of its atoms' widths.
    pub width: f32,
}

impl BidiParagraph<'_> {
    /// Cuts the paragraph `text` (the text this paragraph was made from) into atoms: runs of
    /// chars of one embedding level, cut at every whitespace char, and — where a line reads
    /// right to left — around every char that is not a letter or mark (punctuation, a digit
    /// of Arabic-Indic form), which the bidi algorithm, not the shaper, must place.
    pub fn atoms(&self, text: &str) -> Vec<Atom> {
        let levels = self.char_levels();
        let mut atoms: Vec<Atom> = Vec::new();
        let mut alone_last = true;
        for (i, ((byte, c), level)) in text.char_indices().zip(&levels).enumerate() {
            let rtl = level % 2 == 1;
            let space = c.is_whitespace();
            let alone = space || (rtl && !joins(c)) || bidi_class(c) == BidiClass::AN;
            let continues = !alone && !alone_last && i > 0 && levels[i - 1] == *level;
            match atoms.last_mut() {
                Some(atom) if continues => {
                    atom.chars.end = i + 1;
                    atom.bytes.end = byte + c.len_utf8();
                }
                _ => atoms.push(Atom {
                    chars: i..i + 1,
                    bytes: byte..byte + c.len_utf8(),
                    dir: if rtl { Direction::Rtl } else { Direction::Ltr },
                    space,
                }),
            }
            alone_last = alone;
        }
        atoms
    }

    /// Wraps `atoms` (of this paragraph, with their `widths`) into lines no wider than
    /// `max_width`, breaking after spaces, and places each line's atoms in visual order. An
    /// atom wider than a line gets a line of its own; spaces at a line's end may hang over.
    pub fn arrange(&self, atoms: &[Atom], widths: &[f32], max_width: f32) -> Vec<ArrangedLine> {
        let mut lines = Vec::new();
        let mut first = 0;
        let mut x = 0.0;
        let mut last_space: Option<usize> = None;
        let mut i = 0;
        while i < atoms.len() {
            let w = widths[i];
            if !atoms[i].space && x + w > max_width && i > first {
                // Break after the last space on the line, or before this atom if there is none.
                let end = last_space.map_or(i, |s| s + 1);
                lines.push(self.place(atoms, widths, first..end));
                first = end;
                x = widths[first..i].iter().sum();
                last_space = None;
                continue;
            }
            if atoms[i].space {
                last_space = Some(i);
            }
            x += w;
            i += 1;
        }
        if first < atoms.len() || lines.is_empty() {
            lines.push(self.place(atoms, widths, first..atoms.len()));
        }
        lines
    }

    /// Places atoms `range` as one line: the bidi algorithm orders the line's runs, and the
    /// atoms inside a right-to-left run go from the right.
    fn place(&self, atoms: &[Atom], widths: &[f32], range: Range<usize>) -> ArrangedLine {
        let chars = match (atoms.get(range.start), range.end.checked_sub(1)) {
            (Some(a), Some(last)) if range.start < range.end => {
                a.chars.start..atoms[last].chars.end
            }
            _ => 0..0,
        };
        let mut placed = Vec::with_capacity(range.len());
        let mut x = 0.0;
        for run in self.line(chars.clone()).runs {
            let inside = range
                .clone()
                .filter(|&k| run.chars.contains(&atoms[k].chars.start));
            let order: Vec<usize> = match run.dir {
                Direction::Ltr => inside.collect(),
                Direction::Rtl => inside.rev().collect(),
            };
            for k in order {
                placed.push((k, x));
                x += widths[k];
            }
        }
        ArrangedLine {
            chars,
            placed,
            width: x,
        }
    }
}

/// Letters and marks of a right-to-left script, and the invisible joiners: the chars a shaper
/// must see together to join them.
fn joins(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::R | BidiClass::AL | BidiClass::NSM | BidiClass::BN
    )
}

/// The mirrored form of `c` where it is drawn right to left ("(" reads as ")"), if it has one.
pub fn mirrored(c: char) -> Option<char> {
    const PAIRS: [(char, char); 8] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⟨', '⟩'),
        ('⁅', '⁆'),
    ];
    PAIRS.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}
