//! One entry of a claim's history: who changed its status or verdict, when, from what to what
//! and why (format version 5, `claims[].history`). Recording entries is
//! the `status_history` module.

use serde::{Deserialize, Serialize};

use crate::timestamp::Timestamp;

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
        Decision::Status => crate::status::ClaimStatus::parse(value)
            .map_or_else(|| value.to_owned(), |s| s.label().to_owned()),
        Decision::Verdict => format!("\u{201c}{value}\u{201d}"),
    }
}
