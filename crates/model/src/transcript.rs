//! Transcripts: debates, hearings and interviews whose lines start with a speaker label
//! (`MADDOW:`, `Sen. Smith:`, `Q.` / `A.`). [`detect_transcript`] finds the turns, who speaks in
//! each, and which speakers moderate (ask rather than assert), so a sentence can be mapped to
//! its speaker and moderators' questions are not suggested as claims.

use std::collections::{HashMap, HashSet};

use crate::span::Span;

/// Detects a transcript in `text`: at least three lines start with a speaker label, and either
/// two speakers take turns or labelled lines make up half the text's non-empty lines.
/// Returns `None` for ordinary prose.
pub fn detect_transcript(text: &str) -> Option<Transcript> {
    let lines = labelled_lines(text);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &lines.labels {
        *counts.entry(&l.key).or_default() += 1;
    }
    let label_count = |key: &str| counts.get(key).copied().unwrap_or(0);
    // "SPEAKER 3" may speak once when "SPEAKER 1" speaks twice; "STEP 1", "STEP 2" never recur.
    let recurring_stems: HashSet<&str> = counts
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .map(|(key, _)| numbered_stem(key))
        .collect();
    let accepted: Vec<&Label> = lines
        .labels
        .iter()
        .filter(|l| match l.kind {
            LabelKind::TitleCase => label_count(&l.key) >= 2,
            LabelKind::Numbered => recurring_stems.contains(numbered_stem(&l.key)),
            _ => true,
        })
        .collect();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut turns = Vec::with_capacity(accepted.len());
    for (i, label) in accepted.iter().enumerate() {
        let speaker = *by_key.entry(&label.key).or_insert_with(|| {
            speakers.push(Speaker {
                name: label.name.clone(),
                role: Role::Participant,
            });
            speakers.len() - 1
        });
        let body_end = accepted
            .get(i + 1)
            .map_or(lines.text_end, |next| next.line_start);
        turns.push(Turn {
            speaker,
            label: Span::new(label.line_start, label.body_start),
            body: Span::new(label.body_start, body_end.max(label.body_start)),
        });
    }
    let many_speakers = speakers.len() >= 2;
    if turns.len() < 3 || !(many_speakers || 2 * turns.len() >= lines.non_empty) {
        return None;
    }
    let mut transcript = Transcript { speakers, turns };
    transcript.assign_roles(text);
    Some(transcript)
}

/// A detected transcript: its speakers and their turns, in text order.
#[derive(Clone, Debug, PartialEq)]
pub struct Transcript {
    /// Everyone who speaks, in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Each labelled turn, in text order.
    pub turns: Vec<Turn>,
}

/// One speaker of a transcript.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The name as its first label writes it, without the colon or a parenthetical
    /// ("MADDOW", "Sen. Smith", "Q").
    pub name: String,
    /// Whether the speaker moderates or takes part.
    pub role: Role,
}

/// What a speaker does in the transcript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A candidate, witness, interviewee: their statements may be claims.
    Participant,
    /// A moderator, host or questioner (`Q.`): mostly asks; their sentences are suggested only
    /// when they assert a fact.
    Moderator,
}

/// One speaker's turn: the label at the start of its line and what follows up to the next label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    /// The label with its colon (or full stop) and the spaces after it, in chars.
    pub label: Span,
    /// The spoken text after the label, up to the next label's line (may span several lines).
    pub body: Span,
}

impl Transcript {
    /// The turn whose label or body contains char `pos`; `None` before the first label.
    pub fn turn_at(&self, pos: usize) -> Option<&Turn> {
        let i = self.turns.partition_point(|t| t.label.start <= pos);
        let turn = self.turns.get(i.checked_sub(1)?)?;
        (pos < turn.body.end).then_some(turn)
    }

    /// The speaker of the turn containing char `pos`.
    pub fn speaker_at(&self, pos: usize) -> Option<&Speaker> {
        self.turn_at(pos).map(|t| &self.speakers[t.speaker])
    }

