//! `claimdesk library …`: the claim archive from the command line — add, list and remove
//! sources, rebuild the index, search it ("has this been checked before?") and scan an article
//! against it (`library_scan`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_archive::{Archive, ArchiveError, Refresh, SearchHit};

use super::library_archive::{known_fields, origin, report, searcher};

/// Arguments of `library`.
#[derive(clap::Args)]
pub struct LibraryArgs {
    /// The data folder holding the library and its index (default: $CLAIMDESK_DATA_DIR, else
    /// the platform's data folder).
    #[arg(long, global = true, value_name = "FOLDER")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: LibraryCommand,
}

/// What to do with the library.
#[derive(clap::Subcommand)]
pub enum LibraryCommand {
    /// Add folders (of .claimdesk reviews, ClaimReview .json/.jsonld, saved .html pages) or files.
    Add {
        /// Folders or files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the sources with their claim and file counts.
    List,
    /// Remove a source (its claims leave the index).
    Remove {
        /// The folder or file, as added.
        path: PathBuf,
    },
    /// Rebuild the index from scratch, reading every file again.
    Reindex,
    /// Search the archive; print the best matches first.
    Search(SearchArgs),
    /// Check every sentence of an article or review against the archive; print the sentences
    /// that repeat a claim checked before, the most confident first, with their matches.
    Scan(super::library_scan::ScanArgs),
}

/// Arguments of `library search`.
#[derive(clap::Args)]
pub struct SearchArgs {
    /// The claim to look for (a sentence, a pasted tweet); several words are joined.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// Print the matches as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// How many matches at most.
    #[arg(long, default_value_t = 5)]
    pub limit: usize,
}

/// Runs a `library` subcommand.
pub fn run(args: &LibraryArgs) -> ExitCode {
    let archive = match &args.data_dir {
        Some(dir) => Archive::in_data_dir(dir),
        None => match Archive::platform() {
            Ok(a) => a,
            Err(e) => return fail_line(e),
        },
    };
    let result = match &args.command {
        LibraryCommand::Add { paths } => add(&archive, paths),
        LibraryCommand::List => list(&archive),
        LibraryCommand::Remove { path } => remove(&archive, path),
        LibraryCommand::Reindex => reindex(&archive),
        LibraryCommand::Search(s) => search(&archive, s),
        LibraryCommand::Scan(s) => super::library_scan::scan(&archive, s),
    };
    result.unwrap_or_else(fail_line)
}

type Outcome = Result<ExitCode, ArchiveError>;

fn add(archive: &Archive, paths: &[PathBuf]) -> Outcome {
    let added = archive.add(paths)?;
    for path in &added {
        println!("added {}", path.display());
    }
    if added.len() < paths.len() {
        println!("{} already in the library", paths.len() - added.len());
    }
    let refresh = archive.refresh()?;
    report(archive, &refresh);
    println!("{}", totals(&refresh));
    Ok(ExitCode::SUCCESS)
}

fn list(archive: &Archive) -> Outcome {
    if archive.library()?.sources.is_empty() {
        eprintln!("claimdesk: the library is empty; add sources with `claimdesk library add PATH`");
        return Ok(ExitCode::SUCCESS);
    }
    let refresh = archive.refresh()?;
    report(archive, &refresh);
    for s in &refresh.sources {
        let mut line = format!(
            "{}\t{} claims in {} files",
            s.path.display(),
            s.claims,
            s.files
        );
        if s.files_with_problems > 0 {
            line.push_str(&format!(", {} with problems", s.files_with_problems));
        }
        if !s.present {
            line.push_str(", gone");
        }
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

fn remove(archive: &Archive, path: &Path) -> Outcome {
    if !archive.remove(path)? {
        return Ok(super::fail(path, "not in the library"));
    }
    println!("removed {}", path.display());
    let refresh = archive.refresh()?;
    report(archive, &refresh);
    println!("{}", totals(&refresh));
    Ok(ExitCode::SUCCESS)
}

fn reindex(archive: &Archive) -> Outcome {
    let refresh = archive.rebuild()?;
    report(archive, &refresh);
    println!("{}", totals(&refresh));
    Ok(ExitCode::SUCCESS)
}

fn search(archive: &Archive, args: &SearchArgs) -> Outcome {
    let Some(searcher) = searcher(archive)? else {
        return Ok(ExitCode::from(1));
    };
    let hits = searcher.search(&args.text.join(" "), args.limit)?;
    if args.json {
        let json = serde_json::to_string_pretty(&hits).expect("hits serialise");
        println!("{json}");
    } else {
        hits.iter().for_each(print_hit);
    }
    Ok(ExitCode::SUCCESS)
}

/// One match: score and claim on the first line, then what is known about it.
fn print_hit(hit: &SearchHit) {
    println!("{:.3}\t{}", hit.score, hit.claim.text);
    let known = known_fields(hit);
    if !known.is_empty() {
        println!("\t{known}");
    }
    println!("\t{}", origin(hit));
}

fn totals(refresh: &Refresh) -> String {
    let files: usize = refresh.sources.iter().map(|s| s.files).sum();
    format!(
        "{} claims from {} files in {} sources ({} read, {} unchanged, {} removed)",
        refresh.searcher.len(),
        files,
        refresh.sources.len(),
        refresh.counts.read,
        refresh.counts.unchanged,
        refresh.counts.removed
    )
}

fn fail_line(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("claimdesk: {e}");
    ExitCode::from(1)
}
