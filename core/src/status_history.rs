//! Who decided what, when and why: each claim's status and verdict changes (format version 5,
//! `claims[].history`).
//!
//! A change is recorded inside the same [`crate::history::Edit`] that makes it (the claim is
//! replaced with its new history), so undoing the change removes its entry too.

use serde::{Deserialize, Serialize};

use crate::model::{Claim, Timestamp};

/// The analyst making changes: a name and an optional short id ("Ana Duarte", "AD"), set by
/// the analyst, never guessed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Analyst {
    /// The analyst's name.
    pub name: String,
    /// An optional short id (initials, a staff id).
    pub short_id: String,
}

impl Analyst {
    /// How the analyst is written in `by`: "Ana Duarte (AD)", "Ana Duarte", or empty when no
    /// name is set.
    pub fn label(&self) -> String {
        let (name, id) = (self.name.trim(), self.short_id.trim());
        match (name.is_empty(), id.is_empty()) {
            (true, true) => String::new(),
            (false, true) => name.to_owned(),
            (true, false) => id.to_owned(),
            (false, false) => format!("{name} ({id})"),
        }
    }

    /// True when neither a name nor an id is set.
    pub fn is_unset(&self) -> bool {
        self.label().is_empty()
    }
}

/// Which decision a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The claim's status (`asserted`, `disputed`, `under_investigation`).
    Status,
    /// The verdict in words.
    Verdict,
}

impl Decision {
    /// In words ("status").
    pub fn name(self) -> &'static str {
        match self {
            Decision::Status => "status",
            Decision::Verdict => "verdict",
        }
    }
}

/// One change of a claim's status or verdict.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatusChange {
    /// When.
    pub at: Timestamp,
    /// Who ([`Analyst::label`]); empty if the analyst had not said who they are.
    pub by: String,
    /// Status or verdict.
    pub decision: Decision,
    /// The value before: a status identifier or a verdict; empty for none (a new claim).
    pub from: String,
    /// The value after.
    pub to: String,
    /// Why, in the analyst's words; empty until given.
    pub reason: String,
}

impl StatusChange {
    /// In words: "status set to Asserted (was Disputed)", "verdict set to “False”",
    /// "verdict cleared (was “False”)".
    pub fn summary(&self) -> String {
        let what = self.decision.name();
        let was = if self.from.is_empty() {
            String::new()
        } else {
            format!(" (was {})", shown(self.decision, &self.from))
        };
        if self.to.is_empty() {
            format!("{what} cleared{was}")
        } else {
            format!("{what} set to {}{was}", shown(self.decision, &self.to))
        }
    }
}

/// A value as a person reads it: a status by its label, a verdict in quotes.
fn shown(decision: Decision, value: &str) -> String {
    match decision {
        Decision::Status => crate::model::ClaimStatus::parse(value)
            .map_or_else(|| value.to_owned(), |s| s.label().to_owned()),
        Decision::Verdict => format!("\u{201c}{value}\u{201d}"),
    }
}

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
    use crate::model::{Article, ClaimStatus, Span};

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
