//! A new text for the open review's article ([`ArticleCommand`]): a corrected file, the
//! clipboard's text, or the article file read again with another encoding. Each opens the
//! article-update review ([`crate::app::open_review::update`]), where the analyst sees how
//! every claim follows the new text before applying it as one undo step; a review with no
//! claims and no changes read with another encoding is simply opened again.

use std::path::Path;

use super::AppState;
use super::clipboard::{ClipboardPurpose, read_clipboard};
use super::files::import::{file_name, import_document, info_of, read_article};
use super::files::install;
use super::files::picker::{self, FilePick};
use super::open_review::Shared;
use super::open_review::update::{NewText, begin};

/// What the user asks for a new article text.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleCommand {
    /// Pick an updated article file and review how the claims follow it.
    UpdateFromFile,
    /// Review how the claims follow the article text on the clipboard.
    UpdateFromClipboard,
    /// Read the article file again with this encoding (a WHATWG label).
    ReimportWithEncoding(String),
}

/// Encodings offered by "Encoding…" (WHATWG labels), with a word on what they are for.
pub const COMMON_ENCODINGS: [(&str, &str); 13] = [
    ("UTF-8", "Unicode (most files today)"),
    ("UTF-16LE", "Unicode, Windows \"Unicode\" text"),
    ("UTF-16BE", "Unicode, big-endian"),
    ("windows-1252", "Western European (Windows, Word)"),
    ("ISO-8859-1", "Western European (Latin-1)"),
    ("ISO-8859-2", "Central European (Latin-2)"),
    ("ISO-8859-15", "Western European with €"),
    ("windows-1250", "Central European (Windows)"),
    ("windows-1251", "Cyrillic (Windows)"),
    ("KOI8-R", "Cyrillic (KOI8-R)"),
    ("windows-1256", "Arabic (Windows)"),
    ("Shift_JIS", "Japanese"),
    ("GB18030", "Chinese (Simplified)"),
];

/// One more, kept apart so the array above stays a readable size.
pub const MORE_ENCODINGS: [(&str, &str); 3] = [
    ("EUC-KR", "Korean"),
    ("Big5", "Chinese (Traditional)"),
    ("ISO-8859-7", "Greek"),
];

/// Applies an article command (with a review open).
pub fn apply(app: &mut AppState, command: ArticleCommand, ctx: &egui::Context) {
    if app.review.is_none() {
        return;
    }
    match command {
        ArticleCommand::UpdateFromFile => picker::start(app, FilePick::UpdateArticle, ctx),
        ArticleCommand::UpdateFromClipboard => {
            read_clipboard(app, ClipboardPurpose::UpdateArticle, ctx);
        }
        ArticleCommand::ReimportWithEncoding(label) => reimport_with_encoding(app, label),
    }
}

/// Reads an updated article from `path` and opens the update review.
pub(crate) fn update_from_file(app: &mut AppState, path: &Path) {
    match read_article(path, None) {
        Ok(imported) => {
            let source = NewText {
                from: file_name(path),
                import: Some(info_of(&imported)),
                article: Some(imported.review.article.clone()),
            };
            begin_update(app, imported.review.article.text(), source);
        }
        Err(e) => app
            .notices
            .error(format!("Could not read {}: {e}", path.display())),
    }
}

/// Opens the update review for the clipboard's text.
pub(crate) fn update_from_text(app: &mut AppState, text: &str) {
    let text = claimdesk_model::text::normalize_article_text(text);
    let source = NewText {
        from: "the clipboard".to_owned(),
        import: None,
        article: None,
    };
    begin_update(app, &text, source);
}

/// Reads the open article file again with `encoding`. With no claims and no changes the review
/// is simply replaced; otherwise the new text goes through the update review, so no claim is
/// lost and the change can be undone.
fn reimport_with_encoding(app: &mut AppState, encoding: String) {
    let Some(doc) = app.review.as_ref().map(|open| open.doc()) else {
        return;
    };
    let Some(path) = doc.article_path().map(Path::to_owned) else {
        app.notices
            .info("This review was not made from an article file in this session.");
        return;
    };
    let simple = doc.review().claims().is_empty() && !doc.is_dirty();
    if simple {
        match import_document(app, &path, Some(encoding)) {
            Ok(doc) => install(app, doc),
            Err(e) => app
                .notices
                .error(format!("Could not read {}: {e}", path.display())),
        }
        return;
    }
    match read_article(&path, Some(encoding.clone())) {
        Ok(imported) => {
            let source = NewText {
                from: format!("{} read as {encoding}", file_name(&path)),
                import: Some(info_of(&imported)),
                article: Some(imported.review.article.clone()),
            };
            begin_update(app, imported.review.article.text(), source);
        }
        Err(e) => app
            .notices
            .error(format!("Could not read {}: {e}", path.display())),
    }
}

/// Opens the update review of `new_text`, unless a question waits for an answer first.
fn begin_update(app: &mut AppState, new_text: &str, source: NewText) {
    if app.question.is_some() {
        app.notices
            .info("Answer the open question first, then try again.");
        return;
    }
    let AppState {
        review: Some(open),
        notices,
        settings,
        ..
    } = app
    else {
        return;
    };
    begin(open, new_text, source, &mut Shared { notices, settings });
}
