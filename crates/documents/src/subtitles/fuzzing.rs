//! The property the `read_subtitles` fuzz target (`fuzz/`) checks, shared with `cargo test`,
//! which replays the fuzz corpus through it.

use crate::office::fuzzing::assert_stored_form;

use super::{read_srt, read_subtitles, read_vtt};

/// Any bytes (read as UTF-8, bad sequences replaced) give subtitles or an error, never a
/// panic; subtitles read are normalised text whose every stretch has a time, from the first
/// char on.
pub fn check_subtitles(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for doc in [read_srt(&text), read_vtt(&text), read_subtitles(&text)]
        .into_iter()
        .flatten()
    {
        assert_stored_form(&doc);
        assert_eq!(doc.times.first().map(|t| t.start), Some(0), "untimed start");
        assert!(doc.pages.is_empty());
    }
}
