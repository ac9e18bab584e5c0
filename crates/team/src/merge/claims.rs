//! Claims merged by id: added on one side, kept; deleted on one side and untouched on the
//! other, gone; deleted on one side and edited on the other, kept with a `deleted` conflict;
//! on both sides, field by field. Every field of [`Claim`] is named in [`merge_fields`], so a
//! new field does not compile until it says how it merges.

use std::cmp::Ordering;

use claimdesk_model::anchor::{Resolution, resolve};
use claimdesk_model::merge_conflict::{ConflictSide, MergeConflict};
use claimdesk_model::status_history::unite;
use claimdesk_model::{Article, Claim, Review, Span};
use serde_json::Value;

use super::conflict::{sources_value, span_value, status_value};
use super::three_way::{Place, pick};

/// The two sides' reviewers: who set a value when a claim's history does not say.
pub(super) struct Reviewers<'r> {
    pub ours: &'r str,
    pub theirs: &'r str,
}

/// Every claim of `ours` and `theirs` merged against `base` (when the lists are the same, or
/// only one side changed any claim, that side's list as it is); conflicts go to `conflicts`.
pub(super) fn merge_claims(
    base: &Review,
    ours: Vec<Claim>,
    theirs: Vec<Claim>,
    reviewers: &Reviewers,
    conflicts: &mut Vec<MergeConflict>,
) -> Vec<Claim> {
    pick(Some(base.claims()), ours, theirs, |ours, theirs| {
        by_id(base, ours, theirs, reviewers, conflicts)
    })
}

/// The claims of both sides walked in id order, each merged with its base.
fn by_id(
    base: &Review,
    mut ours: Vec<Claim>,
    mut theirs: Vec<Claim>,
    reviewers: &Reviewers,
    conflicts: &mut Vec<MergeConflict>,
) -> Vec<Claim> {
    ours.sort_by(|a, b| a.id.cmp(&b.id));
    theirs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut bases: Vec<&Claim> = base.claims().iter().collect();
    bases.sort_by(|a, b| a.id.cmp(&b.id));
    let mut bases = bases.into_iter().peekable();
    let (mut ours, mut theirs) = (ours.into_iter().peekable(), theirs.into_iter().peekable());
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    loop {
        let order = match (ours.peek(), theirs.peek()) {
            (Some(o), Some(t)) => o.id.cmp(&t.id),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => break,
        };
        let (o, t) = match order {
            Ordering::Less => (ours.next(), None),
            Ordering::Greater => (None, theirs.next()),
            Ordering::Equal => (ours.next(), theirs.next()),
        };
        let id = &o.as_ref().or(t.as_ref()).expect("one side has it").id;
        while bases.next_if(|b| &b.id < id).is_some() {}
        let b = bases.next_if(|b| &b.id == id);
        out.extend(merge_claim(b, o, t, reviewers, conflicts));
    }
    out
}

/// One claim merged; `None` if it is deleted in the result.
fn merge_claim(
    base: Option<&Claim>,
    ours: Option<Claim>,
    theirs: Option<Claim>,
    reviewers: &Reviewers,
    conflicts: &mut Vec<MergeConflict>,
) -> Option<Claim> {
    let ours_deleted = ours.is_none();
    match (ours, theirs) {
        (Some(o), Some(t)) => Some(pick(base, o, t, |o, t| {
            merge_fields(base, o, t, reviewers, conflicts)
        })),
        (Some(kept), None) | (None, Some(kept)) => match base {
            None => Some(kept),                   // added on one side
            Some(b) if !edited(b, &kept) => None, // deleted on one side, untouched on the other
            Some(_) => {
                conflicts.push(deleted_conflict(&kept, ours_deleted, reviewers));
                Some(kept)
            }
        },
        (None, None) => None,
    }
}

/// One side deleted the claim, the other edited it: the edited claim is kept meanwhile.
fn deleted_conflict(kept: &Claim, ours_deleted: bool, reviewers: &Reviewers) -> MergeConflict {
    let deleted = ConflictSide {
        value: Value::Null,
        by: String::new(),
    };
    let kept_by = if ours_deleted {
        reviewers.theirs
    } else {
        reviewers.ours
    };
    let kept_side = ConflictSide {
        value: "edited".into(),
        by: who(kept, kept_by),
    };
    let (ours, theirs) = if ours_deleted {
        (deleted, kept_side)
    } else {
        (kept_side, deleted)
    };
    MergeConflict {
        claim: Some(kept.id.clone()),
        field: "deleted".into(),
        ours,
        theirs,
    }
}

