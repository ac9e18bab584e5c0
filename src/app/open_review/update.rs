//! The article-update review (File → Update article text…, Reload with encoding, taking their
//! text in a merge conflict): how every claim follows the new text, the analyst's picks for
//! the changed and ambiguous ones, and applying it all as one undo step ([`UpdateCommand`]).
//! Where the new text comes from is [`crate::app::article_update`]'s part.

use std::collections::HashMap;

use claimdesk_import::reanchor::{self, Choice, Decisions, Outcome, UpdatePlan};
use claimdesk_model::history::Edit;
use claimdesk_model::text::CharIndex;
use claimdesk_model::{ClaimId, Timestamp};

use super::document::ImportInfo;
use super::{OpenReview, Shared};

/// What the update review asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum UpdateCommand {
    /// Apply the update review as one undoable step.
    Apply,
    /// Pick what happens to a claim.
    Pick(ClaimId, Pick),
    /// Accept the new text of every changed claim.
    AcceptAllChanged,
    /// Close the update review without applying it.
    Cancel,
}

/// The analyst's answer for a claim that is not applied automatically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Keep the claim as an orphan with its old quote (the default: nothing is guessed).
    KeepOrphan,
    /// Accept the proposed place of a changed claim.
    Accept,
    /// Take this candidate of an ambiguous claim.
    Candidate(usize),
}

/// The article-update review, while it is open: the plan and the analyst's picks so far.
pub struct UpdateReview {
    /// What re-anchoring proposes.
    pub plan: UpdatePlan,
    /// Where the new text came from ("the clipboard", a file name).
    pub from: String,
    /// Picks for changed and ambiguous claims; a claim not listed is kept as an orphan.
    pub picks: HashMap<ClaimId, Pick>,
    /// How the new text was imported (for a file), to show in the status bar once applied.
    pub import: Option<ImportInfo>,
    /// The review's generation the plan was made for (it is stale if the review changed).
    pub generation: u64,
    /// Char offsets of the new text, to show candidates in context.
    pub index: CharIndex,
    /// The merge conflict over the article text this update resolves (their text taken), by
    /// its index: applying the update removes it in the same undo step.
    pub resolves_conflict: Option<usize>,
}

/// Where a new article text comes from: words for the user, and the import's facts.
pub struct NewText {
    /// "the clipboard", a file name, "their version (merge conflict)".
    pub from: String,
    /// How a file's text was imported.
    pub import: Option<ImportInfo>,
    /// The imported article when the text comes from a file: a document's origin, pages and
    /// media times follow it into the review (`None`: text only, as from the clipboard).
    pub article: Option<claimdesk_model::Article>,
}

/// Applies an update-review command to the open review.
pub fn apply(open: &mut OpenReview, command: UpdateCommand, shared: &mut Shared) {
    match command {
        UpdateCommand::Apply => apply_update(open, shared),
        UpdateCommand::Pick(id, pick) => {
            if let Some(update) = &mut open.update {
                update.picks.insert(id, pick);
            }
        }
        UpdateCommand::AcceptAllChanged => {
            if let Some(update) = &mut open.update {
                update.accept_all_changed();
            }
        }
        UpdateCommand::Cancel => open.update = None,
    }
}

/// Re-anchors every claim against `new_text` and opens the review of the outcomes (nothing is
/// guessed: changed and ambiguous claims stay orphans unless picked). Returns true if it was
/// opened; a text equal to the article's is only reported.
pub fn begin(open: &mut OpenReview, new_text: &str, source: NewText, shared: &mut Shared) -> bool {
    let plan = match &source.article {
        Some(article) => reanchor::reanchor_article(open.review(), article),
        None => reanchor::reanchor(open.review(), new_text),
    };
    if plan.is_same_text() {
        shared.notices.info(format!(
            "The text from {} is the article as it is; nothing to update.",
            source.from
        ));
        return false;
    }
    open.update = Some(Box::new(UpdateReview {
        index: CharIndex::new(&plan.new_text),
        plan,
        from: source.from,
        picks: HashMap::new(),
        import: source.import,
        generation: open.doc().generation(),
        resolves_conflict: None,
    }));
    true
}

/// Applies the open update review as one undoable step.
fn apply_update(open: &mut OpenReview, shared: &mut Shared) {
    let Some(update) = open.update.take() else {
        return;
    };
    if open.doc().generation() != update.generation {
        shared
            .notices
            .error("The review changed while the update was open; start the update again.");
        return;
    }
    let review = open.review();
    let mut edits = vec![reanchor::update_edit(
        review,
        &update.plan,
        &update.decisions(),
        Timestamp::now(),
    )];
    let mut label = "update article text";
    if let Some(n) = update.resolves_conflict
        && n < review.conflicts.len()
    {
        let mut rest = review.conflicts.clone();
        rest.remove(n);
        edits.push(Edit::SetConflicts(rest));
        label = "take their article text";
    }
    if open.apply(label, edits).is_err() {
        shared.notices.error("Could not apply the update.");
        return;
    }
    if let Some(info) = update.import.clone() {
        open.set_import(info);
    }
    let orphans = open.review().orphan_count();
    let c = update.plan.counts();
    shared.notices.info(format!(
        "Article updated from {}: {} unchanged, {} moved, {} changed, {} ambiguous; {orphans} orphan{} to re-attach.",
        update.from,
        c.unchanged,
        c.moved,
        c.changed,
        c.ambiguous,
        if orphans == 1 { "" } else { "s" },
    ));
}

impl UpdateReview {
    /// The new text from char `start` to `end` (clamped).
    pub fn new_slice(&self, start: usize, end: usize) -> &str {
        let len = self.index.char_len();
        self.index
            .slice(&self.plan.new_text, start.min(len), end.min(len))
    }

    /// The pick for `id` (default: keep as orphan).
    pub fn pick(&self, id: &ClaimId) -> Pick {
        self.picks.get(id).copied().unwrap_or(Pick::KeepOrphan)
    }

    /// Accepts every changed claim.
    pub fn accept_all_changed(&mut self) {
        for u in &self.plan.claims {
            if matches!(u.outcome, Outcome::Changed { .. }) {
                self.picks.insert(u.id.clone(), Pick::Accept);
            }
        }
    }

    /// The picks as the import crate's decisions.
    pub fn decisions(&self) -> Decisions {
        let choices = self
            .picks
            .iter()
            .map(|(id, pick)| {
                let choice = match *pick {
                    Pick::KeepOrphan => Choice::KeepOrphan,
                    Pick::Accept => Choice::Accept,
                    Pick::Candidate(i) => Choice::Candidate(i),
                };
                (id.clone(), choice)
            })
            .collect();
        Decisions {
            accept_changed: false,
            choices,
        }
    }

    /// How many claims will be orphans if applied now.
    pub fn orphans_after(&self) -> usize {
        self.plan
            .claims
            .iter()
            .filter(|u| match &u.outcome {
                Outcome::Unchanged { .. } | Outcome::Moved { .. } => false,
                Outcome::Changed { .. } => self.pick(&u.id) != Pick::Accept,
                Outcome::Ambiguous { candidates } => {
                    !matches!(self.pick(&u.id), Pick::Candidate(i) if i < candidates.len())
                }
                Outcome::Orphaned { .. } => true,
            })
            .count()
    }
}
