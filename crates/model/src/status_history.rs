//! Who decided what, when and why: recording each claim's status and verdict changes in its
//! history ([`crate::status_change::StatusChange`]) and uniting two histories.
//!
//! A change is recorded inside the same history `Edit` that makes it (the claim is
//! replaced with its new history), so undoing the change removes its entry too.

use crate::claim::Claim;
use crate::status_change::{Decision, StatusChange};
use crate::timestamp::Timestamp;

/// How a change joins the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recording {
    /// A new entry for each decision that changed.
    NewEntry,
    /// Typing continues the previous undo step: a verdict change amends the last entry when it
    /// is a verdict change by the same analyst with no reason yet (one entry per typing run).
    ContinueTyping,
}

/// Records in `new.history` how `new` differs from `old` (`None`: `new` was just marked) in
/// status and verdict, by `by` at `at`.
pub fn record(old: Option<&Claim>, new: &mut Claim, by: &str, at: &Timestamp, how: Recording) {
    let (old_status, old_verdict) = match old {
        Some(c) => (c.status.as_str(), c.verdict.clone()),
        None => ("", String::new()),
    };
    let changes = [
        (
            Decision::Status,
            old_status.to_owned(),
            new.status.as_str().to_owned(),
        ),
        (Decision::Verdict, old_verdict, new.verdict.clone()),
    ];
    for (decision, from, to) in changes {
        if from == to {
            continue;
        }
        if decision == Decision::Verdict
            && how == Recording::ContinueTyping
            && amend_last(new, by, at, &to)
        {
            continue;
        }
        new.history.push(StatusChange {
            at: at.clone(),
            by: by.to_owned(),
            decision,
            from,
            to,
            reason: String::new(),
        });
    }
}

/// Sets the reason of the claim's last change; false if it has none.
pub fn set_last_reason(claim: &mut Claim, reason: &str) -> bool {
    match claim.history.last_mut() {
        Some(last) => {
            last.reason = reason.trim().to_owned();
            true
        }
        None => false,
    }
}

/// History entries of two versions of a claim united: each distinct entry once, by time.
pub fn unite(a: &[StatusChange], b: &[StatusChange]) -> Vec<StatusChange> {
    let mut all: Vec<StatusChange> = a.iter().chain(b).cloned().collect();
    all.sort();
    all.dedup();
    all
}

/// Amends the last entry with a continued verdict typing run; drops it when the verdict is
/// back where it started. False if the last entry is not such a run.
fn amend_last(claim: &mut Claim, by: &str, at: &Timestamp, to: &str) -> bool {
    let Some(last) = claim.history.last_mut() else {
        return false;
    };
    if last.decision != Decision::Verdict || last.by != by || !last.reason.is_empty() {
        return false;
    }
    if last.from == to {
        claim.history.pop();
    } else {
        last.to = to.to_owned();
        last.at = at.clone();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::span::Span;
    use crate::status::ClaimStatus;
    use crate::status_change::Analyst;

    fn claim() -> Claim {
        let a = Article::new("t", "", "Alpha beta gamma".into());
        Claim::new(&a, Span::new(0, 5), ClaimStatus::UnderInvestigation)
    }

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn a_new_claim_records_its_first_status() {
        let mut c = claim();
        record(
            None,
            &mut c,
            "Ana",
            &at("2026-11-30T10:00:00Z"),
            Recording::NewEntry,
        );
        assert_eq!(c.history.len(), 1);
        let e = &c.history[0];
        assert_eq!((e.decision, e.from.as_str()), (Decision::Status, ""));
        assert_eq!(
            (e.to.as_str(), e.by.as_str()),
            ("under_investigation", "Ana")
        );
        assert_eq!(e.summary(), "status set to Under investigation");
    }

    #[test]
    fn status_and_verdict_changes_are_separate_entries() {
        let old = claim();
        let mut new = old.clone();
        new.status = ClaimStatus::Disputed;
        new.verdict = "False".into();
        record(
            Some(&old),
            &mut new,
            "Bo",
            &at("2026-11-30T10:00:00Z"),
            Recording::NewEntry,
        );
        let got: Vec<_> = new.history.iter().map(StatusChange::summary).collect();
        assert_eq!(
            got,
            [
                "status set to Disputed (was Under investigation)",
                "verdict set to “False”"
            ]
        );
        // Nothing changed: nothing recorded.
        let mut same = new.clone();
        record(
            Some(&new),
            &mut same,
            "Bo",
            &at("2026-11-30T10:01:00Z"),
            Recording::NewEntry,
        );
        assert_eq!(same.history, new.history);
    }

    #[test]
    fn typing_a_verdict_is_one_entry_and_typing_it_back_removes_it() {
        let t = at("2026-11-30T10:00:00Z");
        let mut c = claim();
        for text in ["F", "Fa", "False"] {
            let old = c.clone();
            c.verdict = text.into();
            record(Some(&old), &mut c, "Ana", &t, Recording::ContinueTyping);
        }
        assert_eq!(c.history.len(), 1);
        assert_eq!(
            (c.history[0].from.as_str(), c.history[0].to.as_str()),
            ("", "False")
        );
        let old = c.clone();
        c.verdict.clear();
        record(Some(&old), &mut c, "Ana", &t, Recording::ContinueTyping);
        assert!(c.history.is_empty());
        // Another analyst's typing is their own entry.
        let old = c.clone();
        c.verdict = "Misleading".into();
        record(Some(&old), &mut c, "Ana", &t, Recording::NewEntry);
        let old = c.clone();
        c.verdict = "Misleading!".into();
        record(Some(&old), &mut c, "Bo", &t, Recording::ContinueTyping);
        assert_eq!(c.history.len(), 2);
    }

    #[test]
    fn a_reason_goes_to_the_last_change() {
        let mut c = claim();
        assert!(!set_last_reason(&mut c, "why"));
        record(
            None,
            &mut c,
            "Ana",
            &at("2026-11-30T10:00:00Z"),
            Recording::NewEntry,
        );
        assert!(set_last_reason(&mut c, "  ministry denied it "));
        assert_eq!(c.history[0].reason, "ministry denied it");
    }

    #[test]
    fn uniting_keeps_each_entry_once_in_time_order() {
        let mut a = claim();
        record(
            None,
            &mut a,
            "Ana",
            &at("2026-11-30T10:00:00Z"),
            Recording::NewEntry,
        );
        let (mut ours, mut theirs) = (a.clone(), a.clone());
        let old = a.clone();
        theirs.status = ClaimStatus::Asserted;
        record(
            Some(&old),
            &mut theirs,
            "Bo",
            &at("2026-11-30T09:00:00Z"),
            Recording::NewEntry,
        );
        ours.verdict = "True".into();
        record(
            Some(&old),
            &mut ours,
            "Ana",
            &at("2026-11-30T11:00:00Z"),
            Recording::NewEntry,
        );
        let united = unite(&ours.history, &theirs.history);
        let who: Vec<_> = united.iter().map(|e| e.by.as_str()).collect();
        assert_eq!(who, ["Bo", "Ana", "Ana"]);
    }

    #[test]
    fn analyst_labels() {
        let mut a = Analyst::default();
        assert!(a.is_unset());
        a.name = "Ana Duarte".into();
        assert_eq!(a.label(), "Ana Duarte");
        a.short_id = "AD".into();
        assert_eq!(a.label(), "Ana Duarte (AD)");
    }
}
