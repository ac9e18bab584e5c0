//! `claimdesk check REVIEW`: validate a review and summarise it.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_model::ClaimStatus;
use claimdesk_model::format::load_file;

/// Arguments of `check`.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// The review file (.claimdesk).
    pub review: PathBuf,
}

/// Loads the review; prints claims per status and orphans. Any warning (re-anchored claim,
/// orphan, bad hash) is a problem: exit 1 with the first one on stderr.
pub fn run(args: &CheckArgs) -> ExitCode {
    let loaded = match load_file(&args.review) {
        Ok(l) => l,
        Err(e) => return super::fail(&args.review, e),
    };
    let review = &loaded.review;
    let counts = review.counts();
    println!("{}: {}", args.review.display(), review.article.title);
    println!("  claims: {}", review.claims().len());
    for status in ClaimStatus::ALL {
        println!("  {}: {}", status.as_str(), counts[status as usize]);
    }
    println!("  orphans: {}", review.orphan_count());
    match loaded.warnings.first() {
        None => ExitCode::SUCCESS,
        Some(first) => {
            let more = loaded.warnings.len() - 1;
            let suffix = if more > 0 {
                format!(" (and {more} more problems)")
            } else {
                String::new()
            };
            super::fail(&args.review, format!("{first}{suffix}"))
        }
    }
}
