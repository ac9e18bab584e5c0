//! Commands: everything the user can do that changes the review or the files, applied in one
//! place after the UI pass. Undo/redo and the unsaved-changes guard live here.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use claimdesk_core::export::ExportFormat;
use claimdesk_core::format::{self, is_project_path};
use claimdesk_core::history::Edit;
use claimdesk_core::text::{claim_span, normalize_article_text};
use claimdesk_core::{Article, Claim, ClaimId, ClaimStatus, Review, ReviewDetails, Span};

use super::document::Document;
pub use super::factcheck::EvidenceField;
use super::file_dialogs::DialogAnswer;
use super::in_flight::InFlight;
use super::{DialogPurpose, Pending, Workbench};
use crate::ui::article_view::ViewState;

/// The bundled sample article (a real news report with quoted claims and denials).
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample-article.txt");
/// The title the sample opens under.
pub const SAMPLE_TITLE: &str = "sample-article.txt";

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Mark the selected text as a new claim with this status, or, with no text selected,
    /// change the selected claim's status.
    Mark(ClaimStatus),
    /// Change a claim's status.
    SetStatus(ClaimId, ClaimStatus),
    /// Change who made a claim.
    SetClaimant(ClaimId, String),
    /// Change a claim's note.
    SetNote(ClaimId, String),
    /// Remove a claim.
    DeleteClaim(ClaimId),
    /// Change a claim's verdict in words ("False", "Misleading"…).
    SetVerdict(ClaimId, String),
    /// Set a claim's verdict to a suggestion picked from the list (its own undo step).
    PickVerdict(ClaimId, String),
    /// Change a claim's short summary (empty: derived from the quote).
    SetSummary(ClaimId, String),
    /// Change the date the claim was made.
    SetClaimDate(ClaimId, String),
    /// Add an empty evidence entry at the end of a claim's list.
    AddEvidence(ClaimId),
    /// Change one field of a claim's evidence entry (by position).
    SetEvidence(ClaimId, usize, EvidenceField, String),
    /// Remove a claim's evidence entry (by position).
    RemoveEvidence(ClaimId, usize),
    /// Replace the review's details (reviewer, organisation, URLs, dates).
    SetDetails(ReviewDetails),
    /// Ask where to export the review in this format, then write it.
    Export(ExportFormat),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Open a review or an article (asks about unsaved changes first).
    Open(PathBuf),
    /// Show the open dialog (asks about unsaved changes first).
    OpenDialog,
    /// Open the bundled sample article as a new review.
    OpenSample,
    /// Save to the review's file, asking where the first time.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Close the window (asks about unsaved changes first).
    Quit,
    /// The answer to the unsaved-changes prompt.
    Unsaved(UnsavedChoice),
    /// The answer to "restore unsaved work from an earlier run?".
    Recovery(RecoveryChoice),
    /// The answer to "the file changed on disk".
    ExternalChange(ExternalChoice),
    /// Read the article file again with this encoding (a WHATWG label).
    ReimportWithEncoding(String),
    /// Read the clipboard and start a new review of its text (asks about unsaved changes).
    NewFromClipboard,
    /// Start a new review of this text (asks about unsaved changes first).
    NewFromText(String),
    /// Pick an updated article file and review how the claims follow it.
    UpdateArticleFromFile,
    /// Review how the claims follow the article text on the clipboard.
    UpdateArticleFromClipboard,
    /// Apply the open update review as one undoable step.
    ApplyUpdate,
    /// Attach this claim (an orphan) to the selected text.
    Reattach(ClaimId),
}

/// Answers to the offer of unsaved work found after a crash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the recovered work (with unsaved changes).
    Restore,
    /// Delete the recovery file.
    Discard,
}

/// A save held back because the file changed on disk since it was opened or saved.
#[derive(Clone, Debug, PartialEq)]
pub struct ExternalChange {
    /// The review file.
    pub path: PathBuf,
    /// What was to happen after the save.
    pub then: Option<Pending>,
}

/// Answers to "the file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChoice {
    /// Write over the other version.
    Overwrite,
    /// Save this version under another name.
    SaveAs,
    /// Drop this version's changes and open what is on disk.
    Reload,
    /// Do nothing now.
    Cancel,
}

/// Answers to "Save changes before …?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Throw the changes away and go on.
    Discard,
    /// Stay where we are.
    Cancel,
}

