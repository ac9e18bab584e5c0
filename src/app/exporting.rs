//! File → Export… off the UI thread: the review is copied, typeset and written atomically on a
//! worker thread, so a long export (a PDF of a large review takes seconds) never freezes the
//! window. One export runs at a time; closing the window waits for it.

use std::path::{Path, PathBuf};

use claimdesk_model::Review;
use claimdesk_model::atomic::write_atomic;
use claimdesk_reports::{ExportFormat, ExportOptions, ReportOptions, export_with};

use super::AppState;
use super::in_flight::InFlight;

/// The export being written: its format and file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportJob {
    /// What is being written.
    pub format: ExportFormat,
    /// Where it goes (with its extension).
    pub path: PathBuf,
}

/// How an export ended: the exporter's notes, or what went wrong, said for the user.
type ExportOutcome = Result<Vec<String>, String>;

/// The export in progress, if any, and whether the window waits for it to close.
#[derive(Default)]
pub(crate) struct Exporting {
    running: Option<InFlight<ExportJob, ExportOutcome>>,
    close_when_done: bool,
}

/// Exports `review` and writes the file; every failure becomes a sentence for the user.
fn export_and_write(review: &Review, job: &ExportJob, options: &ExportOptions) -> ExportOutcome {
    let label = job.format.label();
    let output = export_with(review, job.format, options)
        .map_err(|e| format!("Could not export the {label}: {e}"))?;
    write_atomic(&job.path, &output.bytes)
        .map_err(|e| format!("Could not write the {label} to {}: {e}", job.path.display()))?;
    Ok(output.notes)
}

impl AppState {
    /// The export being written, if any (the status bar shows it).
    pub fn export_running(&self) -> Option<&ExportJob> {
        self.exporting.running.as_ref().map(InFlight::purpose)
    }

    /// Starts exporting the open review in `format` to `path` (the format's extension is added
    /// when the name has none) on a worker thread; the outcome is reported when it arrives (see
    /// [`AppState::poll_export`]). Returns false, with a message, if nothing was started.
    pub fn export_to(&mut self, path: &Path, format: ExportFormat, ctx: &egui::Context) -> bool {
        let Some(doc) = &self.doc else {
            return false;
        };
        if let Some(running) = self.export_running().cloned() {
            self.notices.error(format!(
                "The {} is still being written to {}: export again when it is done.",
                running.format.label(),
                running.path.display()
            ));
            return false;
        }
        let job = ExportJob {
            format,
            path: if path.extension().is_none() {
                path.with_extension(format.extension())
            } else {
                path.to_owned()
            },
        };
        let options = ExportOptions {
            report: ReportOptions {
                timeline: self.settings.export_timeline,
            },
            ..ExportOptions::default()
        };
        let review = doc.review.clone();
        let (reply, answer) = std::sync::mpsc::channel();
        let worker_job = job.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("claimdesk-export".to_owned())
            .spawn(move || {
                let _ = reply.send(export_and_write(&review, &worker_job, &options));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            self.notices
                .error(format!("Could not start the export: {e}"));
            return false;
        }
        self.exporting.running = Some(InFlight::new(job, answer));
        true
    }

    /// Reports a finished export (once), and closes the window if it was waiting for it.
    pub(crate) fn poll_export(&mut self, ctx: &egui::Context) {
        let lost = || Err("The export stopped without finishing (an internal error).".to_owned());
        let Some((job, outcome)) = InFlight::take_answer(&mut self.exporting.running, lost) else {
            return;
        };
        match outcome {
            Ok(notes) => {
                let done = format!(
                    "Exported the {} to {}",
                    job.format.label(),
                    job.path.display()
                );
                if notes.is_empty() {
                    self.notices.info(done);
                } else {
                    self.notices
                        .warning(format!("{done}. {}", notes.join(" ")), Vec::new());
                }
            }
            Err(message) => self.notices.error(message),
        }
        if std::mem::take(&mut self.exporting.close_when_done) {
            // Asked again, so an unsaved review still gets its question.
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// A close request while an export is being written: the window stays until it is done.
    /// Returns true if the close was put off.
    pub(crate) fn defer_close_for_export(&mut self) -> bool {
        let Some(label) = self.export_running().map(|job| job.format.label()) else {
            return false;
        };
        if !self.exporting.close_when_done {
            self.notices
                .info(format!("Finishing the {label} before closing…"));
        }
        self.exporting.close_when_done = true;
        true
    }
}
