//! A word-processing document's text as its reader meets it — paragraphs (nested ones too:
//! text boxes, notes inside a paragraph), table rows and cells, notes — gathered into plain
//! paragraphs.
//!
//! Tables: a row whose cells are short single paragraphs (at most [`ROW_AS_LINE_CHARS`] chars
//! in all) becomes one paragraph with its cells joined by ` | `; any other row (layout
//! tables, cells with several paragraphs) gives each cell's paragraphs as paragraphs of their
//! own, cell after cell. Empty cells are left out.

/// A row whose non-empty cells hold at most this many chars in all reads as one line.
pub const ROW_AS_LINE_CHARS: usize = 300;

/// Between the cells of a row read as one line.
pub const CELL_SEPARATOR: &str = " | ";

/// A note (footnote, endnote) gathered from the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Note {
    /// What the note is known by: its citation (`1`, `*`) or its id.
    pub label: String,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
}

/// What paragraphs go into.
#[derive(Debug)]
enum Container {
    Body(Vec<String>),
    Cell(Vec<String>),
    Row(Vec<Vec<String>>),
    Note(Note),
}

/// The text gathered so far.
#[derive(Debug)]
pub(crate) struct Flow {
    open_paragraphs: Vec<String>,
    containers: Vec<Container>,
    notes: Vec<Note>,
}

impl Default for Flow {
    fn default() -> Self {
        Self {
            open_paragraphs: Vec::new(),
            containers: vec![Container::Body(Vec::new())],
            notes: Vec::new(),
        }
    }
}

impl Flow {
    /// A paragraph opens (inside any open one: a text box's or a note's paragraph).
    pub fn open_paragraph(&mut self) {
        self.open_paragraphs.push(String::new());
    }

    /// The innermost open paragraph closes and joins what holds it.
    pub fn close_paragraph(&mut self) {
        if let Some(raw) = self.open_paragraphs.pop() {
            self.add_paragraph(clean_paragraph(&raw));
        }
    }

    /// Text for the innermost open paragraph (dropped outside paragraphs).
    pub fn push_str(&mut self, text: &str) {
        if let Some(p) = self.open_paragraphs.last_mut() {
            p.push_str(text);
        }
    }

    /// True when the innermost open paragraph is empty or ends with a space (or none is
    /// open): where OpenDocument drops a space.
    pub fn at_space(&self) -> bool {
        self.open_paragraphs
            .last()
            .is_none_or(|p| p.is_empty() || p.ends_with(' '))
    }

    /// A table row opens.
    pub fn open_row(&mut self) {
        self.containers.push(Container::Row(Vec::new()));
    }

    /// A table cell opens.
    pub fn open_cell(&mut self) {
        self.containers.push(Container::Cell(Vec::new()));
    }

    /// The innermost cell closes and joins its row.
    pub fn close_cell(&mut self) {
        if matches!(self.containers.last(), Some(Container::Cell(_)))
            && let Some(Container::Cell(paragraphs)) = self.containers.pop()
        {
            match self.containers.last_mut() {
                Some(Container::Row(cells)) => cells.push(paragraphs),
                _ => paragraphs.into_iter().for_each(|p| self.add_paragraph(p)),
            }
        }
    }

    /// The innermost row closes: its cells become paragraphs of what holds the table.
    pub fn close_row(&mut self) {
        self.close_cell();
        if matches!(self.containers.last(), Some(Container::Row(_)))
            && let Some(Container::Row(cells)) = self.containers.pop()
        {
            for paragraph in row_paragraphs(cells) {
                self.add_paragraph(paragraph);
            }
        }
    }

    /// A note's text opens; its paragraphs go to the note, not the body.
    pub fn open_note(&mut self, label: String) {
        self.containers.push(Container::Note(Note {
            label,
            paragraphs: Vec::new(),
        }));
    }

    /// The innermost note closes.
    pub fn close_note(&mut self) {
        if matches!(self.containers.last(), Some(Container::Note(_)))
            && let Some(Container::Note(note)) = self.containers.pop()
        {
            self.notes.push(note);
        }
    }

    /// The body's paragraphs and the notes, in the order they closed. Whatever is still open
    /// (a damaged file) is closed first.
    pub fn finish(mut self) -> (Vec<String>, Vec<Note>) {
        while !self.open_paragraphs.is_empty() {
            self.close_paragraph();
        }
        while self.containers.len() > 1 {
            match self.containers.last() {
                Some(Container::Cell(_)) => self.close_cell(),
                Some(Container::Row(_)) => self.close_row(),
                Some(Container::Note(_)) => self.close_note(),
                _ => break,
            }
        }
        let body = match self.containers.pop() {
            Some(Container::Body(paragraphs)) => paragraphs,
            _ => Vec::new(),
        };
        (body, self.notes)
    }

