//! The one way CLI tests run the built `claimdesk` binary, after ripgrep's `TestCommand`: a
//! builder around [`std::process::Command`] for `env!("CARGO_BIN_EXE_claimdesk")`, and
//! finishers that check how it ended and, when that is not what the test expects, fail with
//! the command, its exit status, its stdout and its stderr. [`Dir`] is a temporary folder to
//! write inputs into and run the binary in.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// How much of each stream a failure message shows.
const SHOWN_BYTES: usize = 4000;

/// `claimdesk ARGS…`, not yet run: add arguments, environment, standard input, a wrapper
/// program, then finish it with [`TestCommand::stdout`], [`TestCommand::assert_err`],
/// [`TestCommand::assert_exit_code`] or [`TestCommand::output`].
#[must_use = "a command does nothing until a finisher runs it"]
pub struct TestCommand {
    args: Vec<OsString>,
    via: Option<(OsString, Vec<OsString>)>,
    envs: Vec<(OsString, Option<OsString>)>,
    dir: Option<PathBuf>,
    stdin: Option<Vec<u8>>,
}

/// The built binary with these first arguments (more with [`TestCommand::arg`]).
pub fn claimdesk<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> TestCommand {
    TestCommand {
        args: Vec::new(),
        via: None,
        envs: Vec::new(),
        dir: None,
        stdin: None,
    }
    .args(args)
}

impl TestCommand {
    /// One more argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// More arguments.
    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// An environment variable for the binary.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        let value = Some(value.as_ref().to_owned());
        self.envs.push((key.as_ref().to_owned(), value));
        self
    }

    /// An environment variable the binary must not see.
    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Self {
        self.envs.push((key.as_ref().to_owned(), None));
        self
    }

    /// Runs in `dir` (by default: where the test runs).
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_owned());
        self
    }

    /// What the binary reads on standard input (by default: nothing, it is closed).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs the binary through `program ARGS… claimdesk …`: `setpriv` to run as another user,
    /// `bash -c '…; exec "$@"' bash` to set a limit first.
    pub fn via<S: AsRef<OsStr>>(
        mut self,
        program: impl AsRef<OsStr>,
        args: impl IntoIterator<Item = S>,
    ) -> Self {
        let args = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        self.via = Some((program.as_ref().to_owned(), args));
        self
    }

    /// Runs it to the end and gives its stdout; fails the test unless it succeeded.
    pub fn stdout(self) -> String {
        let (out, shown) = self.run();
        if !out.status.success() {
            panic!("{}", failure("expected success", &shown, &out));
        }
        String::from_utf8(out.stdout)
            .unwrap_or_else(|e| panic!("{shown}: stdout is not UTF-8: {e}"))
    }

    /// As [`TestCommand::stdout`], the bytes as written (a PDF, a golden file).
    pub fn stdout_bytes(self) -> Vec<u8> {
        let (out, shown) = self.run();
        if !out.status.success() {
            panic!("{}", failure("expected success", &shown, &out));
        }
        out.stdout
    }

    /// Runs it to the end and gives its stderr; fails the test if it succeeded.
    pub fn assert_err(self) -> String {
        let (out, shown) = self.run();
        if out.status.success() {
            panic!("{}", failure("expected a failure", &shown, &out));
        }
        lossy(&out.stderr)
    }

    /// Runs it to the end and gives its stderr; fails the test unless it exited with `code`.
    pub fn assert_exit_code(self, code: i32) -> String {
        lossy(&self.output_with_exit_code(code).stderr)
    }

    /// As [`TestCommand::assert_exit_code`], with everything it wrote (`claimdesk merge`
    /// exits 1 with the merged review on stdout).
    pub fn output_with_exit_code(self, code: i32) -> Output {
        let (out, shown) = self.run();
        if out.status.code() != Some(code) {
            panic!(
                "{}",
                failure(&format!("expected exit code {code}"), &shown, &out)
            );
        }
        out
    }

    /// Runs it to the end, whatever its exit status.
    pub fn output(self) -> Output {
        self.run().0
    }

    /// Starts it and returns at once, its stdout and stderr going where these say.
    pub fn spawn(self, stdout: impl Into<Stdio>, stderr: impl Into<Stdio>) -> Child {
        let shown = self.shown();
        let mut cmd = self.command();
        cmd.stdin(Stdio::null()).stdout(stdout).stderr(stderr);
        cmd.spawn()
            .unwrap_or_else(|e| panic!("{shown}: does not start: {e}"))
    }

    fn run(mut self) -> (Output, String) {
        let shown = self.shown();
        let stdin = self.stdin.take();
        let mut cmd = self.command();
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("{shown}: does not start: {e}"));
        // Written on its own thread: a binary that writes much before reading cannot block.
        let feeder = stdin.map(|bytes| {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
        });
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("{shown}: {e}"));
        if let Some(feeder) = feeder {
            feeder.join().expect("stdin written");
        }
        (out, shown)
    }

    fn command(&self) -> Command {
        let bin = OsStr::new(env!("CARGO_BIN_EXE_claimdesk"));
        let mut cmd = match &self.via {
            Some((program, args)) => {
                let mut c = Command::new(program);
                c.args(args).arg(bin);
                c
            }
            None => Command::new(bin),
        };
        cmd.args(&self.args);
        for (key, value) in &self.envs {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        cmd
    }

    /// The command line as a shell would take it, for failure messages.
    fn shown(&self) -> String {
        let mut words: Vec<&OsStr> = Vec::new();
        if let Some((program, args)) = &self.via {
            words.push(program);
            words.extend(args.iter().map(OsString::as_os_str));
        }
        words.push(OsStr::new(env!("CARGO_BIN_EXE_claimdesk")));
        words.extend(self.args.iter().map(OsString::as_os_str));
        let quoted: Vec<String> = words
            .iter()
            .map(|w| format!("'{}'", w.to_string_lossy().replace('\'', r"'\''")))
            .collect();
        quoted.join(" ")
    }
}

