//! `claimdesk completions SHELL`: a shell completion script, generated from the clap definitions.

use std::process::ExitCode;

use clap_complete::Shell;

/// Arguments of `claimdesk completions`.
#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for (bash, zsh, fish, elvish, powershell).
    pub shell: Shell,
}

/// Prints the completion script of `cmd` for `args.shell` on stdout.
pub fn run(args: &CompletionsArgs, cmd: clap::Command) -> ExitCode {
    let script = script(args.shell, cmd);
    match std::io::Write::write_all(&mut std::io::stdout().lock(), &script) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: could not print the completions: {e}");
            ExitCode::from(1)
        }
    }
}

/// The completion script of `cmd` for `shell`.
pub fn script(shell: Shell, mut cmd: clap::Command) -> Vec<u8> {
    let name = cmd.get_name().to_owned();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut out);
    out
}
