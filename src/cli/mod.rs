//! Headless subcommands. Each prints results on stdout, one-line errors naming the file on
//! stderr, and returns exit code 0 on success, 1 on any problem.

pub mod check;
pub mod compare;
pub mod completions;
pub mod export;
pub mod git_setup;
pub mod library;
pub mod library_archive;
pub mod library_scan;
pub mod man;
pub mod merge;
pub mod new;
pub mod new_address;
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

/// Imports the article at `path`, decoded with `encoding` (a WHATWG label) if given; a failure
/// is reported as [`fail`] does.
pub fn import_or_fail(
    path: &Path,
    encoding: Option<&str>,
) -> Result<claimdesk_import::Imported, ExitCode> {
    let options = claimdesk_import::ImportOptions {
        encoding: encoding.map(str::to_owned),
        ..Default::default()
    };
    claimdesk_import::import_article(path, &options).map_err(|e| fail(path, e))
}

/// Lets a closed standard output end the process quietly, as it ends `cat` or `grep`
/// (`claimdesk suggest --all … | head`). Rust ignores SIGPIPE, so printing to a reader that went
/// away would panic with "failed printing to stdout"; the default action ends the process
/// without a message instead. Only for the command line: the GUI never writes to a pipe.
pub fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread is spawned; setting a signal's
    // disposition to its default has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
