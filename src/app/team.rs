//! Working as a team in the app: each status or verdict change is stamped with the analyst
//! from the settings inside the same undoable edit, and a reason can be given afterwards (W).

use claimdesk_core::status_history::{self, Analyst, Recording};
use claimdesk_core::{Claim, ClaimId};

use super::AppState;

impl AppState {
    /// The first time a change is recorded without a name, says where to set one (once per
    /// session; the name is never guessed).
    pub(super) fn remind_unnamed(&mut self) {
        if self.settings.analyst.is_unset() && !self.analyst_reminded {
            self.analyst_reminded = true;
            self.notices.info(
                "Changes are recorded without a name: set yours in the Edit menu (Your name), and your \
                 next changes will say who made them.",
            );
        }
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
