//! The claim archive in the app (issue 14), the app-wide part: where the archive lives, the
//! thread that searches it ([`worker`]), what it can do now, the library window (File →
//! Library…, [`library`]) and its commands ([`ArchiveCommand`]): open an earlier review at its
//! claim, copy an earlier verdict into the selected claim's sources. What the open review's
//! selection is searched for lives with the open review
//! ([`crate::app::open_review::checked_before`]); [`tick`] joins the two once a frame.

pub mod library;
pub mod worker;

use std::path::{Path, PathBuf};

use claimdesk_archive::{Archive, SearchHit};
use claimdesk_model::format::{self, is_project_path};
use claimdesk_model::{ClaimId, Evidence, Timestamp};

use super::AppState;
use super::files::picker::{self, FilePick};
use super::files::{Pending, guard};
use super::open_review::checked_before::next_search;
use super::open_review::claims::change::update_claim;
use library::LibraryPick;
use worker::{ArchiveWorker, LibraryState, WorkerAnswer, WorkerRequest};

/// What the user does with the archive.
#[derive(Clone, Debug, PartialEq)]
pub enum ArchiveCommand {
    /// Open an earlier review (asking about unsaved changes first) and select this claim in it.
    OpenClaim(PathBuf, ClaimId),
    /// Add an earlier fact-check's verdict and sources to this claim's sources (one undo step).
    CopyVerdict(ClaimId, Box<SearchHit>),
    /// Open the Library window (File → Library…).
    ShowLibrary,
    /// Close the Library window.
    CloseLibrary,
    /// Pick a folder or a file and add it to the archive's library.
    Add(LibraryPick),
    /// Remove a source from the archive's library.
    Remove(PathBuf),
    /// Rebuild the archive's index from scratch.
    Reindex,
}

/// The archive, its search thread, and the library window.
#[derive(Default)]
pub struct ClaimArchive {
    /// Where the archive lives; `None`: no archive (no data folder).
    archive: Option<Archive>,
    worker: Option<ArchiveWorker>,
    /// What the archive can do now.
    pub status: ArchiveStatus,
    /// The serial of the last search asked for (unique in this run).
    serial: u64,
    /// An earlier review being opened: select this claim once it is open.
    reveal: Option<(PathBuf, ClaimId)>,
    /// The library as of the last update (`None`: not read yet).
    pub library: Option<LibraryState>,
    /// File → Library… is open.
    pub library_open: bool,
    /// Library changes asked for and not answered yet.
    pub library_busy: usize,
}

/// What the archive can do.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ArchiveStatus {
    /// Not opened yet (nothing has been searched for).
    #[default]
    NotOpened,
    /// The search thread is bringing the index up to date.
    Opening,
    /// Ready, holding this many claims.
    Ready(u64),
    /// The archive could not be opened or searched (shown once as a notice, then in the panel).
    Unavailable(String),
}

impl ClaimArchive {
    /// The archive at `archive` (nothing is read until something is selected).
    pub fn new(archive: Option<Archive>) -> Self {
        Self {
            archive,
            ..Self::default()
        }
    }

    /// The archive's thread, started now if it is not running (`None`: no archive, or it could
    /// not be opened: that was said once, and only File → Library… tries again).
    fn start_worker(&mut self, ctx: &egui::Context) -> Option<&ArchiveWorker> {
        if matches!(self.status, ArchiveStatus::Unavailable(_)) {
            return None;
        }
        if self.worker.is_none() {
            let Some(archive) = self.archive.clone() else {
                self.status = ArchiveStatus::Unavailable("no data folder for the archive".into());
                return None;
            };
            self.status = ArchiveStatus::Opening;
            self.worker = Some(ArchiveWorker::start(archive, ctx.clone()));
        }
        self.worker.as_ref()
    }

    /// Sends `request` to the archive's thread, starting it first if needed.
    fn ask(&mut self, request: WorkerRequest, ctx: &egui::Context) {
        if let Some(worker) = self.start_worker(ctx) {
            worker.ask(request);
        }
    }
}

/// Applies an archive command.
pub fn apply(app: &mut AppState, command: ArchiveCommand, ctx: &egui::Context) {
    match command {
        ArchiveCommand::OpenClaim(path, id) => open_archived_claim(app, path, id, ctx),
        ArchiveCommand::CopyVerdict(id, hit) => copy_archived_verdict(app, &id, &hit),
        ArchiveCommand::ShowLibrary => library::show(app, ctx),
        ArchiveCommand::CloseLibrary => app.archive.library_open = false,
        ArchiveCommand::Add(pick) => picker::start(app, FilePick::AddToLibrary(pick), ctx),
        ArchiveCommand::Remove(path) => library::change(app, WorkerRequest::Remove(path), ctx),
        ArchiveCommand::Reindex => library::change(app, WorkerRequest::Reindex, ctx),
    }
}