    /// Marks moderators: speakers named as such (moderator, host, `Q.`, audience) and, when
    /// several speakers take part, anyone with two or more turns of whom at least half ask a
    /// question.
    fn assign_roles(&mut self, text: &str) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte_of = |c: usize| chars.get(c).map_or(text.len(), |&(b, _)| b);
        let mut turns = vec![0usize; self.speakers.len()];
        let mut asking = vec![0usize; self.speakers.len()];
        for t in &self.turns {
            turns[t.speaker] += 1;
            if text[byte_of(t.body.start)..byte_of(t.body.end)].contains('?') {
                asking[t.speaker] += 1;
            }
        }
        let several = self.speakers.len() >= 3;
        for (i, s) in self.speakers.iter_mut().enumerate() {
            let named = is_moderator_name(&s.name);
            let asks = several && turns[i] >= 2 && 2 * asking[i] >= turns[i];
            if named || asks {
                s.role = Role::Moderator;
            }
        }
    }
}

/// True for a sentence that is only a stage direction: "(APPLAUSE)", "[CROSSTALK]".
pub fn is_stage_direction(sentence: &str) -> bool {
    let s = sentence.trim();
    let bracketed =
        (s.starts_with('(') && s.ends_with(')')) || (s.starts_with('[') && s.ends_with(']'));
    bracketed
        && s[1..s.len() - 1]
            .chars()
            .all(|c| !matches!(c, '(' | ')' | '[' | ']'))
}

/// Names that always moderate or ask.
fn is_moderator_name(name: &str) -> bool {
    const ROLES: &[&str] = &[
        "MODERATOR",
        "HOST",
        "INTERVIEWER",
        "QUESTION",
        "Q",
        "AUDIENCE",
        "AUDIENCE MEMBER",
        "ANNOUNCER",
        "UNIDENTIFIED MALE",
        "UNIDENTIFIED FEMALE",
        "REPORTER",
    ];
    ROLES.contains(&name.to_uppercase().as_str())
}

/// How a label was written; title-case labels must recur to count (so "Note:" in prose does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelKind {
    /// `Q.` / `A.` / `Q:` / `A:`
    QuestionAnswer,
    /// All capitals: `MADDOW:`, `SEN. BERNIE SANDERS (D-VT):`
    Capitals,
    /// Starts with a title: `Sen. Smith:`, `President Obama:`
    Titled,
    /// Other capitalised words: `Rachel Maddow:`
    TitleCase,
    /// A name and a speaker number, as subtitles and diarisation tools write them:
    /// `Speaker 1:`, `SPEAKER_00:`. Counts when some speaker of the same stem recurs.
    Numbered,
}

/// A speaker label found at the start of a line (char offsets).
struct Label {
    line_start: usize,
    body_start: usize,
    name: String,
    key: String,
    kind: LabelKind,
}

/// Every candidate label, with the count of non-empty lines and the text's length in chars.
struct LabelledLines {
    labels: Vec<Label>,
    non_empty: usize,
    text_end: usize,
}

fn labelled_lines(text: &str) -> LabelledLines {
    let mut labels = Vec::new();
    let mut non_empty = 0;
    let mut line_start = 0;
    for line in text.split('\n') {
        let line_chars = line.chars().count();
        if !line.trim().is_empty() {
            non_empty += 1;
        }
        if let Some((label_bytes, name, kind)) = parse_label(line) {
            labels.push(Label {
                line_start,
                body_start: line_start + line[..label_bytes].chars().count(),
                key: name.to_uppercase(),
                name,
                kind,
            });
        }
        line_start += line_chars + 1;
    }
    LabelledLines {
        labels,
        non_empty,
        text_end: line_start.saturating_sub(1),
    }
}

/// Titles that make a title-case label certain ("Sen. Smith:").
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "president",
    "secretary",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chair",
    "mayor",
    "gen.",
    "general",
    "prof.",
    "professor",
    "minister",
    "speaker",
];

/// Parses a speaker label at the start of `line`: its length in bytes (with the spaces after
/// it), the speaker's name, and how it was written.
fn parse_label(line: &str) -> Option<(usize, String, LabelKind)> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let rest = &line[indent..];
    for q in ["Q. ", "A. ", "Q: ", "A: ", "Q.\t", "A.\t"] {
        if rest.starts_with(q) {
            let name = rest[..1].to_owned();
            return Some((
                indent + after_spaces(rest, 2),
                name,
                LabelKind::QuestionAnswer,
            ));
        }
    }
    let colon = rest.find(':').filter(|&c| c > 0 && c <= 60)?;
    let after = &rest[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let raw = &rest[..colon];
    let name = raw.split([',', '(']).next().unwrap_or("").trim().to_owned();
    let kind = label_kind(raw, &name)?;
    Some((indent + after_spaces(rest, colon + 1), name, kind))
}

