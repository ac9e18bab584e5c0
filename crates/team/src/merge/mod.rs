//! Three-way merge of reviews (issue 11), what `claimdesk merge BASE OURS THEIRS` and the git
//! merge driver run. Every field of the review, its article, its details and its claims is
//! taken apart by destructuring with every field named, so a new field does not compile until
//! the merge says how it merges. The rules:
//!
//! - **three-way** (changed on one side only: that side's; identically on both: once;
//!   differently on both: a [`MergeConflict`] kept in the result, which holds ours meanwhile
//!   and is a valid review): claim status, texts, sources and span (its quote and context
//!   follow it); the article's text, title and source; each detail;
//! - **key by key**, each key three-way like a known field: the unknown fields (`extra`) of
//!   claims, the article, the details and the review;
//! - **union**: claim histories (each entry once, by time), earlier article versions, the
//!   conflicts both sides still carry; claims by id (added on one side: kept; deleted on one
//!   side and untouched on the other: gone; deleted and edited: kept, conflict `deleted`);
//! - **earliest / latest**: a claim's `created` / `modified` when both changed;
//! - **ours when both decided differently, without a conflict**: suggestion decisions
//!   (sentence by sentence).
//!
//! The article: changed on one side only, that side's text is taken with its claims' anchors,
//! and claims from the other side are anchored again on it (or kept as orphans); changed on
//! both sides differently, our text stays, theirs is kept as an earlier version, and the
//! conflict names both. Conflict field names: see [`MergeConflict::field`].

mod claims;
pub mod conflict;
mod review_conflict;
mod review_fields;
mod three_way;

pub use claimdesk_model::merge_conflict::{ConflictSide, MergeConflict};
use claimdesk_model::{Review, ReviewParts};
pub use conflict::{Take, copy_field, field_shown, field_value, resolve_edits, text_field};

use claims::{Reviewers, anchor_again, merge_claims};
use review_fields::{merge_article, merge_decisions, merge_details};
use three_way::{Place, as_sets};

/// The claim fields an analyst decides, by their names in files: what `compare` compares,
/// what the compare window takes from the other review one by one ([`copy_field`]) and, with
/// `span`, `deleted` and `extra.KEY`, what a claim's merge conflict names.
pub const MERGED_FIELDS: [&str; 7] = [
    "status",
    "verdict",
    "summary",
    "claimant",
    "claim_date",
    "note",
    "sources",
];

/// The merged review (conflicts in [`Review::conflicts`]: the ones found now, then those the
/// sides still carried).
pub fn merge(base: &Review, ours: &Review, theirs: &Review) -> Review {
    let reviewers = Reviewers {
        ours: &ours.details.reviewer,
        theirs: &theirs.details.reviewer,
    };
    let ReviewParts {
        article,
        claims,
        details,
        earlier_versions,
        suggestion_decisions,
        conflicts,
        extra,
    } = ours.clone().into_parts();
    let t = theirs.clone().into_parts();
    let mut found = Vec::new();
    let (article, their_text) = merge_article(
        &base.article,
        article,
        t.article,
        &mut review_place(&reviewers, &mut found),
    );
    let same_text = ours.article.text() == theirs.article.text();
    let mut claims = merge_claims(base, claims, t.claims, &reviewers, &mut found);
    if !same_text {
        // Spans that refer to a replaced text (ours while their text was taken, theirs' own
        // claims while ours was kept) are found again on the merged text.
        for c in &mut claims {
            anchor_again(c, &article);
        }
    }
    let mut at = review_place(&reviewers, &mut found);
    let details = merge_details(&base.details, details, t.details, &mut at);
    let extra = at.extra("extra.", Some(&base.extra), extra, t.extra);
    let mut earlier_versions =
        as_sets(&base.earlier_versions, earlier_versions, t.earlier_versions);
    earlier_versions.extend(their_text);
    let suggestion_decisions = merge_decisions(
        &base.suggestion_decisions,
        suggestion_decisions,
        t.suggestion_decisions,
    );
    for c in as_sets(&base.conflicts, conflicts, t.conflicts) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    Review::from_parts(ReviewParts {
        article,
        claims,
        details,
        earlier_versions,
        suggestion_decisions,
        conflicts: found,
        extra,
    })
}

/// Where conflicts over the review's own fields go (no claim; each side's reviewer).
fn review_place<'c>(reviewers: &Reviewers, conflicts: &'c mut Vec<MergeConflict>) -> Place<'c> {
    Place {
        claim: None,
        by: (reviewers.ours.to_owned(), reviewers.theirs.to_owned()),
        conflicts,
    }
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
