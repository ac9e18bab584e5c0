//! The text of an OpenDocument `content.xml` as shown with every tracked change accepted
//! (the deleted text lives in `text:tracked-changes`, which is left out): headings,
//! paragraphs, lists, tables, text boxes; notes (`text:note`) gathered apart with their
//! citation left in the text as `[1]`; comments (`office:annotation`), hidden text (spans
//! whose automatic style has `text:display="none"`), index templates and drawing titles left
//! out. White space follows ODF: runs of spaces, tabs and newlines in the
//! XML are one space; `text:s` (with `text:c`), `text:tab` and `text:line-break` are the
//! characters they stand for.

use std::collections::HashSet;

use super::flow::Flow;
use super::xml::{Element, Ns, Visit, Visitor};

/// Most spaces one `text:s` stands for.
pub(crate) const MAX_SPACES: usize = 1_000;
/// Most spaces all `text:s` of a document stand for together; past it each is one space (a
/// 20-byte element must not become a kilobyte of text millions of times over).
pub(crate) const MAX_COUNTED_SPACES: usize = 1_000_000;

/// Reads `content.xml`; see the module comment.
#[derive(Default)]
pub(crate) struct OdtText {
    /// The text gathered; its notes are labelled by citation.
    pub flow: Flow,
    /// For each note in `flow`'s order: true for an endnote.
    pub endnote: Vec<bool>,
    /// An `office:text` body was met.
    pub is_text: bool,
    /// The document has tracked changes.
    pub tracked_changes: bool,
    /// The document has comments.
    pub comments: bool,
    /// Open `text:note` elements: (is an endnote, citation so far).
    notes: Vec<(bool, String)>,
    in_citation: bool,
    /// The automatic style being read (`style:style`), and the text styles that hide text.
    style: Option<String>,
    hidden_styles: HashSet<String>,
    /// Spaces written for `text:s` so far.
    counted_spaces: usize,
}

impl Visitor for OdtText {
    fn open(&mut self, e: &Element) -> Visit {
        match e.ns {
            Ns::Text => return self.open_text(e),
            Ns::Table => match e.local {
                "table-row" => self.flow.open_row(),
                "table-cell" => self.flow.open_cell(),
                "covered-table-cell" => return Visit::Skip,
                _ => {}
            },
            Ns::Office => match e.local {
                "text" => self.is_text = true,
                "annotation" | "annotation-end" => {
                    self.comments = true;
                    return Visit::Skip;
                }
                "forms" | "scripts" | "font-face-decls" | "styles" | "master-styles"
                | "event-listeners" | "meta" | "settings" => return Visit::Skip,
                _ => {}
            },
            Ns::Svg if matches!(e.local, "title" | "desc") => return Visit::Skip,
            Ns::Style => match e.local {
                "style" => self.style = e.attr("name"),
                "text-properties" if e.attr("display").as_deref() == Some("none") => {
                    self.hidden_styles.extend(self.style.clone());
                }
                _ => {}
            },
            _ => {}
        }
        Visit::Enter
    }

    fn close(&mut self, ns: Ns, local: &str) {
        match (ns, local) {
            (Ns::Text, "p" | "h") => self.flow.close_paragraph(),
            (Ns::Text, "note-citation") => {
                self.in_citation = false;
                self.cite();
            }
            (Ns::Text, "note-body") => {
                self.flow.close_note();
                if let Some((endnote, _)) = self.notes.last() {
                    self.endnote.push(*endnote);
                }
            }
            (Ns::Text, "note") => {
                self.notes.pop();
            }
            (Ns::Table, "table-row") => self.flow.close_row(),
            (Ns::Table, "table-cell") => self.flow.close_cell(),
            (Ns::Style, "style") => self.style = None,
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_citation {
            if let Some((_, citation)) = self.notes.last_mut() {
                citation.push_str(text);
            }
            return;
        }
        let mut at_space = self.flow.at_space();
        let mut collapsed = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !at_space {
                    collapsed.push(' ');
                    at_space = true;
                }
            } else {
                collapsed.push(c);
                at_space = false;
            }
        }
        self.flow.push_str(&collapsed);
    }
}

impl OdtText {
    /// The open note's citation as it shows in the text: `[1]`.
    fn cite(&mut self) {
        if let Some((_, citation)) = self.notes.last() {
            let mark = format!("[{}]", citation.trim());
            self.flow.push_str(&mark);
        }
    }

    fn open_text(&mut self, e: &Element) -> Visit {
        match e.local {
            "p" | "h" => self.flow.open_paragraph(),
            "span"
                if e.attr("style-name")
                    .is_some_and(|name| self.hidden_styles.contains(&name)) =>
            {
                return Visit::Skip;
            }
            "hidden-text" | "hidden-paragraph" | "ruby-text" => return Visit::Skip,
            "s" => {
                let asked = e
                    .attr("c")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                let left = MAX_COUNTED_SPACES.saturating_sub(self.counted_spaces);
                let count = asked.min(MAX_SPACES).min(left).max(1);
                self.counted_spaces += count;
                self.flow.push_str(&" ".repeat(count));
            }
            "tab" => self.flow.push_str("\t"),
            "line-break" => self.flow.push_str("\n"),
            "note" => {
                let endnote = e.attr("note-class").as_deref() == Some("endnote");
                self.notes.push((endnote, String::new()));
            }
            "note-citation" => {
                if let Some(label) = e.attr("label").filter(|l| !l.trim().is_empty()) {
                    if let Some((_, citation)) = self.notes.last_mut() {
                        citation.push_str(&label);
                    }
                    self.cite();
                    return Visit::Skip;
                }
                self.in_citation = true;
            }
            "note-body" => {
                let label = self
                    .notes
                    .last()
                    .map(|(_, c)| c.trim().to_owned())
                    .unwrap_or_default();
                self.flow.open_note(label);
            }
            "changed-region" => {
                self.tracked_changes = true;
                return Visit::Skip;
            }
            "sequence-decls" | "variable-decls" | "user-field-decls" | "dde-connection-decls" => {
                return Visit::Skip;
            }
            local if local.ends_with("-source") => return Visit::Skip,
            _ => {}
        }
        Visit::Enter
    }
}
