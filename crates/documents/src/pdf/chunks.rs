//! Glyphs into chunks: runs of text on one baseline, in the order the page shows them, split
//! at column gutters. A wide gap is a gutter when the lines just above and below leave its
//! middle empty too (a justified line's wide spaces do not line up with its neighbours');
//! without neighbours, when it is wider than one and a half font sizes. Word spaces come from
//! space glyphs and from gaps;
//! raised small glyphs (footnote calls) stay in their chunk, digits as superscript digits;
//! ligature characters are expanded.

use super::glyphs::Glyph;

/// A gap wider than this many font sizes always ends a run.
const RUN_GAP: f32 = 3.0;
/// A gap narrower than this many font sizes is never a gutter.
const MIN_GUTTER: f32 = 0.8;
/// Without lines around it, a gap wider than this many font sizes is a gutter.
const LONE_GUTTER: f32 = 1.5;
/// A gap wider than this many font sizes is a word space.
const SPACE_GAP: f32 = 0.15;
/// A glyph smaller than this share of its neighbour's size may be a superscript.
const SMALL: f32 = 0.85;

/// A run of text on one baseline.
#[derive(Clone, Debug)]
pub(crate) struct Chunk {
    /// The text, words separated by single spaces.
    pub text: String,
    /// The left end.
    pub x0: f32,
    /// The right end.
    pub x1: f32,
    /// The baseline (of its main glyphs, not superscripts).
    pub y: f32,
    /// The font size of its main glyphs.
    pub size: f32,
    /// The gaps between its words, left to right.
    pub gaps: Vec<Gap>,
}

/// A word space inside a chunk.
#[derive(Clone, Debug)]
pub(crate) struct Gap {
    /// Where the space starts.
    pub x0: f32,
    /// Where it ends.
    pub x1: f32,
    /// The byte index of the space in the chunk's text.
    pub at: usize,
}

/// The chunks of a page's upright glyphs, and the text of its rotated glyphs (in content order).
pub(crate) fn chunks(glyphs: &[Glyph]) -> (Vec<Chunk>, String) {
    let mut out = Vec::new();
    let mut rotated = String::new();
    let mut run: Vec<&Glyph> = Vec::new();
    let mut spaces: Vec<bool> = Vec::new(); // a space glyph came before run[i]
    let mut pending_space = false;
    for glyph in glyphs {
        if !glyph.upright {
            if !glyph.is_blank() {
                rotated.push_str(&glyph.text);
            } else if !rotated.ends_with(' ') {
                rotated.push(' ');
            }
            continue;
        }
        if glyph.is_blank() {
            pending_space |= !glyph.text.is_empty();
            continue;
        }
        if !run.is_empty() && !continues(&run, glyph) {
            out.push(finish(&run, &spaces));
            run.clear();
            spaces.clear();
            pending_space = false;
        }
        spaces.push(pending_space);
        run.push(glyph);
        pending_space = false;
    }
    if !run.is_empty() {
        out.push(finish(&run, &spaces));
    }
    (split_gutters(out), rotated)
}

/// Splits chunks at their gaps that are gutters.
fn split_gutters(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(chunks.len());
    for (i, chunk) in chunks.iter().enumerate() {
        let gutters: Vec<usize> = chunk
            .gaps
            .iter()
            .enumerate()
            .filter(|(_, g)| is_gutter(&chunks, i, g))
            .map(|(k, _)| k)
            .collect();
        if gutters.is_empty() {
            out.push(chunk.clone());
            continue;
        }
        let mut from_gap = 0;
        let mut from_byte = 0;
        let mut x0 = chunk.x0;
        for k in gutters.into_iter().chain([chunk.gaps.len()]) {
            let (x1, to_byte) = match chunk.gaps.get(k) {
                Some(g) => (g.x0, g.at),
                None => (chunk.x1, chunk.text.len()),
            };
            let gaps = chunk.gaps[from_gap..k.min(chunk.gaps.len())]
                .iter()
                .map(|g| Gap {
                    at: g.at - from_byte,
                    ..g.clone()
                })
                .collect();
            out.push(Chunk {
                text: chunk.text[from_byte..to_byte].to_owned(),
                x0,
                x1,
                y: chunk.y,
                size: chunk.size,
                gaps,
            });
            if let Some(g) = chunk.gaps.get(k) {
                from_gap = k + 1;
                from_byte = g.at + 1;
                x0 = g.x1;
            }
        }
    }
    out
}

/// Whether gap `gap` of chunk `i` is a column gutter.
fn is_gutter(chunks: &[Chunk], i: usize, gap: &Gap) -> bool {
    let chunk = &chunks[i];
    let width = gap.x1 - gap.x0;
    if width < MIN_GUTTER * chunk.size {
        return false;
    }
    let middle = (gap.x0 + gap.x1) / 2.0;
    let near = |n: &&Chunk| {
        let dy = (n.y - chunk.y).abs();
        dy > 0.25 * chunk.size && dy <= 4.0 * chunk.size
    };
    let neighbours: Vec<&Chunk> = chunks.iter().filter(near).collect();
    if neighbours.len() < 2 {
        return width > LONE_GUTTER * chunk.size;
    }
    !neighbours.iter().any(|n| {
        n.x0 < middle && middle < n.x1 && !n.gaps.iter().any(|g| g.x0 <= middle && middle <= g.x1)
    })
}

