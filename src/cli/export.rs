//! `claimdesk export REVIEW --format FMT [-o OUT] [--paper a4|letter] [--lang TAG]`: write a report of a review to stdout or,
//! atomically, to a file. The same core code as the GUI's File → Export….

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_i18n::Language;
use claimdesk_model::atomic::write_atomic;
use claimdesk_model::format::load_file;
use claimdesk_reports::{ExportFormat, ExportOptions, Paper, ReportOptions, export_with};

/// Arguments of `export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// The review file (.claimdesk).
    pub review: PathBuf,
    /// The report format: html, pdf, markdown, csv, claimreview or webannotation.
    #[arg(short, long, value_name = "FMT")]
    pub format: ExportFormat,
    /// The PDF report's page size: a4 or letter.
    #[arg(long, value_name = "SIZE", default_value = "a4")]
    pub paper: Paper,
    /// Write the report to this file (atomically) instead of standard output; `-` is stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// HTML, Markdown and PDF: include each claim's timeline (who changed its status or
    /// verdict, when and why).
    #[arg(long)]
    pub timeline: bool,
    /// HTML, Markdown, PDF and ClaimReview: the language to write the report in (a tag such as
    /// `es`, `pt-BR`, `ar`); default: the review's language, else English.
    #[arg(long, value_name = "TAG")]
    pub lang: Option<Language>,
}

/// Loads the review, exports it, writes the bytes. Any error is one line on stderr naming the
/// file, exit 1; after a successful write, load warnings and export notes go to stderr.
pub fn run(args: &ExportArgs) -> ExitCode {
    let target = args.output.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(p) = target.filter(|p| same_file(p, &args.review)) {
        return super::fail(
            p,
            "is the review itself; choose another output file so the review is not overwritten",
        );
    }
    let loaded = match load_file(&args.review) {
        Ok(l) => l,
        Err(e) => return super::fail(&args.review, e),
    };
    let options = ExportOptions {
        paper: args.paper,
        report: ReportOptions {
            timeline: args.timeline,
            language: args.lang,
        },
    };
    let out = match export_with(&loaded.review, args.format, &options) {
        Ok(out) => out,
        Err(e) => return super::fail(&args.review, e),
    };
    let written = match target {
        None => write_stdout(&args.review, &out.bytes),
        Some(p) => match write_atomic(p, &out.bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => super::fail(p, format!("cannot write the report: {}", plain(&e))),
        },
    };
    if written == ExitCode::SUCCESS {
        for warning in &loaded.warnings {
            eprintln!("claimdesk: {}: warning: {warning}", args.review.display());
        }
        for note in &out.notes {
            eprintln!("claimdesk: note: {note}");
        }
    }
    written
}

/// An I/O error in words, without the temporary file's path that `tempfile` appends.
fn plain(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn write_stdout(review: &Path, bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::fail(
            review,
            format!("cannot write the report to standard output: {e}"),
        ),
    }
}

/// True if both paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