impl Workbench {
    /// Applies one command.
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Mark(status) => self.mark(status),
            Command::SetStatus(id, status) => {
                let label = format!("mark {}", status.label().to_lowercase());
                self.update_claim(&id, &label, None, |c| c.status = status);
            }
            Command::SetClaimant(id, text) => {
                let key = format!("claimant:{id}");
                self.update_claim(&id, "edit claimant", Some(key), |c| c.claimant = text);
            }
            Command::SetNote(id, text) => {
                let key = format!("note:{id}");
                self.update_claim(&id, "edit note", Some(key), |c| c.note = text);
            }
            Command::DeleteClaim(id) => self.delete_claim(&id),
            Command::SetVerdict(id, text) => {
                let key = format!("verdict:{id}");
                self.update_claim(&id, "edit verdict", Some(key), |c| c.verdict = text);
            }
            Command::PickVerdict(id, text) => {
                self.update_claim(&id, "set verdict", None, |c| c.verdict = text);
            }
            Command::SetSummary(id, text) => {
                let key = format!("summary:{id}");
                self.update_claim(&id, "edit summary", Some(key), |c| c.summary = text);
            }
            Command::SetClaimDate(id, text) => {
                let key = format!("claim_date:{id}");
                self.update_claim(&id, "edit claim date", Some(key), |c| c.claim_date = text);
            }
            Command::AddEvidence(id) => {
                self.update_claim(&id, "add source", None, |c| {
                    c.evidence.push(Default::default());
                });
            }
            Command::SetEvidence(id, i, field, text) => {
                let key = format!("evidence:{id}:{i}:{}", field.key());
                let label = format!("edit source {}", field.key());
                self.update_claim(&id, &label, Some(key), |c| {
                    if let Some(e) = c.evidence.get_mut(i) {
                        *field.of(e) = text;
                    }
                });
            }
            Command::RemoveEvidence(id, i) => {
                self.update_claim(&id, "remove source", None, |c| {
                    if i < c.evidence.len() {
                        c.evidence.remove(i);
                    }
                });
            }
            Command::SetDetails(details) => self.set_details(details),
            Command::Export(format) => {
                self.export_dialog = None;
                if self.doc.is_some() {
                    self.start_dialog(DialogPurpose::Export(format), ctx);
                }
            }
            Command::Undo => {
                if let Some(doc) = &mut self.doc {
                    let article = doc.article_generation;
                    if let Some(label) = doc.undo() {
                        let swapped = doc.article_generation != article;
                        forget_missing_claim(&mut self.view_state, &doc.review);
                        if swapped {
                            self.after_article_change();
                        }
                        self.notices.info(format!("Undone: {label}"));
                    }
                }
            }
            Command::Redo => {
                if let Some(doc) = &mut self.doc {
                    let article = doc.article_generation;
                    if let Some(label) = doc.redo() {
                        let swapped = doc.article_generation != article;
                        forget_missing_claim(&mut self.view_state, &doc.review);
                        if swapped {
                            self.after_article_change();
                        }
                        self.notices.info(format!("Redone: {label}"));
                    }
                }
            }
            Command::Open(path) => self.guard(Pending::Open(path), ctx),
            Command::OpenDialog => self.guard(Pending::OpenDialog, ctx),
            Command::OpenSample => self.guard(Pending::OpenSample, ctx),
            Command::Quit => {
                if self.doc.as_ref().is_some_and(Document::is_dirty) {
                    self.unsaved_prompt = Some(Pending::Close);
                } else {
                    self.proceed(Pending::Close, ctx);
                }
            }
            Command::Save => self.save(None, false, ctx),
            Command::SaveAs => self.save(None, true, ctx),
            Command::Unsaved(choice) => {
                let Some(pending) = self.unsaved_prompt.take() else {
                    return;
                };
                match choice {
                    UnsavedChoice::Save => self.save(Some(pending), false, ctx),
                    UnsavedChoice::Discard => {
                        self.discard_recovery();
                        self.proceed(pending, ctx);
                    }
                    UnsavedChoice::Cancel => {}
                }
            }
            Command::Recovery(choice) => self.answer_recovery(choice),
            Command::ExternalChange(choice) => {
                let Some(held) = self.external_change_prompt.take() else {
                    return;
                };
                match choice {
                    ExternalChoice::Overwrite => {
                        if self.save_to(&held.path)
                            && let Some(then) = held.then
                        {
                            self.proceed(then, ctx);
                        }
                    }
                    ExternalChoice::SaveAs => {
                        self.start_dialog(DialogPurpose::SaveAs { then: held.then }, ctx);
                    }
                    ExternalChoice::Reload => {
                        self.discard_recovery();
                        self.open_path(&held.path);
                    }
                    ExternalChoice::Cancel => {}
                }
            }
            Command::ReimportWithEncoding(label) => self.reimport_with_encoding(label),
            Command::NewFromClipboard => {
                self.read_clipboard(super::update::ClipboardPurpose::NewReview, ctx);
            }
            Command::NewFromText(text) => self.guard(Pending::NewFromText(text), ctx),
            Command::UpdateArticleFromFile => {
                if self.doc.is_some() {
                    self.start_dialog(DialogPurpose::UpdateArticle, ctx);
                }
            }
            Command::UpdateArticleFromClipboard => {
                if self.doc.is_some() {
                    self.read_clipboard(super::update::ClipboardPurpose::UpdateArticle, ctx);
                }
            }
            Command::ApplyUpdate => self.apply_update(),
            Command::Reattach(id) => self.reattach(&id),
        }
    }

    /// Runs `pending` now, or asks first if the open review has unsaved changes.
    fn guard(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.unsaved_prompt = Some(pending);
        } else {
            self.proceed(pending, ctx);
        }
    }

    fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::Open(path) => self.open_path(&path),
            Pending::OpenDialog => self.start_dialog(DialogPurpose::Open, ctx),
            Pending::OpenSample => self.open_sample(),
            Pending::NewFromText(text) => self.open_text(&text),
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens a review (`.claimdesk`) or starts a new review of an article. On failure the
    /// current review stays open and the user is told why.
    pub fn open_path(&mut self, path: &Path) {
        let result = if is_project_path(path) {
            format::load_file(path)
                .map(|loaded| {
                    let mut doc = Document::opened(loaded.review, path.to_owned(), loaded.warnings);
                    doc.disk_sha256 = loaded.file_sha256;
                    doc
                })
                .map_err(|e| e.to_string())
        } else {
            self.import_document(path, None)
        };
        match result {
            Ok(doc) => {
                self.settings.add_recent(path);
                self.install(doc);
            }
            Err(message) => self
                .notices
                .error(format!("Could not open {}: {message}", path.display())),
        }
    }

    /// Opens `review` as a new, unsaved review (benchmarks, and imports that are not files).
    pub fn open_review(&mut self, review: Review) {
        self.install(Document::new_from_article(review, None));
    }

    /// Starts a new review of the bundled sample article.
    pub fn open_sample(&mut self) {
        let article = Article::new(
            SAMPLE_TITLE,
            "Claimdesk sample article",
            normalize_article_text(SAMPLE_ARTICLE),
        );
        self.install(Document::new_from_article(Review::new(article), None));
    }

    pub(super) fn install(&mut self, doc: Document) {
        self.view_state = ViewState::default();
        self.find = None;
        if !doc.load_warnings.is_empty() {
            let n = doc.load_warnings.len();
            self.notices.warning(
                format!(
                    "{} opened with {n} problem{} fixed or flagged; nothing was dropped.",
                    doc.display_name(),
                    if n == 1 { "" } else { "s" }
                ),
                doc.load_warnings.clone(),
            );
        }
        self.autosave.restart();
        self.recovery_offer = self.recovery.as_ref().and_then(|store| {
            store.find_for(&crate::app::recovery::RecoveryHeader {
                review_path: doc.path.clone(),
                article_path: doc.article_path.clone(),
                ..Default::default()
            })
        });
        self.doc = Some(doc);
    }

    /// At a start with no file: offers the newest unsaved work of a review never saved.
    pub fn offer_unsaved_recovery(&mut self) {
        if let Some(store) = &self.recovery {
            self.recovery_offer = store.unsaved_reviews().into_iter().next();
        }
    }

    fn answer_recovery(&mut self, choice: RecoveryChoice) {
        let (Some(found), Some(store)) = (self.recovery_offer.take(), self.recovery.clone()) else {
            return;
        };
        match choice {
            RecoveryChoice::Discard => {
                if let Err(e) = store.remove(&found.file) {
                    self.notices
                        .error(format!("Could not delete the recovery file: {e}"));
                }
            }
            RecoveryChoice::Restore => match store.load(&found) {
                Ok(loaded) => {
                    let header = found.header;
                    // Keep what we know of the file on disk, to notice outside changes.
                    let disk = self
                        .doc
                        .as_ref()
                        .filter(|d| d.path.is_some() && d.path == header.review_path)
                        .and_then(|d| d.disk_sha256.clone());
                    let mut doc = Document::new_from_article(loaded.review, header.article_path);
                    doc.path = header.review_path.filter(|p| p.exists());
                    doc.disk_sha256 = disk;
                    doc.history.mark_modified();
                    self.view_state = ViewState::default();
                    self.find = None;
                    self.autosave.restart();
                    self.autosave.slot = Some(found.file);
                    self.doc = Some(doc);
                    self.notices
                        .info("Unsaved work restored; save it to keep it.");
                }
                Err(e) => self.notices.error(format!(
                    "Could not restore from {}: {e}. The recovery file was kept.",
                    found.file.display()
                )),
            },
        }
    }

    /// Saves; `then` runs after a successful save. Asks for a path on the first save or when
    /// `save_as` is set.
    fn save(&mut self, then: Option<Pending>, save_as: bool, ctx: &egui::Context) {
        let Some(doc) = &self.doc else {
            return;
        };
        match (&doc.path, save_as) {
            (Some(path), false) => {
                let path = path.clone();
                if doc.changed_on_disk(&path) {
                    self.external_change_prompt = Some(ExternalChange { path, then });
                    return;
                }
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.proceed(then, ctx);
                }
            }
            _ => self.start_dialog(DialogPurpose::SaveAs { then }, ctx),
        }
    }

    /// Writes the review to `path`; reports the outcome. Returns true on success.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        match doc.save_to(path) {
            Ok(()) => {
                self.settings.add_recent(path);
                self.notices.info(format!("Saved to {}", path.display()));
                true
            }
            Err(e) => {
                self.notices.error(e.to_string());
                false
            }
        }
    }

    fn start_dialog(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.dialog.is_some() {
            self.notices
                .info("A file dialog is already open; finish with it first.");
            return;
        }
        let (tx, rx) = mpsc::channel();
        match &purpose {
            DialogPurpose::Open => self.dialogs.pick_open(ctx, tx),
            DialogPurpose::UpdateArticle => self.dialogs.pick_article(ctx, tx),
            DialogPurpose::SaveAs { .. } => {
                let suggested = self
                    .doc
                    .as_ref()
                    .map(Document::suggested_path)
                    .unwrap_or_default();
                self.dialogs.pick_save(ctx, suggested, tx);
            }
            DialogPurpose::Export(format) => {
                let suggested = self
                    .doc
                    .as_ref()
                    .map(|d| super::factcheck::suggested_export_path(d, *format))
                    .unwrap_or_default();
                self.dialogs.pick_export(ctx, suggested, *format, tx);
            }
        }
        self.dialog = Some(InFlight::new(purpose, rx));
    }

    /// Handles the answer of a file dialog, if one has arrived.
    pub(crate) fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some((purpose, answer)) =
            InFlight::take_answer(&mut self.dialog, || DialogAnswer::Unavailable)
        else {
            return;
        };
        let path = match answer {
            DialogAnswer::Picked(path) => path,
            DialogAnswer::Cancelled => return,
            DialogAnswer::Unavailable => {
                self.notices.error(
                    "No file dialog could be shown on this system. Drop a file on the window, \
                     or pass its path on the command line.",
                );
                return;
            }
        };
        match purpose {
            DialogPurpose::Open => self.open_path(&path),
            DialogPurpose::SaveAs { then } => {
                let path = if path.extension().is_none() {
                    path.with_extension(format::EXTENSION)
                } else {
                    path
                };
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.proceed(then, ctx);
                }
            }
            DialogPurpose::Export(format) => {
                self.export_to(&path, format);
            }
            DialogPurpose::UpdateArticle => self.update_from_file(&path),
        }
    }

    /// Creates a claim from the selection, or restatuses the selected claim.
    fn mark(&mut self, status: ClaimStatus) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let state = &mut self.view_state;
        if let Some(sel) = state.selection.filter(|s| !s.is_empty()) {
            let (a, b) = sel.range();
            let article = &doc.review.article;
            let Some((a, b)) = claim_span(article.text(), article.index(), a, b) else {
                self.notices
                    .info("The selection is only whitespace; select the words of the claim.");
                return;
            };
            let claim = Claim::new(article, Span::new(a, b), status);
            let id = claim.id.clone();
            let label = format!("mark {}", status.label().to_lowercase());
            if doc.apply(&label, vec![Edit::Insert(claim)], None).is_ok() {
                state.selection = None;
                state.selected_claim = Some(id);
            }
        } else if let Some(id) = state.selected_claim.clone() {
            let label = format!("mark {}", status.label().to_lowercase());
            self.update_claim(&id, &label, None, |c| c.status = status);
        } else {
            self.notices
                .info("Select the text of a claim first (drag, or double-click a word).");
        }
    }

    pub(super) fn update_claim(
        &mut self,
        id: &ClaimId,
        label: &str,
        coalesce: Option<String>,
        change: impl FnOnce(&mut Claim),
    ) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let Some(old) = doc.review.claim(id) else {
            return;
        };
        let mut claim = old.clone();
        change(&mut claim);
        if &claim == old {
            return;
        }
        claim.modified = claimdesk_core::model::Timestamp::now();
        if coalesce.is_none() {
            doc.history.seal();
        }
        let _ = doc.apply(label, vec![Edit::Replace(claim)], coalesce);
    }

    fn delete_claim(&mut self, id: &ClaimId) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        doc.history.seal();
        if doc
            .apply("delete claim", vec![Edit::Remove(id.clone())], None)
            .is_ok()
            && self.view_state.selected_claim.as_ref() == Some(id)
        {
            self.view_state.selected_claim = None;
        }
    }
}

/// Clears the selected claim if undo/redo removed it.
fn forget_missing_claim(state: &mut ViewState, review: &Review) {
    if let Some(id) = &state.selected_claim
        && review.claim(id).is_none()
    {
        state.selected_claim = None;
    }
}
