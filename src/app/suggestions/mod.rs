//! Check-worthiness suggestions in the app (issue 12): whether they are shown, the threshold,
//! the worker that scores the article off the UI thread, and the list the UI draws — sentences
//! at or above the threshold that no claim covers and no saved decision settled, best first.
//!
//! Each frame [`AppState::begin_frame`](super::AppState::begin_frame) calls
//! [`AppState::poll_suggestions`]: it takes the worker's result (dropping one for an older
//! article text or another model), sends a job when the open text has no result yet, and
//! rebuilds the list when the claims, decisions or threshold changed. A steady frame only
//! compares a few numbers. The commands that act on suggestions are in `actions.rs`.

mod actions;
mod span_set;
pub mod worker;

use std::sync::Arc;

use claimdesk_model::Span;
use claimdesk_model::transcript::{Transcript, detect_transcript};
use claimdesk_suggest::Suggestion;

use super::AppState;
use super::document::Document;
pub use actions::MAX_THRESHOLD;
use span_set::SpanSet;
use worker::{Job, Scored, Worker};
pub use worker::{MIN_THRESHOLD, ModelChoice, ModelInfo};

/// The threshold until the user picks another.
pub const DEFAULT_THRESHOLD: f32 = claimdesk_suggest::DEFAULT_THRESHOLD;

/// Suggestions state (owned by [`AppState`]).
#[derive(Default)]
pub struct Suggestions {
    /// View → Suggest claims is on.
    pub shown: bool,
    worker: Option<Worker>,
    /// The (article generation, model) last sent to the worker.
    requested: Option<(u64, ModelChoice)>,
    /// The worker's answer for the open text.
    scored: Option<Arc<ScoredText>>,
    /// Indices into `scored.suggestions` of the sentences shown, best first.
    list: Vec<u32>,
    /// The same indices sorted by where the sentence starts (for the view).
    by_start: Vec<u32>,
    /// What `list` was built from: article generation, review generation, threshold bits.
    list_key: Option<(u64, u64, u32)>,
    /// Only this speaker's sentences are listed (a transcript filter); `None`: everyone's.
    speaker: Option<String>,
    /// The transcript of the open text, if it is one (article generation, speakers).
    transcript: Option<(u64, Option<Arc<Transcript>>)>,
}

/// The worker's answer for one article text.
struct ScoredText {
    article_generation: u64,
    model: ModelInfo,
    suggestions: Vec<Suggestion>,
}

impl Suggestions {
    /// Suggestions off, or on as the preferences remember them (`shown`).
    pub fn shown_if(shown: bool) -> Self {
        Self {
            shown,
            ..Self::default()
        }
    }