/// Whether `next` continues the run: same baseline (superscripts allowed), not far to the left
/// of the last glyph, no gutter-wide gap.
fn continues(run: &[&Glyph], next: &Glyph) -> bool {
    let last = run[run.len() - 1];
    let base = main_glyph(run);
    let size = base.size.max(next.size);
    let gap = next.x - last.right();
    if gap > RUN_GAP * size || gap < -0.5 * size {
        return false;
    }
    let dy = next.y - base.y;
    if dy.abs() <= 0.2 * size {
        return true;
    }
    // A raised or lowered smaller glyph (a footnote call), or the normal text after a chunk
    // that so far holds only such a glyph (a footnote's number).
    let smaller = next.size < SMALL * base.size || base.size < SMALL * next.size;
    smaller && dy.abs() <= 0.7 * size
}

/// The glyph whose size and baseline stand for the run: the largest.
fn main_glyph<'g>(run: &[&'g Glyph]) -> &'g Glyph {
    run.iter().copied().fold(
        run[0],
        |best, g| if g.size > best.size * 1.01 { g } else { best },
    )
}

/// Whether `glyph` is a superscript beside main glyph `base`.
fn is_superscript(glyph: &Glyph, base: &Glyph) -> bool {
    glyph.size < SMALL * base.size && glyph.y > base.y + 0.1 * base.size
}

fn finish(run: &[&Glyph], spaces: &[bool]) -> Chunk {
    let base = main_glyph(run);
    let mut text = String::new();
    let mut prev: Option<(&Glyph, bool)> = None;
    let mut gaps = Vec::new();
    let mut leading_mark = true;
    for (glyph, &space_before) in run.iter().zip(spaces) {
        let superscript = is_superscript(glyph, base);
        if let Some((prev, prev_superscript)) = prev {
            let gap = glyph.x - prev.right();
            let wide = gap > SPACE_GAP * glyph.size.max(prev.size);
            // A note number that starts the chunk (a footnote's own number) is a label.
            let after_mark = prev_superscript && !superscript && leading_mark;
            if (space_before || wide || after_mark) && !superscript && !text.ends_with(' ') {
                gaps.push(Gap {
                    x0: prev.right(),
                    x1: glyph.x.max(prev.right()),
                    at: text.len(),
                });
                text.push(' ');
            }
        }
        leading_mark &= superscript;
        if &*glyph.text == "\u{ad}" {
            // A drawn soft hyphen is a hyphen (producers map their hyphen glyph to U+00AD);
            // whether it joins a broken word is decided when lines are joined. An invisible
            // one is dropped.
            if glyph.width > 0.05 * glyph.size {
                text.push('-');
            }
        } else {
            push_glyph_text(&mut text, &glyph.text, superscript);
        }
        prev = Some((glyph, superscript));
    }
    // Glyph text may itself end in a space: keep the gaps inside the trimmed text.
    let trimmed = text.trim_end().len();
    gaps.retain(|g| g.at < trimmed);
    Chunk {
        text: text.trim_end().to_owned(),
        gaps,
        x0: run.iter().map(|g| g.x).fold(f32::INFINITY, f32::min),
        x1: run
            .iter()
            .map(|g| g.right())
            .fold(f32::NEG_INFINITY, f32::max),
        y: base.y,
        size: base.size,
    }
}

/// Appends a glyph's text: ligatures expanded, soft hyphens and control characters dropped,
/// other white space as a space, digits of a superscript as superscript digits.
pub(crate) fn push_glyph_text(out: &mut String, text: &str, superscript: bool) {
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            // Soft hyphens stay until lines are joined: at a line end they join the word.
            '\u{200b}' | '\u{feff}' => {}
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c if superscript => out.push(superscript_digit(c)),
            c => out.push(c),
        }
    }
}

fn superscript_digit(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32, size: f32) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width: 0.5 * size * text.chars().count() as f32,
            size,
            upright: true,
        }
    }

    #[test]
    fn a_gutter_splits_a_baseline_and_gaps_become_spaces() {
        let glyphs = [
            glyph("ab", 0.0, 100.0, 10.0),
            glyph("c", 13.0, 100.0, 10.0),
            glyph("d", 40.0, 100.0, 10.0),
        ];
        let (chunks, _) = chunks(&glyphs);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["ab c", "d"]);
    }

    #[test]
    fn footnote_calls_and_numbers_become_superscript_digits() {
        let glyphs = [
            glyph("in", 0.0, 100.0, 10.0),
            glyph("2", 10.0, 104.0, 6.0),
            glyph("1", 40.0, 54.0, 5.0),
            glyph("See", 43.0, 50.0, 8.0),
        ];
        let (chunks, _) = chunks(&glyphs);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["in²", "¹ See"]);
    }

    #[test]
    fn ligatures_expand_and_control_characters_vanish() {
        let mut out = String::new();
        push_glyph_text(&mut out, "ﬁﬂﬀﬃﬄ\u{7}\u{200b}", false);
        assert_eq!(out, "fiflffffiffl");
    }
}
