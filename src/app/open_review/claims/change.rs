//! Changing one claim: a copy is changed, stamped with who changed its status or verdict, and
//! applied as one undo step (or, while typing, as part of the typing run). Every feature that
//! changes a claim (the editor, re-attaching, reasons, earlier verdicts, taking from another
//! review) goes through [`update_claim`].

use claimdesk_model::fields::TypingKey;
use claimdesk_model::history::Edit;
use claimdesk_model::status_change::Analyst;
use claimdesk_model::status_history::{self, Recording};
use claimdesk_model::{Claim, ClaimId, Timestamp};

use crate::app::open_review::OpenReview;

/// Changes claim `id` with `change` as the step `label`, stamped by `analyst`; with a typing
/// key, successive changes of that field are one step. Nothing happens if the claim is gone
/// or the change changes nothing.
pub fn update_claim(
    open: &mut OpenReview,
    analyst: &Analyst,
    (id, label): (&ClaimId, &str),
    typing: Option<TypingKey>,
    change: impl FnOnce(&mut Claim),
) {
    let Some(old) = open.review().claim(id) else {
        return;
    };
    let mut claim = old.clone();
    change(&mut claim);
    if &claim == old {
        return;
    }
    claim.modified = Timestamp::now();
    let continues = typing.as_ref().is_some_and(|key| {
        open.doc()
            .history()
            .continues(key, std::time::Instant::now())
    });
    let how = if continues {
        Recording::ContinueTyping
    } else {
        Recording::NewEntry
    };
    stamp(analyst, Some(old), &mut claim, how);
    // Cannot fail: the claim was found just above.
    let _ = match typing {
        Some(key) => open.apply_typing(label, vec![Edit::Replace(claim)], key),
        None => open.apply(label, vec![Edit::Replace(claim)]),
    };
}

/// Records in `new.history` how its status and verdict differ from `old` (`None`: just marked),
/// by `analyst`, at `new.modified`, as a new entry or as the continuation of a verdict typing
/// run.
pub fn stamp(analyst: &Analyst, old: Option<&Claim>, new: &mut Claim, how: Recording) {
    let at = new.modified.clone();
    status_history::record(old, new, &analyst.label(), &at, how);
}
