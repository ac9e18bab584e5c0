//! The real binary in a real (virtual) X display: mark a claim, kill the process with SIGKILL,
//! start again, and check that the restore offer brings every change back.
//!
//! Needs Xvfb and xdotool (`.ci/install-packages` installs them). Without them the test says so
//! and passes on a developer machine, but fails under CI (`CI` set), so CI cannot skip it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use claimdesk_model::format::{load_file, save_file};
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};

use crate::harness::{Dir, claimdesk};

const ARTICLE: &str =
    "Officials said the reports were lies and fabrications.\n\nMore text follows here.\n";

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

struct Display {
    name: String,
    xvfb: Child,
}

impl Display {
    fn start() -> Self {
        let n = 200 + std::process::id() % 500;
        let name = format!(":{n}");
        let xvfb = Command::new("Xvfb")
            .args([
                name.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                // Without it Xvfb resets whenever its last client disconnects (each xdotool
                // call, the killed app), and a client connecting during the reset is refused:
                // the app then exits with "Failed to open connection to X server".
                "-noreset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let display = Self { name, xvfb };
        display.wait_for("the X server", || {
            display.xdotool(&["getdisplaygeometry"]).is_some()
        });
        display
    }

    fn xdotool(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    fn wait_for(&self, what: &str, mut ready: impl FnMut() -> bool) {
        let start = Instant::now();
        while !ready() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Starts Claimdesk on `file` and waits for its window; returns the process and window id.
    /// If the app exits instead, fails at once with what it printed.
    fn launch(&self, data: &Path, file: &Path) -> (Child, String) {
        let log = data.join("app-stderr.log");
        let mut child = claimdesk([file])
            .env("DISPLAY", &self.name)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_DATA_HOME", data.join("data"))
            .env("XDG_CONFIG_HOME", data.join("config"))
            .spawn(
                Stdio::null(),
                std::fs::File::create(&log).expect("a log file"),
            );
        let pid = child.id().to_string();
        let start = Instant::now();
        loop {
            if let Some(status) = child.try_wait().expect("the app's status") {
                let said = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("claimdesk exited ({status}) before showing a window: {said}");
            }
            let found = self.xdotool(&[
                "search",
                "--onlyvisible",
                "--pid",
                &pid,
                "--name",
                "Claimdesk",
            ]);
            if let Some(window) = found.and_then(|ids| ids.lines().next().map(str::to_owned)) {
                self.xdotool(&["windowfocus", "--sync", &window]);
                std::thread::sleep(Duration::from_millis(1500));
                return (child, window);
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no Claimdesk window after 60 s"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn title(&self, window: &str) -> String {
        self.xdotool(&["getwindowname", window]).unwrap_or_default()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

fn recovery_files(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join("data/claimdesk/recovery"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "claimdesk-recovery"))
                .collect()
        })
        .unwrap_or_default()
}

/// Saved preferences with the analyst's name, where the app launched with `data` reads them
/// (eframe's storage): a named analyst is not asked "Who is reviewing?", so the article is
/// where the clicks below expect it.
fn name_the_analyst(data: &Path) {
    let dir = data.join("data").join("claimdesk");
    std::fs::create_dir_all(&dir).unwrap();
    let settings = r#"(analyst:(name:"Crash Test",short_id:""))"#;
    std::fs::write(
        dir.join("app.ron"),
        format!("{{\"claimdesk-settings\": {settings:?}}}"),
    )
    .unwrap();
}

#[test]
fn sigkill_mid_review_then_restart_restores_everything() {
    if !have("Xvfb") || !have("xdotool") {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Xvfb and xdotool"
        );
        eprintln!("skipped: Xvfb or xdotool is not installed");
        return;
    }
    let dir = Dir::new();
    let review_path = dir.join("libya.claimdesk");
    let source = dir.join("libya.txt").display().to_string();
    let article = Article::new("libya.txt", source, ARTICLE.to_owned());
    let claim = Claim::new(&article, Span::new(32, 53), ClaimStatus::Disputed);
    save_file(&review_path, &Review::with_claims(article, vec![claim])).unwrap();
    let display = Display::start();
    name_the_analyst(dir.path());

    let (mut app, window) = display.launch(dir.path(), &review_path);
    assert_eq!(display.title(&window), "libya.claimdesk — Claimdesk");
    // Double-click the first word ("Officials") and mark it asserted.
    display.xdotool(&["mousemove", "--sync", "90", "131"]);
    display.xdotool(&["click", "--repeat", "2", "--delay", "80", "1"]);
    std::thread::sleep(Duration::from_millis(400));
    display.xdotool(&["key", "a"]);
    display.wait_for("the unsaved marker", || {
        display.title(&window).starts_with("● ")
    });
    display.wait_for("the autosave", || !recovery_files(dir.path()).is_empty());
    app.kill().unwrap(); // SIGKILL
    app.wait().unwrap();
    assert_eq!(
        load_file(&review_path).unwrap().review.claims().len(),
        1,
        "file untouched"
    );

    let (mut app, window) = display.launch(dir.path(), &review_path);
    assert_eq!(
        display.title(&window),
        "libya.claimdesk — Claimdesk",
        "offer shown, not yet restored"
    );
    display.xdotool(&["key", "Return"]);
    display.wait_for("the restored work", || {
        display.title(&window).starts_with("● ")
    });
    display.xdotool(&["key", "ctrl+s"]);
    display.wait_for("the save", || {
        display.title(&window) == "libya.claimdesk — Claimdesk"
    });
    let _ = app.kill();
    let _ = app.wait();

    let saved = load_file(&review_path).unwrap().review;
    let quotes: Vec<(&str, ClaimStatus)> = saved
        .claims()
        .iter()
        .map(|c| (c.quote.as_str(), c.status))
        .collect();
    assert_eq!(
        quotes,
        [
            ("Officials", ClaimStatus::Asserted),
            ("lies and fabrications", ClaimStatus::Disputed)
        ]
    );
    assert_eq!(
        saved.claims()[0].history[0].by,
        "Crash Test",
        "the analyst named in the preferences made the change"
    );
    assert!(
        recovery_files(dir.path()).is_empty(),
        "saving removed the recovery file"
    );
}
