//! Claimdesk's entry point: parses the command line, then starts the GUI or runs a subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// A desktop fact-checking workbench: mark claims in an article as asserted, disputed or under
/// investigation, save the review, export reports.
#[derive(Parser)]
#[command(name = "claimdesk", version, about, long_about = None)]
struct Args {
    /// Articles (.txt, .html, .md) to start reviews of, or reviews (.claimdesk) to reopen: one
    /// window each.
    files: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a review and print a summary (claims per status, orphans). Exit 1 on any problem.
    Check(claimdesk::cli::check::CheckArgs),
    /// Compare two analysts' reviews of one article: matched claims and agreement figures.
    Compare(claimdesk::cli::compare::CompareArgs),
    /// Write a report of a review: html, pdf, markdown, csv, claimreview or webannotation.
    Export(claimdesk::cli::export::ExportArgs),
    /// The claim archive: add sources, list, remove, reindex, and search what was checked before.
    Library(claimdesk::cli::library::LibraryArgs),
    /// Three-way merge of reviews by claim id (git's merge driver); exit 1 if conflicts remain.
    Merge(claimdesk::cli::merge::MergeArgs),
    /// Make git merge .claimdesk files with `claimdesk merge` in this repository.
    GitSetup(claimdesk::cli::git_setup::GitSetupArgs),
    /// Create a review from an article (.txt in any encoding, .html, .md) without the window.
    New(claimdesk::cli::new::NewArgs),
    /// List the sentences worth checking in an article or review, best first, with reasons.
    Suggest(claimdesk::cli::suggest::SuggestArgs),
    /// Train a check-worthiness model from saved reviews (use it with `suggest --model`).
    TrainSuggester(claimdesk::cli::train_suggester::TrainSuggesterArgs),
    /// Re-anchor a review's claims on a new text of its article; keep the old text as a version.
    Update(claimdesk::cli::update::UpdateArgs),
    /// Print the manual page (roff), or write one page per subcommand with --dir.
    Man(claimdesk::cli::man::ManArgs),
    /// Print a shell completion script: bash, zsh, fish, elvish or powershell.
    Completions(claimdesk::cli::completions::CompletionsArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.command.is_some() {
        claimdesk::cli::end_quietly_on_closed_pipe();
    }
    match args.command {
        Some(Command::Check(a)) => claimdesk::cli::check::run(&a),
        Some(Command::Compare(a)) => claimdesk::cli::compare::run(&a),
        Some(Command::Export(a)) => claimdesk::cli::export::run(&a),
        Some(Command::Library(a)) => claimdesk::cli::library::run(&a),
        Some(Command::Merge(a)) => claimdesk::cli::merge::run(&a),
        Some(Command::GitSetup(a)) => claimdesk::cli::git_setup::run(&a),
        Some(Command::New(a)) => claimdesk::cli::new::run(&a),
        Some(Command::Suggest(a)) => claimdesk::cli::suggest::run(&a),
        Some(Command::TrainSuggester(a)) => claimdesk::cli::train_suggester::run(&a),
        Some(Command::Update(a)) => claimdesk::cli::update::run(&a),
        Some(Command::Man(a)) => claimdesk::cli::man::run(&a, Args::command()),
        Some(Command::Completions(a)) => claimdesk::cli::completions::run(&a, Args::command()),
        None => claimdesk::gui::run(args.files),
    }
}