    /// The suggestions shown, best first.
    pub fn list(&self) -> impl ExactSizeIterator<Item = &Suggestion> + '_ {
        self.list.iter().map(|&i| self.at(i))
    }

    /// How many suggestions are shown.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when no suggestion is shown.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The `k`-th best suggestion shown.
    pub fn nth(&self, k: usize) -> Option<&Suggestion> {
        self.list.get(k).map(|&i| self.at(i))
    }

    /// The rank (0 = best) of the suggestion of sentence `span`, if it is shown.
    pub fn rank_of(&self, span: Span) -> Option<usize> {
        self.list.iter().position(|&i| self.at(i).span == span)
    }

    /// The suggestion shown for sentence `span`.
    pub fn get(&self, span: Span) -> Option<&Suggestion> {
        self.rank_of(span).and_then(|k| self.nth(k))
    }

    /// The suggestions shown that overlap chars `[start, end)`, in text order.
    pub fn in_range(&self, start: usize, end: usize) -> impl Iterator<Item = &Suggestion> + '_ {
        let first = self
            .by_start
            .partition_point(|&i| self.at(i).span.end <= start);
        self.by_start[first..]
            .iter()
            .map(|&i| self.at(i))
            .take_while(move |s| s.span.start < end)
    }

    /// The suggestion shown whose sentence holds char `pos`.
    pub fn at_char(&self, pos: usize) -> Option<&Suggestion> {
        self.in_range(pos, pos + 1).next()
    }

    /// True while the worker scores the open text (suggestions shown, no answer yet).
    pub fn pending(&self) -> bool {
        self.shown && self.requested.is_some() && self.scored.is_none()
    }

    /// The speaker whose sentences alone are listed, if one is picked.
    pub fn speaker_filter(&self) -> Option<&str> {
        self.speaker.as_deref()
    }

    /// The speakers of the open text, when it is a transcript (in order of first appearance).
    pub fn speakers(&self) -> Vec<&str> {
        match &self.transcript {
            Some((_, Some(t))) => t.speakers.iter().map(|s| s.name.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// Lists only `speaker`'s sentences (`None`: everyone's).
    pub(crate) fn set_speaker_filter(&mut self, speaker: Option<String>) {
        self.speaker = speaker;
        self.list_key = None;
    }

    /// The model that scored the open text, once it has.
    pub fn model(&self) -> Option<&ModelInfo> {
        self.scored.as_ref().map(|s| &s.model)
    }

    fn at(&self, i: u32) -> &Suggestion {
        &self
            .scored
            .as_ref()
            .expect("indices only with a result")
            .suggestions[i as usize]
    }

    fn forget_text(&mut self) {
        self.speaker = None;
        self.scored = None;
        self.requested = None;
        self.list.clear();
        self.by_start.clear();
        self.list_key = None;
    }
}

impl AppState {
    /// Once a frame: takes the worker's answer, asks for one when the open text has none, and
    /// rebuilds the list when the review or the threshold changed. Never waits.
    pub fn poll_suggestions(&mut self, ctx: &egui::Context) {
        self.take_scored();
        let Some(doc) = &self.doc else {
            self.suggestions.forget_text();
            return;
        };
        let (generation, review_generation) = (doc.article_generation, doc.generation);
        if self
            .suggestions
            .scored
            .as_ref()
            .is_some_and(|s| s.article_generation != generation)
        {
            self.suggestions.forget_text();
        }
        if !self.suggestions.shown {
            return;
        }
        let wanted = (generation, self.settings.suggestion_model.clone());
        if self.suggestions.scored.is_none() && self.suggestions.requested.as_ref() != Some(&wanted)
        {
            self.request_scores(wanted, ctx);
        }
        let threshold = self.settings.suggestion_threshold();
        let key = (generation, review_generation, threshold.to_bits());
        if self.suggestions.scored.is_some() && self.suggestions.list_key != Some(key) {
            let doc = self.doc.as_ref().expect("checked above");
            rebuild_list(&mut self.suggestions, doc, threshold);
            self.suggestions.list_key = Some(key);
            // A selected suggestion that is no longer offered (undo, a new claim over it, a
            // higher threshold) is no longer selected.
            let selected = self.view_state.selected_suggestion;
            if selected.is_some_and(|span| self.suggestions.rank_of(span).is_none()) {
                self.view_state.selected_suggestion = None;
            }
        }
    }

    /// The transcript of the open article, if it is one (detected once per article text).
    pub fn transcript(&mut self) -> Option<Arc<Transcript>> {
        let doc = self.doc.as_ref()?;
        let generation = doc.article_generation;
        match &self.suggestions.transcript {
            Some((g, t)) if *g == generation => t.clone(),
            _ => {
                let t = detect_transcript(doc.review.article.text()).map(Arc::new);
                self.suggestions.transcript = Some((generation, t.clone()));
                t
            }
        }
    }

    fn request_scores(&mut self, wanted: (u64, ModelChoice), ctx: &egui::Context) {
        let Some(doc) = &self.doc else {
            return;
        };
        if self.suggestions.worker.is_none() {
            match Worker::spawn() {
                Ok(w) => self.suggestions.worker = Some(w),
                Err(e) => {
                    self.suggestions.shown = false;
                    self.notices
                        .error(format!("Could not start scoring suggestions: {e}"));
                    return;
                }
            }
        }
        let job = Job {
            article_generation: wanted.0,
            text: doc.review.article.text().to_owned(),
            model: wanted.1.clone(),
            ctx: ctx.clone(),
        };
        if self
            .suggestions
            .worker
            .as_ref()
            .is_some_and(|w| w.send(job))
        {
            self.suggestions.requested = Some(wanted);
        } else {
            self.suggestions.worker = None;
            self.suggestions.shown = false;
            self.notices
                .error("Scoring suggestions stopped unexpectedly; turn them on again to retry.");
        }
    }

    /// Takes the worker's newest answer; keeps it only if it is for the open text and the
    /// chosen model.
    fn take_scored(&mut self) {
        let Some(worker) = &self.suggestions.worker else {
            return;
        };
        let scored: Scored = match worker.take() {
            Ok(Some(s)) => s,
            Ok(None) => return,
            Err(()) => {
                self.suggestions.worker = None;
                self.suggestions.requested = None;
                return;
            }
        };
        let current = self.doc.as_ref().map(|d| d.article_generation);
        if current != Some(scored.article_generation)
            || scored.model.choice != self.settings.suggestion_model
        {
            return;
        }
        if let Some(error) = &scored.model.error {
            self.notices.error(format!(
                "{error}. Suggestions use the built-in model instead (change it in the \
                 Suggestions tab)."
            ));
        }
        let generation = scored.article_generation;
        self.suggestions.transcript = Some((generation, scored.transcript.map(Arc::new)));
        self.suggestions.scored = Some(Arc::new(ScoredText {
            article_generation: generation,
            model: scored.model,
            suggestions: scored.suggestions,
        }));
        self.suggestions.list_key = None;
    }
}

/// The suggestions at or above `threshold` that no claim covers and no decision settled.
fn rebuild_list(s: &mut Suggestions, doc: &Document, threshold: f32) {
    let review = &doc.review;
    let claims = SpanSet::new(
        review
            .claims()
            .iter()
            .filter(|c| !c.orphaned)
            .map(|c| c.span),
    );
    let decided = SpanSet::new(review.decided_spans());
    let scored = s.scored.as_ref().expect("called with a result");
    s.list = scored
        .suggestions
        .iter()
        .enumerate()
        .filter(|(_, g)| g.score >= threshold)
        .filter(|(_, g)| s.speaker.is_none() || g.speaker == s.speaker)
        .filter(|(_, g)| !claims.overlaps(g.span) && !decided.overlaps(g.span))
        .map(|(i, _)| i as u32)
        .collect();
    let mut by_start = s.list.clone();
    by_start.sort_by_key(|&i| scored.suggestions[i as usize].span.start);
    s.by_start = by_start;
}
