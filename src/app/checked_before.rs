//! "Checked before" (issue 14): while a claim or some text is selected, the archive's best
//! matches for it. The state here decides what to search for (the selected text, else the
//! selected claim's quote), hands the search to an [`ArchiveWorker`] and keeps its newest
//! answer; the commands open an earlier review at its claim and copy an earlier verdict into the
//! current claim as evidence.

use std::path::{Path, PathBuf};

use claimdesk_archive::{Archive, SearchHit};
use claimdesk_model::Timestamp;
use claimdesk_model::format::{self, is_project_path};
use claimdesk_model::{ClaimId, Evidence};

use super::archive_worker::{ArchiveWorker, LibraryState, WorkerAnswer, WorkerRequest};
use super::{AppState, Pending};

/// Matches scoring below this share of the best one are not shown: a match on one common word
/// ("its", "the") beside a real one is noise in a panel of five.
const WEAK_MATCH: f32 = 0.25;
/// The longest text searched for, in chars: a whole-article selection is cut to its start.
const QUERY_CHARS: usize = 1_000;

/// The panel's state: the archive, its search thread, the current query and its matches.
#[derive(Default)]
pub struct CheckedBefore {
    /// Where the archive lives; `None`: no archive (no data folder).
    archive: Option<Archive>,
    worker: Option<ArchiveWorker>,
    /// What the archive can do now.
    pub status: ArchiveStatus,
    /// What is searched for now (`None`: nothing is selected).
    pub query: Option<String>,
    /// What the query was made from, to notice a change without building the text each frame.
    query_key: Option<QueryKey>,
    /// The serial of the newest search asked for.
    serial: u64,
    /// The matches of the current query; `None` while its search runs.
    pub hits: Option<Vec<SearchHit>>,
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

/// The source of the query: a text selection or a claim, in a given version of the review.
#[derive(Clone, Debug, PartialEq, Eq)]
enum QueryKey {
    Selection(usize, usize, u64),
    Claim(ClaimId, u64),
}

impl CheckedBefore {
    /// The panel over the archive at `archive` (nothing is read until something is selected).
    pub fn new(archive: Option<Archive>) -> Self {
        Self {
            archive,
            ..Self::default()
        }
    }
}

impl AppState {
    /// Searches the archive at `archive` for what is selected (replaces the current one).
    pub fn with_archive(mut self, archive: Archive) -> Self {
        self.checked_before = CheckedBefore::new(Some(archive));
        self
    }

    /// Once a frame, after the commands: takes the search thread's answers, asks for a new
    /// search when the selection changed, and selects the claim of an earlier review just
    /// opened. Never blocks.
    pub(crate) fn checked_before_tick(&mut self, ctx: &egui::Context) {
        self.take_worker_answers();
        self.reveal_opened_claim();
        let key = self.query_key();
        if key == self.checked_before.query_key {
            return;
        }
        let query = self.query_text(key.as_ref());
        let panel = &mut self.checked_before;
        panel.query_key = key;
        if query == panel.query {
            return;
        }
        panel.query.clone_from(&query);
        panel.hits = None;
        let Some(text) = query else {
            return;
        };
        panel.serial += 1;
        let serial = panel.serial;
        self.ask_worker(WorkerRequest::Search(serial, text), ctx);
    }

    /// Sends `request` to the archive's thread, starting it first if needed.
    pub(crate) fn ask_worker(&mut self, request: WorkerRequest, ctx: &egui::Context) {
        if let Some(worker) = self.start_worker(ctx) {
            worker.ask(request);
        }
    }

    /// The archive's thread, started now if it is not running (`None`: no archive, or it could
    /// not be opened: that was said once, and only File → Library… tries again).
    pub(crate) fn start_worker(&mut self, ctx: &egui::Context) -> Option<&ArchiveWorker> {
        let panel = &mut self.checked_before;
        if matches!(panel.status, ArchiveStatus::Unavailable(_)) {
            return None;
        }
        if panel.worker.is_none() {
            let Some(archive) = panel.archive.clone() else {
                panel.status = ArchiveStatus::Unavailable("no data folder for the archive".into());
                return None;
            };
            panel.status = ArchiveStatus::Opening;
            panel.worker = Some(ArchiveWorker::start(archive, ctx.clone()));
        }
        panel.worker.as_ref()
    }

    /// Opens the review `path` (asking about unsaved changes first) and selects claim `id` in
    /// it; if it is the open review, only selects the claim.
    pub(crate) fn open_archived_claim(&mut self, path: PathBuf, id: ClaimId, ctx: &egui::Context) {
        let open = self.doc.as_ref().and_then(|d| d.path.as_deref());
        if open == Some(path.as_path()) {
            self.checked_before.reveal = Some((path, id));
            self.reveal_opened_claim();
            return;
        }
        self.checked_before.reveal = Some((path.clone(), id));
        self.guard(Pending::Open(path), ctx);
        self.reveal_opened_claim();
    }

