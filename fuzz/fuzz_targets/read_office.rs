//! Fuzzes the Word and OpenDocument readers, on whole files and on document bodies wrapped in
//! an archive (see `claimdesk_documents::office::fuzzing::check_office`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdesk_documents::office::fuzzing::check_office(data));
