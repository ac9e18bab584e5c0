//! `claimdesk merge BASE OURS THEIRS [-o OUT]`: three-way merge of reviews by claim id, field by
//! field (core `merge`). Exit 0 when clean, 1 when conflicts remain (they are recorded in the
//! written review, which Claimdesk opens with a conflicts list) or on an error. This is git's
//! merge driver contract: `claimdesk merge %O %A %B -o %A` (see `claimdesk git-setup`).

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_model::Review;
use claimdesk_model::format::{load_file, save_file, to_json};
use claimdesk_team::merge::merge;

/// Arguments of `merge`.
#[derive(clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A; the result goes here under git).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Write the merged review to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Loads the three reviews, merges, writes the result; conflicts are listed on stderr.
pub fn run(args: &MergeArgs) -> ExitCode {
    let mut reviews = Vec::with_capacity(2);
    for path in [&args.ours, &args.theirs] {
        match load_file(path) {
            Ok(l) => reviews.push(l.review),
            Err(e) => return super::fail(path, e),
        }
    }
    let base = match load_base(&args.base, &reviews[0]) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let merged = merge(&base, &reviews[0], &reviews[1]);
    match &args.output {
        Some(out) => {
            if let Err(e) = save_file(out, &merged) {
                return super::fail(out, e);
            }
        }
        None => print!("{}", to_json(&merged)),
    }
    if merged.conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    let shown = args.output.as_ref().unwrap_or(&args.ours);
    eprintln!(
        "claimdesk: {}: {} merge conflicts; open the review in Claimdesk to resolve them:",
        shown.display(),
        merged.conflicts.len()
    );
    for c in &merged.conflicts {
        match &c.claim {
            Some(id) => eprintln!("  {id}: {}", c.describe()),
            None => eprintln!("  {}", c.describe()),
        }
    }
    ExitCode::from(1)
}

/// The common ancestor. Git passes an empty file when both branches added the review: then the
/// ancestor is our article with no claims, so every claim counts as added.
fn load_base(path: &std::path::Path, ours: &Review) -> Result<Review, ExitCode> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        return Ok(Review::new(ours.article.clone()));
    }
    load_file(path)
        .map(|l| l.review)
        .map_err(|e| super::fail(path, e))
}
