//! The archive's thread: it brings the index up to date once, then answers searches and changes
//! to the library (add, remove, reindex) while the UI goes on. The frame only polls its answers
//! ([`ArchiveWorker::poll`]) and is woken by a repaint request when one arrives. Library changes
//! run in the order asked; of the searches waiting, only the newest runs, so a fast-changing
//! selection never queues work. Before a search, a library or index changed by another process
//! (a second window, `claimdesk library add`) is picked up, so its claims are found at once.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

use claimdesk_archive::{
    Archive, ArchiveError, ArchiveSearcher, Problem, Refresh, SearchHit, SourceSummary,
};

/// How many matches the panel shows.
pub const MATCHES_SHOWN: usize = 5;

/// What the app asks of the thread.
#[derive(Debug)]
pub enum WorkerRequest {
    /// The best matches of the text, as search number `serial`.
    Search(u64, String),
    /// Add folders or files to the library, then update the index.
    Add(Vec<PathBuf>),
    /// Remove a source from the library, then update the index.
    Remove(PathBuf),
    /// Rebuild the index from scratch.
    Reindex,
}

/// What the search thread says.
#[derive(Debug)]
pub enum WorkerAnswer {
    /// The index is up to date: the thread has started.
    Opened(LibraryState),
    /// The library was changed as asked and the index is up to date.
    Changed(LibraryState),
    /// Another process had changed the library or the index; the thread now searches that.
    ChangedElsewhere(LibraryState),
    /// Another process had changed the library or the index, and updating from it failed (the
    /// searches go on in the index as it was).
    ChangedElsewhereFailed(String),
    /// The archive could not be opened; the thread has ended.
    Failed(String),
    /// A library change could not be made (a path that does not exist, a busy index).
    ChangeFailed(String),
    /// The answer to search number `serial`.
    Found {
        /// The number the search was asked under.
        serial: u64,
        /// The best matches, or why the search failed.
        hits: Result<Vec<SearchHit>, String>,
    },
}

/// The library and its index after an update.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryState {
    /// Claims in the archive.
    pub claims: u64,
    /// What each source holds.
    pub sources: Vec<SourceSummary>,
    /// Bad sources and files, newly seen (a bad file is reported once, until it changes).
    pub problems: Vec<Problem>,
    /// Why the index was rebuilt from scratch, if it was.
    pub rebuilt: Option<String>,
}

/// The thread and its two channels. Dropping it ends the thread once its current task is done
/// (it never blocks the UI to join).
pub struct ArchiveWorker {
    requests: Sender<WorkerRequest>,
    answers: Receiver<WorkerAnswer>,
}

impl ArchiveWorker {
    /// Starts the thread on `archive`; it wakes `ctx` whenever an answer is ready.
    pub fn start(archive: Archive, ctx: egui::Context) -> Self {
        let (requests, request_rx) = mpsc::channel();
        let (answer_tx, answers) = mpsc::channel();
        let report = answer_tx.clone();
        let spawned = std::thread::Builder::new()
            .name("archive-search".into())
            .spawn(move || run(&archive, &request_rx, &answer_tx, &ctx));
        if let Err(e) = spawned {
            let _ = report.send(WorkerAnswer::Failed(format!(
                "could not start the search thread: {e}"
            )));
        }
        Self { requests, answers }
    }

    /// Asks the thread for `request`.
    pub fn ask(&self, request: WorkerRequest) {
        // A send fails only if the thread ended, which it has reported with `Failed`.
        let _ = self.requests.send(request);
    }

    /// The next answer, if one has arrived; never blocks.
    pub fn poll(&self) -> Option<WorkerAnswer> {
        // Disconnected: the thread ended after its last answer (`Failed` says why).
        self.answers.try_recv().ok()
    }
}

/// The thread: refresh the index, then serve requests until the app drops its sender.
fn run(
    archive: &Archive,
    requests: &Receiver<WorkerRequest>,
    answers: &Sender<WorkerAnswer>,
    ctx: &egui::Context,
) {
    let send = |answer| {
        let _ = answers.send(answer);
        ctx.request_repaint();
    };
    let mut searcher = match archive.refresh() {
        Ok(refresh) => updated(refresh, &send, WorkerAnswer::Opened),
        Err(e) => return send(WorkerAnswer::Failed(e.to_string())),
    };
    let mut seen = archive.stamp();
    while let Ok(first) = requests.recv() {
        let mut batch = vec![first];
        batch.extend(requests.try_iter());
        // Only the newest search matters: the older ones are for a selection already gone.
        let newest = batch
            .iter()
            .rposition(|r| matches!(r, WorkerRequest::Search(..)));
        for (i, request) in batch.into_iter().enumerate() {
            match request {
                WorkerRequest::Search(serial, text) if Some(i) == newest => {
                    // Another process changed the library or the index: search what it holds now.
                    if archive.stamp() != seen {
                        match archive.refresh() {
                            Ok(refresh) => {
                                searcher = updated(refresh, &send, WorkerAnswer::ChangedElsewhere);
                            }
                            Err(e) => send(WorkerAnswer::ChangedElsewhereFailed(e.to_string())),
                        }
                        seen = archive.stamp();
                    }
                    let hits = searcher
                        .search(&text, MATCHES_SHOWN)
                        .map_err(|e| e.to_string());
                    send(WorkerAnswer::Found { serial, hits });
                }
                WorkerRequest::Search(..) => {}
                change => {
                    match apply(archive, change) {
                        Ok(refresh) => searcher = updated(refresh, &send, WorkerAnswer::Changed),
                        Err(e) => send(WorkerAnswer::ChangeFailed(e.to_string())),
                    }
                    seen = archive.stamp();
                }
            }
        }
    }
}

/// Makes a library change and brings the index up to date.
fn apply(archive: &Archive, change: WorkerRequest) -> Result<Refresh, ArchiveError> {
    match change {
        WorkerRequest::Add(paths) => {
            archive.add(&paths)?;
        }
        WorkerRequest::Remove(path) => {
            if !archive.remove(&path)? {
                return Err(ArchiveError::Other(format!(
                    "{} is not in the library",
                    path.display()
                )));
            }
        }
        WorkerRequest::Reindex => return archive.rebuild(),
        WorkerRequest::Search(..) => {}
    }
    archive.refresh()
}

/// Reports an update as `answer` and returns its searcher.
fn updated(
    refresh: Refresh,
    send: &impl Fn(WorkerAnswer),
    answer: fn(LibraryState) -> WorkerAnswer,
) -> ArchiveSearcher {
    send(answer(LibraryState {
        claims: refresh.searcher.len(),
        sources: refresh.sources,
        problems: refresh.problems,
        rebuilt: refresh.rebuilt,
    }));
    refresh.searcher
}
