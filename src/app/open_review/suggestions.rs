//! The check-worthiness suggestions listed for the open text (issue 12): the worker's answer
//! for this text, the list the UI draws — sentences at or above the threshold that no claim
//! covers and no saved decision settled, best first and by position — the speaker filter of a
//! transcript, and what the analyst does with one: select it, step to the next (N), accept it
//! as a claim (A/D/I) or dismiss it (X). Accepting and dismissing are undoable edits of the
//! review (its `suggestion_decisions`), so they are saved with it. The worker that scores the
//! text is app-wide ([`crate::app::suggestions`]).

use std::sync::Arc;

use claimdesk_model::history::Edit;
use claimdesk_model::status_change::Analyst;
use claimdesk_model::status_history::Recording;
use claimdesk_model::suggestion_decision::{DecisionKind, with_decision};
use claimdesk_model::text::claim_span;
use claimdesk_model::{Claim, ClaimStatus, Span};
use claimdesk_suggest::Suggestion;

use super::claims::change::stamp;
use super::document::Document;
use super::navigation::Direction;
use super::span_set::SpanSet;
use super::{OpenReview, Shared};
use crate::app::suggestions::worker::{ModelChoice, ModelInfo, Scored};

/// The suggestions of the open text.
#[derive(Default)]
pub struct SuggestionList {
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
}

/// The worker's answer for one article text.
struct ScoredText {
    article_generation: u64,
    model: ModelInfo,
    suggestions: Vec<Suggestion>,
}

impl SuggestionList {
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

    /// True while the text was sent to the worker and its answer has not arrived.
    pub fn waiting(&self) -> bool {
        self.requested.is_some() && self.scored.is_none()
    }

