//! Three-way merge of reviews (issue 11), what `claimdesk merge BASE OURS THEIRS` and the git
//! merge driver run: claims matched by id, merged field by field; histories united; a field
//! both sides changed differently is a [`MergeConflict`] kept in the result, which holds our
//! value meanwhile and is a valid review.
//!
//! The article: changed on one side only, that side's text is taken with its claims' anchors,
//! and claims from the other side are anchored again on it (or kept as orphans); changed on
//! both sides differently, our text stays, theirs is kept as an earlier version, and the
//! conflict names both.

pub mod conflict;

use std::collections::{BTreeMap, HashMap};

use claimdesk_model::anchor::{Resolution, resolve};
pub use claimdesk_model::merge_conflict::{ConflictSide, MergeConflict};
use claimdesk_model::status_history::unite;
use claimdesk_model::{ArticleVersion, Claim, ClaimId, Review, Timestamp};
pub use conflict::{Take, copy_field, field_shown, field_value, resolve_edits, text_field};

/// The fields merged one by one, by their names in files.
pub const MERGED_FIELDS: [&str; 7] = [
    "status",
    "verdict",
    "summary",
    "claimant",
    "claim_date",
    "note",
    "sources",
];

/// The merged review (conflicts in [`Review::conflicts`]).
pub fn merge(base: &Review, ours: &Review, theirs: &Review) -> Review {
    let mut out = ours.clone();
    let mut conflicts = Vec::new();
    merge_article(base, ours, theirs, &mut out, &mut conflicts);
    let base_by = index(base);
    let ours_by = index(ours);
    let theirs_by = index(theirs);
    let mut ids: Vec<&ClaimId> = ours_by.keys().chain(theirs_by.keys()).copied().collect();
    ids.extend(base_by.keys().copied());
    ids.sort();
    ids.dedup();
    let sides = Sides { ours, theirs };
    let mut claims = Vec::new();
    for id in ids {
        let (b, o, t) = (base_by.get(id), ours_by.get(id), theirs_by.get(id));
        if let Some(claim) = merge_claim(b.copied(), o.copied(), t.copied(), &sides, &mut conflicts)
        {
            claims.push(claim);
        }
    }
    // Spans that refer to a replaced text (ours while their text was taken, theirs' own
    // claims while ours was kept) are checked on the merged text; others are exact.
    for c in &mut claims {
        anchor_again(c, &out);
    }
    let article = out.article.clone();
    let versions = out.earlier_versions.clone();
    out.replace_article(article, claims, versions);
    out.details = merge_value(&base.details, &ours.details, &theirs.details);
    out.suggestion_decisions = union_decisions(ours, theirs);
    conflicts.extend(ours.conflicts.iter().cloned());
    conflicts.extend(
        theirs
            .conflicts
            .iter()
            .filter(|c| !ours.conflicts.contains(c))
            .cloned(),
    );
    out.conflicts = conflicts;
    out
}

struct Sides<'r> {
    ours: &'r Review,
    theirs: &'r Review,
}

fn index(r: &Review) -> BTreeMap<&ClaimId, &Claim> {
    r.claims().iter().map(|c| (&c.id, c)).collect()
}

/// Picks the article (theirs if only they changed it). Records a conflict when both did.
fn merge_article(
    base: &Review,
    ours: &Review,
    theirs: &Review,
    out: &mut Review,
    conflicts: &mut Vec<MergeConflict>,
) {
    let (b, o, t) = (
        base.article.text(),
        ours.article.text(),
        theirs.article.text(),
    );
    if o == t || t == b {
        return;
    }
    if o == b {
        out.article = theirs.article.clone();
        out.earlier_versions = longer(&ours.earlier_versions, &theirs.earlier_versions);
        return;
    }
    let describe = |r: &Review| serde_json::json!({ "sha256": r.article.sha256(), "chars": r.article.char_len() });
    conflicts.push(MergeConflict {
        claim: None,
        field: "article".into(),
        ours: ConflictSide {
            value: describe(ours),
            by: ours.details.reviewer.clone(),
        },
        theirs: ConflictSide {
            value: describe(theirs),
            by: theirs.details.reviewer.clone(),
        },
    });
    // Their text is kept, so nothing is lost: as an earlier version of ours.
    let mut kept = ArticleVersion::of(&theirs.article, Timestamp::now());
    kept.title = format!("{} (their version, merge conflict)", kept.title);
    out.earlier_versions.push(kept);
}

fn longer(a: &[ArticleVersion], b: &[ArticleVersion]) -> Vec<ArticleVersion> {
    if b.len() > a.len() {
        b.to_vec()
    } else {
        a.to_vec()
    }
}

