//! Fuzzes every exporter (see `claimdesk_reports::fuzzing::check_exports`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdesk_reports::fuzzing::check_exports(data));
