//! The real `claimdesk` binary, run as a user or a script would: arguments in, exit code,
//! stdout, stderr and written files checked. One test binary for every CLI suite (one link
//! instead of nine); each module is one suite.
//!
//! **Adding a CLI test:** put it in the suite of its subcommand (`check.rs`, `export.rs`,
//! `team.rs` for compare/merge/git-setup…), or a new module listed below for a new
//! subcommand. Run the binary only through [`harness`]:
//!
//! ```ignore
//! let dir = Dir::new();                                   // a temporary folder
//! let review = dir.write("r.claimdesk", text);             // inputs written into it
//! let out = claimdesk(["check"]).arg(&review).stdout();    // must succeed; its stdout
//! let err = claimdesk(["check"]).arg(&bad).assert_exit_code(1); // must exit 1; its stderr
//! let err = claimdesk(["export", "--format", "x"]).assert_err(); // any failure; its stderr
//! let out = claimdesk(["merge", b, o, t]).output_with_exit_code(1); // both streams
//! ```
//!
//! `.env(…)`, `.env_remove(…)`, `.current_dir(…)`, `.stdin(…)` and `.via(program, args)` (run
//! through `setpriv`, or `bash -c 'ulimit …; exec "$@"' bash`) set how it runs; `.output()`
//! gives the raw result and `.spawn(stdout, stderr)` a running process. A finisher that
//! sees the wrong outcome fails with the command, its status, its stdout and its stderr.

#[path = "../common/mod.rs"]
mod common;

mod bad_inputs;
mod check;
mod crash_recovery;
mod documents;
mod export;
mod harness;
mod import_update;
mod library;
mod library_scan;
mod man_completions;
mod new_address;
mod suggest;
mod team;
