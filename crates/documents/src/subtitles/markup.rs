//! Cue text markup read into plain pieces: WebVTT tags (`<c.cls>`, `<i>`, `<b>`, `<u>`,
//! `<lang>`, `<ruby>` with its `<rt>` reading left out, `<v Name>` voices), inline timestamps
//! (`<00:00:01.469>`: the text after it is spoken from then), SubRip `<font>` tags and
//! `{\an8}` positioning, and character references (`&amp;`, `&nbsp;`, `&#39;`).

use super::blocks::RawCue;
use super::timing::parse_whole_timestamp;

/// Longest tag read as markup; a `<` without a `>` this close is a literal less-than sign.
const MAX_TAG_LEN: usize = 200;

/// A stretch of a cue line's text and the time its own timestamp gives it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The text, spaces as written.
    pub text: String,
    /// Milliseconds of the inline timestamp just before it.
    pub millis: Option<u64>,
}

/// One line of a cue, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CueLine {
    /// The text in order; a new piece starts at each inline timestamp.
    pub pieces: Vec<Piece>,
    /// The speaker of a `<v Name>` span covering the line.
    pub voice: Option<String>,
}

impl CueLine {
    /// The line's text with runs of whitespace as one space, trimmed: what is compared when
    /// captions repeat lines.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            for word in piece.text.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
            if piece.text.ends_with(char::is_whitespace) && !out.is_empty() {
                out.push(' ');
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    /// Keeps the characters for which `keep(index, char)` holds, `index` counting chars over
    /// the whole line; pieces left empty are removed unless they carry a time.
    pub fn retain_chars(&mut self, mut keep: impl FnMut(usize, char) -> bool) {
        let mut index = 0;
        for piece in &mut self.pieces {
            piece.text.retain(|c| {
                let kept = keep(index, c);
                index += 1;
                kept
            });
        }
        self.pieces
            .retain(|p| !p.text.is_empty() || p.millis.is_some());
    }

    /// All the line's text, as written.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// A cue read: its times and its lines that hold any text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// Milliseconds from the start of the media.
    pub start: u64,
    /// Milliseconds from the start of the media (not before `start`).
    pub end: u64,
    /// The lines with text (blank lines, such as YouTube's one-space lines, are dropped).
    pub lines: Vec<CueLine>,
}

/// Reads a cue's markup.
pub(crate) fn read_cue(raw: &RawCue) -> Cue {
    let mut lines = read_cue_lines(&raw.lines);
    lines.retain(|l| l.pieces.iter().any(|p| !p.text.trim().is_empty()));
    Cue {
        start: raw.start,
        end: raw.end,
        lines,
    }
}

/// Reads a cue's lines. A `<v Name>` span runs to its `</v>` or the end of the cue, so a voice
/// opened on the first line covers the second.
pub(crate) fn read_cue_lines(lines: &[&str]) -> Vec<CueLine> {
    let mut voice = None;
    lines
        .iter()
        .map(|line| read_line(line, &mut voice))
        .collect()
}

/// Reads one line, `voice` carrying the open `<v>` span across lines.
fn read_line(line: &str, voice: &mut Option<String>) -> CueLine {
    let mut out = CueLine {
        voice: voice.clone(),
        ..CueLine::default()
    };
    let mut current = Piece {
        text: String::new(),
        millis: None,
    };
    let mut in_ruby_text = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some((tag, after)) = tag_at(rest)
        {
            rest = after;
            match read_tag(tag) {
                Tag::Time(millis) => {
                    let previous = std::mem::replace(
                        &mut current,
                        Piece {
                            text: String::new(),
                            millis: Some(millis),
                        },
                    );
                    if !previous.text.is_empty() || previous.millis.is_some() {
                        out.pieces.push(previous);
                    }
                }
                Tag::Voice(name) => {
                    if out.voice.is_none() || current.text.trim().is_empty() {
                        out.voice = name.clone();
                    }
                    *voice = name;
                }
                Tag::VoiceEnd => *voice = None,
                Tag::RubyText(open) => in_ruby_text = open,
                Tag::Other => {}
            }
            continue;
        }
        if c == '{'
            && rest[1..].starts_with('\\')
            && let Some(close) = head(rest, MAX_TAG_LEN).find('}')
        {
            rest = &rest[close + 1..];
            continue;
        }
        if c == '&'
            && let Some((decoded, after)) = character_reference(rest)
        {
            if !in_ruby_text {
                current.text.push(decoded);
            }
            rest = after;
            continue;
        }
        if !in_ruby_text {
            current.text.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    if !current.text.is_empty() || current.millis.is_some() {
        out.pieces.push(current);
    }
    out
}

/// The longest start of `s` of at most `max_bytes` bytes that ends on a char boundary.
fn head(s: &str, max_bytes: usize) -> &str {
    let mut end = s.len().min(max_bytes);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What a tag means for the text.
enum Tag {
    /// An inline timestamp.
    Time(u64),
    /// `<v Name>` (the name, `None` if empty).
    Voice(Option<String>),
    /// `</v>`
    VoiceEnd,
    /// `<rt>` (true) or `</rt>` (false): ruby text, a reading aid, left out.
    RubyText(bool),
    /// Styling and anything else: removed, its content kept.
    Other,
}

/// The tag starting at `s` (which starts with `<`): its inside and the text after it, when it
/// looks like markup: a letter, `/` or digit right after `<`, and a `>` on the same line.
fn tag_at(s: &str) -> Option<(&str, &str)> {
    let first = s[1..].chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first.is_ascii_digit()) {
        return None;
    }
    let window = head(s, MAX_TAG_LEN);
    let close = window.find('>')?;
    if window[1..close].contains('<') {
        return None;
    }
    Some((&s[1..close], &s[close + 1..]))
}

/// Reads a tag's inside (`c.yellow`, `v Bob`, `00:00:01.000`, `/i`).
fn read_tag(tag: &str) -> Tag {
    if tag.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_whole_timestamp(tag.trim()).map_or(Tag::Other, Tag::Time);
    }
    let (closing, tag) = match tag.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, tag),
    };
    let name_end = tag
        .find(|c: char| c.is_whitespace() || c == '.')
        .unwrap_or(tag.len());
    let name = &tag[..name_end];
    match (name.to_ascii_lowercase().as_str(), closing) {
        ("v", false) => {
            let annotation = tag[name_end..]
                .trim_start_matches(|c: char| !c.is_whitespace())
                .trim();
            Tag::Voice(speaker_name(annotation))
        }
        ("v", true) => Tag::VoiceEnd,
        ("rt", open) => Tag::RubyText(!open),
        _ => Tag::Other,
    }
}