/// True if `kept` differs from `base` in anything an analyst decides or a newer version
/// stores. Not the anchor's context and orphan flag (they follow the text) or the times.
fn edited(base: &Claim, kept: &Claim) -> bool {
    let Claim {
        id: _,
        span,
        quote,
        prefix: _,
        suffix: _,
        status,
        claimant,
        note,
        verdict,
        summary,
        claim_date,
        evidence,
        created: _,
        modified: _,
        orphaned: _,
        history,
        extra,
    } = kept;
    (
        span, quote, status, claimant, note, verdict, summary, claim_date,
    ) != (
        &base.span,
        &base.quote,
        &base.status,
        &base.claimant,
        &base.note,
        &base.verdict,
        &base.summary,
        &base.claim_date,
    ) || (evidence, history, extra) != (&base.evidence, &base.history, &base.extra)
}

/// A claim on both sides, changed on both: each field by its rule. Decisions and texts
/// three-way (a conflict keeps ours); the span three-way with the quote and context that follow
/// it; histories united; `created` the earliest, `modified` the latest; unknown fields key by
/// key. A claim both sides added with one id merges against nothing.
fn merge_fields(
    base: Option<&Claim>,
    ours: Claim,
    theirs: Claim,
    reviewers: &Reviewers,
    conflicts: &mut Vec<MergeConflict>,
) -> Claim {
    let by = (who(&ours, reviewers.ours), who(&theirs, reviewers.theirs));
    let mut at = Place {
        claim: Some(ours.id.clone()),
        by,
        conflicts,
    };
    let b = base;
    let Claim {
        id,
        span,
        quote,
        prefix,
        suffix,
        status,
        claimant,
        note,
        verdict,
        summary,
        claim_date,
        evidence,
        created,
        modified,
        orphaned,
        history,
        extra,
    } = ours;
    let t = theirs;
    // Conflicts are listed in this order.
    let status = at.field("status", b.map(|b| &b.status), status, t.status, |s| {
        status_value(*s)
    });
    let verdict = at.text("verdict", b.map(|b| &b.verdict), verdict, t.verdict);
    let summary = at.text("summary", b.map(|b| &b.summary), summary, t.summary);
    let claimant = at.text("claimant", b.map(|b| &b.claimant), claimant, t.claimant);
    let claim_date = at.text(
        "claim_date",
        b.map(|b| &b.claim_date),
        claim_date,
        t.claim_date,
    );
    let note = at.text("note", b.map(|b| &b.note), note, t.note);
    let evidence = at.field(
        "sources",
        b.map(|b| &b.evidence),
        evidence,
        t.evidence,
        |e| sources_value(e),
    );
    let theirs_anchor = Anchor {
        span: t.span,
        quote: t.quote,
        prefix: t.prefix,
        suffix: t.suffix,
        orphaned: t.orphaned,
    };
    let ours_anchor = Anchor {
        span,
        quote,
        prefix,
        suffix,
        orphaned,
    };
    let base_anchor = b.map(Anchor::of);
    let anchor = at.field(
        "span",
        base_anchor.as_ref(),
        ours_anchor,
        theirs_anchor,
        |a| span_value(a.span, &a.quote),
    );
    let extra = at.extra("extra.", b.map(|b| &b.extra), extra, t.extra);
    Claim {
        id,
        span: anchor.span,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        status,
        claimant,
        note,
        verdict,
        summary,
        claim_date,
        evidence,
        created: pick(b.map(|b| &b.created), created, t.created, Ord::min),
        modified: pick(b.map(|b| &b.modified), modified, t.modified, Ord::max),
        orphaned: anchor.orphaned,
        history: pick(b.map(|b| &b.history), history, t.history, |o, t| {
            unite(&o, &t)
        }),
        extra,
    }
}

/// Where a claim is, merged as one field (`span`): the span and quote, with the context and
/// orphan flag that follow them.
struct Anchor {
    span: Span,
    quote: String,
    prefix: String,
    suffix: String,
    orphaned: bool,
}

impl Anchor {
    fn of(c: &Claim) -> Self {
        Self {
            span: c.span,
            quote: c.quote.clone(),
            prefix: c.prefix.clone(),
            suffix: c.suffix.clone(),
            orphaned: c.orphaned,
        }
    }
}

/// The context is derived from the span and the text, so it does not make a change.
impl PartialEq for Anchor {
    fn eq(&self, other: &Self) -> bool {
        (self.span, &self.quote, self.orphaned) == (other.span, &other.quote, other.orphaned)
    }
}

/// Who set this side's values: the claim's last history author, else the side's reviewer.
fn who(claim: &Claim, reviewer: &str) -> String {
    claim
        .history
        .last()
        .map(|e| e.by.clone())
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| reviewer.to_owned())
}

/// Anchors a claim on the merged text (spans from the side whose text was replaced are found
/// again; others are exact).
pub(super) fn anchor_again(claim: &mut Claim, article: &Article) {
    if claim.orphaned {
        return;
    }
    match resolve(
        article,
        claim.span,
        &claim.quote,
        &claim.prefix,
        &claim.suffix,
    ) {
        Resolution::Exact => claim.anchor_to(article, claim.span),
        Resolution::Moved(span) => claim.anchor_to(article, span),
        Resolution::Orphaned => claim.orphaned = true,
    }
}
