//! Fuzzes every importer: plain text, web page, Markdown (see
//! `claimdesk_import::fuzzing::check_import`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdesk_import::fuzzing::check_import(data));
