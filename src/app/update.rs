//! Issue 6 in the app: importing articles (encodings, web pages, Markdown), new reviews from the
//! clipboard, and updating the article text with a re-anchoring review. Applied from
//! [`super::AppState::run`]; the UI draws it as a dialog.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;

use claimdesk_import::reanchor::{self, Choice, Decisions, Outcome, UpdatePlan};
use claimdesk_import::{self as import, ImportOptions, Imported};
use claimdesk_model::Timestamp;
use claimdesk_model::history::Edit;
use claimdesk_model::text::{CharIndex, claim_span};
use claimdesk_model::{ClaimId, Span};

use super::AppState;
use super::clipboard::{ClipboardAnswer, title_for};
use super::document::{Document, ImportInfo};
use super::in_flight::InFlight;
use super::view_state::ViewState;

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

/// Why the clipboard is being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClipboardPurpose {
    /// Start a new review of the text.
    NewReview,
    /// Update the open review's article to the text.
    UpdateArticle,
}

/// The analyst's answer for a claim that is not applied automatically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Keep the claim as an orphan with its old quote (the default: nothing is guessed).
    KeepOrphan,
    /// Accept the proposed place of a changed claim.
    Accept,
    /// Take this candidate of an ambiguous claim.
    Candidate(usize),
}

/// The article-update review, while it is open: the plan and the analyst's picks so far.
pub struct UpdateDialog {
    /// What re-anchoring proposes.
    pub plan: UpdatePlan,
    /// Where the new text came from ("the clipboard", a file name).
    pub from: String,
    /// Picks for changed and ambiguous claims; a claim not listed is kept as an orphan.
    pub picks: HashMap<ClaimId, Pick>,
    /// How the new text was imported (for a file), to show in the status bar once applied.
    pub import: Option<ImportInfo>,
    /// The review's generation the plan was made for (it is stale if the review changed).
    pub generation: u64,
    /// Char offsets of the new text, to show candidates in context.
    pub index: CharIndex,
    /// The merge conflict over the article text this update resolves (their text taken), by
    /// its index: applying the update removes it in the same undo step.
    pub resolves_conflict: Option<usize>,
}

impl UpdateDialog {
    /// The new text from char `start` to `end` (clamped).
    pub fn new_slice(&self, start: usize, end: usize) -> &str {
        let len = self.index.char_len();
        self.index
            .slice(&self.plan.new_text, start.min(len), end.min(len))
    }
}

impl UpdateDialog {
    /// The pick for `id` (default: keep as orphan).
    pub fn pick(&self, id: &ClaimId) -> Pick {
        self.picks.get(id).copied().unwrap_or(Pick::KeepOrphan)
    }

    /// Accepts every changed claim.
    pub fn accept_all_changed(&mut self) {
        for u in &self.plan.claims {
            if matches!(u.outcome, Outcome::Changed { .. }) {
                self.picks.insert(u.id.clone(), Pick::Accept);
            }
        }
    }

    /// The picks as the core's decisions.
    pub fn decisions(&self) -> Decisions {
        let choices = self
            .picks
            .iter()
            .map(|(id, pick)| {
                let choice = match *pick {
                    Pick::KeepOrphan => Choice::KeepOrphan,
                    Pick::Accept => Choice::Accept,
                    Pick::Candidate(i) => Choice::Candidate(i),
                };
                (id.clone(), choice)
            })
            .collect();
        Decisions {
            accept_changed: false,
            choices,
        }
    }

    /// How many claims will be orphans if applied now.
    pub fn orphans_after(&self) -> usize {
        self.plan
            .claims
            .iter()
            .filter(|u| match &u.outcome {
                Outcome::Unchanged { .. } | Outcome::Moved { .. } => false,
                Outcome::Changed { .. } => self.pick(&u.id) != Pick::Accept,
                Outcome::Ambiguous { candidates } => {
                    !matches!(self.pick(&u.id), Pick::Candidate(i) if i < candidates.len())
                }
                Outcome::Orphaned { .. } => true,
            })
            .count()
    }
}

