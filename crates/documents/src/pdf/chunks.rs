//! Glyphs into chunks: runs of text on one baseline with no gap wider than a column gutter,
//! in the order the page shows them. Word spaces come from space glyphs and from gaps;
//! raised small glyphs (footnote calls) stay in their chunk, digits as superscript digits;
//! ligature characters are expanded.

use super::glyphs::Glyph;

/// A gap wider than this many font sizes ends a chunk (column gutters are wider, word spaces
/// narrower).
const GUTTER_GAP: f32 = 1.0;
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
    (out, rotated)
}

/// Whether `next` continues the run: same baseline (superscripts allowed), not far to the left
/// of the last glyph, no gutter-wide gap.
fn continues(run: &[&Glyph], next: &Glyph) -> bool {
    let last = run[run.len() - 1];
    let base = main_glyph(run);
    let size = base.size.max(next.size);
    let gap = next.x - last.right();
    if gap > GUTTER_GAP * size || gap < -0.5 * size {
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
    let mut prev: Option<&Glyph> = None;
    for (glyph, &space_before) in run.iter().zip(spaces) {
        let superscript = is_superscript(glyph, base);
        if let Some(prev) = prev {
            let gap = glyph.x - prev.right();
            let wide = gap > SPACE_GAP * glyph.size.max(prev.size);
            if (space_before || wide) && !superscript && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        push_glyph_text(&mut text, &glyph.text, superscript);
        prev = Some(glyph);
    }
    Chunk {
        text: text.trim().to_owned(),
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
        assert_eq!(texts, ["in²", "¹See"]);
    }

    #[test]
    fn ligatures_expand_and_control_characters_vanish() {
        let mut out = String::new();
        push_glyph_text(&mut out, "ﬁﬂﬀﬃﬄ\u{7}\u{200b}", false);
        assert_eq!(out, "fiflffffiffl");
    }
}