/// Once a frame, after the commands: takes the search thread's answers, asks for a new search
/// when the selection changed, and selects the claim of an earlier review just opened. Never
/// blocks.
pub(crate) fn tick(app: &mut AppState, ctx: &egui::Context) {
    take_worker_answers(app);
    reveal_opened_claim(app);
    let AppState {
        review: Some(open),
        archive,
        ..
    } = app
    else {
        return;
    };
    let text = next_search(open, || {
        archive.serial += 1;
        archive.serial
    });
    if let Some(text) = text {
        let serial = archive.serial;
        archive.ask(WorkerRequest::Search(serial, text), ctx);
    }
}

/// Opens the review `path` (asking about unsaved changes first) and selects claim `id` in it;
/// if it is the open review, only selects the claim.
fn open_archived_claim(app: &mut AppState, path: PathBuf, id: ClaimId, ctx: &egui::Context) {
    let is_open = app
        .review
        .as_ref()
        .and_then(|open| open.doc().path())
        .is_some_and(|open| open == path);
    app.archive.reveal = Some((path.clone(), id));
    if !is_open {
        guard(app, Pending::Open(path), ctx);
    }
    reveal_opened_claim(app);
}

/// Adds an earlier fact-check's verdict, and for an earlier Claimdesk review the sources of
/// its claim, to claim `target`'s sources: one undo step.
fn copy_archived_verdict(app: &mut AppState, target: &ClaimId, hit: &SearchHit) {
    let Some(open) = &mut app.review else {
        return;
    };
    let mut entries = vec![verdict_evidence(hit)];
    match earlier_sources(hit) {
        Ok(sources) => entries.extend(sources),
        Err(message) => app.notices.warning(
            format!("Copied the earlier verdict, but not its sources: {message}"),
            Vec::new(),
        ),
    }
    let count = |open: &super::open_review::OpenReview| {
        open.review().claim(target).map_or(0, |c| c.evidence.len())
    };
    let before = count(open);
    let label = (target, "copy earlier verdict");
    update_claim(open, &app.settings.analyst, label, None, |claim| {
        for entry in entries {
            let known = !entry.url.is_empty()
                && claim
                    .evidence
                    .iter()
                    .any(|e| e.url == entry.url && e.title == entry.title);
            if !known {
                claim.evidence.push(entry);
            }
        }
    });
    let added = count(open).saturating_sub(before);
    app.notices.info(match added {
        0 => "That earlier verdict is already among the claim's sources.".to_owned(),
        1 => "Added the earlier verdict to the claim's sources (Ctrl+Z to undo).".to_owned(),
        n => format!(
            "Added the earlier verdict and {} of its sources to the claim's sources \
             (Ctrl+Z to undo).",
            n - 1
        ),
    });
}

fn take_worker_answers(app: &mut AppState) {
    while let Some(answer) = app.archive.worker.as_ref().and_then(ArchiveWorker::poll) {
        match answer {
            WorkerAnswer::Opened(state) => library_updated(app, state, false),
            WorkerAnswer::Changed(state) => library_updated(app, state, true),
            WorkerAnswer::ChangedElsewhere(state) => library_updated(app, state, false),
            WorkerAnswer::ChangedElsewhereFailed(message) => app.notices.error(format!(
                "The claim archive was changed elsewhere and could not be reread: {message}"
            )),
            WorkerAnswer::ChangeFailed(message) => {
                let archive = &mut app.archive;
                archive.library_busy = archive.library_busy.saturating_sub(1);
                app.notices
                    .error(format!("The library was not changed: {message}"));
            }
            WorkerAnswer::Failed(message) => {
                app.notices
                    .error(format!("The claim archive cannot be used: {message}"));
                let archive = &mut app.archive;
                archive.status = ArchiveStatus::Unavailable(message);
                archive.worker = None;
                archive.library_busy = 0;
                return;
            }
            WorkerAnswer::Found { serial, hits } => found(app, serial, hits),
        }
    }
}

