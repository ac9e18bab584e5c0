//! Who speaks: `NAME:` / `Name:` labels at a caption line's start, dialogue dashes (`- `) and
//! broadcast speaker-change chevrons (`>>`); and sound descriptions (`[Music]`, `♪ lyrics`,
//! a line that is only `(APPLAUSE)`), which are left out of the text.

use super::markup::CueLine;

/// Longest speaker name read from a `Name:` label, in chars.
const MAX_LABEL_CHARS: usize = 60;

/// How a caption line starts a turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TurnMark {
    /// No mark: the line goes on with the current speaker.
    Continue,
    /// A dash or `>>`: someone else speaks, unnamed.
    Unnamed,
    /// A label: this speaker speaks.
    Named(String),
}

/// A speaker label at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    /// The name without the colon.
    pub name: String,
    /// Written in capitals (`MADDOW:`): always a label. Title-case labels (`Rachel Maddow:`)
    /// count only when they recur, so `Note:` in a caption is not a speaker.
    pub capitals: bool,
}

/// Leaves out sound descriptions: `[…]` anywhere in the line, the whole line when it starts
/// with a music note (lyrics) or is only one parenthesised description. True when anything
/// was left out.
pub(crate) fn strip_sound_descriptions(line: &mut CueLine) -> bool {
    let text = line.text();
    let trimmed = text.trim();
    let lyrics = trimmed.starts_with(['♪', '♫']);
    let whole_parenthesis = trimmed.starts_with('(')
        && trimmed.ends_with(')')
        && trimmed[1..trimmed.len() - 1]
            .chars()
            .all(|c| c != '(' && c != ')');
    if lyrics || whole_parenthesis {
        let had_text = !trimmed.is_empty();
        line.retain_chars(|_, _| false);
        return had_text;
    }
    let ranges = bracket_ranges(&text);
    if ranges.is_empty() {
        return false;
    }
    let mut dropped = vec![false; text.chars().count()];
    for range in ranges {
        dropped[range].fill(true);
    }
    line.retain_chars(|i, _| !dropped[i]);
    true
}

