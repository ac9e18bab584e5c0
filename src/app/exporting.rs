//! File → Export… ([`ExportCommand`]) off the UI thread: the review is copied, typeset and
//! written atomically on a worker thread, so a long export (a PDF of a large review takes
//! seconds) never freezes the window. One export runs at a time; closing the window waits for
//! it.

use std::path::{Path, PathBuf};

use claimdesk_model::Review;
use claimdesk_model::atomic::write_atomic;
use claimdesk_reports::{ExportFormat, ExportOptions, ReportOptions, export_with};

use super::AppState;
use super::files::picker::{self, FilePick};
use super::in_flight::InFlight;
use super::open_review::Document;

/// What the export dialog asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Ask where to export the review in this format, then write it.
    Start(ExportFormat),
    /// Include each claim's timeline in HTML, Markdown and PDF reports (remembered).
    SetTimeline(bool),
}

/// Applies an export command.
pub fn apply(app: &mut AppState, command: ExportCommand, ctx: &egui::Context) {
    match command {
        ExportCommand::Start(format) => {
            if app.review.is_some() {
                picker::start(app, FilePick::Export(format), ctx);
            }
        }
        ExportCommand::SetTimeline(on) => app.settings.export_timeline = on,
    }
}

/// Where Export proposes to write: beside the review (or the article it was made from), named
/// after it, with the format's extension. The two JSON-LD formats get a qualifier so they do not
/// propose the same file.
pub fn suggested_export_path(doc: &Document, format: ExportFormat) -> PathBuf {
    let base = doc.path().or(doc.article_path()).map_or_else(
        || PathBuf::from(file_safe(&doc.review().article.title)),
        Path::to_owned,
    );
    let ext = match format {
        ExportFormat::ClaimReview => "claimreview.jsonld",
        ExportFormat::WebAnnotation => "annotations.jsonld",
        other => other.extension(),
    };
    base.with_extension(ext)
}

/// A title made usable as a file name (no path separators or control characters).
fn file_safe(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let name = name.trim().trim_start_matches('.');
    if name.is_empty() {
        "review".to_owned()
    } else {
        name.to_owned()
    }
}

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
pub struct Exporting {
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

impl Exporting {
    /// The export being written, if any (the status bar shows it).
    pub fn running(&self) -> Option<&ExportJob> {
        self.running.as_ref().map(InFlight::purpose)
    }
}

/// Starts exporting the open review in `format` to `path` (the format's extension is added
/// when the name has none) on a worker thread; the outcome is reported when it arrives (see
/// [`poll`]). Returns false, with a message, if nothing was started.
pub fn export_to(
    app: &mut AppState,
    path: &Path,
    format: ExportFormat,
    ctx: &egui::Context,
) -> bool {
    let Some(open) = &app.review else {
        return false;
    };
    if let Some(running) = app.exporting.running().cloned() {
        app.notices.error(format!(
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
            timeline: app.settings.export_timeline,
            ..ReportOptions::default()
        },
        ..ExportOptions::default()
    };
    let review = open.review().clone();
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
        app.notices
            .error(format!("Could not start the export: {e}"));
        return false;
    }
    app.exporting.running = Some(InFlight::new(job, answer));
    true
}

/// Reports a finished export (once), and closes the window if it was waiting for it.
pub(crate) fn poll(app: &mut AppState, ctx: &egui::Context) {
    let lost = || Err("The export stopped without finishing (an internal error).".to_owned());
    let Some((job, outcome)) = InFlight::take_answer(&mut app.exporting.running, lost) else {
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
                app.notices.info(done);
            } else {
                app.notices
                    .warning(format!("{done}. {}", notes.join(" ")), Vec::new());
            }
        }
        Err(message) => app.notices.error(message),
    }
    if std::mem::take(&mut app.exporting.close_when_done) {
        // Asked again, so an unsaved review still gets its question.
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// A close request while an export is being written: the window stays until it is done.
/// Returns true if the close was put off.
pub(crate) fn defer_close(app: &mut AppState) -> bool {
    let Some(label) = app.exporting.running().map(|job| job.format.label()) else {
        return false;
    };
    if !app.exporting.close_when_done {
        app.notices
            .info(format!("Finishing the {label} before closing…"));
    }
    app.exporting.close_when_done = true;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_plain_file_names() {
        assert_eq!(file_safe("a/b\\c:d"), "a_b_c_d");
        assert_eq!(file_safe("  ..hidden "), "hidden");
        assert_eq!(file_safe("   "), "review");
    }
}
