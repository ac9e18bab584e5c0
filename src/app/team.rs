//! Working as a team in the app ([`TeamCommand`]): who is working (the analyst's name, asked
//! for once and never guessed; each status or verdict change is stamped with it, see
//! [`crate::app::open_review::claims::change`]) and comparing with another analyst's review
//! (File → Compare with…; the comparison itself lives with the open review).

use claimdesk_model::status_change::Analyst;

use super::AppState;
use super::files::picker::{self, FilePick};

/// What the user says about the team.
#[derive(Clone, Debug, PartialEq)]
pub enum TeamCommand {
    /// Set who is working (remembered in the settings; written into claim histories).
    SetAnalyst(Analyst),
    /// "Not now" on the first-use question for the analyst's name: not asked again this
    /// session (Edit → Your name still sets it).
    DeclineAnalystName,
    /// File → Compare with…: pick another analyst's review of the same text.
    CompareWith,
}

/// The first-use question "who is reviewing?": the name is asked for, never guessed.
#[derive(Debug, Default)]
pub(crate) struct AnalystQuestion {
    /// The analyst answered "Not now" this session.
    declined: bool,
}

/// Applies a team command.
pub fn apply(app: &mut AppState, command: TeamCommand, ctx: &egui::Context) {
    match command {
        TeamCommand::SetAnalyst(analyst) => app.settings.analyst = analyst,
        TeamCommand::DeclineAnalystName => {
            app.analyst_question.declined = true;
            app.notices.info(
                "Changes are recorded without a name this session: set yours any time in the \
                 Edit menu (Your name).",
            );
        }
        TeamCommand::CompareWith => {
            if app.review.is_some() {
                picker::start(app, FilePick::Compare, ctx);
            }
        }
    }
}

/// True while the window should ask for the analyst's name: a review is open, no name is set
/// and the analyst has not said "Not now" this session. The question never takes the
/// keyboard: marking goes on while it is shown (those changes carry no name).
pub(crate) fn asks_for_name(app: &AppState) -> bool {
    app.review.is_some() && app.settings.analyst.is_unset() && !app.analyst_question.declined
}
