//! The real `claimdesk` binary, run as a user or a script would: arguments in, exit code,
//! stdout, stderr and written files checked. One test binary for every CLI suite (one link
//! instead of nine); each module is one suite.

#[path = "../common/mod.rs"]
mod common;

mod bad_inputs;
mod binary;
mod check;
mod crash_recovery;
mod documents;
mod export;
mod import_update;
mod library;
mod man_completions;
mod suggest;
mod team;
