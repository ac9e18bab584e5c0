//! Fixture lines of the bidi map: logical ranges to visual pieces and x spans, and points back
//! to logical offsets. Every char is 1 unit wide, so x counts chars from the left edge.

use super::*;

fn unit(_: usize) -> f32 {
    1.0
}

fn runs(line: &BidiLine) -> Vec<(Range<usize>, Direction)> {
    line.runs.iter().map(|r| (r.chars.clone(), r.dir)).collect()
}

/// "The world is fine", in Arabic: one right-to-left run.
const PURE_RTL: &str = "العالم بخير";
/// "He said John Smith in 2024", Arabic around an English name and a number.
const RTL_NAME_NUMBER: &str = "قال John Smith إن 2024";
/// An English sentence quoting Arabic.
const LTR_ARABIC_QUOTE: &str = "He said \"مرحبا\" today";

use Direction::{Ltr, Rtl};

#[test]
fn pure_rtl_is_one_run_read_from_the_right() {
    let p = BidiParagraph::new(PURE_RTL);
    assert_eq!(p.base(), Rtl);
    let line = p.line(0..11);
    assert_eq!(runs(&line), [(0..11, Rtl)]);
    // The first word (logical 0..6) is at the right end.
    assert_eq!(line.spans(0..6, unit), [5.0..11.0]);
    assert_eq!(line.caret_x(0, unit), 11.0);
    assert_eq!(line.caret_x(11, unit), 0.0);
    assert_eq!(
        line.caret_at(10.9, unit),
        0,
        "a click at the right edge is the start"
    );
    assert_eq!(line.caret_at(0.1, unit), 11, "the left edge is the end");
    assert_eq!(line.char_at(10.5, unit), Some(0));
    assert_eq!(line.char_at(11.5, unit), None);
}

#[test]
fn rtl_with_an_english_name_and_a_number() {
    let p = BidiParagraph::new(RTL_NAME_NUMBER);
    assert_eq!(p.base(), Rtl);
    let line = p.line(0..22);
    // Left to right on screen: the number, "إن", the name, "قال".
    assert_eq!(
        runs(&line),
        [(18..22, Ltr), (14..18, Rtl), (4..14, Ltr), (0..4, Rtl)]
    );
    // "John" (4..8) reads left to right inside the right-to-left line.
    assert_eq!(line.spans(4..8, unit), [8.0..12.0]);
    assert_eq!(line.char_at(8.5, unit), Some(4));
    // "2024" is at the left edge.
    assert_eq!(line.spans(18..22, unit), [0.0..4.0]);
}

#[test]
fn ltr_with_an_arabic_quote() {
    let p = BidiParagraph::new(LTR_ARABIC_QUOTE);
    assert_eq!(p.base(), Ltr);
    let line = p.line(0..21);
    assert_eq!(runs(&line), [(0..9, Ltr), (9..14, Rtl), (14..21, Ltr)]);
    // The Arabic word's first letter (9) is at the right end of its run.
    assert_eq!(line.char_at(13.5, unit), Some(9));
    assert_eq!(line.char_at(9.5, unit), Some(13));
}

#[test]
fn a_claim_crossing_a_direction_change_is_two_pieces_and_clicks_map_back() {
    let line = BidiParagraph::new(LTR_ARABIC_QUOTE).line(0..21);
    // "said "مرح": English, then the first three Arabic letters, at the right of their run.
    assert_eq!(
        line.pieces(3..12),
        [
            Run {
                chars: 3..9,
                dir: Ltr
            },
            Run {
                chars: 9..12,
                dir: Rtl
            }
        ]
    );
    assert_eq!(line.spans(3..12, unit), [3.0..9.0, 11.0..14.0]);
    // Back: every char's glyph centre hits that char.
    for range in line.spans(3..12, unit) {
        let mut x = range.start + 0.5;
        while x < range.end {
            let c = line.char_at(x, unit).unwrap();
            assert!((3..12).contains(&c), "x {x} hit {c}");
            x += 1.0;
        }
    }
}

#[test]
fn caret_positions_round_trip_inside_runs() {
    for text in [PURE_RTL, RTL_NAME_NUMBER, LTR_ARABIC_QUOTE] {
        let p = BidiParagraph::new(text);
        let line = p.line(0..p.char_len());
        for run in &line.runs {
            for pos in run.chars.start + 1..run.chars.end {
                let x = line.caret_x(pos, unit);
                assert_eq!(line.caret_at(x, unit), pos, "{text:?} at {pos} (x {x})");
            }
        }
    }
}

#[test]
fn a_wrapped_line_has_its_own_runs() {
    let p = BidiParagraph::new(RTL_NAME_NUMBER);
    // The second line holds "Smith إن 2024".
    let line = p.line(9..22);
    assert_eq!(runs(&line), [(18..22, Ltr), (14..18, Rtl), (9..14, Ltr)]);
}

#[test]
fn only_rtl_scripts_leave_the_fast_path() {
    assert!(!has_rtl(
        "Plain English, café, Ελληνικά, русский, 中文 2024"
    ));
    assert!(has_rtl(PURE_RTL));
    assert!(has_rtl("שלום"));
    assert!(has_rtl(LTR_ARABIC_QUOTE));
}
