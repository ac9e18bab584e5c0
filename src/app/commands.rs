//! Commands: everything the user can do that changes the review or the files, applied in one
//! place after the UI pass. Undo/redo and the unsaved-changes guard live here.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use claimdesk_model::fields::{ClaimField, TypingKey};
use claimdesk_model::format::{self, is_project_path};
use claimdesk_model::history::Edit;
use claimdesk_model::text::{claim_span, normalize_article_text};
use claimdesk_model::{Article, Claim, ClaimId, ClaimStatus, Review, ReviewDetails, Span};
use claimdesk_reports::ExportFormat;

use super::document::Document;
pub use super::factcheck::EvidenceField;
use super::file_dialogs::DialogAnswer;
use super::in_flight::InFlight;
use super::update::Pick;
use super::view_state::{Selection, ViewState};
use super::{AppState, DialogPurpose, Modal, Pending};

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
    /// Change a text field of a claim (typing: quick successive changes are one undo step).
    SetText(ClaimId, ClaimField, String),
    /// Remove a claim.
    DeleteClaim(ClaimId),
    /// Set a claim's verdict to a suggestion picked from the list (its own undo step).
    PickVerdict(ClaimId, String),
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
    /// The answer to "could not save": save elsewhere, or leave it for now.
    SaveRefused(SaveRefusedChoice),
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
    /// Pick what happens to a claim in the open article-update review.
    PickUpdate(ClaimId, Pick),
    /// Accept the new text of every changed claim in the open article-update review.
    AcceptAllChanged,
    /// Close the article-update review without applying it.
    CancelUpdate,
    /// Replace the text selection (`None`: nothing selected).
    SelectText(Option<Selection>),
    /// Select a claim (`None`: no claim selected).
    SelectClaim(Option<ClaimId>),
    /// Bring this char of the article into view.
    ScrollTo(usize),
    /// Show or hide claims of a status in the claims list.
    SetStatusFilter(ClaimStatus, bool),
    /// Open the find bar (or keep it open).
    OpenFind,
    /// Search the article for this text.
    SetFindQuery(String),
    /// Select the next (`true`) or previous match of the find bar.
    FindStep(bool),
    /// Close the find bar.
    CloseFind,
    /// Choose the light or dark theme, or follow the desktop's.
    SetTheme(egui::ThemePreference),
    /// Remove a notice (by position in the list).
    DismissNotice(usize),
    /// Show or hide check-worthiness suggestions (View → Suggest claims).
    ShowSuggestions(bool),
    /// Suggest sentences scoring at least this.
    SetSuggestionThreshold(f32),
    /// Select a suggestion by its sentence (`None`: no suggestion selected).
    SelectSuggestion(Option<Span>),
    /// Select the next (`true`) or previous suggestion, best first.
    StepSuggestion(bool),
    /// Dismiss the selected suggestion (saved with the review; never a claim).
    DismissSuggestion,
    /// Score suggestions with this model (a preference).
    SetSuggestionModel(super::suggestions::ModelChoice),
    /// Ask for a trained suggestion model file.
    PickSuggestionModel,
    /// List only this speaker's suggestions in a transcript (`None`: everyone's).
    FilterSuggestionsBySpeaker(Option<String>),
    /// Open an earlier review (asking about unsaved changes first) and select this claim in it.
    OpenArchivedClaim(PathBuf, ClaimId),
    /// Add an earlier fact-check's verdict and sources to this claim's evidence (one undo step).
    CopyArchivedVerdict(ClaimId, Box<claimdesk_archive::SearchHit>),
    /// Open the Library window (File → Library…).
    ShowLibrary,
    /// Close the Library window.
    CloseLibrary,
    /// Pick a folder or a file and add it to the archive's library.
    AddToLibrary(super::archive_library::LibraryPick),
    /// Remove a source from the archive's library.
    RemoveFromLibrary(PathBuf),
    /// Rebuild the archive's index from scratch.
    ReindexLibrary,
    /// Select the next / previous claim in text order, or the next one under investigation.
    StepClaim(super::navigation::ClaimStep),
    /// Select the sentence around the caret, or grow the selection to whole sentences.
    SelectSentence,
    /// Pick these claims together (two or more; fewer: just select the last one).
    PickClaims(Vec<ClaimId>),
    /// Remove every picked claim (one undo step).
    DeletePicked,
    /// Filter the claims list by this text (quote, claimant, note, verdict, sources).
    SetClaimQuery(String),
    /// Give the reason for the claim's last status or verdict change (one undo step).
    SetReason(ClaimId, String),
    /// Set who is working (remembered in the settings; written into claim histories).
    SetAnalyst(claimdesk_model::status_change::Analyst),
    /// "Not now" on the first-use question for the analyst's name: not asked again this
    /// session (Edit → Your name still sets it).
    DeclineAnalystName,
    /// File → Compare with…: pick another analyst's review of the same text.
    CompareWith,
    /// Close the comparison.
    CloseComparison,
    /// Take a claim, status or verdict from the compared review (its claim id), one undo step.
    TakeFromOther(ClaimId, super::comparison::TakeFromOther),
    /// Include each claim's timeline in HTML and Markdown reports (remembered).
    SetExportTimeline(bool),
    /// Resolve merge conflict `n` of the review: ours, theirs, or as edited (one undo step).
    ResolveConflict(usize, claimdesk_team::merge::Take),
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

