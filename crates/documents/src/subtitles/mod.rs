//! Subtitles (`.srt`, `.vtt`) read into a transcript with media times: cues joined into
//! running text and sentences, rolling auto-captions merged, markup and sound descriptions
//! left out, speakers' turns written as paragraphs starting `Name: ` (the form Claimdesk's
//! transcript detection reads), and [`Extracted::times`] giving the time of every stretch.
//!
//! The callers decode the file's bytes to text first (legacy encodings included).

mod blocks;
pub mod fuzzing;
mod markup;
mod rolling;
mod running_text;
mod timing;
mod turns;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::{DocumentFacts, Extracted, ReadError};

use blocks::{Flavor, split_cues};
use markup::{Cue, read_cue};
use rolling::{is_rolling, merge_rolling};
use running_text::{RunningText, ends_sentence};
use turns::{TurnMark, find_label, strip_sound_descriptions, take_turn_mark};

/// Largest subtitle text read, in bytes (a two-hour auto-caption file is about 2 MB).
pub const MAX_SUBTITLE_BYTES: usize = 64 * 1024 * 1024;

const SRT: &str = "SubRip subtitle (.srt)";
const VTT: &str = "WebVTT subtitle (.vtt)";

/// Reads SubRip subtitles (`1`, `00:00:01,000 --> 00:00:04,000`, text, blank line).
pub fn read_srt(text: &str) -> Result<Extracted, ReadError> {
    read(text, Flavor::Srt)
}

/// Reads WebVTT subtitles (`WEBVTT` header, cues, NOTE/STYLE/REGION blocks), YouTube's
/// auto-captions included.
pub fn read_vtt(text: &str) -> Result<Extracted, ReadError> {
    read(text, Flavor::Vtt)
}

/// Reads subtitles of either format: WebVTT when the text starts with `WEBVTT`, SubRip
/// otherwise.
pub fn read_subtitles(text: &str) -> Result<Extracted, ReadError> {
    if text.trim_start_matches('\u{FEFF}').starts_with("WEBVTT") {
        read_vtt(text)
    } else {
        read_srt(text)
    }
}

fn read(text: &str, flavor: Flavor) -> Result<Extracted, ReadError> {
    let kind = match flavor {
        Flavor::Srt => SRT,
        Flavor::Vtt => VTT,
    };
    if text.len() > MAX_SUBTITLE_BYTES {
        return Err(ReadError::TooLarge {
            kind,
            detail: format!(
                "it holds {} MB of text; Claimdesk reads subtitles up to {} MB",
                text.len() / (1024 * 1024),
                MAX_SUBTITLE_BYTES / (1024 * 1024)
            ),
        });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let blocks = split_cues(&text, flavor);
    if blocks.cues.is_empty() {
        return Err(no_cues(kind, blocks.unreadable));
    }
    let mut cues: Vec<Cue> = blocks.cues.iter().map(read_cue).collect();
    let merged = if is_rolling(&cues) {
        merge_rolling(&mut cues)
    } else {
        0
    };
    let mut sounds = false;
    for cue in &mut cues {
        for line in &mut cue.lines {
            sounds |= strip_sound_descriptions(line);
        }
        cue.lines.retain(|l| !l.plain().is_empty());
    }
    let (text, times) = write_running_text(&mut cues);
    if text.is_empty() {
        return Err(ReadError::Empty { kind });
    }
    Ok(Extracted {
        text,
        facts: DocumentFacts {
            language: blocks.language,
            ..DocumentFacts::default()
        },
        pages: Vec::new(),
        times,
        notes: notes(merged, sounds, blocks.unreadable),
    })
}

/// The error for a file without a readable cue.
fn no_cues(kind: &'static str, unreadable: usize) -> ReadError {
    if unreadable > 0 {
        ReadError::Broken {
            kind,
            detail: format!(
                "none of its {unreadable} cue times could be read (they should look like 00:00:01,000 --> 00:00:04,000)"
            ),
        }
    } else {
        ReadError::NotThisKind {
            expected: kind,
            detail: "it has no cue times (lines like 00:00:01,000 --> 00:00:04,000)".to_owned(),
        }
    }
}

/// Writes the cues as running text with speakers' turns.
fn write_running_text(cues: &mut [Cue]) -> (String, Vec<crate::TimedText>) {
    let recurring = recurring_title_case_labels(cues);
    let mut writer = RunningText::new(is_punctuated(cues));
    for cue in cues {
        writer.start_cue(cue.start);
        for line in &mut cue.lines {
            match take_turn_mark(line, |name| recurring.contains_key(name)) {
                TurnMark::Continue => {
                    if let Some(voice) = &line.voice {
                        writer.voice(voice);
                    }
                }
                mark => writer.turn(mark),
            }
            for piece in &line.pieces {
                writer.write(&piece.text, piece.millis.unwrap_or(cue.start));
            }
            writer.end_line();
        }
        writer.end_cue(cue.end);
    }
    writer.finish()
}

/// Title-case labels (`Rachel Maddow:`) that start two lines or more: only these count as
/// speakers, so a lone `Note:` does not.
fn recurring_title_case_labels(cues: &[Cue]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in cues.iter().flat_map(|c| &c.lines) {
        if let Some(label) = find_label(&line.text())
            && !label.capitals
        {
            *counts.entry(label.name).or_default() += 1;
        }
    }
    counts.retain(|_, n| *n >= 2);
    counts
}

/// True when the captions mark sentence ends: at least one per 30 words.
fn is_punctuated(cues: &[Cue]) -> bool {
    let (mut words, mut ends) = (0usize, 0usize);
    for line in cues.iter().flat_map(|c| &c.lines) {
        for word in line.plain().split(' ') {
            words += 1;
            ends += usize::from(ends_sentence(word));
        }
    }
    ends > 0 && ends * 30 >= words
}

/// Notes for the user on what was merged or left out.
fn notes(merged: usize, sounds: bool, unreadable: usize) -> Vec<String> {
    let mut notes = Vec::new();
    if merged > 0 {
        notes.push(
            "Rolling captions were merged: lines that the next caption repeats, and the short \
             captions that hold a finished line, were kept once."
                .to_owned(),
        );
    }
    if sounds {
        notes.push(
            "Sound descriptions such as [Music], (APPLAUSE) and sung lyrics (♪) were left out."
                .to_owned(),
        );
    }
    if unreadable > 0 {
        notes.push(format!(
            "{unreadable} caption{} with unreadable times {} left out.",
            if unreadable == 1 { "" } else { "s" },
            if unreadable == 1 { "was" } else { "were" }
        ));
    }
    notes
}