fn info_of(imported: &Imported) -> ImportInfo {
    ImportInfo {
        encoding: imported.encoding.clone(),
        source: imported.encoding_source,
        kind: imported.kind,
        notes: imported.notes.clone(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl AppState {
    /// Imports an article file as a new review (any kind, detected encoding), or with
    /// `encoding` forced. Returns the document or the error in words.
    pub(super) fn import_document(
        &mut self,
        path: &Path,
        encoding: Option<String>,
    ) -> Result<Document, String> {
        let imported = import::import_article(
            path,
            &ImportOptions {
                encoding,
                kind: None,
            },
        )
        .map_err(|e| e.to_string())?;
        let info = info_of(&imported);
        let mut doc = Document::new_from_article(imported.review, Some(path.to_owned()));
        self.post_import_notes(&file_name(path), &info);
        doc.import = Some(info);
        Ok(doc)
    }

    /// Tells the user what the import found: a warning for a guessed encoding or replaced
    /// bytes, a confirmation otherwise.
    fn post_import_notes(&mut self, name: &str, info: &ImportInfo) {
        use claimdesk_import::EncodingSource;
        let head = format!(
            "{name}: {} read as {}",
            info.kind.label(),
            info.encoding_label()
        );
        let doubtful = info.source == EncodingSource::Guessed
            || info.notes.iter().any(|n| n.contains("U+FFFD"));
        if doubtful {
            self.notices.warning(
                format!("{head}. If the text looks wrong, pick its encoding in the status bar."),
                info.notes.clone(),
            );
        } else if info.notes.is_empty() {
            self.notices.info(head);
        } else {
            // Notes (page parts left out, the page's address) are worth a look, but too long
            // for the status bar: a banner with the notes folded.
            self.notices
                .warning(format!("{head}; see the import notes."), info.notes.clone());
        }
    }

    /// Reads the open article file again with `encoding`. With no claims and no changes the
    /// review is simply replaced; otherwise the new text goes through the update review, so no
    /// claim is lost and the change can be undone.
    pub(super) fn reimport_with_encoding(&mut self, encoding: String) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(path) = doc.article_path.clone() else {
            self.notices
                .info("This review was not made from an article file in this session.");
            return;
        };
        let simple = doc.review.claims().is_empty() && !doc.is_dirty();
        if simple {
            match self.import_document(&path, Some(encoding.clone())) {
                Ok(doc) => self.install(doc),
                Err(e) => self
                    .notices
                    .error(format!("Could not read {}: {e}", path.display())),
            }
            return;
        }
        let options = ImportOptions {
            encoding: Some(encoding.clone()),
            kind: None,
        };
        match import::import_article(&path, &options) {
            Ok(imported) => {
                let info = info_of(&imported);
                let from = format!("{} read as {encoding}", file_name(&path));
                self.begin_update(imported.review.article.text(), from, Some(info));
            }
            Err(e) => self
                .notices
                .error(format!("Could not read {}: {e}", path.display())),
        }
    }

    /// Starts a new, unsaved review of pasted text.
    pub(super) fn open_text(&mut self, text: &str) {
        let today: String = Timestamp::now().as_str().chars().take(10).collect();
        let title = title_for(text, &today);
        match import::import_text(text, &title) {
            Ok(review) => {
                let mut doc = Document::new_from_article(review, None);
                // The pasted text is nowhere on disk: closing asks to save it.
                doc.history.mark_modified();
                self.install(doc);
                self.notices.info("New review of the pasted text.");
            }
            Err(_) => self
                .notices
                .info("The clipboard has no text to review (it is empty or only whitespace)."),
        }
    }

    /// Reads the clipboard, then acts on it (see [`ClipboardPurpose`]).
    pub(super) fn read_clipboard(&mut self, purpose: ClipboardPurpose, ctx: &egui::Context) {
        if self.clipboard_read.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        self.clipboard.read_text(ctx, tx);
        self.clipboard_read = Some(InFlight::new(purpose, rx));
    }

    /// Handles the clipboard's answer, if it has arrived.
    pub(crate) fn poll_clipboard(&mut self, ctx: &egui::Context) {
        let Some((purpose, answer)) = InFlight::take_answer(&mut self.clipboard_read, || {
            ClipboardAnswer::Unavailable("Could not read the clipboard.".to_owned())
        }) else {
            return;
        };
        let text = match answer {
            ClipboardAnswer::Text(t) if !t.trim().is_empty() => t,
            ClipboardAnswer::Text(_) => {
                self.notices.info("The clipboard holds no text to review.");
                return;
            }
            ClipboardAnswer::Unavailable(why) => {
                self.notices.info(why);
                return;
            }
        };
        match purpose {
            ClipboardPurpose::NewReview => {
                self.run(super::Command::NewFromText(text), ctx);
            }
            ClipboardPurpose::UpdateArticle => {
                let text = claimdesk_model::text::normalize_article_text(&text);
                self.begin_update(&text, "the clipboard".to_owned(), None);
            }
        }
    }

    /// Reads an updated article from `path` and opens the update review.
    pub(super) fn update_from_file(&mut self, path: &Path) {
        match import::import_article(path, &ImportOptions::default()) {
            Ok(imported) => {
                let info = info_of(&imported);
                self.begin_update(imported.review.article.text(), file_name(path), Some(info));
            }
            Err(e) => self
                .notices
                .error(format!("Could not read {}: {e}", path.display())),
        }
    }

    /// Re-anchors every claim against `new_text` and opens the review of the outcomes.
    pub(super) fn begin_update(
        &mut self,
        new_text: &str,
        from: String,
        import: Option<ImportInfo>,
    ) {
        let Some(doc) = &self.doc else {
            return;
        };
        let plan = reanchor::reanchor(&doc.review, new_text);
        if plan.is_same_text() {
            self.notices.info(format!(
                "The text from {from} is the article as it is; nothing to update."
            ));
            return;
        }
        // Nothing is guessed: changed and ambiguous claims stay orphans unless picked.
        self.ask(super::Modal::Update(Box::new(UpdateDialog {
            index: CharIndex::new(&plan.new_text),
            plan,
            from,
            picks: HashMap::new(),
            import,
            generation: doc.generation,
            resolves_conflict: None,
        })));
    }

    /// Applies the open update review as one undoable step.
    pub(super) fn apply_update(&mut self) {
        let Some(super::Modal::Update(dialog)) =
            self.take_modal(|m| matches!(m, super::Modal::Update(_)))
        else {
            return;
        };
        let Some(doc) = &mut self.doc else {
            return;
        };
        if doc.generation != dialog.generation {
            self.notices
                .error("The review changed while the update was open; start the update again.");
            return;
        }
        let mut edits = vec![reanchor::update_edit(
            &doc.review,
            &dialog.plan,
            &dialog.decisions(),
            Timestamp::now(),
        )];
        let mut label = "update article text";
        if let Some(n) = dialog.resolves_conflict
            && n < doc.review.conflicts.len()
        {
            let mut rest = doc.review.conflicts.clone();
            rest.remove(n);
            edits.push(Edit::SetConflicts(rest));
            label = "take their article text";
        }
        doc.history.seal();
        if doc.apply(label, edits, None).is_err() {
            self.notices.error("Could not apply the update.");
            return;
        }
        doc.history.seal();
        if let Some(info) = dialog.import {
            doc.import = Some(info);
        }
        let orphans = doc.review.orphan_count();
        self.after_article_change();
        let c = dialog.plan.counts();
        self.notices.info(format!(
            "Article updated from {}: {} unchanged, {} moved, {} changed, {} ambiguous; {orphans} orphan{} to re-attach.",
            dialog.from,
            c.unchanged,
            c.moved,
            c.changed,
            c.ambiguous,
            if orphans == 1 { "" } else { "s" },
        ));
    }

    /// Records the analyst's pick for a claim in the open update review.
    pub(super) fn pick_update(&mut self, id: ClaimId, pick: Pick) {
        if let Some(dialog) = self.update_dialog_mut() {
            dialog.picks.insert(id, pick);
        }
    }

    /// Accepts the new text of every changed claim in the open update review.
    pub(super) fn accept_all_changed(&mut self) {
        if let Some(dialog) = self.update_dialog_mut() {
            dialog.accept_all_changed();
        }
    }

    /// The article text was swapped (update, undo, redo): offsets of the selection and of find
    /// matches are meaningless now.
    pub(super) fn after_article_change(&mut self) {
        let selected = self.view_state.selected_claim.take();
        self.view_state = ViewState {
            selected_claim: selected,
            ..ViewState::default()
        };
        if let Some(find) = &mut self.find {
            let query = std::mem::take(&mut find.query);
            *find = super::find::FindBar::default();
            find.query = query;
        }
    }

    /// Attaches a claim (typically an orphan) to the selected text, as one undoable step.
    pub(super) fn reattach(&mut self, id: &ClaimId) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(sel) = self.view_state.selection.filter(|s| !s.is_empty()) else {
            self.notices
                .info("Select the claim's new text in the article first, then re-attach.");
            return;
        };
        let (a, b) = sel.range();
        let article = &doc.review.article;
        let Some((a, b)) = claim_span(article.text(), article.index(), a, b) else {
            self.notices
                .info("The selection is only whitespace; select the words of the claim.");
            return;
        };
        // Anchor a copy of the claim here, so the article itself need not be copied.
        let Some(mut moved) = doc.review.claim(id).cloned() else {
            return;
        };
        moved.anchor_to(article, Span::new(a, b));
        self.update_claim(id, "re-attach claim", None, |c| *c = moved);
        self.view_state.selection = None;
        self.view_state.selected_claim = Some(id.clone());
    }
}
