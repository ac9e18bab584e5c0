//! `claimdesk man`: the manual pages, rendered from the clap definitions so they never drift
//! from the real options.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `claimdesk man`.
#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// Write claimdesk.1 and one page per subcommand (claimdesk-check.1, …) into this folder
    /// instead of printing claimdesk.1 on stdout.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Prints the page of `cmd` (the whole command line), or writes every page into `args.dir`.
pub fn run(args: &ManArgs, cmd: clap::Command) -> ExitCode {
    match &args.dir {
        Some(dir) => match write_pages(cmd, dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => super::fail(dir, e),
        },
        None => {
            let mut page = Vec::new();
            let rendered = render_page(cmd, &mut page);
            match rendered.and_then(|()| std::io::stdout().lock().write_all(&page)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("claimdesk: could not print the manual page: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// Renders the top-level page (`claimdesk.1`) of `cmd` in roff into `out`.
pub fn render_page(cmd: clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    clap_mangen::Man::new(prepare(cmd)).render(out)
}

/// Writes `claimdesk.1` and `claimdesk-SUBCOMMAND.1` for every subcommand into `dir`
/// (created if missing).
pub fn write_pages(cmd: clap::Command, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(prepare(cmd), dir)
}

/// The clap-generated `help` subcommand is not a page of its own: `--help` is in every page.
fn prepare(cmd: clap::Command) -> clap::Command {
    cmd.disable_help_subcommand(true)
}
