//! Rolling captions (YouTube auto-captions, live TV roll-up): each cue repeats the line the
//! previous cue showed before adding new words, and YouTube follows each cue with a 10 ms
//! "hold" cue that repeats the finished line. Merging keeps every spoken line once.
//!
//! A file counts as rolling when at least a quarter of its cues (and at least two) start with
//! the last line of the cue before. Only then are repeated lines dropped: in other files two
//! cues saying the same thing ("No." / "No.") are two things said.

use std::collections::VecDeque;

use super::markup::{Cue, CueLine};

/// How many of the lines last kept a cue may repeat.
const HISTORY: usize = 4;

/// True when the cues roll: enough cues start with the previous cue's last line, whole or
/// grown by new words.
pub(crate) fn is_rolling(cues: &[Cue]) -> bool {
    let mut repeats = 0;
    let mut previous_last: Option<String> = None;
    for cue in cues {
        let Some(first) = cue.lines.first() else {
            continue;
        };
        let first = first.plain();
        if let Some(last) = &previous_last
            && (first == *last || first.starts_with(&format!("{last} ")))
        {
            repeats += 1;
        }
        previous_last = cue.lines.last().map(CueLine::plain);
    }
    repeats >= 2 && repeats * 4 >= cues.len()
}

/// Drops each cue's leading lines that repeat the lines last kept, and the repeated start of a
/// line that grows the last kept line by new words. Cues left without lines (hold cues) are
/// removed. Returns how many lines were dropped or cut.
pub(crate) fn merge_rolling(cues: &mut Vec<Cue>) -> usize {
    let mut history: VecDeque<String> = VecDeque::with_capacity(HISTORY + 2);
    let mut merged = 0;
    for cue in cues.iter_mut() {
        let plains: Vec<String> = cue.lines.iter().map(CueLine::plain).collect();
        let repeated = (1..=plains.len().min(history.len()))
            .rev()
            .find(|&k| {
                history
                    .iter()
                    .skip(history.len() - k)
                    .eq(plains[..k].iter())
            })
            .unwrap_or(0);
        cue.lines.drain(..repeated);
        merged += repeated;
        if let (Some(first), Some(last)) = (cue.lines.first_mut(), history.back())
            && plains[repeated].starts_with(&format!("{last} "))
        {
            drop_leading_words(first, last.split(' ').count());
            merged += 1;
        }
        for plain in plains.into_iter().skip(repeated) {
            if history.len() == HISTORY {
                history.pop_front();
            }
            history.push_back(plain);
        }
    }
    cues.retain(|c| !c.lines.is_empty());
    merged
}

/// Removes the first `words` whitespace-separated words of `line` and the spaces after them.
fn drop_leading_words(line: &mut CueLine, words: usize) {
    let mut seen = 0;
    let mut in_word = false;
    let mut cut = usize::MAX;
    for (i, c) in line.text().chars().enumerate() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            seen += 1;
            if seen > words {
                cut = i;
                break;
            }
        }
    }
    line.retain_chars(|i, _| i >= cut);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subtitles::blocks::RawCue;
    use crate::subtitles::markup::read_cue;

    fn cue(start: u64, end: u64, lines: &[&str]) -> Cue {
        read_cue(&RawCue {
            start,
            end,
            lines: lines.to_vec(),
        })
    }

    fn kept(cues: &[Cue]) -> Vec<String> {
        cues.iter()
            .flat_map(|c| c.lines.iter().map(CueLine::plain))
            .collect()
    }

    #[test]
    fn youtube_rolling_and_hold_cues_keep_each_line_once() {
        let mut cues = vec![
            cue(30, 2470, &[" ", "hello<00:00:00.480><c> everyone</c>"]),
            cue(2470, 2480, &["hello everyone", " "]),
            cue(
                2480,
                5210,
                &[
                    "hello everyone",
                    "to<00:00:03.480><c> the</c><00:00:03.600><c> show</c>",
                ],
            ),
            cue(5210, 5220, &["to the show", " "]),
            cue(5220, 7000, &["to the show", "thanks"]),
        ];
        assert!(is_rolling(&cues));
        assert_eq!(merge_rolling(&mut cues), 4);
        assert_eq!(kept(&cues), ["hello everyone", "to the show", "thanks"]);
        assert_eq!(cues.len(), 3);
        assert_eq!(cues[1].lines[0].pieces[1].millis, Some(3480));
    }

    #[test]
    fn growing_lines_keep_only_the_new_words() {
        let mut cues = vec![
            cue(0, 1000, &["the budget"]),
            cue(1000, 2000, &["the budget grew by"]),
            cue(2000, 3000, &["the budget grew by 4 percent"]),
        ];
        assert!(is_rolling(&cues));
        merge_rolling(&mut cues);
        assert_eq!(kept(&cues), ["the budget", "grew by", "4 percent"]);
    }

    #[test]
    fn ordinary_captions_are_not_rolling() {
        let cues = vec![
            cue(0, 1000, &["No."]),
            cue(1000, 2000, &["No.", "I said no."]),
            cue(2000, 3000, &["Fine."]),
            cue(3000, 4000, &["Then go."]),
            cue(4000, 5000, &["Later."]),
        ];
        assert!(!is_rolling(&cues));
    }
}