    /// Adds an earlier fact-check's verdict, and for an earlier Claimdesk review the sources of
    /// its claim, to claim `target`'s evidence: one undo step.
    pub(crate) fn copy_archived_verdict(&mut self, target: &ClaimId, hit: &SearchHit) {
        let mut entries = vec![verdict_evidence(hit)];
        match earlier_sources(hit) {
            Ok(sources) => entries.extend(sources),
            Err(message) => self.notices.warning(
                format!("Copied the earlier verdict, but not its sources: {message}"),
                Vec::new(),
            ),
        }
        let before = self.evidence_count(target);
        self.update_claim(target, "copy earlier verdict", None, |claim| {
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
        let added = self.evidence_count(target).saturating_sub(before);
        self.notices.info(match added {
            0 => "That earlier verdict is already among the claim's sources.".to_owned(),
            1 => "Added the earlier verdict to the claim's sources (Ctrl+Z to undo).".to_owned(),
            n => format!(
                "Added the earlier verdict and {} of its sources to the claim's sources \
                 (Ctrl+Z to undo).",
                n - 1
            ),
        });
    }

    fn evidence_count(&self, id: &ClaimId) -> usize {
        let claim = self.doc.as_ref().and_then(|d| d.review.claim(id));
        claim.map_or(0, |c| c.evidence.len())
    }

    fn take_worker_answers(&mut self) {
        while let Some(answer) = self.checked_before.worker.as_ref().and_then(|w| w.poll()) {
            match answer {
                WorkerAnswer::Opened(state) => self.library_updated(state, false),
                WorkerAnswer::Changed(state) => self.library_updated(state, true),
                WorkerAnswer::ChangedElsewhere(state) => self.library_updated(state, false),
                WorkerAnswer::ChangedElsewhereFailed(message) => self.notices.error(format!(
                    "The claim archive was changed elsewhere and could not be reread: {message}"
                )),
                WorkerAnswer::ChangeFailed(message) => {
                    let panel = &mut self.checked_before;
                    panel.library_busy = panel.library_busy.saturating_sub(1);
                    self.notices
                        .error(format!("The library was not changed: {message}"));
                }
                WorkerAnswer::Failed(message) => {
                    self.notices
                        .error(format!("The claim archive cannot be used: {message}"));
                    self.checked_before.status = ArchiveStatus::Unavailable(message);
                    self.checked_before.worker = None;
                    self.checked_before.library_busy = 0;
                    return;
                }
                WorkerAnswer::Found { serial, hits } => {
                    let panel = &mut self.checked_before;
                    if serial != panel.serial {
                        continue; // for a selection already gone
                    }
                    match hits {
                        Ok(hits) => panel.hits = Some(without_weak_matches(hits)),
                        Err(message) => {
                            panel.hits = Some(Vec::new());
                            self.notices
                                .error(format!("Archive search failed: {message}"));
                        }
                    }
                }
            }
        }
    }

    /// A new state of the library: shown in the panel and the Library window; its problems are
    /// reported once. After a change, the current selection is searched again.
    fn library_updated(&mut self, state: LibraryState, after_change: bool) {
        let panel = &mut self.checked_before;
        if after_change {
            panel.library_busy = panel.library_busy.saturating_sub(1);
        }
        panel.status = ArchiveStatus::Ready(state.claims);
        if after_change {
            panel.query = None;
            panel.query_key = None;
        }
        if let Some(why) = &state.rebuilt {
            self.notices
                .info(format!("The claim archive's index was rebuilt: {why}"));
        }
        if !state.problems.is_empty() {
            let n = state.problems.len();
            self.notices.warning(
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
        self.checked_before.library = Some(state);
    }

    /// Selects and shows the claim of an earlier review once that review is open; forgets it
    /// when the open was refused or cancelled.
    fn reveal_opened_claim(&mut self) {
        let Some((path, id)) = &self.checked_before.reveal else {
            return;
        };
        let doc = self.doc.as_ref();
        if doc.and_then(|d| d.path.as_deref()) == Some(path.as_path()) {
            let claim = doc.and_then(|d| d.review.claim(id));
            let start = claim.filter(|c| !c.orphaned).map(|c| c.span.start);
            let found = claim.is_some();
            let id = id.clone();
            self.checked_before.reveal = None;
            if found {
                self.view_state.selection = None;
                self.view_state.selected_claim = Some(id);
                if let Some(start) = start {
                    self.view_state.scroll_to(start);
                }
            } else {
                self.notices
                    .info("The earlier claim is no longer in that review.");
            }
        } else if !self.modal_open() {
            self.checked_before.reveal = None;
        }
    }

    fn query_key(&self) -> Option<QueryKey> {
        let doc = self.doc.as_ref()?;
        if let Some(sel) = self.view_state.selection.filter(|s| !s.is_empty()) {
            let (a, b) = sel.range();
            return Some(QueryKey::Selection(a, b, doc.article_generation));
        }
        let id = self.view_state.selected_claim.clone()?;
        Some(QueryKey::Claim(id, doc.generation))
    }

    fn query_text(&self, key: Option<&QueryKey>) -> Option<String> {
        let review = &self.doc.as_ref()?.review;
        let text = match key? {
            // Through the article's char index: no walk from the start of a long article.
            QueryKey::Selection(a, b, _) => review
                .article
                .slice(*a, (*b).min(a + QUERY_CHARS))
                .to_owned(),
            QueryKey::Claim(id, _) => review.claim(id)?.quote.chars().take(QUERY_CHARS).collect(),
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    }
}

/// The hits scoring at least [`WEAK_MATCH`] of the best one.
fn without_weak_matches(mut hits: Vec<SearchHit>) -> Vec<SearchHit> {
    let best = hits.iter().map(|h| h.score).fold(0.0, f32::max);
    hits.retain(|h| h.score >= best * WEAK_MATCH);
    hits
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
