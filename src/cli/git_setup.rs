//! `claimdesk git-setup [REPO]`: makes git merge reviews with `claimdesk merge`. Writes the
//! `.gitattributes` line (`*.claimdesk merge=claimdesk`, versioned, so everyone cloning gets
//! it) and the driver into the repository's own config (not versioned, so each clone runs
//! this once), then says what it did.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use claimdesk_model::atomic::write_atomic;

/// The `.gitattributes` line.
pub const ATTRIBUTES_LINE: &str = "*.claimdesk merge=claimdesk";

/// Arguments of `git-setup`.
#[derive(clap::Args)]
pub struct GitSetupArgs {
    /// A folder inside the git repository (default: the current folder).
    #[arg(default_value = ".")]
    pub repo: PathBuf,
}

/// Finds the repository's top, writes `.gitattributes` and the driver config.
pub fn run(args: &GitSetupArgs) -> ExitCode {
    let top = match git(&args.repo, &["rev-parse", "--show-toplevel"]) {
        Ok(out) => PathBuf::from(out.trim()),
        Err(e) => return super::fail(&args.repo, format!("is not in a git repository ({e})")),
    };
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => return super::fail(&args.repo, format!("cannot find claimdesk itself: {e}")),
    };
    let driver = format!("{} merge %O %A %B -o %A", shell_quote(&exe));
    for (key, value) in [
        (
            "merge.claimdesk.name",
            "Claimdesk review merge (by claim id, field by field)",
        ),
        ("merge.claimdesk.driver", driver.as_str()),
    ] {
        if let Err(e) = git(&top, &["config", "--local", key, value]) {
            return super::fail(&top, format!("cannot set {key}: {e}"));
        }
    }
    let attributes = top.join(".gitattributes");
    let added = match add_attributes_line(&attributes) {
        Ok(added) => added,
        Err(e) => return super::fail(&attributes, e),
    };
    println!("In {}:", top.display());
    if added {
        println!("  added \"{ATTRIBUTES_LINE}\" to .gitattributes (commit it so others get it)");
    } else {
        println!("  .gitattributes already had \"{ATTRIBUTES_LINE}\"");
    }
    println!(
        "  set merge.claimdesk.driver = {driver} (in .git/config: run git-setup in each clone)"
    );
    println!(
        "git now merges .claimdesk files by claim id; a claim both branches changed differently \
         is a conflict recorded in the file: open it in Claimdesk to resolve, then commit."
    );
    ExitCode::SUCCESS
}

/// Appends the attributes line unless present; true if it was added.
fn add_attributes_line(path: &Path) -> Result<bool, String> {
    let current = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    if current.lines().any(|l| l.trim() == ATTRIBUTES_LINE) {
        return Ok(false);
    }
    let mut text = current;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(ATTRIBUTES_LINE);
    text.push('\n');
    write_atomic(path, text.as_bytes()).map_err(|e| format!("cannot write: {e}"))?;
    Ok(true)
}

/// Runs git in `dir`; its stdout, or its stderr's first line as the error.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err.lines().next().unwrap_or("git failed").to_owned())
    }
}

/// `path` single-quoted for the shell git runs the driver with.
fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}
