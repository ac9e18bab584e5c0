//! Working as a team in the app: each status or verdict change is stamped with the analyst
//! from the settings inside the same undoable edit, and a reason can be given afterwards (W).

use claimdesk_model::status_change::Analyst;
use claimdesk_model::status_history::{self, Recording};
use claimdesk_model::{Claim, ClaimId};

use super::AppState;

/// The first-use question "who is reviewing?": the name is asked for, never guessed.
#[derive(Debug, Default)]
pub(super) struct AnalystQuestion {
    /// The analyst answered "Not now" this session.
    declined: bool,
}

impl AppState {
    /// True while the window should ask for the analyst's name: a review is open, no name is
    /// set and the analyst has not said "Not now" this session. The question never takes the
    /// keyboard: marking goes on while it is shown (those changes carry no name).
    pub fn asks_for_analyst_name(&self) -> bool {
        self.doc.is_some() && self.settings.analyst.is_unset() && !self.analyst_question.declined
    }

    /// Sets who is working (remembered in the settings); changes from now on carry the name.
    pub(super) fn set_analyst(&mut self, analyst: Analyst) {
        self.settings.analyst = analyst;
    }

    /// "Not now": changes stay unnamed this session; says where the name can be set later.
    pub(super) fn decline_analyst_name(&mut self) {
        self.analyst_question.declined = true;
        self.notices.info(
            "Changes are recorded without a name this session: set yours any time in the Edit \
             menu (Your name).",
        );
    }

    /// Gives the reason for the last status or verdict change of claim `id`, as one undo step.
    pub(super) fn set_reason(&mut self, id: &ClaimId, reason: &str) {
        let has_history = self
            .doc
            .as_ref()
            .and_then(|d| d.review.claim(id))
            .is_some_and(|c| !c.history.is_empty());
        if !has_history {
            self.notices
                .info("This claim has no recorded change to give a reason for.");
            return;
        }
        self.update_claim(id, "give a reason", None, |c| {
            status_history::set_last_reason(c, reason);
        });
    }
}

/// Records in `new.history` how its status and verdict differ from `old` (`None`: just marked),
/// by `analyst`, at `new.modified`. `typing` continues a verdict typing run (one entry).
pub(super) fn stamp(analyst: &Analyst, old: Option<&Claim>, new: &mut Claim, typing: bool) {
    let how = if typing {
        Recording::ContinueTyping
    } else {
        Recording::NewEntry
    };
    let at = new.modified.clone();
    status_history::record(old, new, &analyst.label(), &at, how);
}