/// The failure message: what was expected, the command, how it ended, what it wrote.
fn failure(expected: &str, shown: &str, out: &Output) -> String {
    format!(
        "{expected}\ncommand: {shown}\nstatus: {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        clipped(&out.stdout),
        clipped(&out.stderr)
    )
}

fn clipped(bytes: &[u8]) -> String {
    let text = lossy(&bytes[..bytes.len().min(SHOWN_BYTES)]);
    if bytes.len() > SHOWN_BYTES {
        format!("{text}\n… ({} bytes in all)", bytes.len())
    } else {
        text
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary folder, removed when dropped: inputs are written into it and outputs read
/// from it, never anywhere else.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    /// A new empty folder.
    pub fn new() -> Self {
        Self {
            tmp: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// `name` inside it.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Writes `contents` to `name` inside it (making its folders); returns the path.
    pub fn write(&self, name: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("the folder is made");
        }
        std::fs::write(&path, contents).expect("the file is written");
        path
    }

    /// The built binary with these first arguments, run in this folder.
    pub fn command<S: AsRef<OsStr>>(&self, args: impl IntoIterator<Item = S>) -> TestCommand {
        claimdesk(args).current_dir(self.path())
    }
}

#[test]
fn a_failure_shows_the_command_its_status_and_what_it_wrote() {
    let dir = Dir::new();
    let missing = dir.join("missing.claimdesk");
    let run = std::panic::catch_unwind(|| claimdesk(["check"]).arg(&missing).stdout());
    let message = *run.unwrap_err().downcast::<String>().unwrap();
    for expected in [
        "expected success",
        "command: '",
        "/claimdesk' 'check' '",
        "missing.claimdesk'",
        "status: exit status: 1",
        "stderr:\nclaimdesk: ",
    ] {
        assert!(message.contains(expected), "{expected:?} in\n{message}");
    }
    let run = std::panic::catch_unwind(|| claimdesk(["--version"]).assert_err());
    let message = *run.unwrap_err().downcast::<String>().unwrap();
    assert!(message.contains("expected a failure"), "{message}");
    let run = std::panic::catch_unwind(|| claimdesk(["--version"]).assert_exit_code(1));
    let message = *run.unwrap_err().downcast::<String>().unwrap();
    assert!(message.contains("expected exit code 1"), "{message}");
    assert!(message.contains("stdout:\nclaimdesk "), "{message}");
}

#[test]
fn environment_folder_wrapper_and_stdin_reach_the_binary() {
    let dir = Dir::new();
    // The library reads its data folder from the environment; a relative path is taken from
    // the folder the binary runs in.
    let feed = dir.write(
        "feed.json",
        br#"{"@type": "ClaimReview", "claimReviewed": "x"}"#,
    );
    dir.command(["library", "add"])
        .arg(&feed)
        .env("CLAIMDESK_DATA_DIR", "data")
        .stdout();
    assert!(dir.join("data/archive/library.json").is_file());
    // A wrapper program runs first (here it copies standard input out) and hands over to the
    // binary with its arguments.
    let version = claimdesk(["--version"])
        .via("sh", ["-c", r#"cat; exec "$@""#, "sh"])
        .stdin("from stdin\n")
        .stdout();
    assert!(version.starts_with("from stdin\nclaimdesk "), "{version}");
}
