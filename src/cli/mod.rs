//! Headless subcommands. Each prints results on stdout, one-line errors naming the file on
//! stderr, and returns exit code 0 on success, 1 on any problem.

pub mod check;
pub mod completions;
pub mod export;
pub mod library;
pub mod man;
pub mod new;
pub mod suggest;
pub mod train_suggester;
pub mod update;

use std::path::Path;
use std::process::ExitCode;

/// Prints `claimdesk: FILE: message` on stderr and returns exit code 1.
pub fn fail(path: &Path, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("claimdesk: {}: {message}", path.display());
    ExitCode::from(1)
}
