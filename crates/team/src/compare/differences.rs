//! Where two analysts' reviews agree and differ, place by place on the text: a paired claim
//! whose fields all agree, a pair that differs (and in which fields), a claim only one side
//! marked. The app draws these marks on the article and lists the differences with a way to
//! take the other side's value.

use crate::merge::{MERGED_FIELDS, field_value};
use claimdesk_model::{Claim, Review, Span};

use super::Matching;

/// How the two reviews relate at one place of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// A paired claim with the same value in every compared field.
    Agree,
    /// A paired claim that differs in these fields (names from [`MERGED_FIELDS`], in that
    /// order).
    Differ(Vec<&'static str>),
    /// A claim only the open review (A) has.
    OnlyA,
    /// A claim only the other review (B) has.
    OnlyB,
}

/// One place where the reviews are compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The text it covers: A's claim's span when A has one, else B's.
    pub span: Span,
    /// Agree, differ or one side only.
    pub agreement: Agreement,
    /// Index of A's claim in `a.claims()`, if A has one here.
    pub a: Option<usize>,
    /// Index of B's claim in `b.claims()`, if B has one here.
    pub b: Option<usize>,
}

/// The fields of [`MERGED_FIELDS`] in which `x` and `y` differ (a verdict differing only in
/// surrounding space does not count).
pub fn differing_fields(x: &Claim, y: &Claim) -> Vec<&'static str> {
    let trimmed = |v: Option<serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => Some(serde_json::Value::String(s.trim().to_owned())),
        other => other,
    };
    MERGED_FIELDS
        .iter()
        .copied()
        .filter(|f| trimmed(field_value(x, f)) != trimmed(field_value(y, f)))
        .collect()
}

/// Every paired and unpaired claim of `a` and `b` as a mark, in text order (by start, then
/// end). Orphaned claims (whose text is gone) are left out: they have no place on the text.
pub fn marks(a: &Review, b: &Review, matching: &Matching) -> Vec<Mark> {
    let (ca, cb) = (a.claims(), b.claims());
    let placed = |c: &Claim, r: &Review| !c.orphaned && c.span.end <= r.article.char_len();
    let mut out: Vec<Mark> = Vec::with_capacity(ca.len() + matching.only_b.len());
    for &(i, j, _) in &matching.pairs {
        let fields = differing_fields(&ca[i], &cb[j]);
        out.push(Mark {
            span: ca[i].span,
            agreement: if fields.is_empty() {
                Agreement::Agree
            } else {
                Agreement::Differ(fields)
            },
            a: Some(i),
            b: Some(j),
        });
    }
    for &i in &matching.only_a {
        out.push(Mark {
            span: ca[i].span,
            agreement: Agreement::OnlyA,
            a: Some(i),
            b: None,
        });
    }
    for &j in &matching.only_b {
        out.push(Mark {
            span: cb[j].span,
            agreement: Agreement::OnlyB,
            a: None,
            b: Some(j),
        });
    }
    out.retain(|m| match (m.a, m.b) {
        (Some(i), _) => placed(&ca[i], a),
        (None, Some(j)) => placed(&cb[j], b),
        (None, None) => false,
    });
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}
