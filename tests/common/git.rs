//! Running git in a throwaway repository, isolated from the user's and the system's git
//! configuration (HOME points at the repository itself).

use std::path::Path;
use std::process::{Command, Output};

/// `git -C repo args…`, its output whatever its exit status.
pub fn git(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .output()
        .expect("git runs")
}

/// `git -C repo args…`, which must succeed.
pub fn git_ok(repo: &Path, args: &[&str]) {
    let out = git(repo, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
