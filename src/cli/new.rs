//! `claimdesk new ARTICLE|URL [-o REVIEW.claimdesk] [--encoding LABEL] [--media-url URL] [--force]`:
//! start a review of an article (.txt in any encoding, .html saved page, .md, .pdf, .docx, .odt,
//! .srt, .vtt) without opening the window, so a desk can prepare reviews in batch.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_import::EncodingSource;
use claimdesk_model::format::{EXTENSION, save_file};

/// Arguments of `new`.
#[derive(clap::Args)]
pub struct NewArgs {
    /// The article: .txt (UTF-8, UTF-16 with BOM or a legacy encoding), .html/.htm, .md, a
    /// PDF (its text layer), Word .docx, OpenDocument .odt, or subtitles (.srt, .vtt); or an
    /// http(s) address, fetched once (the only network access Claimdesk makes; the review is
    /// then written to `<last part of the address>.claimdesk` in the current folder).
    pub article: PathBuf,
    /// Where to write the review (default: beside the article, `<name>.claimdesk`).
    #[arg(short, long, value_name = "REVIEW")]
    pub output: Option<PathBuf>,
    /// Decode the article with this encoding (a WHATWG label such as windows-1252) instead of
    /// the detected one.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// The address of the video the subtitles belong to: reports link each claim to its
    /// moment.
    #[arg(long, value_name = "URL")]
    pub media_url: Option<String>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Imports the article and writes the new review atomically. Prints the output path, the
/// encoding and how it was decided; import notes go to stderr.
pub fn run(args: &NewArgs) -> ExitCode {
    let address = super::new_address::is_address(&args.article)
        .then(|| args.article.to_string_lossy().trim().to_owned());
    let output = args.output.clone().unwrap_or_else(|| match &address {
        Some(address) => super::new_address::default_output(address),
        None => default_output(&args.article),
    });
    if output.exists() && !args.force {
        return super::fail(
            &output,
            "already exists; choose another file with -o, or pass --force to overwrite it",
        );
    }
    let imported = match &address {
        Some(address) => super::new_address::fetch_and_import(address, args.encoding.as_deref()),
        None => super::import_or_fail(&args.article, args.encoding.as_deref()),
    };
    let mut imported = match imported {
        Ok(i) => i,
        Err(code) => return code,
    };
    if let Some(url) = &args.media_url {
        imported.review.details.media_url = url.trim().to_owned();
    }
    if let Err(e) = save_file(&output, &imported.review) {
        return super::fail(&output, e);
    }
    let how = match imported.encoding_source {
        EncodingSource::Override => "as asked",
        EncodingSource::Bom => "byte order mark",
        EncodingSource::Declared => "declared by the page",
        EncodingSource::Utf8 => "valid UTF-8",
        EncodingSource::Guessed => "guessed",
        EncodingSource::Text => "text",
    };
    println!("{}", output.display());
    println!(
        "  article: {} ({})",
        imported.review.article.title,
        imported.kind.label()
    );
    let article = &imported.review.article;
    if imported.kind.is_document() && imported.encoding == imported.kind.label() {
        // PDF, Word and OpenDocument files have no text encoding to report.
    } else {
        println!("  encoding: {} ({how})", imported.encoding);
    }
    println!("  characters: {}", article.char_len());
    if !article.page_starts().is_empty() {
        println!("  pages: {}", article.page_starts().len());
    }
    if let Some(last) = article.media_times().last() {
        println!(
            "  media: {} timed passages, the last at {:.3} s",
            article.media_times().len(),
            last.millis as f64 / 1000.0
        );
    }
    if let Some(origin) = &article.origin {
        println!("  sha256 of {}: {}", origin.file_name, origin.sha256);
    }
    for note in &imported.notes {
        eprintln!("claimdesk: {}: note: {note}", args.article.display());
    }
    ExitCode::SUCCESS
}

/// `dir/name.claimdesk` for `dir/name.ext`.
fn default_output(article: &Path) -> PathBuf {
    article.with_extension(EXTENSION)
}
