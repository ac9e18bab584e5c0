//! Fuzzes the SubRip and WebVTT readers (see
//! `claimdesk_documents::subtitles::fuzzing::check_subtitles`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    claimdesk_documents::subtitles::fuzzing::check_subtitles(data)
});
