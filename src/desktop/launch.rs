//! Opening the files the app was started with. A file manager starts `claimdesk %F` with every
//! selected file; Claimdesk shows one review per window, so the first file opens in this
//! process's window and each further file in a new Claimdesk process — a window each.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Starts one new window for every file after the first and returns the first (for this
/// window) with one message per file that could not be given a window. `spawn` starts a window
/// on one absolute path; [`spawn_window`] is the real one.
pub fn open_each(
    files: Vec<PathBuf>,
    mut spawn: impl FnMut(&Path) -> io::Result<()>,
) -> (Option<PathBuf>, Vec<String>) {
    let mut files = files.into_iter();
    let first = files.next();
    let mut errors = Vec::new();
    for file in files {
        // Absolute, so the new process finds it whatever its folder, and a file named like a
        // subcommand ("check") is never taken for one.
        let path = std::path::absolute(&file).unwrap_or(file);
        if let Err(e) = spawn(&path) {
            errors.push(format!(
                "Could not open {} in a new window: {e}",
                path.display()
            ));
        }
    }
    (first, errors)
}

/// Starts this program again on `path` and reaps it when it exits (so no zombie is left).
pub fn spawn_window(path: &Path) -> io::Result<()> {
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe).arg(path).spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_file_stays_each_other_file_gets_a_window() {
        let mut spawned = Vec::new();
        let files = vec![
            PathBuf::from("/r/a.claimdesk"),
            PathBuf::from("b.txt"),
            PathBuf::from("check"),
        ];
        let (first, errors) = open_each(files, |p| {
            spawned.push(p.to_owned());
            Ok(())
        });
        assert_eq!(first, Some(PathBuf::from("/r/a.claimdesk")));
        assert!(errors.is_empty());
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(spawned, [cwd.join("b.txt"), cwd.join("check")]);
    }

    #[test]
    fn a_window_that_cannot_start_is_reported_by_file() {
        let (first, errors) = open_each(
            vec![PathBuf::from("/r/a.txt"), PathBuf::from("/r/b.txt")],
            |_| Err(io::Error::other("no such program")),
        );
        assert_eq!(first, Some(PathBuf::from("/r/a.txt")));
        assert_eq!(
            errors,
            ["Could not open /r/b.txt in a new window: no such program"]
        );
    }

    #[test]
    fn no_files_opens_nothing() {
        let (first, errors) = open_each(Vec::new(), |_| panic!("nothing to spawn"));
        assert_eq!(first, None);
        assert!(errors.is_empty());
    }
}
