//! Right-to-left text for the article view: the Unicode Bidirectional Algorithm (the
//! `unicode-bidi` crate) over one paragraph, in the app's units. Offsets are chars (Rust `char`s)
//! from the paragraph's start, always logical; a wrapped line's *visual runs* are the stretches
//! of one direction, left to right on screen. The map between the two — which screen pieces a
//! logical range covers, where a caret goes, which char a point hits — lives here, so caret,
//! selection, hit testing and highlights all go through one tested conversion.
//!
//! A run's chars are placed by the caller's advance widths: left to right in a left-to-right
//! run, right to left in a right-to-left one. Characters are never reversed by hand: a run is
//! shaped as a whole by the text engine, which handles its direction.

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

impl BidiLine {
    /// The pieces of logical range `range` on this line, left to right on screen; a range
    /// crossing a direction change is several pieces.
    pub fn pieces(&self, range: Range<usize>) -> Vec<Run> {
        self.runs
            .iter()
            .filter_map(|run| {
                let s = range.start.max(run.chars.start);
                let e = range.end.min(run.chars.end);
                (s < e).then_some(Run {
                    chars: s..e,
                    dir: run.dir,
                })
            })
            .collect()
    }

    /// The x extent, from the line's left edge, of each piece of `range`, left to right.
    /// `width(i)` is the advance of logical char `i`.
    pub fn spans(&self, range: Range<usize>, width: impl Fn(usize) -> f32) -> Vec<Range<f32>> {
        let mut out = Vec::new();
        let mut left = 0.0;
        for run in &self.runs {
            let run_w: f32 = run.chars.clone().map(&width).sum();
            let s = range.start.max(run.chars.start);
            let e = range.end.min(run.chars.end);
            if s < e {
                let before: f32 = (run.chars.start..s).map(&width).sum();
                let inside: f32 = (s..e).map(&width).sum();
                let x0 = match run.dir {
                    Direction::Ltr => left + before,
                    Direction::Rtl => left + run_w - before - inside,
                };
                out.push(x0..x0 + inside);
            }
            left += run_w;
        }
        out
    }

    /// The x of the caret at logical boundary `pos` (before char `pos`): in the run holding
    /// char `pos`, else after the run ending at `pos`.
    pub fn caret_x(&self, pos: usize, width: impl Fn(usize) -> f32) -> f32 {
        let mut left = 0.0;
        let mut after_end = None;
        for run in &self.runs {
            let run_w: f32 = run.chars.clone().map(&width).sum();
            if run.chars.contains(&pos) {
                let before: f32 = (run.chars.start..pos).map(&width).sum();
                return match run.dir {
                    Direction::Ltr => left + before,
                    Direction::Rtl => left + run_w - before,
                };
            }
            if run.chars.end == pos {
                after_end = Some(match run.dir {
                    Direction::Ltr => left + run_w,
                    Direction::Rtl => left,
                });
            }
            left += run_w;
        }
        after_end.unwrap_or(0.0)
    }

    /// The logical boundary nearest to `x` (from the line's left edge): the caret position a
    /// click at `x` gives.
    pub fn caret_at(&self, x: f32, width: impl Fn(usize) -> f32) -> usize {
        let mut left = 0.0;
        let mut last = self.chars.start;
        for run in &self.runs {
            for i in self.visual_chars(run) {
                let w = width(i);
                if x < left + w {
                    let first_half = x < left + w / 2.0;
                    return match (run.dir, first_half) {
                        (Direction::Ltr, true) | (Direction::Rtl, false) => i,
                        _ => i + 1,
                    };
                }
                left += w;
                last = match run.dir {
                    Direction::Ltr => i + 1,
                    Direction::Rtl => i,
                };
            }
        }
        last
    }

    /// The logical char whose glyph is at `x`, or `None` past the line's ends.
    pub fn char_at(&self, x: f32, width: impl Fn(usize) -> f32) -> Option<usize> {
        if x < 0.0 {
            return None;
        }
        let mut left = 0.0;
        for run in &self.runs {
            for i in self.visual_chars(run) {
                left += width(i);
                if x < left {
                    return Some(i);
                }
            }
        }
        None
    }

    /// A run's chars in screen order, left to right.
    fn visual_chars(&self, run: &Run) -> Box<dyn Iterator<Item = usize>> {
        match run.dir {
            Direction::Ltr => Box::new(run.chars.clone()),
            Direction::Rtl => Box::new(run.chars.clone().rev()),
        }
    }
}

#[cfg(test)]
mod tests;
