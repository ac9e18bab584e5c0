//! Pairing two analysts' claims on the same text: by id first (a claim both kept from a shared
//! file), then by span overlap, greedily from the highest character Jaccard down, with a floor
//! of [`MIN_JACCARD`].

use claimdesk_model::{Claim, Span};

/// Two claims whose spans share at least this fraction of their characters (intersection over
/// union) are the same claim when their ids differ.
pub const MIN_JACCARD: f64 = 0.5;

/// How claims are paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchRule {
    /// Same id, then character Jaccard ≥ [`MIN_JACCARD`] (what `compare` uses).
    IdThenOverlap,
    /// Only identical spans (what INCEpTION calls exact begin/end positions). Kept to show
    /// what it misses: near-identical spans drop out as unmatched.
    ExactSpan,
}

/// How a pair was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same claim id on both sides.
    Id,
    /// Spans overlapping enough (or identical, under [`MatchRule::ExactSpan`]).
    Overlap,
}

/// A pairing of the claims of A and B (indices into each review's `claims()`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matching {
    /// `(index in A, index in B, how)`, in A's text order.
    pub pairs: Vec<(usize, usize, MatchedBy)>,
    /// Claims of A with no partner, in text order.
    pub only_a: Vec<usize>,
    /// Claims of B with no partner, in text order.
    pub only_b: Vec<usize>,
}

/// Pairs the claims of `a` and `b` (each in text order) under `rule`. Orphaned claims are
/// paired by id only: their spans are not where their text is.
pub fn match_claims(a: &[Claim], b: &[Claim], rule: MatchRule) -> Matching {
    let mut partner_a: Vec<Option<(usize, MatchedBy)>> = vec![None; a.len()];
    let mut taken_b = vec![false; b.len()];
    if rule == MatchRule::IdThenOverlap {
        let by_id: std::collections::HashMap<&str, usize> = b
            .iter()
            .enumerate()
            .map(|(j, c)| (c.id.as_str(), j))
            .collect();
        for (i, c) in a.iter().enumerate() {
            if let Some(&j) = by_id.get(c.id.as_str()) {
                partner_a[i] = Some((j, MatchedBy::Id));
                taken_b[j] = true;
            }
        }
    }
    let mut candidates = overlap_candidates(a, b, rule, &partner_a, &taken_b);
    // Best overlap first; ties in text order, so the result never depends on hashing.
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, i, j) in candidates {
        if partner_a[i].is_none() && !taken_b[j] {
            partner_a[i] = Some((j, MatchedBy::Overlap));
            taken_b[j] = true;
        }
    }
    let pairs = partner_a
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|(j, by)| (i, j, by)))
        .collect();
    Matching {
        pairs,
        only_a: (0..a.len()).filter(|&i| partner_a[i].is_none()).collect(),
        only_b: (0..b.len()).filter(|&j| !taken_b[j]).collect(),
    }
}

/// Character Jaccard of two spans: shared chars over chars covered by either.
pub fn jaccard(x: Span, y: Span) -> f64 {
    let inter = x.end.min(y.end).saturating_sub(x.start.max(y.start));
    let union = x.len() + y.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Unpaired, non-orphan claims of A and B whose spans qualify, as `(jaccard, i, j)`. Both
/// lists are sorted by start, so a sweep sees only overlapping spans.
fn overlap_candidates(
    a: &[Claim],
    b: &[Claim],
    rule: MatchRule,
    partner_a: &[Option<(usize, MatchedBy)>],
    taken_b: &[bool],
) -> Vec<(f64, usize, usize)> {
    let mut out = Vec::new();
    let mut first_b = 0;
    for (i, ca) in a.iter().enumerate() {
        if partner_a[i].is_some() || ca.orphaned {
            continue;
        }
        // A's starts only grow: a claim of B that ends before this one starts overlaps no
        // later claim of A either. (One long claim of B stops the skipping; the spans after
        // it are then checked and fail, which is slower but still right.)
        while first_b < b.len() && b[first_b].span.end <= ca.span.start {
            first_b += 1;
        }
        for (j, cb) in b.iter().enumerate().skip(first_b) {
            if cb.span.start >= ca.span.end {
                break;
            }
            if taken_b[j] || cb.orphaned {
                continue;
            }
            let score = jaccard(ca.span, cb.span);
            let qualifies = match rule {
                MatchRule::ExactSpan => ca.span == cb.span,
                MatchRule::IdThenOverlap => score >= MIN_JACCARD,
            };
            if qualifies {
                out.push((score, i, j));
            }
        }
    }
    out
}