/// How a label's text is written, or `None` if it does not look like a speaker's name.
/// Digits are allowed only as a speaker number ending the name (`Speaker 1`, `SPEAKER_00`):
/// times (`10:30`), quarters (`Q3 2024`) and other numbers are not names.
fn label_kind(raw: &str, name: &str) -> Option<LabelKind> {
    let stem = numbered_stem(name);
    if stem.len() == name.len() {
        return word_kind(raw, name);
    }
    let number = name[stem.len()..].trim_start_matches([' ', '_']);
    let separated = name.len() - number.len() == stem.len() + 1;
    if !separated || number.len() > 3 {
        return None;
    }
    word_kind(&raw.replacen(name, stem, 1), stem).map(|_| LabelKind::Numbered)
}

/// `name` without a speaker number that ends it and the one space or underscore before it
/// ("SPEAKER_00" → "SPEAKER"); `name` itself when it does not end with a digit.
fn numbered_stem(name: &str) -> &str {
    let without = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if without.len() == name.len() {
        return name;
    }
    without.trim_end_matches([' ', '_'])
}

/// How a label made of words (no digits) is written, or `None` if it is not a name.
fn word_kind(raw: &str, name: &str) -> Option<LabelKind> {
    let allowed = |c: char| c.is_alphabetic() || " .'-,()&".contains(c);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || !raw.chars().all(allowed) {
        return None;
    }
    if !words[0].starts_with(char::is_uppercase) {
        return None;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic());
    if letters.clone().count() >= 1 && letters.clone().all(char::is_uppercase) {
        return Some(LabelKind::Capitals);
    }
    let capitalised = words.iter().all(|w| {
        w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "de" | "van" | "von")
    });
    if !capitalised || words.len() > 4 {
        return None;
    }
    if TITLES.contains(&words[0].to_lowercase().as_str()) && words.len() >= 2 {
        Some(LabelKind::Titled)
    } else {
        Some(LabelKind::TitleCase)
    }
}