/// One claim merged; `None` if it is deleted in the result.
fn merge_claim(
    base: Option<&Claim>,
    ours: Option<&Claim>,
    theirs: Option<&Claim>,
    sides: &Sides,
    conflicts: &mut Vec<MergeConflict>,
) -> Option<Claim> {
    match (base, ours, theirs) {
        (_, Some(o), Some(t)) => Some(merge_fields(base, o, t, sides, conflicts)),
        (None, Some(o), None) => Some(o.clone()),
        (None, None, Some(t)) => Some(t.clone()),
        (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) => {
            let edited = !same_content(b, kept);
            if !edited {
                return None; // deleted on one side, untouched on the other
            }
            let ours_deleted = ours.is_none();
            let deleted = ConflictSide {
                value: serde_json::Value::Null,
                by: String::new(),
            };
            let kept_side = ConflictSide {
                value: "edited".into(),
                by: who(
                    kept,
                    if ours_deleted {
                        sides.theirs
                    } else {
                        sides.ours
                    },
                ),
            };
            let (o, t) = if ours_deleted {
                (deleted, kept_side)
            } else {
                (kept_side, deleted)
            };
            conflicts.push(MergeConflict {
                claim: Some(kept.id.clone()),
                field: "deleted".into(),
                ours: o,
                theirs: t,
            });
            Some(kept.clone())
        }
        (_, None, None) => None,
    }
}

/// A claim on both sides: each field from the side that changed it; both changed differently
/// → ours, and a conflict. A claim added on both sides with one id merges against nothing.
fn merge_fields(
    base: Option<&Claim>,
    o: &Claim,
    t: &Claim,
    sides: &Sides,
    conflicts: &mut Vec<MergeConflict>,
) -> Claim {
    let mut out = o.clone();
    for field in MERGED_FIELDS.iter().copied().chain(["span"]) {
        let ov = field_value(o, field);
        let tv = field_value(t, field);
        let bv = base.and_then(|b| field_value(b, field));
        if ov == tv || tv == bv {
            continue;
        }
        if ov == bv {
            take_field(&mut out, t, field);
            continue;
        }
        conflicts.push(MergeConflict {
            claim: Some(o.id.clone()),
            field: field.into(),
            ours: ConflictSide {
                value: ov.unwrap_or_default(),
                by: who(o, sides.ours),
            },
            theirs: ConflictSide {
                value: tv.unwrap_or_default(),
                by: who(t, sides.theirs),
            },
        });
    }
    out.history = unite(&o.history, &t.history);
    out.modified = o.modified.clone().max(t.modified.clone());
    for (k, v) in &t.extra {
        out.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    out
}

/// Copies `field` of `from` into `to` (the span with its quote and context).
fn take_field(to: &mut Claim, from: &Claim, field: &str) {
    match field {
        "span" => {
            to.span = from.span;
            to.quote = from.quote.clone();
            to.prefix = from.prefix.clone();
            to.suffix = from.suffix.clone();
            to.orphaned = from.orphaned;
        }
        "status" => to.status = from.status,
        "sources" => to.evidence = from.evidence.clone(),
        other => {
            if let Some(f) = conflict::text_field(other) {
                *f.of(to) = f.get(from).to_owned();
            }
        }
    }
}

/// Who set this side's values: the claim's last history author, else the side's reviewer.
fn who(claim: &Claim, side: &Review) -> String {
    claim
        .history
        .last()
        .map(|e| e.by.clone())
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| side.details.reviewer.clone())
}

/// True if two versions of a claim differ in no merged field and no span.
fn same_content(a: &Claim, b: &Claim) -> bool {
    MERGED_FIELDS
        .iter()
        .chain(&["span"])
        .all(|f| field_value(a, f) == field_value(b, f))
}

/// Anchors a claim that came from the side whose text was replaced on the merged text.
fn anchor_again(claim: &mut Claim, review: &Review) {
    if claim.orphaned {
        return;
    }
    let article = &review.article;
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

/// Review details: the side that changed them, ours when both did (not a claim conflict).
fn merge_value<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> T {
    if ours == base {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// Suggestion decisions of both sides, each sentence once.
fn union_decisions(
    ours: &Review,
    theirs: &Review,
) -> Vec<claimdesk_model::suggestion_decision::SuggestionDecision> {
    let mut seen: HashMap<(usize, usize), ()> = HashMap::new();
    let mut out = Vec::new();
    for d in ours
        .suggestion_decisions
        .iter()
        .chain(&theirs.suggestion_decisions)
    {
        if seen.insert((d.span.start, d.span.end), ()).is_none() {
            out.push(d.clone());
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}

#[cfg(test)]
mod tests;
