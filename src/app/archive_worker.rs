//! The archive's search thread: it brings the index up to date once, then answers searches,
//! newest first, while the UI goes on. The frame only polls its answers ([`ArchiveWorker::poll`])
//! and is woken by a repaint request when one arrives; a search asked for while another runs
//! replaces any that still wait, so a fast-changing selection never queues work.

use std::sync::mpsc::{self, Receiver, Sender};

use claimdesk_core::archive::{Archive, Problem, SearchHit};

/// How many matches the panel shows.
pub const MATCHES_SHOWN: usize = 5;

/// What the search thread says.
#[derive(Debug)]
pub enum WorkerAnswer {
    /// The index is up to date and holds `claims` claims; `problems` are the sources and files
    /// that could not be used (reported once), `rebuilt` why it was rebuilt from scratch.
    Opened {
        /// Claims in the archive.
        claims: u64,
        /// Bad sources and files, newly seen.
        problems: Vec<Problem>,
        /// Why the index was rebuilt, if it was.
        rebuilt: Option<String>,
    },
    /// The archive could not be opened; the thread has ended.
    Failed(String),
    /// The answer to search number `serial`.
    Found {
        /// The number the search was asked under.
        serial: u64,
        /// The best matches, or why the search failed.
        hits: Result<Vec<SearchHit>, String>,
    },
}

/// A search thread and its two channels. Dropping it ends the thread once its current search is
/// done (it never blocks the UI to join).
pub struct ArchiveWorker {
    requests: Sender<(u64, String)>,
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

    /// Asks for the best matches of `text`, as search number `serial`.
    pub fn search(&self, serial: u64, text: String) {
        // A send fails only if the thread ended, which it has reported with `Failed`.
        let _ = self.requests.send((serial, text));
    }

    /// The next answer, if one has arrived; never blocks.
    pub fn poll(&self) -> Option<WorkerAnswer> {
        // Disconnected: the thread ended after its last answer (`Failed` says why).
        self.answers.try_recv().ok()
    }
}

/// The thread: refresh the index, then search until the app drops its sender.
fn run(
    archive: &Archive,
    requests: &Receiver<(u64, String)>,
    answers: &Sender<WorkerAnswer>,
    ctx: &egui::Context,
) {
    let send = |answer| {
        let _ = answers.send(answer);
        ctx.request_repaint();
    };
    let refresh = match archive.refresh() {
        Ok(refresh) => refresh,
        Err(e) => return send(WorkerAnswer::Failed(e.to_string())),
    };
    let searcher = refresh.searcher;
    send(WorkerAnswer::Opened {
        claims: searcher.len(),
        problems: refresh.problems,
        rebuilt: refresh.rebuilt,
    });
    while let Ok(mut request) = requests.recv() {
        // Only the newest request matters: the older ones are for a selection already gone.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let (serial, text) = request;
        let hits = searcher
            .search(&text, MATCHES_SHOWN)
            .map_err(|e| e.to_string());
        send(WorkerAnswer::Found { serial, hits });
    }
}
