//! Caption text written as running text: cues joined into sentences and paragraphs, each
//! speaker's turn a paragraph that starts `Name: `, and the media time of every stretch.
//!
//! Paragraphs break (never inside a sentence, except at a speaker change):
//! - at every speaker change: a label, a new `<v>` voice, a dash or `>>`;
//! - in punctuated captions, at a sentence end followed by a pause of 2 s or more before the
//!   next cue, or once the paragraph holds 6 sentences;
//! - in unpunctuated captions (YouTube auto-captions), at a pause of 2 s or more, or once the
//!   paragraph holds 80 words, at the next cue.

use crate::TimedText;

use super::turns::TurnMark;

/// A pause between cues at least this long ends a paragraph (at a sentence end).
pub(crate) const PARAGRAPH_PAUSE_MS: u64 = 2_000;
/// A paragraph of punctuated captions ends at the first sentence end after this many sentences.
pub(crate) const PARAGRAPH_SENTENCES: usize = 6;
/// A paragraph of unpunctuated captions ends at the first cue after this many words.
pub(crate) const PARAGRAPH_WORDS: usize = 80;

/// Builds the text and its times, cue by cue.
#[derive(Debug, Default)]
pub(crate) struct RunningText {
    text: String,
    chars: usize,
    times: Vec<TimedText>,
    punctuated: bool,
    break_pending: bool,
    label_pending: Option<String>,
    space_pending: bool,
    /// The pending space joins two caption lines (not a space the captions write).
    line_join: bool,
    speaker: Option<String>,
    sentences: usize,
    words: usize,
    ends_sentence: bool,
    last_end: Option<u64>,
}

impl RunningText {
    /// An empty text; `punctuated` says whether the captions mark sentence ends.
    pub fn new(punctuated: bool) -> Self {
        Self {
            punctuated,
            ..Self::default()
        }
    }

    /// A cue starting at `start` begins: a long pause, or a long paragraph at a sentence end,
    /// breaks the paragraph.
    pub fn start_cue(&mut self, start: u64) {
        if self.text.is_empty() {
            return;
        }
        let pause = self.last_end.map_or(0, |end| start.saturating_sub(end));
        let long_pause = pause >= PARAGRAPH_PAUSE_MS;
        let full = if self.punctuated {
            self.ends_sentence && (long_pause || self.sentences >= PARAGRAPH_SENTENCES)
        } else {
            long_pause || self.words >= PARAGRAPH_WORDS
        };
        if full {
            self.break_pending = true;
        }
        self.join_lines();
    }

    /// The cue ends at `end`.
    pub fn end_cue(&mut self, end: u64) {
        self.last_end = Some(end);
        self.join_lines();
    }

    /// A caption line ended: the next text is a new word.
    pub fn end_line(&mut self) {
        self.join_lines();
    }

    fn join_lines(&mut self) {
        if !self.space_pending {
            self.line_join = true;
        }
        self.space_pending = true;
    }

    /// A turn mark at a line's start.
    pub fn turn(&mut self, mark: TurnMark) {
        match mark {
            TurnMark::Continue => {}
            TurnMark::Unnamed => {
                self.break_pending = true;
                self.label_pending = None;
                self.speaker = None;
            }
            TurnMark::Named(name) => self.speak(name),
        }
    }

    /// The line's `<v>` voice, when the line has no label of its own.
    pub fn voice(&mut self, voice: &str) {
        self.speak(voice.to_owned());
    }

    /// `name` speaks from here: a new paragraph with a label unless they already speak.
    fn speak(&mut self, name: String) {
        if self.speaker.as_deref() != Some(name.as_str()) {
            self.break_pending = true;
            self.label_pending = Some(name.clone());
            self.speaker = Some(name);
        }
    }

    /// Writes `text` (spaces as written), spoken from `millis`.
    pub fn write(&mut self, text: &str, millis: u64) {
        if text.starts_with(char::is_whitespace) {
            self.space_pending = true;
            self.line_join = false;
        }
        let mut first = true;
        for word in text.split_whitespace() {
            let word: String = word
                .chars()
                .filter(|&c| !c.is_control() && c != '\u{AD}')
                .collect();
            if word.is_empty() {
                continue;
            }
            if first || self.break_pending || self.label_pending.is_some() {
                self.begin(millis, word.chars().next().unwrap_or(' '));
                first = false;
            } else {
                self.push(" ");
            }
            self.push(&word);
            self.words += 1;
            self.ends_sentence = ends_sentence(&word);
            if self.ends_sentence {
                self.sentences += 1;
            }
        }
        if text.ends_with(char::is_whitespace) {
            self.space_pending = true;
            self.line_join = false;
        }
    }

