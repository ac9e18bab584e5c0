//! The real binary against broken and hostile files, a full disk and a read-only folder: exit 1
//! with one line naming the file, and whatever was on disk before stays byte-identical.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use claimdesk_model::format::{load_file, save_file};
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

use crate::harness::{Dir, TestCommand, claimdesk};

fn corpus() -> Vec<PathBuf> {
    let dir = claimdesk_testkit::test_file("corpus");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "claimdesk"))
        .collect();
    files.sort();
    files
}

/// Runs `command`, which must exit 1 with one line naming `file` and no panic.
fn assert_one_line_failure(command: TestCommand, file: &Path) {
    let err = command.assert_exit_code(1);
    let name = file.file_name().unwrap().to_string_lossy();
    assert_eq!(err.lines().count(), 1, "{name}: {err}");
    assert!(err.contains(name.as_ref()), "{name}: {err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
}

#[test]
fn check_fails_cleanly_on_every_corpus_file() {
    for file in corpus() {
        assert_one_line_failure(claimdesk(["check"]).arg(&file), &file);
    }
}

#[test]
fn export_refuses_every_unreadable_corpus_file() {
    let dir = Dir::new();
    for file in corpus().into_iter().filter(|f| load_file(f).is_err()) {
        let out_path = dir.join("out.html");
        let export = claimdesk(["export"])
            .arg(&file)
            .args(["--format", "html", "-o"])
            .arg(&out_path);
        assert_one_line_failure(export, &file);
        assert!(!out_path.exists(), "nothing written for {file:?}");
    }
}

fn sample_review(dir: &Path) -> PathBuf {
    let text = normalize_article_text(include_str!("../../assets/sample-article.txt"));
    let article = Article::new("sample-article.txt", "", text);
    let claims = (0..40)
        .map(|i| {
            Claim::new(
                &article,
                Span::new(i * 50, i * 50 + 20),
                ClaimStatus::ALL[i % 3],
            )
        })
        .collect();
    let path = dir.join("review.claimdesk");
    save_file(&path, &Review::with_claims(article, claims)).unwrap();
    path
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_full_disk_leaves_the_old_report_byte_identical() {
    let dir = Dir::new();
    let review = sample_review(dir.path());
    let target = dir.write("report.html", "the old report");
    // RLIMIT_FSIZE makes writes past 4 KB fail with EFBIG, as a full disk fails with ENOSPC.
    let err = claimdesk(["export"])
        .arg(&review)
        .args(["--format", "html", "-o"])
        .arg(&target)
        .via(
            "bash",
            ["-c", r#"trap '' XFSZ; ulimit -f 8; exec "$@""#, "bash"],
        )
        .assert_exit_code(1);
    assert!(err.contains("report.html"), "{err}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "the old report");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn dev_full_is_refused_and_never_replaced() {
    let dir = Dir::new();
    let review = sample_review(dir.path());
    let export = claimdesk(["export"])
        .arg(&review)
        .args(["--format", "csv", "-o", "/dev/full"]);
    assert_one_line_failure(export, Path::new("/dev/full"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_read_only_folder_leaves_the_old_report_byte_identical() {
    let dir = Dir::new();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let review = sample_review(dir.path());
    fs::set_permissions(&review, fs::Permissions::from_mode(0o644)).unwrap();
    let folder = dir.join("reports");
    fs::create_dir(&folder).unwrap();
    let target = dir.write("reports/report.md", "the old report");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o666)).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let export = claimdesk(["export"])
        .arg(&review)
        .args(["--format", "markdown", "-o"])
        .arg(&target);
    // Root ignores permissions: run as nobody when we are root.
    let export = if running_as_root() {
        unprivileged(export)
    } else {
        export
    };
    // Checked once the folder is writable again, so that a failure still cleans up.
    let out = export.output();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("report.md")
            && err.contains("ermission denied")
            && err.contains("does not allow new files")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "the old report");
    assert!(leftovers(&folder).is_empty());
}

/// `command` run as user `nobody` (for tests running as root, which ignores permissions),
/// through setpriv (util-linux).
fn unprivileged(command: TestCommand) -> TestCommand {
    command.via(
        "setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups"],
    )
}

#[test]
fn new_update_and_export_write_through_a_symbolic_link_and_keep_it() {
    use std::os::unix::fs::symlink;
    let dir = Dir::new();
    let shared = dir.join("shared");
    let mine = dir.join("mine");
    fs::create_dir(&shared).unwrap();
    fs::create_dir(&mine).unwrap();
    let article = dir.write("article.txt", "A claim. Another claim.");
    let real = shared.join("team.claimdesk");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    let link = mine.join("team.claimdesk");
    symlink(&real, &link).unwrap();
    let (link_s, article_s) = (link.to_str().unwrap(), article.to_str().unwrap());

    claimdesk(["new", article_s, "-o", link_s, "--force"]).stdout();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        load_file(&real).unwrap().review.article.text(),
        "A claim. Another claim."
    );
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );

    fs::write(&article, "A claim. Another claim, corrected.").unwrap();
    claimdesk(["update", link_s, "--article", article_s, "-o", link_s]).stdout();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        load_file(&real)
            .unwrap()
            .review
            .article
            .text()
            .ends_with("corrected.")
    );

    let report = shared.join("report.md");
    fs::write(&report, "old report").unwrap();
    let report_link = mine.join("report.md");
    symlink(&report, &report_link).unwrap();
    claimdesk(["export", link_s, "--format", "markdown", "-o"])
        .arg(&report_link)
        .stdout();
    assert!(
        fs::symlink_metadata(&report_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&report).unwrap().contains("corrected."));
    let mut names: Vec<_> = fs::read_dir(&shared)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["report.md", "team.claimdesk"]);
    assert_eq!(
        fs::read_dir(&mine).unwrap().count(),
        2,
        "only the two links"
    );
}