    fn add_paragraph(&mut self, paragraph: String) {
        if paragraph.is_empty() {
            return;
        }
        match self.containers.last_mut() {
            Some(Container::Body(ps) | Container::Cell(ps)) => ps.push(paragraph),
            Some(Container::Note(note)) => note.paragraphs.push(paragraph),
            Some(Container::Row(cells)) => cells.push(vec![paragraph]),
            None => self.containers.push(Container::Body(vec![paragraph])),
        }
    }
}

/// A closed row's paragraphs (see the module's comment).
fn row_paragraphs(cells: Vec<Vec<String>>) -> Vec<String> {
    let cells: Vec<Vec<String>> = cells.into_iter().filter(|c| !c.is_empty()).collect();
    let short = cells.iter().all(|c| c.len() == 1 && !c[0].contains('\n'))
        && cells.iter().map(|c| c[0].chars().count()).sum::<usize>() <= ROW_AS_LINE_CHARS;
    if short && !cells.is_empty() {
        let line: Vec<&str> = cells.iter().map(|c| c[0].as_str()).collect();
        vec![line.join(CELL_SEPARATOR)]
    } else {
        cells.into_iter().flatten().collect()
    }
}

/// A paragraph as stored: soft hyphens and control characters (but line breaks and tabs)
/// removed, each line trimmed, empty lines dropped.
pub(crate) fn clean_paragraph(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|&c| {
            c == '\n' || c == '\t' || !(c.is_control() || c == '\u{AD}' || c == '\u{FEFF}')
        })
        .collect();
    let lines: Vec<&str> = kept
        .split('\n')
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(flow: &mut Flow, text: &str) {
        flow.open_paragraph();
        flow.push_str(text);
        flow.close_paragraph();
    }

    #[test]
    fn short_rows_are_lines_long_rows_are_paragraphs() {
        let mut flow = Flow::default();
        paragraph(&mut flow, "Before");
        for cells in [&["Country", "", "2020"][..], &["A long cell", "x"]] {
            flow.open_row();
            for cell in cells {
                flow.open_cell();
                paragraph(&mut flow, cell);
                flow.close_cell();
            }
            flow.close_row();
        }
        flow.open_row();
        flow.open_cell();
        paragraph(&mut flow, "First of two");
        paragraph(&mut flow, "Second of two");
        flow.close_cell();
        flow.open_cell();
        paragraph(&mut flow, &"long ".repeat(100));
        flow.close_cell();
        flow.close_row();
        let (body, notes) = flow.finish();
        assert_eq!(
            body[..4],
            [
                "Before",
                "Country | 2020",
                "A long cell | x",
                "First of two"
            ]
        );
        assert_eq!(body[4], "Second of two");
        assert!(body[5].starts_with("long long"));
        assert!(notes.is_empty());
    }

    #[test]
    fn nested_paragraphs_and_notes() {
        let mut flow = Flow::default();
        flow.open_paragraph();
        flow.push_str("Outer [1]");
        flow.open_note("1".into());
        paragraph(&mut flow, "The note.");
        flow.close_note();
        flow.push_str(" continues.");
        flow.open_paragraph();
        flow.push_str("Text box");
        flow.close_paragraph();
        flow.close_paragraph();
        let (body, notes) = flow.finish();
        assert_eq!(body, ["Text box", "Outer [1] continues."]);
        assert_eq!(
            notes,
            [Note {
                label: "1".into(),
                paragraphs: vec!["The note.".into()]
            }]
        );
    }

    #[test]
    fn unclosed_structures_are_closed_at_the_end() {
        let mut flow = Flow::default();
        flow.open_row();
        flow.open_cell();
        flow.open_paragraph();
        flow.push_str("cut off");
        let (body, _) = flow.finish();
        assert_eq!(body, ["cut off"]);
    }

    #[test]
    fn cleaning() {
        assert_eq!(
            clean_paragraph("  gov\u{AD}ern\u{7}ment \n\n line two\t\n"),
            "government\nline two"
        );
        assert_eq!(clean_paragraph("a\tb"), "a\tb");
        assert_eq!(clean_paragraph(" \n \t "), "");
    }
}