    /// The speaker whose sentences alone are listed, if one is picked.
    pub fn speaker_filter(&self) -> Option<&str> {
        self.speaker.as_deref()
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

    /// Forgets the worker's answer and the list (another text, another model).
    pub(crate) fn forget_text(&mut self) {
        *self = Self::default();
    }

    /// Records that a job was sent to the worker (`None`: the worker is gone).
    pub(crate) fn requested(&mut self, job: Option<(u64, ModelChoice)>) {
        self.requested = job;
    }

    /// The suggestions at or above `threshold` that no claim covers and no decision settled.
    fn rebuild(&mut self, doc: &Document, threshold: f32) {
        let review = doc.review();
        let claims = SpanSet::new(
            review
                .claims()
                .iter()
                .filter(|c| !c.orphaned)
                .map(|c| c.span),
        );
        let decided = SpanSet::new(review.decided_spans());
        let scored = self.scored.as_ref().expect("called with a result");
        let speaker = &self.speaker;
        self.list = scored
            .suggestions
            .iter()
            .enumerate()
            .filter(|(_, g)| g.score >= threshold)
            .filter(|(_, g)| speaker.is_none() || &g.speaker == speaker)
            .filter(|(_, g)| !claims.overlaps(g.span) && !decided.overlaps(g.span))
            .map(|(i, _)| i as u32)
            .collect();
        let mut by_start = self.list.clone();
        by_start.sort_by_key(|&i| scored.suggestions[i as usize].span.start);
        self.by_start = by_start;
    }

    /// Lists only `speaker`'s sentences (`None`: everyone's).
    pub(crate) fn set_speaker_filter(&mut self, speaker: Option<String>) {
        self.speaker = speaker;
        self.list_key = None;
    }
}

/// The job to send the worker, if the open text has no answer yet and none was asked for with
/// `model`: (article generation, model). The caller records a sent job with
/// [`SuggestionList::requested`].
pub(crate) fn wanted(open: &mut OpenReview, model: &ModelChoice) -> Option<(u64, ModelChoice)> {
    let generation = open.doc.article_generation();
    let s = &mut open.suggestions;
    if s.scored
        .as_ref()
        .is_some_and(|scored| scored.article_generation != generation)
    {
        s.forget_text();
    }
    let wanted = (generation, model.clone());
    (s.scored.is_none() && s.requested.as_ref() != Some(&wanted)).then_some(wanted)
}

/// Keeps the worker's answer (and the transcript it found) if it is for the open text and
/// `model`; returns false if it was dropped (for an older text or another model).
pub(crate) fn take_scored(open: &mut OpenReview, model: &ModelChoice, scored: Scored) -> bool {
    let generation = open.doc.article_generation();
    if scored.article_generation != generation || &scored.model.choice != model {
        return false;
    }
    open.set_transcript(generation, scored.transcript);
    let s = &mut open.suggestions;
    s.scored = Some(Arc::new(ScoredText {
        article_generation: scored.article_generation,
        model: scored.model,
        suggestions: scored.suggestions,
    }));
    s.list_key = None;
    true
}

/// Rebuilds the list when the review or `threshold` changed since; a selected suggestion that
/// is no longer offered (undo, a new claim over it, a higher threshold) is no longer selected.
pub(crate) fn refresh(open: &mut OpenReview, threshold: f32) {
    let OpenReview {
        doc,
        suggestions: s,
        view,
        ..
    } = open;
    let key = (
        doc.article_generation(),
        doc.generation(),
        threshold.to_bits(),
    );
    if s.scored.is_none() || s.list_key == Some(key) {
        return;
    }
    s.rebuild(doc, threshold);
    s.list_key = Some(key);
    if view
        .selected_suggestion
        .is_some_and(|span| s.rank_of(span).is_none())
    {
        view.selected_suggestion = None;
    }
}

/// Selects a suggestion (and no claim, no text) and brings it into view.
pub fn select(open: &mut OpenReview, span: Option<Span>) {
    let view = &mut open.view;
    view.selected_suggestion = span;
    if let Some(span) = span {
        view.selected_claim = None;
        view.selection = None;
        view.scroll_to_span(span);
    }
}

/// Selects the next or previous suggestion in rank order (best first); with none selected,
/// the best (or the last). `shown`: suggestions are on (else the user is told so).
pub fn step(open: &mut OpenReview, direction: Direction, shown: bool, shared: &mut Shared) {
    let s = &open.suggestions;
    let current = open.view.selected_suggestion.and_then(|sp| s.rank_of(sp));
    let Some(next) = direction.step(current, s.len()) else {
        let message = if !shown {
            "Suggestions are off: View → Suggest claims."
        } else if s.waiting() {
            "Still looking for claims worth checking…"
        } else {
            "No suggestions above the threshold."
        };
        shared.notices.info(message);
        return;
    };
    let span = s.nth(next).map(|g| g.span);
    select(open, span);
}

/// Dismisses the selected suggestion (one undo step) and selects the next one.
pub fn dismiss(open: &mut OpenReview) {
    let Some(span) = open.view.selected_suggestion else {
        return;
    };
    let s = &open.suggestions;
    let next = s.rank_of(span).and_then(|k| s.nth(k + 1)).map(|g| g.span);
    let review = open.review();
    let decisions = with_decision(
        &review.suggestion_decisions,
        &review.article,
        span,
        DecisionKind::Dismissed,
    );
    let edits = vec![Edit::SetSuggestionDecisions(decisions)];
    if open.apply("dismiss suggestion", edits).is_ok() {
        open.view.selected_suggestion = None;
        if next.is_some() {
            select(open, next);
        }
    }
}

/// Marks the sentence of suggestion `span` as a claim with `status`, its speaker as the
/// claimant in a transcript, and records the acceptance: one undo step.
pub fn accept(open: &mut OpenReview, span: Span, status: ClaimStatus, analyst: &Analyst) {
    let speaker = open.suggestions.get(span).and_then(|g| g.speaker.clone());
    let review = open.review();
    let article = &review.article;
    let Some((a, b)) = claim_span(article.text(), article.index(), span.start, span.end) else {
        return;
    };
    let mut claim = Claim::new(article, Span::new(a, b), status);
    claim.claimant = speaker.unwrap_or_default();
    stamp(analyst, None, &mut claim, Recording::NewEntry);
    let id = claim.id.clone();
    let decisions = with_decision(
        &review.suggestion_decisions,
        article,
        span,
        DecisionKind::Accepted,
    );
    let label = format!("mark {}", status.label().to_lowercase());
    let edits = vec![Edit::Insert(claim), Edit::SetSuggestionDecisions(decisions)];
    if open.apply(&label, edits).is_ok() {
        open.view.selected_suggestion = None;
        open.view.selected_claim = Some(id);
    }
}