/// A voice's annotation as a speaker's name: words apart by one space, without colons (they
/// would end the label early), control characters or soft hyphens; `None` if nothing is left.
fn speaker_name(annotation: &str) -> Option<String> {
    let cleaned: String = annotation
        .chars()
        .filter(|&c| (c.is_whitespace() || !c.is_control()) && c != ':' && c != '\u{AD}')
        .collect();
    let name = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

/// The character of an HTML character reference at the start of `s` (`&amp;`, `&#233;`,
/// `&#xE9;`) and the text after it; `None` for an `&` that starts none.
fn character_reference(s: &str) -> Option<(char, &str)> {
    let window = head(s, 12);
    let semicolon = window.find(';')?;
    let name = &s[1..semicolon];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, &s[semicolon + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> CueLine {
        read_cue_lines(&[s]).remove(0)
    }

    #[test]
    fn inline_timestamps_split_pieces() {
        let l = line("hello<00:00:00.480><c> everyone</c><00:00:00.780><c> and</c>");
        assert_eq!(
            l.pieces,
            [
                Piece {
                    text: "hello".into(),
                    millis: None
                },
                Piece {
                    text: " everyone".into(),
                    millis: Some(480)
                },
                Piece {
                    text: " and".into(),
                    millis: Some(780)
                },
            ]
        );
        assert_eq!(l.plain(), "hello everyone and");
    }

    #[test]
    fn styling_ruby_entities_and_positioning() {
        assert_eq!(
            line("<i>Tom &amp; Jerry</i> &lt;3").text(),
            "Tom & Jerry <3"
        );
        assert_eq!(
            line("<c.yellow.bg_blue>yes</c> <b>no</b> <u>maybe</u>").text(),
            "yes no maybe"
        );
        assert_eq!(
            line("<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>").text(),
            "漢字"
        );
        assert_eq!(
            line("{\\an8}<font color=\"#ffff00\">Top</font>").text(),
            "Top"
        );
        assert_eq!(
            line("<lang en-GB>colour</lang>&#39;s &#x263A; &bogus; a & b").text(),
            "colour's ☺ &bogus; a & b"
        );
        assert_eq!(line("3 < 5 and 5 > 3").text(), "3 < 5 and 5 > 3");
        assert_eq!(line("&nbsp;x&").text(), " x&");
    }

    #[test]
    fn voices_span_lines_until_closed() {
        let lines = read_cue_lines(&[
            "<v.loud Roger Bingham>We are in",
            "New York City</v>",
            "after",
        ]);
        assert_eq!(lines[0].voice.as_deref(), Some("Roger Bingham"));
        assert_eq!(lines[0].text(), "We are in");
        assert_eq!(lines[1].voice.as_deref(), Some("Roger Bingham"));
        assert_eq!(lines[2].voice, None);
        assert_eq!(line("<v>anonymous").voice, None);
        assert_eq!(
            line("<v Sen\u{1}\0ator: Hol\u{AD}lis\tJr>x")
                .voice
                .as_deref(),
            Some("Senator Hollis Jr")
        );
        assert_eq!(line("<v \u{1}:>x").voice, None);
    }

    #[test]
    fn retain_chars_counts_over_the_whole_line() {
        let mut l = line("ab<00:00:01.000>cd");
        l.retain_chars(|i, _| i != 1 && i != 2);
        assert_eq!(l.text(), "ad");
        assert_eq!(l.pieces[1].millis, Some(1000));
    }
}
