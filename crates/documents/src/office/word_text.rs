//! The text of WordprocessingML parts (`word/document.xml`, `footnotes.xml`, `endnotes.xml`)
//! as Word shows it with every tracked change accepted: insertions kept, deletions and
//! moved-away text left out; field codes left out (their results kept); one branch of each
//! `mc:AlternateContent`; hidden runs left out; tabs, line breaks and non-breaking hyphens as
//! characters; note references as `[1]` (footnotes) and `[i]` (endnotes).

use std::collections::HashMap;

use super::flow::Flow;
use super::xml::{Element, Ns, Visit, Visitor};

/// Which kind of note a reference points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum NoteKind {
    Footnote,
    Endnote,
}

/// A reference to a note in the body, in order of first reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NoteRef {
    /// Footnote or endnote.
    pub kind: NoteKind,
    /// The note's `w:id`.
    pub id: String,
    /// The mark shown in the text (`1`, `ii`), or `*` for a custom mark.
    pub mark: String,
}

/// Reads a WordprocessingML part; see the module comment.
#[derive(Default)]
pub(crate) struct WordText {
    /// The text gathered.
    pub flow: Flow,
    /// Note references met, in order of first reference.
    pub note_refs: Vec<NoteRef>,
    /// Where each note (kind, id) is in `note_refs`, and how many notes of each kind there are.
    note_index: HashMap<(NoteKind, String), usize>,
    note_counts: [usize; 2],
    /// A `w:document` element was met (the part is a Word body).
    pub is_document: bool,
    /// The part has tracked insertions, deletions or moves.
    pub tracked_changes: bool,
    /// The part anchors comments.
    pub comments: bool,
    /// The part's sections have page headers or footers.
    pub headers_footers: bool,
    in_text: bool,
    /// Open runs (a text box's runs sit inside the run that anchors it).
    runs: usize,
    in_run_properties: bool,
    run_hidden: bool,
    /// Open complex fields: true once past their `separate` (showing the result).
    fields: Vec<bool>,
    /// Open `mc:AlternateContent` elements: true once a branch was read.
    alternates: Vec<bool>,
}

impl Visitor for WordText {
    fn open(&mut self, e: &Element) -> Visit {
        match e.ns {
            Ns::Word => self.open_word(e),
            Ns::Compatibility => self.open_compatibility(e),
            _ => Visit::Enter,
        }
    }

