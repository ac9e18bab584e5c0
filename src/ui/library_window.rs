//! File → Library…: the sources of the claim archive with what each holds, the files that could
//! not be used, and buttons to add a folder or a file, remove a source and rebuild the index.
//! The work is done on the archive's thread; this window only shows its latest answer.

use claimdesk_archive::SourceSummary;

use crate::app::Command;
use crate::app::archive::library::LibraryPick;
use crate::app::archive::{ArchiveCommand, ArchiveStatus, ClaimArchive};
use crate::ui::Frame;

/// Problems listed at most (the rest are counted).
const PROBLEMS_SHOWN: usize = 20;

/// Shows the window while it is open.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let panel = &f.app.archive;
    if !panel.library_open {
        return;
    }
    let mut commands = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("library_window")).show(ui.ctx(), |ui| {
        ui.set_width(ui.ctx().content_rect().width().min(640.0) - 48.0);
        ui.heading("Library of the claim archive");
        ui.add(
            egui::Label::new(
                "Folders of .claimdesk reviews, ClaimReview files and feeds (.json, .jsonld), \
                 and saved fact-check pages (.html). The \"Checked before\" panel searches them.",
            )
            .wrap(),
        );
        ui.add_space(6.0);
        body(ui, panel, &mut commands);
        ui.separator();
        buttons(ui, panel, &mut commands);
    });
    if modal.should_close() {
        commands.push(ArchiveCommand::CloseLibrary.into());
    }
    f.extend(commands);
}

fn body(ui: &mut egui::Ui, panel: &ClaimArchive, commands: &mut Vec<Command>) {
    if let ArchiveStatus::Unavailable(message) = &panel.status {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("The claim archive cannot be used: {message}"),
        );
        return;
    }
    let Some(library) = &panel.library else {
        ui.weak("Reading the library…");
        return;
    };
    if library.sources.is_empty() {
        ui.weak("No sources yet: add a folder or a file.");
    } else {
        ui.label(format!("{} claims in the archive.", library.claims));
        egui::ScrollArea::vertical()
            .id_salt("library_sources")
            .max_height(260.0)
            .show(ui, |ui| {
                for source in &library.sources {
                    source_row(ui, source, commands);
                }
            });
    }
}

/// One source: its path, what it holds (or that it is gone), and Remove.
fn source_row(ui: &mut egui::Ui, source: &SourceSummary, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui
            .button("Remove")
            .on_hover_text("Remove this source from the library (the files stay)")
            .clicked()
        {
            commands.push(ArchiveCommand::Remove(source.path.clone()).into());
        }
        ui.vertical(|ui| {
            ui.label(source.path.display().to_string());
            if source.present {
                let mut held = format!(
                    "{}, {}",
                    plural(source.files, "file"),
                    plural(source.claims as usize, "claim")
                );
                if source.files_with_problems > 0 {
                    held.push_str(&format!(", {} with problems", source.files_with_problems));
                }
                ui.weak(held);
                problems(ui, source);
            } else {
                ui.colored_label(ui.visuals().warn_fg_color, "Missing: no longer on disk");
            }
        });
    });
}

/// The files of `source` that could not be used, and why (the first few).
fn problems(ui: &mut egui::Ui, source: &SourceSummary) {
    let warn = ui.visuals().warn_fg_color;
    for problem in source.file_problems.iter().take(PROBLEMS_SHOWN) {
        let name = problem
            .path
            .strip_prefix(&source.path)
            .unwrap_or(&problem.path);
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("{}: {}", name.display(), problem.message)).color(warn),
            )
            .wrap(),
        );
    }
    if source.file_problems.len() > PROBLEMS_SHOWN {
        ui.weak(format!(
            "… and {} more",
            source.file_problems.len() - PROBLEMS_SHOWN
        ));
    }
}

fn buttons(ui: &mut egui::Ui, panel: &ClaimArchive, commands: &mut Vec<Command>) {
    let ready = matches!(panel.status, ArchiveStatus::Ready(_));
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add folder…").clicked() {
            commands.push(ArchiveCommand::Add(LibraryPick::Folder).into());
        }
        if ui.button("Add file…").clicked() {
            commands.push(ArchiveCommand::Add(LibraryPick::File).into());
        }
        if ui
            .add_enabled(ready, egui::Button::new("Reindex"))
            .on_hover_text("Read every file again and rebuild the index")
            .clicked()
        {
            commands.push(ArchiveCommand::Reindex.into());
        }
        if ui.button("Close").clicked() {
            commands.push(ArchiveCommand::CloseLibrary.into());
        }
        if panel.library_busy > 0 || panel.status == ArchiveStatus::Opening {
            ui.weak("Updating the index…");
        }
    });
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
