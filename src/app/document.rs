//! An open review: the model, where it lives on disk, its undo history, and the generation
//! counters that tell derived data (the UI's layout caches) when to rebuild.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use claimdesk_model::Review;
use claimdesk_model::format::{self, SaveError};
use claimdesk_model::history::{Edit, History, MissingClaim};

/// A review being worked on.
pub struct Document {
    /// The review itself. Changed only through [`Document::apply`], undo and redo.
    pub review: Review,
    /// Where it was last saved or opened from; `None` for a new review.
    pub path: Option<PathBuf>,
    /// The article file a new review was made from (to propose a save location).
    pub article_path: Option<PathBuf>,
    /// Undo/redo stacks and the saved-state marker.
    pub history: History,
    /// Bumped on every change, so derived data (highlight index, counts) knows when to rebuild.
    pub generation: u64,
    /// Problems found while loading, shown to the user once.
    pub load_warnings: Vec<String>,
    /// SHA-256 of the file as last read or written, to notice changes made by others.
    pub disk_sha256: Option<String>,
    /// How the article was imported (encoding, kind, notes), for a review made from a file.
    pub import: Option<ImportInfo>,
    /// Names the article text: a new value, unique in this process, whenever a document is
    /// made or its article text is replaced (an update, its undo or redo). Layout caches key on
    /// it; the find bar and the selection are reset when it changes.
    pub article_generation: u64,
    /// The text `article_generation` names: (address, length) of the article's `String`. The
    /// text is never edited in place, only swapped, so a different address means another text.
    text_key: (usize, usize),
}

/// What the import of the article file found out (shown in the status bar).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportInfo {
    /// The encoding used, by its WHATWG name (`UTF-8`, `windows-1252`…).
    pub encoding: String,
    /// How the encoding was decided.
    pub source: claimdesk_import::EncodingSource,
    /// Plain text, web page or Markdown.
    pub kind: claimdesk_import::ArticleKind,
    /// The import's notes.
    pub notes: Vec<String>,
}

impl ImportInfo {
    /// "windows-1252 (guessed)", "UTF-16LE (byte order mark)"…
    pub fn encoding_label(&self) -> String {
        use claimdesk_import::EncodingSource as S;
        let how = match self.source {
            S::Override => "chosen",
            S::Bom => "byte order mark",
            S::Declared => "declared by the page",
            S::Utf8 => "detected",
            S::Guessed => "guessed",
            S::Text => "text",
        };
        format!("{} ({how})", self.encoding)
    }
}

fn text_key(review: &Review) -> (usize, usize) {
    let text = review.article.text();
    (text.as_ptr() as usize, text.len())
}

/// A fresh article generation, never handed out before in this process.
fn next_article_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A new review of an article read from `article_path`. It has no file yet, but is not
    /// "unsaved" until the first change: there is nothing to lose before that.
    pub fn new_from_article(review: Review, article_path: Option<PathBuf>) -> Self {
        Self::wrap(review, None, article_path)
    }

    /// A review opened from `path`.
    pub fn opened(review: Review, path: PathBuf, warnings: Vec<String>) -> Self {
        let mut doc = Self::wrap(review, Some(path), None);
        doc.load_warnings = warnings;
        doc
    }

    fn wrap(review: Review, path: Option<PathBuf>, article_path: Option<PathBuf>) -> Self {
        let text_key = text_key(&review);
        Self {
            review,
            path,
            article_path,
            history: History::default(),
            generation: 0,
            load_warnings: Vec::new(),
            disk_sha256: None,
            import: None,
            article_generation: next_article_generation(),
            text_key,
        }
    }

    /// Gives the article a new generation if the last change swapped its text.
    fn follow_article(&mut self) {
        let key = text_key(&self.review);
        if key != self.text_key {
            self.text_key = key;
            self.article_generation = next_article_generation();
        }
    }

    /// Applies edits as one undoable step.
    pub fn apply(
        &mut self,
        label: &str,
        edits: Vec<Edit>,
        coalesce: Option<claimdesk_model::fields::TypingKey>,
    ) -> Result<(), MissingClaim> {
        self.history
            .apply(&mut self.review, label, edits, coalesce, Instant::now())?;
        self.generation += 1;
        self.follow_article();
        Ok(())
    }

    /// Undoes the last step; returns its name.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.review)?;
        self.generation += 1;
        self.follow_article();
        Some(label)
    }

    /// Redoes the last undone step; returns its name.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.review)?;
        self.generation += 1;
        self.follow_article();
        Some(label)
    }

    /// True if there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Saves to `path` atomically and remembers it as the review's file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        let written = format::save_file(path, &self.review)?;
        self.disk_sha256 = Some(claimdesk_model::sha256_hex(written.as_bytes()));
        self.path = Some(path.to_owned());
        self.history.mark_saved();
        self.history.seal();
        Ok(())
    }

    /// True if the file at `path` is no longer what this review last read or wrote there.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        let Some(known) = &self.disk_sha256 else {
            return false;
        };
        if self.path.as_deref() != Some(path) {
            return false;
        }
        match std::fs::read(path) {
            Ok(bytes) => &claimdesk_model::sha256_hex(&bytes) != known,
            Err(_) => false,
        }
    }

    /// The name shown in the title bar: the file name, or the article title for a new review.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => format!("{} (new review)", self.article_name()),
        }
    }

    /// The article's title, or for a page without one (the review's title stays empty) the
    /// name of the file it was imported from.
    fn article_name(&self) -> String {
        let title = self.review.article.title.trim();
        if !title.is_empty() {
            return title.to_owned();
        }
        self.article_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "Untitled".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            )
    }

    /// Where Save proposes to write a new review: `<article name>.claimdesk` beside the article.
    pub fn suggested_path(&self) -> PathBuf {
        if let Some(p) = &self.path {
            return p.clone();
        }
        let base = self
            .article_path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.review.article.title));
        base.with_extension(format::EXTENSION)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk_model::Article;

    /// A saved web page without a title keeps an empty review title (issue 17); the window
    /// names the file it came from instead.
    #[test]
    fn an_untitled_article_is_named_by_its_file() {
        let untitled = Review::new(Article::new("", "", "Text.".into()));
        let doc = Document::new_from_article(untitled, Some(PathBuf::from("/tmp/page.html")));
        assert_eq!(doc.display_name(), "page.html (new review)");
        assert_eq!(doc.review.article.title, "");
        let titled = Review::new(Article::new("Chief denies", "", "Text.".into()));
        let doc = Document::new_from_article(titled, Some(PathBuf::from("/tmp/page.html")));
        assert_eq!(doc.display_name(), "Chief denies (new review)");
    }
}