/// Char ranges of each `[…]` (brackets included) that closes on the line.
fn bracket_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut open = None;
    for (i, c) in text.chars().enumerate() {
        match c {
            '[' => open = Some(i),
            ']' => {
                if let Some(start) = open.take() {
                    ranges.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    ranges
}

/// The speaker label at the start of `text` (after any dash or `>>`), if it looks like one.
pub(crate) fn find_label(text: &str) -> Option<Label> {
    let (_, rest) = split_marks(text);
    label_at(rest).map(|(label, _)| label)
}

/// Removes the turn marks at the start of `line` and says what they mean. A label counts if
/// it is in capitals or `accepted(name)` holds (a title-case name that recurs).
pub(crate) fn take_turn_mark(line: &mut CueLine, accepted: impl Fn(&str) -> bool) -> TurnMark {
    let text = line.text();
    let (marked, rest) = split_marks(&text);
    let mut consumed = text.len() - rest.len();
    let mut mark = if marked {
        TurnMark::Unnamed
    } else {
        TurnMark::Continue
    };
    if let Some((label, len)) = label_at(rest)
        && (label.capitals || accepted(&label.name))
    {
        consumed += len;
        mark = TurnMark::Named(label.name);
    }
    if consumed > 0 {
        let chars = text[..consumed].chars().count();
        line.retain_chars(|i, _| i >= chars);
    }
    mark
}

/// Whether `text` starts with a turn mark (`- `, `– `, `-Name`, `>>`), and the text after the
/// marks and the spaces that follow them.
fn split_marks(text: &str) -> (bool, &str) {
    let rest = text.trim_start();
    if let Some(after) = rest.strip_prefix(">>") {
        return (true, after.trim_start_matches('>').trim_start());
    }
    for dash in ['-', '–', '—'] {
        if let Some(after) = rest.strip_prefix(dash) {
            let next = after.chars().next();
            let spaced = next.is_some_and(char::is_whitespace);
            let speech = next.is_some_and(|c| c.is_uppercase() || "\"'“¿¡".contains(c));
            if spaced || speech {
                return (true, after.trim_start());
            }
        }
    }
    (false, rest)
}

/// A `Name:` label at the start of `text` and its length in bytes with the spaces after it.
/// The name is what comes before a comma or parenthesis (`SEN. BERNIE SANDERS (D-VT):` is
/// `SEN. BERNIE SANDERS`), as Claimdesk's transcript detection reads it.
fn label_at(text: &str) -> Option<(Label, usize)> {
    let colon = text.find(':')?;
    let raw = &text[..colon];
    let after = &text[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    if raw.chars().count() > MAX_LABEL_CHARS || raw.trim() != raw {
        return None;
    }
    let allowed = |c: char| c.is_alphabetic() || " .'-,()&".contains(c);
    let name = raw.split([',', '(']).next().unwrap_or("").trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || !raw.chars().all(allowed) {
        return None;
    }
    if !words[0].starts_with(char::is_uppercase) {
        return None;
    }
    let capitals = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let title_case = words.len() <= 4
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "de" | "van" | "von")
        });
    if !capitals && !title_case {
        return None;
    }
    let len = colon + 1 + (after.len() - after.trim_start().len());
    Some((
        Label {
            name: name.to_owned(),
            capitals,
        },
        len,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subtitles::markup::read_cue_lines;

    fn cue_line(s: &str) -> CueLine {
        read_cue_lines(&[s]).remove(0)
    }

    #[test]
    fn labels_dashes_and_chevrons() {
        let mut l = cue_line("MADDOW: Good evening.");
        assert_eq!(
            take_turn_mark(&mut l, |_| false),
            TurnMark::Named("MADDOW".into())
        );
        assert_eq!(l.text(), "Good evening.");
        let mut l = cue_line(">> SEN. HOLLIS: Thank you.");
        assert_eq!(
            take_turn_mark(&mut l, |_| false),
            TurnMark::Named("SEN. HOLLIS".into())
        );
        assert_eq!(l.text(), "Thank you.");
        let mut l = cue_line("- Where were you?");
        assert_eq!(take_turn_mark(&mut l, |_| false), TurnMark::Unnamed);
        assert_eq!(l.text(), "Where were you?");
        let mut l = cue_line("-5 degrees tonight.");
        assert_eq!(take_turn_mark(&mut l, |_| false), TurnMark::Continue);
        assert_eq!(l.text(), "-5 degrees tonight.");
    }

    #[test]
    fn title_case_labels_need_to_be_accepted() {
        let mut l = cue_line("Rachel Maddow: Welcome.");
        assert_eq!(take_turn_mark(&mut l, |_| false), TurnMark::Continue);
        assert_eq!(l.text(), "Rachel Maddow: Welcome.");
        assert_eq!(
            take_turn_mark(&mut l, |n| n == "Rachel Maddow"),
            TurnMark::Named("Rachel Maddow".into())
        );
        assert_eq!(
            find_label("Note: figures revised").map(|l| l.capitals),
            Some(false)
        );
        for not_label in [
            "At 10:30 we met",
            "the minister said: no",
            "Speaker 1: hi",
            "Ratio:1",
        ] {
            assert_eq!(find_label(not_label), None, "{not_label}");
        }
    }

    #[test]
    fn sound_descriptions_are_left_out() {
        let mut l = cue_line("[Music] so the [Applause] point is");
        assert!(strip_sound_descriptions(&mut l));
        assert_eq!(l.plain(), "so the point is");
        for whole in ["(APPLAUSE)", "♪ la la la ♪", " (laughs) "] {
            let mut l = cue_line(whole);
            assert!(strip_sound_descriptions(&mut l), "{whole}");
            assert_eq!(l.plain(), "");
        }
        let mut l = cue_line("(sighs) I don't know (really)");
        assert!(!strip_sound_descriptions(&mut l));
        let mut l = cue_line("an open [bracket");
        assert!(!strip_sound_descriptions(&mut l));
        assert_eq!(l.plain(), "an open [bracket");
    }
}