    fn close(&mut self, ns: Ns, local: &str) {
        match (ns, local) {
            (Ns::Word, "p") => self.flow.close_paragraph(),
            (Ns::Word, "tr") => self.flow.close_row(),
            (Ns::Word, "tc") => self.flow.close_cell(),
            (Ns::Word, "r") => {
                self.runs = self.runs.saturating_sub(1);
                self.run_hidden = false;
            }
            (Ns::Word, "rPr") => self.in_run_properties = false,
            (Ns::Word, "t") => self.in_text = false,
            (Ns::Word, "footnote" | "endnote") => self.flow.close_note(),
            (Ns::Compatibility, "AlternateContent") => {
                self.alternates.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_text {
            self.flow.push_str(text);
        }
    }
}

impl WordText {
    fn open_word(&mut self, e: &Element) -> Visit {
        match e.local {
            "document" => self.is_document = true,
            "p" => self.flow.open_paragraph(),
            "tr" => self.flow.open_row(),
            "tc" => self.flow.open_cell(),
            "r" => {
                self.runs += 1;
                self.run_hidden = false;
            }
            "rPr" => self.in_run_properties = self.runs > 0,
            "vanish" | "specVanish" if self.in_run_properties => {
                self.run_hidden = is_on(e.attr("val").as_deref());
            }
            "t" => self.in_text = self.shows_text(),
            "tab" | "ptab" if self.runs > 0 => self.push_shown("\t"),
            "br" | "cr" if self.runs > 0 => self.push_shown("\n"),
            "noBreakHyphen" if self.runs > 0 => self.push_shown("-"),
            "fldChar" => self.field_char(e.attr("fldCharType").as_deref()),
            "footnoteReference" => self.note_reference(e, NoteKind::Footnote),
            "endnoteReference" => self.note_reference(e, NoteKind::Endnote),
            "footnote" | "endnote" => {
                if matches!(
                    e.attr("type").as_deref(),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                ) {
                    return Visit::Skip;
                }
                self.flow.open_note(e.attr("id").unwrap_or_default());
            }
            "del" | "moveFrom" => {
                self.tracked_changes = true;
                return Visit::Skip;
            }
            "ins" | "moveTo" => self.tracked_changes = true,
            "commentReference" | "commentRangeStart" => self.comments = true,
            "headerReference" | "footerReference" => self.headers_footers = true,
            // Field codes, content-control settings, symbol-font glyphs, ruby readings (the
            // base text is kept), and the formatting before a tracked formatting change.
            "delText" | "instrText" | "delInstrText" | "sdtPr" | "sdtEndPr" | "sym" | "rt"
            | "rPrChange" | "pPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange"
            | "tcPrChange" | "tblGridChange" | "numberingChange" => return Visit::Skip,
            _ => {}
        }
        Visit::Enter
    }

    /// `mc:AlternateContent`: the first `Choice` is read, later ones and `Fallback` are not
    /// (or `Fallback` when there is no `Choice`).
    fn open_compatibility(&mut self, e: &Element) -> Visit {
        match e.local {
            "AlternateContent" => self.alternates.push(false),
            "Choice" | "Fallback" => match self.alternates.last_mut() {
                Some(taken) if *taken => return Visit::Skip,
                Some(taken) => *taken = true,
                None => {}
            },
            _ => {}
        }
        Visit::Enter
    }

    /// True when text here is shown: not in a hidden run, not in a field's instructions.
    fn shows_text(&self) -> bool {
        !self.run_hidden && self.fields.iter().all(|&past_separate| past_separate)
    }

    fn push_shown(&mut self, s: &str) {
        if self.shows_text() {
            self.flow.push_str(s);
        }
    }

    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => self.fields.push(false),
            Some("separate") => {
                if let Some(past) = self.fields.last_mut() {
                    *past = true;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// A note reference: `[mark]` in the text, the mark numbered in order of first reference
    /// (a custom mark is in the text already).
    fn note_reference(&mut self, e: &Element, kind: NoteKind) {
        let id = e.attr("id").unwrap_or_default();
        let custom = e.attr("customMarkFollows").is_some_and(|v| is_on(Some(&v)));
        let mark = match self.note_index.get(&(kind, id.clone())) {
            Some(&i) => self.note_refs[i].mark.clone(),
            None => {
                let count = &mut self.note_counts[kind as usize];
                *count += 1;
                let mark = match (custom, kind) {
                    (true, _) => "*".to_owned(),
                    (false, NoteKind::Footnote) => count.to_string(),
                    (false, NoteKind::Endnote) => roman(*count),
                };
                self.note_index
                    .insert((kind, id.clone()), self.note_refs.len());
                self.note_refs.push(NoteRef {
                    kind,
                    id,
                    mark: mark.clone(),
                });
                mark
            }
        };
        if !custom {
            self.push_shown(&format!("[{mark}]"));
        }
    }
}

/// A WordprocessingML on/off value: on unless `0`, `false` or `off` (absent means on).
fn is_on(value: Option<&str>) -> bool {
    !matches!(value, Some("0" | "false" | "off"))
}

/// `n` in lower-case Roman numerals (Word's default for endnotes); decimal past 3999.
pub(crate) fn roman(mut n: usize) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "i");
        assert_eq!(roman(4), "iv");
        assert_eq!(roman(14), "xiv");
        assert_eq!(roman(1994), "mcmxciv");
        assert_eq!(roman(4000), "4000");
    }
}