/// The answer to search `serial`, shown if the open review still waits for it.
fn found(app: &mut AppState, serial: u64, hits: Result<Vec<SearchHit>, String>) {
    let Some(open) = &mut app.review else {
        return;
    };
    match hits {
        Ok(hits) => open.checked_before.found(serial, hits),
        Err(message) => {
            if open.checked_before.failed(serial) {
                app.notices
                    .error(format!("Archive search failed: {message}"));
            }
        }
    }
}

/// A new state of the library: shown in the panel and the Library window; its problems are
/// reported once. After a change, the current selection is searched again.
fn library_updated(app: &mut AppState, state: LibraryState, after_change: bool) {
    let archive = &mut app.archive;
    if after_change {
        archive.library_busy = archive.library_busy.saturating_sub(1);
        if let Some(open) = &mut app.review {
            open.checked_before.search_again();
        }
    }
    archive.status = ArchiveStatus::Ready(state.claims);
    if let Some(why) = &state.rebuilt {
        app.notices
            .info(format!("The claim archive's index was rebuilt: {why}"));
    }
    if !state.problems.is_empty() {
        let n = state.problems.len();
        app.notices.warning(
            format!(
                "The claim archive skipped {n} file{} or folder{} it could not read.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "" } else { "s" }
            ),
            state
                .problems
                .iter()
                .map(|p| format!("{}: {}", p.path.display(), p.message))
                .collect(),
        );
    }
    app.archive.library = Some(state);
}

/// Selects and shows the claim of an earlier review once that review is open; forgets it when
/// the open was refused or cancelled.
fn reveal_opened_claim(app: &mut AppState) {
    let Some((path, id)) = &app.archive.reveal else {
        return;
    };
    let waiting = app.modal_open();
    let open = app
        .review
        .as_mut()
        .filter(|open| open.doc().path() == Some(path.as_path()));
    let Some(open) = open else {
        if !waiting {
            app.archive.reveal = None;
        }
        return;
    };
    let claim = open.review().claim(id);
    let start = claim.filter(|c| !c.orphaned).map(|c| c.span.start);
    let found = claim.is_some();
    let id = id.clone();
    app.archive.reveal = None;
    if !found {
        app.notices
            .info("The earlier claim is no longer in that review.");
        return;
    }
    open.view.selection = None;
    open.view.selected_claim = Some(id);
    if let Some(start) = start {
        open.view.scroll_to(start);
    }
}

/// True if `hit` came from a Claimdesk review that can be opened at its claim.
pub fn is_review_hit(hit: &SearchHit) -> bool {
    is_project_path(&hit.source) && !hit.claim.claim_id.is_empty()
}

/// The evidence entry that records an earlier verdict: its fact-check (or review file), the
/// claim it judged, and the verdict with who gave it and when.
fn verdict_evidence(hit: &SearchHit) -> Evidence {
    let c = &hit.claim;
    let title = if c.headline.is_empty() {
        format!("Earlier review: {}", file_name(&hit.source))
    } else {
        format!("Earlier review: {}", c.headline)
    };
    let mut note = format!("Checked before: {}", or_unknown(&c.verdict));
    let by: Vec<&str> = [c.organisation.as_str(), c.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !by.is_empty() {
        note.push_str(&format!(" ({})", by.join(", ")));
    }
    if is_review_hit(hit) {
        note.push_str(&format!(
            "; claim {} of {}",
            c.claim_id,
            hit.source.display()
        ));
    }
    Evidence {
        url: c.url.clone(),
        title,
        excerpt: c.text.clone(),
        accessed: Timestamp::now().as_str().get(..10).unwrap_or("").to_owned(),
        note,
        ..Evidence::default()
    }
}

/// The sources of the earlier claim, for a hit from a Claimdesk review (none otherwise).
fn earlier_sources(hit: &SearchHit) -> Result<Vec<Evidence>, String> {
    if !is_review_hit(hit) {
        return Ok(Vec::new());
    }
    let loaded =
        format::load_file(&hit.source).map_err(|e| format!("{}: {e}", hit.source.display()))?;
    let claim = loaded
        .review
        .claims()
        .iter()
        .find(|c| c.id.as_str() == hit.claim.claim_id)
        .ok_or_else(|| format!("{}: the claim is no longer there", hit.source.display()))?;
    Ok(claim
        .evidence
        .iter()
        .filter(|e| !e.is_blank())
        .cloned()
        .collect())
}

fn or_unknown(verdict: &str) -> &str {
    if verdict.is_empty() {
        "no verdict given"
    } else {
        verdict
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