    /// Starts new content spoken from `millis` with `first`: the paragraph break or space
    /// before it (none where caption lines of Chinese or Japanese join), its label, and its
    /// time entry.
    fn begin(&mut self, millis: u64, first: char) {
        let at;
        if self.break_pending || self.label_pending.is_some() {
            if !self.text.is_empty() {
                self.push("\n\n");
            }
            at = self.chars;
            if let Some(name) = self.label_pending.take() {
                self.push(&name);
                self.push(": ");
            }
            self.break_pending = false;
            self.sentences = 0;
            self.words = 0;
        } else {
            let unspaced = self.line_join
                && is_unspaced_script(first)
                && self
                    .text
                    .chars()
                    .next_back()
                    .is_some_and(is_unspaced_script);
            if self.space_pending && !self.text.is_empty() && !unspaced {
                self.push(" ");
            }
            at = self.chars;
        }
        self.space_pending = false;
        self.line_join = false;
        if self.times.last().is_none_or(|t| t.millis != millis) {
            self.times.push(TimedText { start: at, millis });
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }

    /// The text and its times.
    pub fn finish(self) -> (String, Vec<TimedText>) {
        (self.text, self.times)
    }
}

/// True when `word` ends a sentence: `.`, `?`, `!`, `…` (or their full-width forms), maybe
/// before closing quotes or brackets.
pub(crate) fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '」', '』', '）'])
        .ends_with(['.', '?', '!', '…', '。', '？', '！'])
}

/// True for characters of scripts written without spaces between words (Chinese, Japanese
/// kana, their punctuation and full-width forms): caption lines of these join without a space.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK punctuation
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{20000}'..='\u{2FA1F}') // supplementary ideographs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_across_cues_is_one_sentence_and_times_follow_words() {
        let mut w = RunningText::new(true);
        w.start_cue(1_000);
        w.write("The deficit", 1_000);
        w.end_line();
        w.write("fell by", 1_000);
        w.end_cue(3_000);
        w.start_cue(3_000);
        w.write("40 percent.", 3_000);
        w.end_cue(4_000);
        let (text, times) = w.finish();
        assert_eq!(text, "The deficit fell by 40 percent.");
        assert_eq!(
            times,
            [
                TimedText {
                    start: 0,
                    millis: 1_000
                },
                TimedText {
                    start: 20,
                    millis: 3_000
                }
            ]
        );
    }

    #[test]
    fn speakers_and_pauses_make_paragraphs() {
        let mut w = RunningText::new(true);
        w.start_cue(0);
        w.turn(TurnMark::Named("MODERATOR".into()));
        w.write("Welcome.", 0);
        w.end_cue(1_000);
        w.start_cue(1_000);
        w.turn(TurnMark::Named("MODERATOR".into()));
        w.write("Senator?", 1_000);
        w.end_cue(2_000);
        w.start_cue(2_000);
        w.voice("SEN. HOLLIS");
        w.write("Thank", 2_000);
        w.write(" you.", 2_400);
        w.end_cue(3_000);
        w.start_cue(6_000);
        w.write("Next point.", 6_000);
        w.end_cue(7_000);
        w.start_cue(7_000);
        w.turn(TurnMark::Unnamed);
        w.write("Go on", 7_000);
        let (text, times) = w.finish();
        assert_eq!(
            text,
            "MODERATOR: Welcome. Senator?\n\nSEN. HOLLIS: Thank you.\n\nNext point.\n\nGo on"
        );
        let starts: Vec<(usize, u64)> = times.iter().map(|t| (t.start, t.millis)).collect();
        assert_eq!(
            starts,
            [
                (0, 0),
                (20, 1_000),
                (30, 2_000),
                (49, 2_400),
                (55, 6_000),
                (68, 7_000)
            ]
        );
    }

    #[test]
    fn unpunctuated_captions_break_on_pauses_and_length() {
        let mut w = RunningText::new(false);
        for i in 0..100u64 {
            w.start_cue(i * 1_000);
            w.write(
                "one two three four five six seven eight nine ten",
                i * 1_000,
            );
            w.end_cue(i * 1_000 + 1_000);
        }
        let (text, _) = w.finish();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 13);
        assert!(
            paragraphs
                .iter()
                .all(|p| p.split(' ').count() <= PARAGRAPH_WORDS)
        );
    }

    #[test]
    fn chinese_and_japanese_lines_join_without_a_space() {
        let mut w = RunningText::new(true);
        w.start_cue(0);
        w.write("我们的预算", 0);
        w.end_line();
        w.write("增长了。", 0);
        w.end_cue(1_000);
        w.start_cue(1_000);
        w.write("そう です", 1_000);
        w.end_cue(2_000);
        w.start_cue(2_000);
        w.write("OK then", 2_000);
        let (text, _) = w.finish();
        assert_eq!(text, "我们的预算增长了。そう です OK then");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("增长了。"));
        assert!(ends_sentence("本当？」"));
        assert!(ends_sentence("done."));
        assert!(ends_sentence("really?”"));
        assert!(ends_sentence("(yes!)"));
        assert!(!ends_sentence("Mr"));
        assert!(!ends_sentence("3,5"));
    }
}
