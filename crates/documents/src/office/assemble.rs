//! A word-processing document's stored text: the body's paragraphs, then each kind of note
//! under its heading ("Footnotes", "Endnotes"), each note starting with its mark as the body
//! shows it (`[1] The survey…`); paragraphs separated by a blank line.

use crate::{DocumentFacts, Extracted, ReadError};

/// The notes of one kind, in mark order.
pub(crate) struct NoteSection {
    /// "Footnotes", "Endnotes".
    pub heading: &'static str,
    /// Each note's mark (`1`, `ii`, `*`) and paragraphs.
    pub notes: Vec<(String, Vec<String>)>,
}

/// What was left out or changed, for the notes shown to the user.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Findings {
    /// Tracked changes were accepted.
    pub tracked_changes: bool,
    /// Comments were left out.
    pub comments: bool,
    /// Page headers and footers were left out.
    pub headers_footers: bool,
}

/// The document read: its body, notes and facts as an [`Extracted`]; [`ReadError::Empty`]
/// when it holds no text.
pub(crate) fn assemble(
    kind: &'static str,
    body: Vec<String>,
    sections: Vec<NoteSection>,
    facts: DocumentFacts,
    findings: Findings,
) -> Result<Extracted, ReadError> {
    let mut paragraphs = body;
    let mut notes = Vec::new();
    for section in sections {
        let count = section.notes.iter().filter(|(_, p)| !p.is_empty()).count();
        if count == 0 {
            continue;
        }
        paragraphs.push(section.heading.to_owned());
        for (mark, note) in section.notes {
            let mut note = note.into_iter();
            if let Some(first) = note.next() {
                paragraphs.push(format!("[{mark}] {first}"));
                paragraphs.extend(note);
            }
        }
        let plural = section.heading.to_lowercase();
        let (noun, verb) = match count {
            1 => (plural.trim_end_matches('s'), "was"),
            _ => (plural.as_str(), "were"),
        };
        notes.push(format!(
            "{count} {noun} {verb} placed after the text, under “{}”.",
            section.heading
        ));
    }
    if paragraphs.is_empty() {
        return Err(ReadError::Empty { kind });
    }
    if findings.tracked_changes {
        notes.insert(
            0,
            "The document had tracked changes: they were read as accepted (insertions kept, \
             deleted text left out)."
                .to_owned(),
        );
    }
    if findings.comments {
        notes.push("Comments were left out.".to_owned());
    }
    if findings.headers_footers {
        notes.push("Page headers and footers were left out.".to_owned());
    }
    Ok(Extracted {
        text: paragraphs.join("\n\n"),
        facts,
        pages: Vec::new(),
        times: Vec::new(),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_follow_the_body_under_headings() {
        let doc = assemble(
            "t",
            vec!["Body [1] and [i].".into()],
            vec![
                NoteSection {
                    heading: "Footnotes",
                    notes: vec![("1".into(), vec!["First.".into(), "More.".into()])],
                },
                NoteSection {
                    heading: "Endnotes",
                    notes: vec![("i".into(), vec!["End.".into()]), ("ii".into(), vec![])],
                },
            ],
            DocumentFacts::default(),
            Findings {
                tracked_changes: true,
                ..Findings::default()
            },
        )
        .unwrap();
        assert_eq!(
            doc.text,
            "Body [1] and [i].\n\nFootnotes\n\n[1] First.\n\nMore.\n\nEndnotes\n\n[i] End."
        );
        assert_eq!(
            doc.notes,
            [
                "The document had tracked changes: they were read as accepted (insertions kept, deleted text left out).",
                "1 footnote was placed after the text, under “Footnotes”.",
                "1 endnote was placed after the text, under “Endnotes”.",
            ]
        );
        let empty = assemble(
            "t",
            vec![],
            vec![],
            DocumentFacts::default(),
            Findings::default(),
        );
        assert!(matches!(empty, Err(ReadError::Empty { kind: "t" })));
    }
}
