//! Fixture lines of the bidi layout: visual runs per line, atoms, wrapping and visual
//! placement. Widths are in units of one per char, so x counts chars from the left edge.

use super::*;

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
fn pure_rtl_is_one_run() {
    let p = BidiParagraph::new(PURE_RTL);
    assert_eq!(p.base(), Rtl);
    assert_eq!(runs(&p.line(0..11)), [(0..11, Rtl)]);
    assert!(p.char_levels().iter().all(|l| l % 2 == 1));
}

#[test]
fn rtl_with_an_english_name_and_a_number() {
    let p = BidiParagraph::new(RTL_NAME_NUMBER);
    assert_eq!(p.base(), Rtl);
    // Left to right on screen: the number, "إن", the name, "قال".
    assert_eq!(
        runs(&p.line(0..22)),
        [(18..22, Ltr), (14..18, Rtl), (4..14, Ltr), (0..4, Rtl)]
    );
}

#[test]
fn ltr_with_an_arabic_quote() {
    let p = BidiParagraph::new(LTR_ARABIC_QUOTE);
    assert_eq!(p.base(), Ltr);
    assert_eq!(
        runs(&p.line(0..21)),
        [(0..9, Ltr), (9..14, Rtl), (14..21, Ltr)]
    );
    // The Arabic quote, placed: its first letter is the rightmost of its word.
    let atoms = p.atoms(LTR_ARABIC_QUOTE);
    let widths: Vec<f32> = atoms.iter().map(|a| a.chars.len() as f32).collect();
    let line = &p.arrange(&atoms, &widths, 100.0)[0];
    let word = atoms.iter().position(|a| a.chars == (9..14)).unwrap();
    assert_eq!(line.placed.iter().find(|p| p.0 == word).unwrap().1, 9.0);
    assert_eq!(atoms[word].dir, Rtl);
}

#[test]
fn has_rtl_finds_right_to_left_script_only() {
    assert!(has_rtl(PURE_RTL));
    assert!(has_rtl("Shalom: שלום"));
    assert!(!has_rtl("Plain English, «quotes» and 15.9 %"));
}

fn atom_texts<'t>(text: &'t str, atoms: &[Atom]) -> Vec<&'t str> {
    atoms.iter().map(|a| &text[a.bytes.clone()]).collect()
}

#[test]
fn atoms_keep_words_whole_and_cut_at_spaces_and_rtl_punctuation() {
    let text = "قال John Smith، إن 2024.";
    let p = BidiParagraph::new(text);
    let atoms = p.atoms(text);
    assert_eq!(
        atom_texts(text, &atoms),
        [
            "قال", " ", "John", " ", "Smith", "،", " ", "إن", " ", "2024", "."
        ]
    );
    let dirs: Vec<Direction> = atoms.iter().map(|a| a.dir).collect();
    assert_eq!(dirs[0], Rtl);
    assert_eq!(
        dirs[2], Ltr,
        "an English name inside Arabic reads left to right"
    );
    assert_eq!(dirs[9], Ltr, "so does a number");
    // Chars and bytes agree, and atoms tile the paragraph.
    let mut next = 0;
    for a in &atoms {
        assert_eq!(a.chars.start, next);
        assert_eq!(text[a.bytes.clone()].chars().count(), a.chars.len());
        next = a.chars.end;
    }
    assert_eq!(next, text.chars().count());
}

#[test]
fn a_rtl_line_places_its_first_word_at_the_right_and_a_name_left_to_right() {
    let text = "قال John Smith إن 2024";
    let p = BidiParagraph::new(text);
    let atoms = p.atoms(text);
    let widths: Vec<f32> = atoms.iter().map(|a| a.chars.len() as f32).collect();
    let lines = p.arrange(&atoms, &widths, 100.0);
    assert_eq!(lines.len(), 1);
    let order: Vec<&str> = lines[0]
        .placed
        .iter()
        .map(|&(k, _)| &text[atoms[k].bytes.clone()])
        .collect();
    // Left to right on screen, as `rtl_with_an_english_name_and_a_number` lays out the runs.
    assert_eq!(
        order,
        ["2024", " ", "إن", " ", "John", " ", "Smith", " ", "قال"]
    );
    assert_eq!(lines[0].width, 22.0);
    let x_of = |word: &str| {
        let k = atoms
            .iter()
            .position(|a| &text[a.bytes.clone()] == word)
            .unwrap();
        lines[0].placed.iter().find(|p| p.0 == k).unwrap().1
    };
    assert_eq!(
        x_of("قال"),
        19.0,
        "the first word ends the line on the right"
    );
    assert_eq!(x_of("2024"), 0.0);
}

#[test]
fn lines_wrap_after_spaces_and_each_line_is_ordered_on_its_own() {
    // Three Arabic words of 6, 4 and 5 chars; a line holds 12 units.
    let text = "العالم بخير اليوم";
    let p = BidiParagraph::new(text);
    let atoms = p.atoms(text);
    let widths: Vec<f32> = atoms.iter().map(|a| a.chars.len() as f32).collect();
    let lines = p.arrange(&atoms, &widths, 12.0);
    let chars: Vec<Range<usize>> = lines.iter().map(|l| l.chars.clone()).collect();
    assert_eq!(chars, [0..12, 12..17], "the break follows the space");
    // On the first line the trailing space hangs at the left end, the first word is rightmost.
    let first = &lines[0];
    assert_eq!(
        first.placed.first().map(|p| p.0),
        Some(3),
        "the space after the second word"
    );
    assert_eq!(first.placed.last().map(|p| p.0), Some(0));
    // An atom wider than a line gets a line of its own instead of looping.
    let narrow = p.arrange(&atoms, &widths, 2.0);
    assert_eq!(narrow.len(), 3);
}

#[test]
fn brackets_mirror_and_other_chars_do_not() {
    assert_eq!(mirrored('('), Some(')'));
    assert_eq!(mirrored('»'), Some('«'));
    assert_eq!(mirrored('a'), None);
}
