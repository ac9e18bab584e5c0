//! Reading an article into a new review: a file of any kind (plain text in any encoding, a
//! saved web page, Markdown), detected or with the encoding forced, and pasted text. The user
//! is told what the import found (a guessed encoding is a warning).

use std::path::Path;

use claimdesk_import::{self as import, EncodingSource, ImportOptions, Imported};
use claimdesk_model::Timestamp;

use crate::app::clipboard::title_for;
use crate::app::notices::Notices;
use crate::app::open_review::{Document, ImportInfo};

/// What an import found out, for the status bar.
pub fn info_of(imported: &Imported) -> ImportInfo {
    ImportInfo {
        encoding: imported.encoding.clone(),
        source: imported.encoding_source,
        kind: imported.kind,
        notes: imported.notes.clone(),
    }
}

/// A path's file name (the whole path if it has none).
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads the article file at `path` with `encoding` forced (`None`: detected).
pub fn read_article(path: &Path, encoding: Option<String>) -> Result<Imported, String> {
    let options = ImportOptions {
        encoding,
        kind: None,
    };
    import::import_article(path, &options).map_err(|e| e.to_string())
}

/// Imports an article file as a new review (any kind, detected encoding, or `encoding`
/// forced) and tells the user what the import found. Returns the document or the error in
/// words.
pub(crate) fn import_document(
    app: &mut crate::app::AppState,
    path: &Path,
    encoding: Option<String>,
) -> Result<Document, String> {
    let imported = read_article(path, encoding)?;
    let info = info_of(&imported);
    post_import_notes(&mut app.notices, &file_name(path), &info);
    Ok(Document::new_from_article(imported.review, Some(path.to_owned())).with_import(info))
}

/// A new review of pasted text (titled by its first line), or the import's error.
pub(crate) fn pasted_text(text: &str) -> Result<Document, import::ImportError> {
    let today: String = Timestamp::now().as_str().chars().take(10).collect();
    let title = title_for(text, &today);
    let review = import::import_text(text, &title)?;
    Ok(Document::new_from_article(review, None))
}

/// Tells the user what the import found: a warning for a guessed encoding or replaced bytes,
/// a confirmation otherwise.
fn post_import_notes(notices: &mut Notices, name: &str, info: &ImportInfo) {
    let head = if info.kind.is_document() {
        format!("{name}: read as {}", info.kind.label())
    } else {
        format!(
            "{name}: {} read as {}",
            info.kind.label(),
            info.encoding_label()
        )
    };
    let doubtful =
        info.source == EncodingSource::Guessed || info.notes.iter().any(|n| n.contains("U+FFFD"));
    if doubtful {
        notices.warning(
            format!("{head}. If the text looks wrong, pick its encoding in the status bar."),
            info.notes.clone(),
        );
    } else if info.notes.is_empty() {
        notices.info(head);
    } else {
        // Notes (page parts left out, the page's address) are worth a look, but too long for
        // the status bar: a banner with the notes folded.
        notices.warning(format!("{head}; see the import notes."), info.notes.clone());
    }
}
