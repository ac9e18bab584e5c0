//! Claimdesk's entry point: parses the command line, then starts the GUI or runs a subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A desktop fact-checking workbench: mark claims in an article as asserted, disputed or under
/// investigation, save the review, export reports.
#[derive(Parser)]
#[command(name = "claimdesk", version, about, long_about = None)]
struct Args {
    /// An article (.txt, .md) to start a new review of, or a review (.claimdesk) to reopen.
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a review and print a summary (claims per status, orphans). Exit 1 on any problem.
    Check(claimdesk::cli::check::CheckArgs),
    /// Write a report of a review: html, markdown, csv, claimreview or webannotation.
    Export(claimdesk::cli::export::ExportArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Check(a)) => claimdesk::cli::check::run(&a),
        Some(Command::Export(a)) => claimdesk::cli::export::run(&a),
        None => claimdesk::gui::run(args.file),
    }
}
