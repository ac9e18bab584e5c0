//! The layering rule, checked: the app state (`src/app`) never names the UI layer. The UI reads
//! the app state and returns commands; only `src/workbench.rs` joins the two. A `use` of
//! `crate::ui`, `super::super::ui` or `claimdesk::ui` in `src/app` fails this test.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Lines of `source` (with their numbers) that name the UI layer, comments aside.
fn ui_references(source: &str) -> Vec<(usize, String)> {
    const NAMES: [&str; 3] = ["crate::ui", "claimdesk::ui", "super::ui"];
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            NAMES.iter().any(|n| code.contains(n))
        })
        .map(|(i, line)| (i + 1, line.trim().to_owned()))
        .collect()
}

#[test]
fn the_app_state_never_names_the_ui() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let files = rust_files(&app);
    assert!(files.len() > 5, "src/app has its files: {files:?}");
    let mut offences = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable source");
        for (line, text) in ui_references(&source) {
            offences.push(format!("{}:{line}: {text}", file.display()));
        }
    }
    assert!(
        offences.is_empty(),
        "src/app must not name the UI layer (send a Command, or move the state to \
         ui::UiState):\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_check_catches_a_ui_import() {
    let caught =
        ui_references("use crate::ui::article_view::ArticleView;\n// crate::ui in a comment\n");
    assert_eq!(caught.len(), 1, "{caught:?}");
    assert_eq!(caught[0].0, 1);
    assert!(ui_references("use egui::{Key, Ui};\nuse crate::app::Command;").is_empty());
}
