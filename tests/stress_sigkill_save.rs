//! SIGKILL at random moments while the real binary writes a large file (`claimdesk export -o`
//! of the 1 MB / 5,000-claim review as HTML, `claimdesk new -o` of its 1 MB article): the
//! output is always either the old file or the complete new one, byte for byte, and the
//! temporary files killed writes leave are removed by the next write.
//!
//! `cargo test --test stress_sigkill_save` kills each command 15 times; the full run (150 each)
//! is `cargo test --profile bench --test stress_sigkill_save -- --ignored --nocapture`, which prints
//! how often the old and the new file survived.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimdesk_model::format::save_file;
use claimdesk_model::synthetic::{article_text, large_review};

/// A deterministic generator (xorshift64*) for the kill delays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// How the kills came out.
#[derive(Debug, Default)]
struct Outcomes {
    old: usize,
    new: usize,
    /// The most temporary files seen beside the output after a kill: each write sweeps those
    /// that earlier killed writes left, so they never pile up.
    most_temp_files: usize,
}

fn claimdesk(args: &[&Path]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimdesk"));
    c.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Runs `make` to completion once (the new file and how long it takes), then `kills` times
/// with `out` reset to `old` and a SIGKILL after a random delay.
fn kill_during_writes(
    make: impl Fn() -> Command,
    out: &Path,
    old: &[u8],
    kills: usize,
    seed: u64,
) -> Outcomes {
    std::fs::write(out, old).unwrap();
    let started = Instant::now();
    assert!(make().status().unwrap().success(), "an uninterrupted run");
    let full = started.elapsed();
    let new = std::fs::read(out).unwrap();
    assert_ne!(new, old);
    let mut rng = Rng(seed);
    let mut outcomes = Outcomes::default();
    let window = full.as_micros() as u64;
    for i in 0..kills {
        std::fs::write(out, old).unwrap();
        // Half the kills anywhere in the run, half in its last fifth, where the write is.
        let delay = if i % 2 == 0 {
            rng.below(window * 6 / 5)
        } else {
            window * 4 / 5 + rng.below(window / 4)
        };
        let mut child = make().spawn().unwrap();
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill(); // SIGKILL on Unix
        child.wait().unwrap();
        let now = std::fs::read(out).unwrap();
        if now == old {
            outcomes.old += 1;
        } else if now == new {
            outcomes.new += 1;
        } else {
            panic!(
                "kill {i} after {delay} µs left {} bytes: neither the old file ({}) nor the \
                 new ({})",
                now.len(),
                old.len(),
                new.len()
            );
        }
        outcomes.most_temp_files = outcomes.most_temp_files.max(temp_files(out));
    }
    assert!(
        make().status().unwrap().success(),
        "a last uninterrupted run"
    );
    assert_eq!(
        temp_files(out),
        0,
        "a write removes the temporary files that killed writes left"
    );
    outcomes
}

/// How many `.NAME.*.tmp` files are beside `out`.
fn temp_files(out: &Path) -> usize {
    let prefix = format!(".{}.", out.file_name().unwrap().to_string_lossy());
    let mut n = 0;
    for entry in std::fs::read_dir(out.parent().unwrap()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            n += 1;
        }
    }
    n
}

struct Setup {
    _dir: tempfile::TempDir,
    review: PathBuf,
    article: PathBuf,
    html: PathBuf,
    new_review: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("large.claimdesk");
    save_file(&review, &large_review(1_000_000, 5_000)).unwrap();
    let article = dir.path().join("large.txt");
    std::fs::write(&article, article_text(1_000_000)).unwrap();
    Setup {
        html: dir.path().join("report.html"),
        new_review: dir.path().join("new.claimdesk"),
        review,
        article,
        _dir: dir,
    }
}

fn run(kills: usize) {
    let s = setup();
    let old_html = b"<!doctype html><title>an older report</title>\n".repeat(1000);
    let export = kill_during_writes(
        || {
            let mut c = claimdesk(&[Path::new("export"), &s.review, Path::new("-o"), &s.html]);
            c.args(["-f", "html"]);
            c
        },
        &s.html,
        &old_html,
        kills,
        0x51c_0001,
    );
    eprintln!("export -o: {export:?}");
    let old_review = std::fs::read(&s.review).unwrap();
    let new = kill_during_writes(
        || {
            let mut c = claimdesk(&[Path::new("new"), &s.article, Path::new("-o"), &s.new_review]);
            c.arg("--force");
            c
        },
        &s.new_review,
        &old_review,
        kills,
        0x51c_0002,
    );
    eprintln!("new -o: {new:?}");
    assert_eq!(export.old + export.new, kills);
    assert_eq!(new.old + new.new, kills);
}

#[test]
fn sigkill_during_cli_writes_leaves_the_old_or_the_new_file() {
    run(15);
}

#[test]
#[ignore = "150 kills per command: run with --ignored (see the file's doc comment)"]
fn sigkill_during_cli_writes_many_times() {
    run(150);
}