/// Byte offset in `s` after `from` and any spaces or tabs that follow.
fn after_spaces(s: &str, from: usize) -> usize {
    from + (s[from..].len() - s[from..].trim_start_matches([' ', '\t']).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A debate excerpt written for these tests (not a real transcript).
    const DEBATE: &str = "\
Presidential debate, third hour (excerpt)

MODERATOR: Welcome back. Senator, your plan costs $2 trillion. How will you pay for it?
SEN. HOLLIS: Thank you. Our plan is paid for. The deficit fell by 40 percent since 2012, and unemployment is at 3.9 percent.
(APPLAUSE)
MODERATOR: Governor, your response?
Gov. Marsh: The senator voted against that budget three times.
It passed anyway, with my support.
MODERATOR: Thirty seconds each. Is crime rising?
SEN. HOLLIS: Violent crime rose 5 percent last year.
Gov. Marsh: I think we can do better.
";

    fn find(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].chars().count()
    }

    #[test]
    fn debate_excerpt_speakers_turns_and_roles() {
        let t = detect_transcript(DEBATE).expect("a transcript");
        let names: Vec<(&str, Role)> = t
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.role))
            .collect();
        assert_eq!(
            names,
            [
                ("MODERATOR", Role::Moderator),
                ("SEN. HOLLIS", Role::Participant),
                ("Gov. Marsh", Role::Participant),
            ]
        );
        assert_eq!(t.turns.len(), 7);
        let name_at = |needle: &str| t.speaker_at(find(DEBATE, needle)).map(|s| s.name.as_str());
        assert_eq!(name_at("Presidential debate"), None);
        assert_eq!(name_at("How will you pay"), Some("MODERATOR"));
        assert_eq!(name_at("The deficit fell"), Some("SEN. HOLLIS"));
        assert_eq!(name_at("(APPLAUSE)"), Some("SEN. HOLLIS"));
        assert_eq!(
            name_at("It passed anyway"),
            Some("Gov. Marsh"),
            "a turn spans lines"
        );
        assert_eq!(name_at("Violent crime"), Some("SEN. HOLLIS"));
        let first = t.turns[0];
        let chars: Vec<char> = DEBATE.chars().collect();
        let label: String = chars[first.label.start..first.label.end].iter().collect();
        assert_eq!(label, "MODERATOR: ");
        let body: String = chars[first.body.start..first.body.end].iter().collect();
        assert!(
            body.starts_with("Welcome back.") && body.ends_with("pay for it?\n"),
            "{body:?}"
        );
    }

    #[test]
    fn question_and_answer_hearing() {
        let text = "Q. Where were you on May 3?\nA. At the office.\nQ. Did you sign the contract?\nA. No. My deputy signed it on May 4.\n";
        let t = detect_transcript(text).expect("a transcript");
        let roles: Vec<(&str, Role)> = t
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.role))
            .collect();
        assert_eq!(roles, [("Q", Role::Moderator), ("A", Role::Participant)]);
        assert_eq!(t.speaker_at(find(text, "My deputy")).unwrap().name, "A");
    }

    #[test]
    fn a_moderator_is_found_by_the_questions_asked() {
        let text = "TODD: Good evening. What is your plan?\nCLINTON: We raised wages by 4 percent.\nMADDOW: And yours?\nSANDERS: Wages fell.\nTODD: Why?\nSANDERS: Trade deals.\nMADDOW: Is that right?\nCLINTON: No.\n";
        let t = detect_transcript(text).expect("a transcript");
        let moderators: Vec<&str> = t
            .speakers
            .iter()
            .filter(|s| s.role == Role::Moderator)
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(moderators, ["TODD", "MADDOW"]);
    }

    #[test]
    fn prose_with_colons_is_not_a_transcript() {
        let text = "Note: this story was updated.\nThe ministry said: no comment.\nUpdate: figures revised.\nAt 10:30 the minister spoke.\nWarning: graphic content.\n";
        assert_eq!(detect_transcript(text), None);
        let sample = include_str!("../../../assets/sample-article.txt");
        assert_eq!(detect_transcript(sample), None);
    }

    #[test]
    fn numbered_speakers_of_subtitles_and_diarisation_tools() {
        let subtitles = "Speaker 1: Welcome. What did the report find?\nSpeaker 2: Prices rose 4 percent.\nSpeaker 1: And wages?\nSpeaker 3: Wages fell.\n";
        let t = detect_transcript(subtitles).expect("a transcript");
        let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Speaker 1", "Speaker 2", "Speaker 3"]);
        let who = |needle: &str| t.speaker_at(find(subtitles, needle)).unwrap().name.as_str();
        assert_eq!(who("Prices rose"), "Speaker 2");
        assert_eq!(
            who("Wages fell"),
            "Speaker 3",
            "speaks once, as speaker 1 recurs"
        );

        let diarised = "SPEAKER_00: The plant employs 300 people.\nSPEAKER_01: Since when?\nSPEAKER_00: Since 2019.\n";
        let t = detect_transcript(diarised).expect("a transcript");
        let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["SPEAKER_00", "SPEAKER_01"]);
        assert_eq!(t.turns.len(), 3);
    }

    #[test]
    fn numbers_that_are_not_speakers_are_not_labels() {
        for line in [
            "10:30: the doors open.",
            "Q3 2024: revenue rose.",
            "FY2024: revenue rose.",
            "Speaker1: hello.",
            "Speaker 1000: hello.",
            "Room 2B: closed.",
            "1: first.",
            "Speaker 1 (10:32): hello.",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
        assert_eq!(
            parse_label("Speaker 12: hi").map(|(_, name, kind)| (name, kind)),
            Some(("Speaker 12".to_owned(), LabelKind::Numbered))
        );
        // A numbered list: every number once, so none is a speaker.
        let steps =
            "STEP 1: Mix the flour.\nSTEP 2: Add water.\nSTEP 3: Bake it.\nSTEP 4: Serve.\n";
        assert_eq!(detect_transcript(steps), None);
        let times = "At 10:30 the minister spoke.\nAt 11:00 she left.\nAt 12:15 the vote began.\n";
        assert_eq!(detect_transcript(times), None);
    }

    #[test]
    fn stage_directions() {
        assert!(is_stage_direction("(APPLAUSE)"));
        assert!(is_stage_direction(" [CROSSTALK] "));
        assert!(!is_stage_direction("(It was) a lie (he said)"));
        assert!(!is_stage_direction("We won (by far)."));
    }
}
