//! `claimdesk man` and `claimdesk completions SHELL` on the real binary: generated from the
//! clap definitions, they name every subcommand `claimdesk --help` lists.

use crate::harness::{Dir, claimdesk};

/// The subcommands `--help` lists (the "Commands:" block), without clap's `help`.
fn subcommands() -> Vec<String> {
    let help = claimdesk(["--help"]).stdout();
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    for expected in ["check", "export", "new", "update", "man", "completions"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    names
}

#[test]
fn man_page_is_roff_and_names_every_subcommand() {
    let page = claimdesk(["man"]).stdout();
    assert!(page.contains("\n.TH claimdesk 1 "), "{page}");
    assert!(page.contains(".SH SYNOPSIS"), "{page}");
    assert!(page.contains(env!("CARGO_PKG_VERSION")));
    for name in subcommands() {
        assert!(
            page.contains(&format!("claimdesk\\-{}(1)", name.replace('-', "\\-"))),
            "{name} in\n{page}"
        );
    }
}

#[test]
fn man_dir_writes_a_page_per_subcommand() {
    let dir = Dir::new();
    let out_dir = dir.join("man1");
    claimdesk(["man", "--dir"]).arg(&out_dir).stdout();
    let top = std::fs::read_to_string(out_dir.join("claimdesk.1")).unwrap();
    assert!(top.contains(".SH SYNOPSIS"));
    for name in subcommands() {
        let page = std::fs::read_to_string(out_dir.join(format!("claimdesk-{name}.1")))
            .unwrap_or_else(|e| panic!("claimdesk-{name}.1: {e}"));
        assert!(page.contains(".SH SYNOPSIS"), "{name}");
    }
}

/// How each shell's script offers subcommand `name` (a bare name would match any text).
fn offers(shell: &str, name: &str) -> String {
    match shell {
        // clap_complete names a hyphenated subcommand's state with "__subcmd__" for the hyphen.
        "bash" => format!(
            "cmd=\"claimdesk__subcmd__{}\"",
            name.replace('-', "__subcmd__")
        ),
        "zsh" => format!("'{name}:"),
        "fish" => format!("-a \"{name}\""),
        "elvish" => format!("cand {name} '"),
        "powershell" => format!("[CompletionResult]::new('{name}', '{name}'"),
        _ => unreachable!("{shell}"),
    }
}

#[test]
fn completions_offer_every_subcommand_in_each_shell() {
    let names = subcommands();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = claimdesk(["completions", shell]).stdout();
        for name in &names {
            let expected = offers(shell, name);
            assert!(script.contains(&expected), "{shell}: no {expected:?}");
        }
        assert!(!script.contains(&offers(shell, "frobnicate")));
    }
    let bash = claimdesk(["completions", "bash"]).stdout();
    assert!(bash.contains("complete -F _claimdesk"), "{bash}");
    assert!(bash.contains("--dir"), "man's --dir completes");
}

#[test]
fn unknown_shell_is_one_line_and_exit_2() {
    let err = claimdesk(["completions", "tcsh"]).assert_exit_code(2);
    assert!(err.contains("tcsh"), "{err}");
}