/// A save that failed (a read-only folder, a full disk, a removed drive): the review is still
/// only in memory, so the app offers to save it elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveRefused {
    /// Where the save was going.
    pub path: PathBuf,
    /// Why it failed, as the file system said it.
    pub reason: String,
    /// What was to happen after the save.
    pub then: Option<Pending>,
}

/// Answers to "could not save".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveRefusedChoice {
    /// Pick another file to save to.
    SaveAs,
    /// Keep the review open and unsaved.
    Cancel,
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

impl AppState {
    /// Applies one command.
    pub fn run(&mut self, command: Command, ctx: &egui::Context) {
        use super::update::ClipboardPurpose;
        match command {
            Command::Mark(status) if self.view_state.bulk() => self.mark_picked(status),
            Command::Mark(status) => self.mark(status),
            Command::SetStatus(id, status) => self.set_status(&id, status),
            Command::SetText(id, field, text) => self.set_text(&id, field, text),
            Command::DeleteClaim(id) => self.delete_claim(&id),
            Command::PickVerdict(id, text) => {
                self.update_claim(&id, "set verdict", None, |c| c.verdict = text);
            }
            Command::AddEvidence(id) => self.add_evidence(&id),
            Command::SetEvidence(id, i, field, text) => self.set_evidence(&id, i, field, text),
            Command::RemoveEvidence(id, i) => self.remove_evidence(&id, i),
            Command::SetDetails(details) => self.set_details(details),
            Command::Export(format) => self.with_doc_dialog(DialogPurpose::Export(format), ctx),
            Command::Undo => self.step_history(HistoryStep::Undo),
            Command::Redo => self.step_history(HistoryStep::Redo),
            Command::Open(path) => self.guard(Pending::Open(path), ctx),
            Command::OpenDialog => self.guard(Pending::OpenDialog, ctx),
            Command::OpenSample => self.guard(Pending::OpenSample, ctx),
            Command::Quit => self.quit(ctx),
            Command::Save => self.save(None, false, ctx),
            Command::SaveAs => self.save(None, true, ctx),
            Command::Unsaved(choice) => self.answer_unsaved(choice, ctx),
            Command::Recovery(choice) => self.answer_recovery(choice),
            Command::ExternalChange(choice) => self.answer_external_change(choice, ctx),
            Command::SaveRefused(choice) => self.answer_save_refused(choice, ctx),
            Command::ReimportWithEncoding(label) => self.reimport_with_encoding(label),
            Command::NewFromClipboard => self.read_clipboard(ClipboardPurpose::NewReview, ctx),
            Command::NewFromText(text) => self.guard(Pending::NewFromText(text), ctx),
            Command::UpdateArticleFromFile => {
                self.with_doc_dialog(DialogPurpose::UpdateArticle, ctx);
            }
            Command::UpdateArticleFromClipboard => {
                if self.doc.is_some() {
                    self.read_clipboard(ClipboardPurpose::UpdateArticle, ctx);
                }
            }
            Command::ApplyUpdate => self.apply_update(),
            Command::Reattach(id) => self.reattach(&id),
            Command::PickUpdate(id, pick) => self.pick_update(id, pick),
            Command::AcceptAllChanged => self.accept_all_changed(),
            Command::CancelUpdate => {
                self.take_modal(|m| matches!(m, Modal::Update(_)));
            }
            Command::SelectText(selection) => self.view_state.selection = selection,
            Command::SelectClaim(id) => {
                self.view_state.select_claim(id);
                self.view_state.picked_claims.clear();
            }
            Command::ScrollTo(pos) => self.view_state.scroll_to(pos),
            Command::SetStatusFilter(status, shown) => self.status_filter[status as usize] = shown,
            Command::OpenFind => self.open_find(),
            Command::SetFindQuery(query) => self.set_find_query(query),
            Command::FindStep(forward) => self.find_step(forward),
            Command::CloseFind => self.find = None,
            Command::SetTheme(theme) => self.settings.set_theme(theme, ctx),
            Command::DismissNotice(i) => self.notices.dismiss(i),
            Command::ShowSuggestions(on) => self.show_suggestions(on),
            Command::SetSuggestionThreshold(t) => self.set_suggestion_threshold(t),
            Command::SelectSuggestion(span) => self.select_suggestion(span),
            Command::StepSuggestion(forward) => self.step_suggestion(forward),
            Command::DismissSuggestion => self.dismiss_suggestion(),
            Command::SetSuggestionModel(choice) => self.set_suggestion_model(choice),
            Command::PickSuggestionModel => self.start_dialog(DialogPurpose::SuggestionModel, ctx),
            Command::FilterSuggestionsBySpeaker(who) => self.suggestions.set_speaker_filter(who),
            Command::OpenArchivedClaim(path, id) => self.open_archived_claim(path, id, ctx),
            Command::CopyArchivedVerdict(id, hit) => self.copy_archived_verdict(&id, &hit),
            Command::ShowLibrary => self.show_library(ctx),
            Command::CloseLibrary => self.checked_before.library_open = false,
            Command::AddToLibrary(pick) => self.pick_library_source(pick, ctx),
            Command::RemoveFromLibrary(path) => self.remove_from_library(path, ctx),
            Command::ReindexLibrary => self.reindex_library(ctx),
            Command::StepClaim(step) => self.step_claim(step),
            Command::SelectSentence => self.select_sentence(),
            Command::PickClaims(ids) => self.select_claims(ids),
            Command::DeletePicked => self.delete_picked(),
            Command::SetClaimQuery(query) => self.claim_search.set_query(query),
            Command::SetReason(id, reason) => self.set_reason(&id, &reason),
            Command::SetAnalyst(analyst) => self.set_analyst(analyst),
            Command::DeclineAnalystName => self.decline_analyst_name(),
            Command::CompareWith => self.with_doc_dialog(DialogPurpose::Compare, ctx),
            Command::CloseComparison => self.comparison = None,
            Command::TakeFromOther(id, what) => self.take_from_other(&id, what),
            Command::SetExportTimeline(on) => self.settings.export_timeline = on,
            Command::ResolveConflict(n, take) => self.resolve_conflict(n, take),
        }
    }

