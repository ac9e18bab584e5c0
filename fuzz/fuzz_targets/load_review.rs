//! Fuzzes the review loader (see `claimdesk_model::fuzzing::check_load`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdesk_model::fuzzing::check_load(data));
