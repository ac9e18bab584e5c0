//! The document of an open review: the model, where it lives on disk, its undo history, and
//! the generation counters that tell derived data (the UI's layout caches) when to rebuild.
//! Its fields are private: [`super::OpenReview`] is the only way to change it (apply an edit,
//! undo, redo, save), and the history is sealed there.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use claimdesk_model::Review;
use claimdesk_model::fields::TypingKey;
use claimdesk_model::format::{self, SaveError};
use claimdesk_model::history::{Edit, History, MissingClaim};

use super::OpenReview;

/// A review being worked on, as a file: read through its accessors, changed only by
/// [`super::OpenReview`].
pub struct Document {
    /// The review itself.
    review: Review,
    /// Where it was last saved or opened from; `None` for a new review.
    path: Option<PathBuf>,
    /// The article file a new review was made from (to propose a save location).
    article_path: Option<PathBuf>,
    /// Undo/redo stacks and the saved-state marker.
    history: History,
    /// Bumped on every change, so derived data (highlight index, counts) knows when to rebuild.
    generation: u64,
    /// Problems found while loading, shown to the user once.
    load_warnings: Vec<String>,
    /// SHA-256 of the file as last read or written, to notice changes made by others.
    disk_sha256: Option<String>,
    /// How the article was imported (encoding, kind, notes), for a review made from a file.
    import: Option<ImportInfo>,
    /// Names the article text: a new value, unique in this process, whenever a document is
    /// made or its article text is replaced (an update, its undo or redo). Layout caches key on
    /// it; the find bar and the selection are reset when it changes.
    article_generation: u64,
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
        if self.kind.is_document() {
            // A PDF, Word, OpenDocument or subtitle file: its reader, not a text encoding.
            return self.kind.label().to_owned();
        }
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

    /// A review opened from `path`, with the problems its loading found and the SHA-256 of the
    /// file as read (to notice changes made by others).
    pub fn opened(
        review: Review,
        path: PathBuf,
        warnings: Vec<String>,
        disk_sha256: Option<String>,
    ) -> Self {
        let mut doc = Self::wrap(review, Some(path), None);
        doc.load_warnings = warnings;
        doc.disk_sha256 = disk_sha256;
        doc
    }

    /// Unsaved work restored from a recovery file: it names the review file it belongs to
    /// (if that still exists) and keeps what was known of the file on disk. It counts as
    /// unsaved.
    pub fn restored(
        review: Review,
        (path, article_path): (Option<PathBuf>, Option<PathBuf>),
        disk_sha256: Option<String>,
    ) -> Self {
        let mut doc = Self::wrap(review, path.filter(|p| p.exists()), article_path);
        doc.disk_sha256 = disk_sha256;
        doc.history.mark_modified();
        doc
    }

    /// With the article's import facts (a review made from a file).
    pub fn with_import(mut self, import: ImportInfo) -> Self {
        self.import = Some(import);
        self
    }

    /// Unsaved from the start: its text is nowhere on disk (pasted text), so closing asks.
    pub fn unsaved(mut self) -> Self {
        self.history.mark_modified();
        self
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

    /// The review.
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// Where it was last saved or opened from; `None` for a new review.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The article file a new review was made from.
    pub fn article_path(&self) -> Option<&Path> {
        self.article_path.as_deref()
    }

    /// The undo/redo history (read-only: labels, typing runs, the saved marker).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Bumped on every change of the review.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Names the article text (see the field's comment).
    pub fn article_generation(&self) -> u64 {
        self.article_generation
    }

    /// Problems found while loading.
    pub fn load_warnings(&self) -> &[String] {
        &self.load_warnings
    }

    /// SHA-256 of the file as last read or written.
    pub fn disk_sha256(&self) -> Option<&str> {
        self.disk_sha256.as_deref()
    }

    /// How the article was imported, for a review made from a file.
    pub fn import(&self) -> Option<&ImportInfo> {
        self.import.as_ref()
    }

    /// Records how the article (now the new text of an update) was imported.
    fn set_import(&mut self, import: ImportInfo) {
        self.import = Some(import);
    }

    /// Gives the article a new generation if the last change swapped its text.
    fn follow_article(&mut self) {
        let key = text_key(&self.review);
        if key != self.text_key {
            self.text_key = key;
            self.article_generation = next_article_generation();
        }
    }

    /// Applies edits as one undoable step (or, with a typing key, as part of the typing run
    /// it continues). [`OpenReview::apply`] seals the history first.
    fn apply(
        &mut self,
        label: &str,
        edits: Vec<Edit>,
        coalesce: Option<TypingKey>,
    ) -> Result<(), MissingClaim> {
        self.history
            .apply(&mut self.review, label, edits, coalesce, Instant::now())?;
        self.generation += 1;
        self.follow_article();
        Ok(())
    }

    /// Closes the current typing run: the next change is a step of its own.
    fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; returns its name.
    fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.review)?;
        self.generation += 1;
        self.follow_article();
        Some(label)
    }

    /// Redoes the last undone step; returns its name.
    fn redo(&mut self) -> Option<String> {
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
    fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
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

/// The only ways to change an open review's document: these live here, beside the
/// document's private fields and mutators, so no feature can change the review another way.
impl OpenReview {
    /// Applies `edits` as one undoable step named `label` (a step of its own: any typing run
    /// before it is closed).
    pub fn apply(&mut self, label: &str, edits: Vec<Edit>) -> Result<(), MissingClaim> {
        self.doc.seal();
        self.changed(|doc| doc.apply(label, edits, None))
    }

    /// Applies `edits` typed into the field named by `key`: quick successive changes of one
    /// field are one undo step.
    pub fn apply_typing(
        &mut self,
        label: &str,
        edits: Vec<Edit>,
        key: TypingKey,
    ) -> Result<(), MissingClaim> {
        self.changed(|doc| doc.apply(label, edits, Some(key)))
    }

    /// Undoes the last step; returns its name.
    pub fn undo(&mut self) -> Option<String> {
        self.changed(Document::undo)
    }

    /// Redoes the last undone step; returns its name.
    pub fn redo(&mut self) -> Option<String> {
        self.changed(Document::redo)
    }

    /// Saves to `path` atomically; the next change starts a new undo step.
    pub(crate) fn save_to(&mut self, path: &std::path::Path) -> Result<(), SaveError> {
        self.doc.save_to(path)
    }

    /// Records how the article (the new text of an update) was imported.
    pub(crate) fn set_import(&mut self, import: ImportInfo) {
        self.doc.set_import(import);
    }

    /// Runs `change` on the document, then keeps the features consistent with it: a claim
    /// that is gone is no longer selected or picked; a swapped article text resets what holds
    /// offsets into it (the selection, find's matches).
    fn changed<T>(&mut self, change: impl FnOnce(&mut Document) -> T) -> T {
        let article = self.doc.article_generation();
        let generation = self.doc.generation();
        let out = change(&mut self.doc);
        if self.doc.generation() != generation {
            if self.doc.article_generation() != article {
                self.view.article_swapped();
                if let Some(find) = &mut self.find {
                    find.article_swapped();
                }
            }
            self.view.forget_missing_claims(self.doc.review());
        }
        out
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
        assert_eq!(doc.review().article.title, "");
        let titled = Review::new(Article::new("Chief denies", "", "Text.".into()));
        let doc = Document::new_from_article(titled, Some(PathBuf::from("/tmp/page.html")));
        assert_eq!(doc.display_name(), "Chief denies (new review)");
    }
}
