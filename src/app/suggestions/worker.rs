//! The suggestion worker: one thread that scores articles, so the frame never waits for the
//! model. The app sends a [`Job`] per article text (and model); the thread scores only the
//! newest job waiting, sends back a [`Scored`] and wakes the UI. The frame polls with
//! [`Worker::take`], which never blocks.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use claimdesk_model::transcript::Transcript;
use claimdesk_suggest::{Model, PrecisionRow, Suggestion, precision_at, score_article};
use serde::{Deserialize, Serialize};

/// Sentences scoring below this are never offered, whatever the threshold (the slider's floor).
pub const MIN_THRESHOLD: f32 = 0.05;

/// Which model scores the sentences (a preference).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelChoice {
    /// The model shipped with Claimdesk.
    #[default]
    Builtin,
    /// A weights file made by `claimdesk train-suggester`.
    File(PathBuf),
}

impl ModelChoice {
    /// "built-in" or the file's name.
    pub fn label(&self) -> String {
        match self {
            ModelChoice::Builtin => "built-in".to_owned(),
            ModelChoice::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

/// The model that scored an article, as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelInfo {
    /// The model asked for.
    pub choice: ModelChoice,
    /// Expected precision and recall per threshold (held-out data).
    pub precision: Vec<PrecisionRow>,
    /// Why the chosen file could not be used; the built-in model scored instead.
    pub error: Option<String>,
}

impl ModelInfo {
    /// The row of the precision table that applies at `threshold` (see
    /// [`Model::expected_precision`]).
    pub fn expected_precision(&self, threshold: f32) -> Option<PrecisionRow> {
        precision_at(&self.precision, threshold)
    }
}

/// An article text to score.
pub(crate) struct Job {
    /// The text's generation (see `Document::article_generation`).
    pub article_generation: u64,
    /// A copy of the article text.
    pub text: String,
    /// The model to score with.
    pub model: ModelChoice,
    /// Woken when the result is ready.
    pub ctx: egui::Context,
}

/// What the worker found for one job.
pub(crate) struct Scored {
    /// The job's article generation: a result for an older text is dropped by the app.
    pub article_generation: u64,
    /// The model used.
    pub model: ModelInfo,
    /// Every sentence at or above [`MIN_THRESHOLD`], best first, with reasons and speaker.
    pub suggestions: Vec<Suggestion>,
    /// The speakers, when the article is a transcript.
    pub transcript: Option<Transcript>,
}

/// The worker thread's two channels. Dropping it ends the thread after its current job.
pub(crate) struct Worker {
    jobs: Sender<Job>,
    results: Receiver<Scored>,
}

impl Worker {
    /// Starts the thread.
    pub fn spawn() -> std::io::Result<Worker> {
        let (jobs, job_rx) = mpsc::channel();
        let (result_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("claimdesk-suggest".into())
            .spawn(move || run(&job_rx, &result_tx))?;
        Ok(Worker { jobs, results })
    }

    /// Queues a job; false if the thread is gone.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// The newest result that has arrived, if any (older ones are superseded); `Err` if the
    /// thread is gone.
    pub fn take(&self) -> Result<Option<Scored>, ()> {
        let mut newest = None;
        loop {
            match self.results.try_recv() {
                Ok(scored) => newest = Some(scored),
                Err(TryRecvError::Empty) => return Ok(newest),
                Err(TryRecvError::Disconnected) => return newest.map(Some).ok_or(()),
            }
        }
    }
}

/// The model held by the thread: the built-in one or a loaded file.
enum Held {
    Builtin,
    Loaded(Box<Model>),
}

impl Held {
    fn model(&self) -> &Model {
        match self {
            Held::Builtin => Model::builtin(),
            Held::Loaded(m) => m,
        }
    }
}

fn run(jobs: &Receiver<Job>, results: &Sender<Scored>) {
    let mut held: Option<(ModelChoice, Held, Option<String>)> = None;
    while let Ok(mut job) = jobs.recv() {
        // Only the newest text matters.
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        if held.as_ref().is_none_or(|(c, _, _)| c != &job.model) {
            let (model, error) = load(&job.model);
            held = Some((job.model.clone(), model, error));
        }
        let (choice, model, error) = held.as_ref().expect("loaded above");
        let model = model.model();
        let scores = score_article(&job.text, model);
        let suggestions = scores.suggestions(&job.text, model, MIN_THRESHOLD, &[]);
        let scored = Scored {
            article_generation: job.article_generation,
            model: ModelInfo {
                choice: choice.clone(),
                precision: model.precision.clone(),
                error: error.clone(),
            },
            suggestions,
            transcript: scores.transcript,
        };
        if results.send(scored).is_err() {
            return;
        }
        job.ctx.request_repaint();
    }
}

/// The chosen model, or the built-in one and why the chosen file could not be used.
fn load(choice: &ModelChoice) -> (Held, Option<String>) {
    match choice {
        ModelChoice::Builtin => (Held::Builtin, None),
        ModelChoice::File(path) => match Model::load(path) {
            Ok(model) => (Held::Loaded(Box::new(model)), None),
            Err(e) => (
                Held::Builtin,
                Some(format!("Could not load {}: {e}", path.display())),
            ),
        },
    }
}
