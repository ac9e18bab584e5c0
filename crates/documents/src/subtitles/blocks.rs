//! A subtitle file split into cues: each timing line (`start --> end`) starts a cue whose text
//! runs to the next blank line. Also reads the WebVTT header (`Language:`), skips NOTE, STYLE
//! and REGION blocks, and copes with files that forget the blank line between cues.

use super::timing::parse_timing_line;

/// Which format's block rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// SubRip: a line of only spaces ends a cue too.
    Srt,
    /// WebVTT: only an empty line ends a cue (YouTube writes cue lines of one space).
    Vtt,
}

/// One cue as written: its times and its raw text lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawCue<'a> {
    /// Milliseconds from the start of the media.
    pub start: u64,
    /// Milliseconds from the start of the media (not before `start`).
    pub end: u64,
    /// The cue's text lines, markup and all.
    pub lines: Vec<&'a str>,
}

/// The cues of a file, in start order, and what was found around them.
#[derive(Debug, Default)]
pub(crate) struct Blocks<'a> {
    /// Cues sorted by start time (stable: cues starting together keep their order).
    pub cues: Vec<RawCue<'a>>,
    /// The `Language:` value of a WebVTT header.
    pub language: Option<String>,
    /// Timing lines that could not be read; their cues are skipped.
    pub unreadable: usize,
}

/// Splits `text` (newlines already `\n`, no byte-order mark) into cues.
pub(crate) fn split_cues(text: &str, flavor: Flavor) -> Blocks<'_> {
    let mut blocks = Blocks::default();
    let mut lines = text.split('\n').peekable();
    if flavor == Flavor::Vtt && lines.peek().is_some_and(|l| l.starts_with("WEBVTT")) {
        lines.next();
        while let Some(line) = lines.next_if(|l| !l.is_empty() && !l.contains("-->")) {
            if let Some(value) = line.strip_prefix("Language:") {
                let value = value.trim();
                if !value.is_empty() {
                    blocks.language = Some(value.to_owned());
                }
            }
        }
    }
    let mut current: Option<RawCue> = None;
    for line in lines {
        let blank = match flavor {
            Flavor::Srt => line.trim().is_empty(),
            Flavor::Vtt => line.is_empty(),
        };
        if blank {
            blocks.cues.extend(current.take());
        } else if line.contains("-->") {
            if let Some(mut cue) = current.take() {
                // No blank line before this cue: a number just above it is its index.
                if cue.lines.last().is_some_and(|l| is_index(l)) {
                    cue.lines.pop();
                }
                blocks.cues.push(cue);
            }
            match parse_timing_line(line) {
                Some((start, end)) => {
                    current = Some(RawCue {
                        start,
                        end,
                        lines: Vec::new(),
                    })
                }
                None => blocks.unreadable += 1,
            }
        } else if let Some(cue) = current.as_mut() {
            cue.lines.push(line);
        }
        // Lines outside a cue are left out: cue identifiers, SubRip indexes, NOTE, STYLE and
        // REGION blocks (none holds a timing line), the text of a cue whose timing was
        // unreadable.
    }
    blocks.cues.extend(current);
    blocks.cues.sort_by_key(|c| c.start);
    blocks
}

/// A SubRip index line: digits only.
fn is_index(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}
