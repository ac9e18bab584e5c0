//! What the user does with suggestions: show them, set the threshold, pick the model, go to
//! the next one, accept one as a claim (A/D/I) or dismiss it (X). Accepting and dismissing are
//! undoable edits of the review (its `suggestion_decisions`), so they are saved with it.

use claimdesk_model::history::Edit;
use claimdesk_model::suggestion_decision::{DecisionKind, with_decision};
use claimdesk_model::text::claim_span;
use claimdesk_model::{Claim, ClaimStatus, Span};

use super::{MIN_THRESHOLD, ModelChoice};
use crate::app::AppState;

/// The highest threshold the slider offers.
pub const MAX_THRESHOLD: f32 = 0.95;

impl AppState {
    /// Turns suggestions on or off (View → Suggest claims); the choice is kept in the
    /// preferences for the next start.
    pub(crate) fn show_suggestions(&mut self, on: bool) {
        self.suggestions.shown = on;
        self.settings.suggestions_shown = on;
        if !on {
            self.view_state.selected_suggestion = None;
        }
    }

    /// Sets the threshold (kept in the preferences).
    pub(crate) fn set_suggestion_threshold(&mut self, threshold: f32) {
        if threshold.is_finite() {
            self.settings.suggestion_threshold =
                Some(threshold.clamp(MIN_THRESHOLD, MAX_THRESHOLD));
        }
    }

    /// Chooses the model (kept in the preferences) and shows suggestions, so a file that cannot
    /// be loaded says so at once.
    pub(crate) fn set_suggestion_model(&mut self, choice: ModelChoice) {
        self.settings.suggestion_model = choice;
        self.suggestions.forget_text();
        self.show_suggestions(true);
    }

    /// Selects a suggestion (and no claim, no text) and brings it into view.
    pub(crate) fn select_suggestion(&mut self, span: Option<Span>) {
        let state = &mut self.view_state;
        state.selected_suggestion = span;
        if let Some(span) = span {
            state.selected_claim = None;
            state.selection = None;
            state.scroll_to_span(span);
        }
    }

    /// Selects the next (`forward`) or previous suggestion in rank order (best first); with none
    /// selected, the best (or the last).
    pub(crate) fn step_suggestion(&mut self, forward: bool) {
        let s = &self.suggestions;
        let n = s.len();
        if n == 0 {
            let message = if !s.shown {
                "Suggestions are off: View → Suggest claims."
            } else if s.pending() {
                "Still looking for claims worth checking…"
            } else {
                "No suggestions above the threshold."
            };
            self.notices.info(message);
            return;
        }
        let current = self
            .view_state
            .selected_suggestion
            .and_then(|sp| s.rank_of(sp));
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
        };
        let span = s.nth(next).map(|g| g.span);
        self.select_suggestion(span);
    }

    /// Dismisses the selected suggestion (one undo step) and selects the next one.
    pub(crate) fn dismiss_suggestion(&mut self) {
        let Some(span) = self.view_state.selected_suggestion else {
            return;
        };
        let next = self
            .suggestions
            .rank_of(span)
            .and_then(|k| self.suggestions.nth(k + 1))
            .map(|g| g.span);
        let Some(doc) = &mut self.doc else {
            return;
        };
        let review = &doc.review;
        let decisions = with_decision(
            &review.suggestion_decisions,
            &review.article,
            span,
            DecisionKind::Dismissed,
        );
        doc.history.seal();
        if doc
            .apply(
                "dismiss suggestion",
                vec![Edit::SetSuggestionDecisions(decisions)],
                None,
            )
            .is_ok()
        {
            self.view_state.selected_suggestion = None;
            if next.is_some() {
                self.select_suggestion(next);
            }
        }
    }

    /// Marks the sentence of suggestion `span` as a claim with `status`, its speaker as the
    /// claimant in a transcript, and records the acceptance: one undo step.
    pub(crate) fn accept_suggestion(&mut self, span: Span, status: ClaimStatus) {
        let speaker = self.suggestions.get(span).and_then(|g| g.speaker.clone());
        let Some(doc) = &mut self.doc else {
            return;
        };
        let review = &doc.review;
        let article = &review.article;
        let Some((a, b)) = claim_span(article.text(), article.index(), span.start, span.end) else {
            return;
        };
        let mut claim = Claim::new(article, Span::new(a, b), status);
        claim.claimant = speaker.unwrap_or_default();
        crate::app::team::stamp(&self.settings.analyst, None, &mut claim, false);
        let id = claim.id.clone();
        let decisions = with_decision(
            &review.suggestion_decisions,
            article,
            span,
            DecisionKind::Accepted,
        );
        let label = format!("mark {}", status.label().to_lowercase());
        doc.history.seal();
        let edits = vec![Edit::Insert(claim), Edit::SetSuggestionDecisions(decisions)];
        if doc.apply(&label, edits, None).is_ok() {
            self.view_state.selected_suggestion = None;
            self.view_state.selected_claim = Some(id);
        }
    }
}
