//! Fuzzes the review loader (see `claimdesk_core::fuzzing::check_load`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdesk_core::fuzzing::check_load(data));
