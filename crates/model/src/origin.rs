//! Where an article's text was read from when it came from a document (a PDF, a Word or
//! OpenDocument file, subtitles), and the positions that document gives the text: where each
//! page starts, and when each stretch of a subtitle file is spoken.
//!
//! The article keeps these beside its text ([`crate::Article::origin`],
//! [`crate::Article::page_starts`], [`crate::Article::media_times`]); a claim's page and media
//! time are derived from its span, never stored per claim.

use serde::{Deserialize, Serialize};

/// The original file an article's text was extracted from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleOrigin {
    /// The file's name as it was imported (`budget-2024.pdf`), without its folder.
    #[serde(default)]
    pub file_name: String,
    /// Lowercase hex SHA-256 of the original file's bytes (not of the extracted text), so a
    /// reader can check a review was made from the very file they hold.
    #[serde(default)]
    pub sha256: String,
}

/// From this char offset on, the text is spoken at `millis` (until the next entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaTime {
    /// Char offset into the article text where the stretch starts.
    pub start: usize,
    /// Milliseconds from the start of the media.
    pub millis: u64,
}

/// Page starts made fit for a text of `len` chars: sorted, without duplicates or offsets past
/// the text, and starting at 0 (a first page always starts the text). Empty stays empty.
pub(crate) fn clean_page_starts(mut starts: Vec<usize>, len: usize) -> Vec<usize> {
    if starts.is_empty() {
        return starts;
    }
    starts.retain(|&s| s <= len);
    starts.sort_unstable();
    starts.dedup();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    starts
}

/// Media times made fit for a text of `len` chars: sorted by offset, without offsets past the
/// text, one entry per offset (the first kept).
pub(crate) fn clean_media_times(mut times: Vec<MediaTime>, len: usize) -> Vec<MediaTime> {
    times.retain(|t| t.start <= len);
    times.sort_by_key(|t| t.start);
    times.dedup_by_key(|t| t.start);
    times
}

/// The page (numbered from 1) holding char `offset`, given page starts; `None` without pages.
pub(crate) fn page_at(starts: &[usize], offset: usize) -> Option<u32> {
    if starts.is_empty() {
        return None;
    }
    let page = starts.partition_point(|&s| s <= offset).max(1);
    Some(u32::try_from(page).unwrap_or(u32::MAX))
}

/// The media time in milliseconds of char `offset`: the last entry at or before it, or the
/// first entry for text before any (a speaker label ahead of the first cue). `None` without
/// times.
pub(crate) fn millis_at(times: &[MediaTime], offset: usize) -> Option<u64> {
    let after = times.partition_point(|t| t.start <= offset);
    times.get(after.saturating_sub(1)).map(|t| t.millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_starts_are_sorted_deduplicated_bounded_and_start_at_zero() {
        assert_eq!(clean_page_starts(vec![40, 10, 10, 99], 50), [0, 10, 40]);
        assert_eq!(clean_page_starts(vec![0, 50], 50), [0, 50]);
        assert!(clean_page_starts(Vec::new(), 50).is_empty());
    }

    #[test]
    fn media_times_keep_the_first_time_of_an_offset_and_drop_those_past_the_text() {
        let t = |start, millis| MediaTime { start, millis };
        assert_eq!(
            clean_media_times(vec![t(20, 9), t(0, 1), t(20, 7), t(80, 3)], 50),
            [t(0, 1), t(20, 9)]
        );
    }

    #[test]
    fn a_position_takes_the_page_and_time_of_the_last_entry_not_after_it() {
        assert_eq!(page_at(&[0, 10, 20], 0), Some(1));
        assert_eq!(page_at(&[0, 10, 20], 10), Some(2));
        assert_eq!(page_at(&[0, 10, 20], 999), Some(3));
        assert_eq!(page_at(&[], 5), None);
        let times = [
            MediaTime {
                start: 5,
                millis: 1_000,
            },
            MediaTime {
                start: 30,
                millis: 4_500,
            },
        ];
        assert_eq!(millis_at(&times, 0), Some(1_000));
        assert_eq!(millis_at(&times, 29), Some(1_000));
        assert_eq!(millis_at(&times, 30), Some(4_500));
        assert_eq!(millis_at(&[], 3), None);
    }
}
