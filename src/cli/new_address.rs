//! `claimdesk new https://…`: the article is fetched from the address the user gave (the one
//! network access Claimdesk makes, through `claimdesk-fetch`'s limits), then imported like a
//! file of the kind the server says it is (web page, plain text, PDF, Word, OpenDocument).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_fetch::{Accept, FetchOptions, Fetched, Flow, fetch};
use claimdesk_import::{ArticleKind, ImportOptions, Imported, import_bytes};
use claimdesk_model::format::EXTENSION;

/// True when the article argument is a web address, not a file.
pub fn is_address(article: &Path) -> bool {
    let text = article.to_string_lossy();
    let lower = text.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `address` and imports what arrives; errors are printed, naming the address.
pub fn fetch_and_import(address: &str, encoding: Option<&str>) -> Result<Imported, ExitCode> {
    let options = FetchOptions {
        accept: Accept::Anything,
        ..FetchOptions::default()
    };
    let fetched = fetch(address, &options, &mut |_| Flow::Continue)
        .map_err(|e| super::fail(Path::new(address), e))?;
    let kind = kind_of(&fetched);
    let name = file_name(&fetched.address, kind);
    let options = ImportOptions {
        encoding: encoding
            .map(str::to_owned)
            .or_else(|| fetched.header_charset().map(str::to_owned)),
        ..ImportOptions::default()
    };
    let mut imported = import_bytes(&fetched.bytes, &name, "", &fetched.address, kind, &options)
        .map_err(|e| super::fail(Path::new(&fetched.address), e))?;
    let details = &mut imported.review.details;
    if details.article_url.is_empty() {
        details.article_url = fetched.address.clone();
    }
    imported.notes.push(format!(
        "fetched from {} at {}",
        fetched.address, fetched.fetched_at
    ));
    Ok(imported)
}

/// The kind the server's media type names; the import also looks at the bytes themselves.
fn kind_of(fetched: &Fetched) -> ArticleKind {
    match fetched.media_type().unwrap_or("") {
        "application/pdf" => ArticleKind::Pdf,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            ArticleKind::Docx
        }
        "application/vnd.oasis.opendocument.text" => ArticleKind::Odt,
        "text/plain" => ArticleKind::Text,
        "text/markdown" => ArticleKind::Markdown,
        _ => ArticleKind::Html,
    }
}

/// A file name for the import's notes and the default review name: the address's last path
/// segment, else its host, with the kind's extension.
fn file_name(address: &str, kind: ArticleKind) -> PathBuf {
    let without_query = address.split(['?', '#']).next().unwrap_or(address);
    let rest = without_query
        .split_once("://")
        .map_or(without_query, |(_, r)| r);
    let last = rest
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("page");
    let stem: String = last
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = Path::new(&stem)
        .file_stem()
        .map_or("page".to_owned(), |s| s.to_string_lossy().into_owned());
    let stem = if stem.is_empty() {
        "page".to_owned()
    } else {
        stem
    };
    let ext = kind.extensions().first().copied().unwrap_or("html");
    PathBuf::from(format!("{stem}.{ext}"))
}

/// `<name>.claimdesk` in the current folder for a fetched article.
pub fn default_output(address: &str) -> PathBuf {
    file_name(address, ArticleKind::Html).with_extension(EXTENSION)
}
