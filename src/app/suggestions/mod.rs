//! Check-worthiness suggestions in the app (issue 12), the app-wide part: whether they are
//! shown (a preference), the threshold and the model (preferences too), and the worker that
//! scores the open text off the UI thread. What is listed for the open text and what the
//! analyst does with one live with the open review
//! ([`crate::app::open_review::suggestions`]).
//!
//! Each frame [`poll`] takes the worker's answer (dropping one for an older article text or
//! another model), sends a job when the open text has no answer yet, and has the list rebuilt
//! when the claims, decisions or threshold changed. A steady frame only compares a few numbers.

pub mod worker;

use claimdesk_model::Span;

use super::AppState;
use super::files::picker::{self, FilePick};
use super::open_review::navigation::Direction;
use super::open_review::suggestions::{self as list, dismiss, select, step};
use super::open_review::{OpenReview, Shared};
use worker::{Job, Worker};
pub use worker::{MIN_THRESHOLD, ModelChoice, ModelInfo};

/// The threshold until the user picks another.
pub const DEFAULT_THRESHOLD: f32 = claimdesk_suggest::DEFAULT_THRESHOLD;

/// The highest threshold the slider offers.
pub const MAX_THRESHOLD: f32 = 0.95;

/// What the user does with suggestions.
#[derive(Clone, Debug, PartialEq)]
pub enum SuggestionCommand {
    /// Show or hide suggestions (View → Suggest claims); remembered.
    Show(bool),
    /// Suggest sentences scoring at least this (remembered).
    SetThreshold(f32),
    /// Score suggestions with this model (remembered).
    SetModel(ModelChoice),
    /// Ask for a trained suggestion model file.
    PickModel,
    /// Select a suggestion by its sentence (`None`: no suggestion selected).
    Select(Option<Span>),
    /// Select the next or previous suggestion, best first.
    Step(Direction),
    /// Dismiss the selected suggestion (saved with the review; never a claim).
    Dismiss,
    /// List only this speaker's suggestions in a transcript (`None`: everyone's).
    FilterBySpeaker(Option<String>),
}

/// Suggestions' app-wide state: shown or not, and the worker.
#[derive(Default)]
pub struct Suggestions {
    /// View → Suggest claims is on.
    pub shown: bool,
    worker: Option<Worker>,
}

impl Suggestions {
    /// Suggestions off, or on as the preferences remember them (`shown`).
    pub fn shown_if(shown: bool) -> Self {
        Self {
            shown,
            worker: None,
        }
    }
}

/// Applies a suggestion command.
pub fn apply(app: &mut AppState, command: SuggestionCommand, ctx: &egui::Context) {
    match command {
        SuggestionCommand::Show(on) => show(app, on),
        SuggestionCommand::SetThreshold(threshold) => {
            if threshold.is_finite() {
                app.settings.suggestion_threshold =
                    Some(threshold.clamp(MIN_THRESHOLD, MAX_THRESHOLD));
            }
        }
        SuggestionCommand::SetModel(choice) => set_model(app, choice),
        SuggestionCommand::PickModel => {
            picker::start(app, FilePick::SuggestionModel, ctx);
        }
        per_review => {
            let shown = app.suggestions.shown;
            let AppState {
                review: Some(open),
                notices,
                settings,
                ..
            } = app
            else {
                return;
            };
            let mut shared = Shared { notices, settings };
            apply_to_review(open, per_review, shown, &mut shared);
        }
    }
}

/// The commands that act on the open review's suggestions.
fn apply_to_review(
    open: &mut OpenReview,
    command: SuggestionCommand,
    shown: bool,
    shared: &mut Shared,
) {
    match command {
        SuggestionCommand::Select(span) => select(open, span),
        SuggestionCommand::Step(direction) => step(open, direction, shown, shared),
        SuggestionCommand::Dismiss => dismiss(open),
        SuggestionCommand::FilterBySpeaker(who) => open.suggestions.set_speaker_filter(who),
        _ => {}
    }
}

/// Turns suggestions on or off; the choice is kept in the preferences for the next start.
fn show(app: &mut AppState, on: bool) {
    app.suggestions.shown = on;
    app.settings.suggestions_shown = on;
    if !on && let Some(open) = &mut app.review {
        open.view.selected_suggestion = None;
    }
}

/// Chooses the model (kept in the preferences) and shows suggestions, so a file that cannot be
/// loaded says so at once.
pub(crate) fn set_model(app: &mut AppState, choice: ModelChoice) {
    app.settings.suggestion_model = choice;
    if let Some(open) = &mut app.review {
        open.suggestions.forget_text();
    }
    show(app, true);
}

/// Once a frame: takes the worker's answer, asks for one when the open text has none, and
/// rebuilds the list when the review or the threshold changed. Never waits.
pub fn poll(app: &mut AppState, ctx: &egui::Context) {
    take(app);
    if !app.suggestions.shown {
        return;
    }
    let Some(open) = &mut app.review else {
        return;
    };
    if let Some(wanted) = list::wanted(open, &app.settings.suggestion_model) {
        let sent = request_scores(app, &wanted, ctx).then_some(wanted);
        if let Some(open) = &mut app.review {
            open.suggestions.requested(sent);
        }
    }
    if let Some(open) = &mut app.review {
        list::refresh(open, app.settings.suggestion_threshold());
    }
}

/// Sends the open text to the worker (starting it first); false, with a message, if it could
/// not.
fn request_scores(
    app: &mut AppState,
    (generation, model): &(u64, ModelChoice),
    ctx: &egui::Context,
) -> bool {
    let Some(open) = &app.review else {
        return false;
    };
    let suggestions = &mut app.suggestions;
    if suggestions.worker.is_none() {
        match Worker::spawn() {
            Ok(w) => suggestions.worker = Some(w),
            Err(e) => {
                suggestions.shown = false;
                app.notices
                    .error(format!("Could not start scoring suggestions: {e}"));
                return false;
            }
        }
    }
    let job = Job {
        article_generation: *generation,
        text: open.review().article.text().to_owned(),
        model: model.clone(),
        ctx: ctx.clone(),
    };
    if suggestions.worker.as_ref().is_some_and(|w| w.send(job)) {
        return true;
    }
    suggestions.worker = None;
    suggestions.shown = false;
    app.notices
        .error("Scoring suggestions stopped unexpectedly; turn them on again to retry.");
    false
}

/// Takes the worker's newest answer; keeps it only if it is for the open text and the chosen
/// model.
fn take(app: &mut AppState) {
    let Some(worker) = &app.suggestions.worker else {
        return;
    };
    let scored = match worker.take() {
        Ok(Some(s)) => s,
        Ok(None) => return,
        Err(()) => {
            app.suggestions.worker = None;
            if let Some(open) = &mut app.review {
                open.suggestions.requested(None);
            }
            return;
        }
    };
    let Some(open) = &mut app.review else {
        return;
    };
    if !list::take_scored(open, &app.settings.suggestion_model, scored) {
        return;
    }
    if let Some(error) = open.suggestions.model().and_then(|m| m.error.as_ref()) {
        app.notices.error(format!(
            "{error}. Suggestions use the built-in model instead (change it in the \
             Suggestions tab)."
        ));
    }
}