/// A colleague's report, writable by everyone, in a folder everyone may write: replacing it by
/// rename would hand it to whoever saved last; Claimdesk writes it in place instead.
#[test]
fn saving_someone_elses_writable_file_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt;
    if !running_as_root() {
        eprintln!("skipped: needs root to give the file to another user");
        return;
    }
    let dir = Dir::new();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let review = sample_review(dir.path());
    fs::set_permissions(&review, fs::Permissions::from_mode(0o644)).unwrap();
    let folder = dir.join("reports");
    fs::create_dir(&folder).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o777)).unwrap();
    let target = dir.write("reports/report.md", "the old report");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o666)).unwrap();
    let (owner, inode) = {
        let m = fs::metadata(&target).unwrap();
        (m.uid(), m.ino())
    };
    let export = claimdesk(["export"])
        .arg(&review)
        .args(["--format", "markdown", "-o"])
        .arg(&target);
    unprivileged(export).stdout();
    let meta = fs::metadata(&target).unwrap();
    assert_eq!((meta.uid(), meta.ino()), (owner, inode));
    assert!(fs::read_to_string(&target).unwrap().starts_with("# "));
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        1,
        "no safety copy left behind"
    );
}

fn running_as_root() -> bool {
    // The owner of a file we just created is our effective user.
    let probe = tempfile::NamedTempFile::new().unwrap();
    use std::os::unix::fs::MetadataExt;
    probe.as_file().metadata().unwrap().uid() == 0
}

/// A reader that stops early (`claimdesk suggest --all … | head`) ends the command quietly: no
/// panic message about "failed printing to stdout". The output is far bigger than a pipe's
/// buffer, so the command is still writing when the reader goes away.
#[test]
fn a_closed_pipe_ends_the_command_without_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = Dir::new();
    let sentence = "The ministry said unemployment rose 18% since 2012, more than in any region.\n";
    let article = dir.write("long.txt", sentence.repeat(20_000));
    let mut child = claimdesk(["suggest", "--all"])
        .arg(&article)
        .spawn(Stdio::piped(), Stdio::piped());
    let mut first = [0u8; 256];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader's end of the pipe is dropped here: the next writes fail.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(!out.status.success(), "a closed pipe is not a success");
}
