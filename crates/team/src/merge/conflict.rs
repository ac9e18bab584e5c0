//! Resolving a merge conflict: the value a conflict records for each claim field, and the
//! edits that give a claim, or the review itself, the value of the side taken.

use claimdesk_model::fields::ClaimField;
use claimdesk_model::history::Edit;
use claimdesk_model::merge_conflict::shown;
use claimdesk_model::{Claim, ClaimId, ClaimStatus, Evidence, Review, Span};
use serde_json::Value;

use super::review_conflict::{review_edit, set_key};

/// Which side's value to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// Ours (what the merged review already holds, except for a deleted claim).
    Ours,
    /// Theirs.
    Theirs,
    /// Whatever the review holds now (the analyst edited the field by hand): only the conflict
    /// goes.
    AsIs,
}

/// The edits that resolve conflict `index` of `review` by taking `take`: the field's value
/// from that side and the conflict removed, to apply as one undo step. Works for every field
/// a merge records, of a claim or of the review (details, the article's title and source,
/// unknown fields); the article text is taken through an article update instead, so for it
/// only the conflict goes. `None` if `index` is out of range or the value cannot be applied
/// (the claim is gone, a span's quote is no longer at that place of the text, or the field
/// is one this version does not know): then only [`Take::AsIs`] resolves it.
pub fn resolve_edits(review: &Review, index: usize, take: Take) -> Option<Vec<Edit>> {
    let conflict = review.conflicts.get(index)?;
    let mut rest = review.conflicts.clone();
    rest.remove(index);
    let mut edits = Vec::new();
    let side = match take {
        Take::Ours => Some(&conflict.ours),
        Take::Theirs => Some(&conflict.theirs),
        Take::AsIs => None,
    };
    if let Some(side) = side {
        let edit = match &conflict.claim {
            Some(id) => claim_edit(review, id, &conflict.field, &side.value)?,
            None => review_edit(review, &conflict.field, &side.value)?,
        };
        edits.extend(edit);
    }
    edits.push(Edit::SetConflicts(rest));
    Some(edits)
}

/// The edit giving claim `id` the `value` of `field`; `Some(None)` when nothing changes,
/// `None` when the claim is gone, the field is not one a merge records or the value does not
/// fit it.
fn claim_edit(review: &Review, id: &ClaimId, field: &str, value: &Value) -> Option<Option<Edit>> {
    let current = review.claim(id);
    if field == "deleted" {
        return Some(match (value.is_null(), current) {
            (true, Some(_)) => Some(Edit::Remove(id.clone())),
            _ => None,
        });
    }
    let mut claim = current?.clone();
    if field == "span" {
        // A span is taken only where its quote still is in the merged text.
        claim.anchor_to(&review.article, recorded_span(value, review)?);
    } else if !set_field(&mut claim, field, value) {
        return None;
    }
    Some((Some(&claim) != current).then_some(Edit::Replace(claim)))
}

/// The span a conflict recorded (`{start, end, quote}`), if the review's text holds that quote
/// there.
fn recorded_span(value: &Value, review: &Review) -> Option<Span> {
    let at = |k: &str| value.get(k)?.as_u64().and_then(|n| usize::try_from(n).ok());
    let (start, end) = (at("start")?, at("end")?);
    let quote = value.get("quote")?.as_str()?;
    let fits = start < end && end <= review.article.char_len();
    (fits && review.article.slice(start, end) == quote).then(|| Span::new(start, end))
}

/// A status as a conflict records it: its identifier in files.
pub(super) fn status_value(status: ClaimStatus) -> Value {
    Value::from(status.as_str())
}

/// A claim's sources as a conflict records them: the list as files write it.
pub(super) fn sources_value(evidence: &[Evidence]) -> Value {
    serde_json::to_value(evidence).unwrap_or_default()
}

/// A span as a conflict records it: `{start, end, quote}`.
pub(super) fn span_value(span: Span, quote: &str) -> Value {
    serde_json::json!({ "start": span.start, "end": span.end, "quote": quote })
}

/// The value of `field` of `claim` as a conflict records it (`extra.KEY`: that unknown field,
/// `null` if absent); `None` for fields that are not merged one by one.
pub fn field_value(claim: &Claim, field: &str) -> Option<Value> {
    if let Some(key) = field.strip_prefix("extra.") {
        return Some(claim.extra.get(key).cloned().unwrap_or(Value::Null));
    }
    Some(match field {
        "status" => status_value(claim.status),
        "sources" => sources_value(&claim.evidence),
        "span" => span_value(claim.span, &claim.quote),
        other => Value::from(text_field(other)?.get(claim)),
    })
}

/// Copies `field` (one of [`super::MERGED_FIELDS`], or `extra.KEY`) of `from` into `to`; false
/// if the field is not one that can be copied.
pub fn copy_field(from: &Claim, to: &mut Claim, field: &str) -> bool {
    field_value(from, field).is_some_and(|v| set_field(to, field, &v))
}

/// `field` of `claim` as a list shows it: a status's label, a shortened text, "(empty)",
/// "3 sources".
pub fn field_shown(claim: &Claim, field: &str) -> String {
    field_value(claim, field).map_or_else(String::new, |v| shown(&v))
}

/// Sets `field` of `claim` to `value`; false if it does not apply.
fn set_field(claim: &mut Claim, field: &str, value: &Value) -> bool {
    if let Some(key) = field.strip_prefix("extra.") {
        set_key(&mut claim.extra, key, value);
        return true;
    }
    match field {
        "status" => match value.as_str().and_then(ClaimStatus::parse) {
            Some(s) => claim.status = s,
            None => return false,
        },
        "sources" => match serde_json::from_value::<Vec<Evidence>>(value.clone()) {
            Ok(e) => claim.evidence = e,
            Err(_) => return false,
        },
        // A span needs the article: see `claim_edit`.
        "span" => return false,
        other => match (text_field(other), value.as_str()) {
            (Some(f), Some(text)) => *f.of(claim) = text.to_owned(),
            _ => return false,
        },
    }
    true
}

/// The text field named `name` in files ("claim_date").
pub fn text_field(name: &str) -> Option<ClaimField> {
    Some(match name {
        "verdict" => ClaimField::Verdict,
        "claimant" => ClaimField::Claimant,
        "claim_date" => ClaimField::ClaimDate,
        "summary" => ClaimField::Summary,
        "note" => ClaimField::Note,
        _ => return None,
    })
}
