//! The pages' paragraphs into one text: lines joined (broken words mended), paragraphs that
//! run on across a column or page break joined, footnotes placed after the paragraph that is
//! open at the end of their page, and the char offset where each page's text starts.

use super::hyphens::{Joint, Words, joint};
use super::paragraphs::{Paragraph, ends_sentence};

/// One page's paragraphs.
pub(crate) struct PageParagraphs {
    /// The body, in reading order.
    pub body: Vec<Paragraph>,
    /// Footnotes and rotated text: placed after the body.
    pub after: Vec<Paragraph>,
}

/// The text being built.
struct Text {
    text: String,
    chars: usize,
    /// The open paragraph's last line, size, and whether it may still run on.
    open: Option<(String, f32)>,
    /// Paragraphs waiting for the open paragraph to end.
    pending: Vec<Paragraph>,
}

impl Text {
    fn push_str(&mut self, s: &str) {
        self.chars += s.chars().count();
        self.text.push_str(s);
    }

    /// Starts a paragraph; returns the char offset of its text.
    fn begin(&mut self, paragraph: &Paragraph, words: &Words) -> usize {
        self.drop_soft_hyphen();
        if !self.text.is_empty() {
            self.push_str("\n\n");
        }
        self.open = None;
        self.continue_with(paragraph, words)
    }

    /// A soft hyphen ending a paragraph joins nothing: it goes.
    fn drop_soft_hyphen(&mut self) {
        if self.text.ends_with('\u{ad}') {
            self.text.pop();
            self.chars -= 1;
        }
    }

    fn close(&mut self, words: &Words) {
        let pending = std::mem::take(&mut self.pending);
        for paragraph in &pending {
            self.begin(paragraph, words);
        }
        self.open = None;
    }

    /// Appends a paragraph's lines to the open paragraph; returns the char offset at which its
    /// first line's text starts.
    fn continue_with(&mut self, paragraph: &Paragraph, words: &Words) -> usize {
        let mut first_at = None;
        for line in &paragraph.lines {
            match &self.open {
                None => {}
                Some((prev, _)) => match joint(prev, line, words) {
                    Joint::Space => self.push_str(" "),
                    Joint::DropHyphen => {
                        self.text.pop();
                        self.chars -= 1;
                    }
                    Joint::Touch => {}
                },
            }
            first_at.get_or_insert(self.chars);
            self.push_str(line);
            self.open = Some((line.clone(), paragraph.size));
        }
        first_at.unwrap_or(self.chars)
    }
}

/// Whether `paragraph` (the first of its block) continues the open paragraph.
fn runs_on(open: &(String, f32), paragraph: &Paragraph, indents: bool) -> bool {
    let (last_line, size) = open;
    if !paragraph.block_start || (paragraph.size - size).abs() > 0.1 * size {
        return false;
    }
    if indents && paragraph.indented {
        return false;
    }
    !ends_sentence(last_line) || indents
}

/// The text of all pages and the char offset where each page starts.
pub(crate) fn assemble(pages: &[PageParagraphs], words: &Words) -> (String, Vec<usize>) {
    let indents = uses_indents(pages);
    let mut out = Text {
        text: String::new(),
        chars: 0,
        open: None,
        pending: Vec::new(),
    };
    let mut starts = Vec::with_capacity(pages.len());
    for page in pages {
        let mut started = false;
        for paragraph in &page.body {
            let join = out
                .open
                .as_ref()
                .is_some_and(|open| runs_on(open, paragraph, indents));
            if join {
                // The page starts where its own text starts, after the joint.
                let at = out.continue_with(paragraph, words);
                if !started {
                    starts.push(at);
                    started = true;
                }
            } else {
                out.close(words);
                let at = out.begin(paragraph, words);
                if !started {
                    starts.push(at);
                    started = true;
                }
            }
        }
        if !started {
            starts.push(out.chars);
        }
        out.pending.extend(page.after.iter().cloned());
    }
    out.close(words);
    out.drop_soft_hyphen();
    if let Some(first) = starts.first_mut() {
        *first = 0;
    }
    // A page without text starts where the next page does (a mended word may begin a little
    // before the offset recorded for an empty page in between).
    for i in (1..starts.len()).rev() {
        starts[i - 1] = starts[i - 1].min(starts[i]);
    }
    let end = out.chars;
    for start in &mut starts {
        *start = (*start).min(end);
    }
    (out.text, starts)
}

/// Whether the document marks paragraphs with first-line indents: most paragraphs that start
/// inside a block are indented.
fn uses_indents(pages: &[PageParagraphs]) -> bool {
    let inner: Vec<bool> = pages
        .iter()
        .flat_map(|p| p.body.iter())
        .filter(|p| !p.block_start)
        .map(|p| p.indented)
        .collect();
    inner.len() >= 3 && inner.iter().filter(|i| **i).count() * 2 > inner.len()
}