    fn set_status(&mut self, id: &ClaimId, status: ClaimStatus) {
        let label = format!("mark {}", status.label().to_lowercase());
        self.update_claim(id, &label, None, |c| c.status = status);
    }

    /// Typing in a claim's text field: successive changes of one field are one undo step.
    fn set_text(&mut self, id: &ClaimId, field: ClaimField, text: String) {
        let label = format!("edit {}", field.name());
        let key = TypingKey::Claim(id.clone(), field);
        self.update_claim(id, &label, Some(key), |c| *field.of(c) = text);
    }

    /// Opens a file dialog for `purpose` if a review is open.
    fn with_doc_dialog(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.doc.is_some() {
            self.start_dialog(purpose, ctx);
        }
    }

    /// Undoes or redoes one step, and tells the user which.
    fn step_history(&mut self, step: HistoryStep) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let article = doc.article_generation;
        let label = match step {
            HistoryStep::Undo => doc.undo(),
            HistoryStep::Redo => doc.redo(),
        };
        let Some(label) = label else {
            return;
        };
        let swapped = doc.article_generation != article;
        forget_missing_claim(&mut self.view_state, &doc.review);
        if swapped {
            self.after_article_change();
        }
        self.notices.info(match step {
            HistoryStep::Undo => format!("Undone: {label}"),
            HistoryStep::Redo => format!("Redone: {label}"),
        });
    }

    fn quit(&mut self, ctx: &egui::Context) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.ask(Modal::Unsaved(Pending::Close));
        } else {
            self.proceed(Pending::Close, ctx);
        }
    }

    fn answer_unsaved(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(Modal::Unsaved(pending)) = self.take_modal(|m| matches!(m, Modal::Unsaved(_)))
        else {
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

    fn answer_external_change(&mut self, choice: ExternalChoice, ctx: &egui::Context) {
        let Some(Modal::ExternalChange(held)) =
            self.take_modal(|m| matches!(m, Modal::ExternalChange(_)))
        else {
            return;
        };
        match choice {
            ExternalChoice::Overwrite => self.save_then(held.path, held.then, ctx),
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

    fn answer_save_refused(&mut self, choice: SaveRefusedChoice, ctx: &egui::Context) {
        let Some(Modal::SaveRefused(held)) =
            self.take_modal(|m| matches!(m, Modal::SaveRefused(_)))
        else {
            return;
        };
        match choice {
            SaveRefusedChoice::SaveAs => {
                self.start_dialog(DialogPurpose::SaveAs { then: held.then }, ctx);
            }
            SaveRefusedChoice::Cancel => {}
        }
    }

    /// Runs `pending` now, or asks first if the open review has unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.ask(Modal::Unsaved(pending));
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
        let offer = self.recovery.as_ref().and_then(|store| {
            store.find_for(&crate::app::recovery::RecoveryHeader {
                review_path: doc.path.clone(),
                article_path: doc.article_path.clone(),
                ..Default::default()
            })
        });
        // An offer for the review that was open before is stale now.
        self.take_modal(|m| matches!(m, Modal::Recovery(_)));
        if let Some(found) = offer {
            self.ask(Modal::Recovery(found));
        }
        self.comparison = None;
        self.doc = Some(doc);
    }

    /// At a start with no file: offers the newest unsaved work of a review never saved.
    pub fn offer_unsaved_recovery(&mut self) {
        let offer = self
            .recovery
            .as_ref()
            .and_then(|store| store.unsaved_reviews().into_iter().next());
        if let Some(found) = offer {
            self.ask(Modal::Recovery(found));
        }
    }

    fn answer_recovery(&mut self, choice: RecoveryChoice) {
        let Some(Modal::Recovery(found)) = self.take_modal(|m| matches!(m, Modal::Recovery(_)))
        else {
            return;
        };
        let Some(store) = self.recovery.clone() else {
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
                    self.ask(Modal::ExternalChange(ExternalChange { path, then }));
                    return;
                }
                self.save_then(path, then, ctx);
            }
            _ => self.start_dialog(DialogPurpose::SaveAs { then }, ctx),
        }
    }

    /// Saves to `path`, then runs `then`; a failed save asks whether to save elsewhere (the
    /// review stays open and unsaved, and `then` waits for that save).
    fn save_then(&mut self, path: PathBuf, then: Option<Pending>, ctx: &egui::Context) {
        match self.try_save_to(&path) {
            Ok(()) => {
                if let Some(then) = then {
                    self.proceed(then, ctx);
                }
            }
            Err(reason) => self.ask(Modal::SaveRefused(SaveRefused { path, reason, then })),
        }
    }

    /// Writes the review to `path`; reports the outcome. Returns true on success.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.try_save_to(path) {
            Ok(()) => true,
            Err(reason) => {
                self.notices.error(reason);
                false
            }
        }
    }

    /// Writes the review to `path` and says so; the error's message on failure.
    fn try_save_to(&mut self, path: &Path) -> Result<(), String> {
        let Some(doc) = &mut self.doc else {
            return Err("No review is open.".to_owned());
        };
        doc.save_to(path).map_err(|e| e.to_string())?;
        self.settings.add_recent(path);
        self.notices.info(format!("Saved to {}", path.display()));
        Ok(())
    }

    pub(super) fn start_dialog(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.dialog.is_some() {
            self.notices
                .info("A file dialog is already open; finish with it first.");
            return;
        }
        let (tx, rx) = mpsc::channel();
        match &purpose {
            DialogPurpose::Open | DialogPurpose::Compare => self.dialogs.pick_open(ctx, tx),
            DialogPurpose::UpdateArticle => self.dialogs.pick_article(ctx, tx),
            DialogPurpose::SuggestionModel => self.dialogs.pick_model(ctx, tx),
            DialogPurpose::AddToLibrary(pick) => self.dialogs.pick_library_source(ctx, *pick, tx),
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
                self.save_then(path, then, ctx);
            }
            DialogPurpose::Export(format) => {
                self.export_to(&path, format, ctx);
            }
            DialogPurpose::UpdateArticle => self.update_from_file(&path),
            DialogPurpose::Compare => self.open_comparison(&path),
            DialogPurpose::SuggestionModel => {
                self.set_suggestion_model(super::suggestions::ModelChoice::File(path));
            }
            DialogPurpose::AddToLibrary(_) => self.add_to_library(path, ctx),
        }
    }

    /// Creates a claim from the selection (its speaker as claimant in a transcript), or from
    /// the selected suggestion, or restatuses the selected claim.
    fn mark(&mut self, status: ClaimStatus) {
        if self.doc.is_none() {
            return;
        }
        if let Some(sel) = self.view_state.selection.filter(|s| !s.is_empty()) {
            self.mark_selection(sel.range(), status);
        } else if let Some(span) = self.view_state.selected_suggestion {
            self.accept_suggestion(span, status);
        } else if let Some(id) = self.view_state.selected_claim.clone() {
            let label = format!("mark {}", status.label().to_lowercase());
            self.update_claim(&id, &label, None, |c| c.status = status);
        } else {
            self.notices
                .info("Select the text of a claim first (drag, or double-click a word).");
        }
    }

    /// Marks chars `a..b` (trimmed) as a new claim; in a transcript, the speaker of the turn
    /// holding the whole selection is the claimant (in the same undo step).
    fn mark_selection(&mut self, (a, b): (usize, usize), status: ClaimStatus) {
        let transcript = self.transcript();
        let Some(doc) = &mut self.doc else {
            return;
        };
        let article = &doc.review.article;
        let Some((a, b)) = claim_span(article.text(), article.index(), a, b) else {
            self.notices
                .info("The selection is only whitespace; select the words of the claim.");
            return;
        };
        let mut claim = Claim::new(article, Span::new(a, b), status);
        if let Some(t) = &transcript
            && let Some(turn) = t.turn_at(a)
            && Some(turn) == t.turn_at(b - 1)
        {
            claim.claimant = t.speakers[turn.speaker].name.clone();
        }
        super::team::stamp(&self.settings.analyst, None, &mut claim, false);
        let id = claim.id.clone();
        let label = format!("mark {}", status.label().to_lowercase());
        if doc.apply(&label, vec![Edit::Insert(claim)], None).is_ok() {
            // A caret at the claim's end: the keyboard review goes on from there.
            self.view_state.selection = Some(Selection { anchor: b, head: b });
            self.view_state.select_claim(Some(id));
            self.view_state.picked_claims.clear();
        }
    }

    pub(super) fn update_claim(
        &mut self,
        id: &ClaimId,
        label: &str,
        coalesce: Option<TypingKey>,
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
        claim.modified = claimdesk_model::Timestamp::now();
        let typing = coalesce
            .as_ref()
            .is_some_and(|key| doc.history.continues(key, std::time::Instant::now()));
        super::team::stamp(&self.settings.analyst, Some(old), &mut claim, typing);
        if coalesce.is_none() {
            doc.history.seal();
        }
        // Cannot fail: the claim was found just above.
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

/// Which way to move in the edit history.
#[derive(Clone, Copy)]
enum HistoryStep {
    Undo,
    Redo,
}

/// Clears the selected claim if undo/redo removed it.
fn forget_missing_claim(state: &mut ViewState, review: &Review) {
    state.picked_claims.retain(|id| review.claim(id).is_some());
    if let Some(id) = &state.selected_claim
        && review.claim(id).is_none()
    {
        state.selected_claim = None;
    }
}
