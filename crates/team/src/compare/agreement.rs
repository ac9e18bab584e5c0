//! The agreement figures of two analysts' reviews of one text (formulas and a worked example in
//! `docs/agreement.md`): span precision / recall / F1, Cohen's kappa on status over matched
//! claims, and Krippendorff's alpha at the character level.

use serde::Serialize;

use claimdesk_model::{Claim, ClaimStatus, Span};

/// Precision, recall and F1 of B's spans against A's.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SpanScores {
    /// Of B's spans, the fraction found in A.
    pub precision: f64,
    /// Of A's spans, the fraction found in B.
    pub recall: f64,
    /// Harmonic mean of the two (0 when both are 0).
    pub f1: f64,
}

/// Span agreement with B's spans scored against A's: `exact` counts a span found only if the
/// other side has the very same span; `overlapping` if the other side has a span sharing at
/// least one character. Orphaned claims are left out (they have no place in the text). With no
/// spans on either side, both are 1 (nothing to disagree on).
pub fn span_scores(a: &[Claim], b: &[Claim]) -> (SpanScores, SpanScores) {
    let sa = spans(a);
    let sb = spans(b);
    let exact = |x: &Span, ys: &[Span]| ys.binary_search(x).is_ok();
    let overlapping = |x: &Span, ys: &[Span]| any_overlap(*x, ys);
    (scores(&sa, &sb, exact), scores(&sa, &sb, overlapping))
}

/// Cohen's kappa with its parts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Kappa {
    /// Items rated by both.
    pub items: usize,
    /// Observed agreement p_o.
    pub observed: f64,
    /// Agreement expected by chance p_e from each rater's own status frequencies.
    pub expected: f64,
    /// (p_o − p_e) / (1 − p_e); `None` when p_e = 1 (both gave every item the same single
    /// status, so kappa is undefined) or there are no items.
    pub kappa: Option<f64>,
}

/// Cohen's kappa over pairs of statuses (one pair per matched claim).
pub fn cohen_kappa(pairs: &[(ClaimStatus, ClaimStatus)]) -> Kappa {
    let n = pairs.len();
    if n == 0 {
        return Kappa {
            items: 0,
            observed: 0.0,
            expected: 0.0,
            kappa: None,
        };
    }
    let (mut ca, mut cb) = ([0usize; 3], [0usize; 3]);
    let mut agree = 0;
    for &(x, y) in pairs {
        ca[x as usize] += 1;
        cb[y as usize] += 1;
        agree += usize::from(x == y);
    }
    let nf = n as f64;
    let observed = agree as f64 / nf;
    let expected: f64 = (0..3)
        .map(|k| (ca[k] as f64 / nf) * (cb[k] as f64 / nf))
        .sum();
    let kappa = (expected < 1.0).then(|| (observed - expected) / (1.0 - expected));
    Kappa {
        items: n,
        observed,
        expected,
        kappa,
    }
}

/// Krippendorff's alpha (nominal) with each character of the text as a unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CharAlpha {
    /// Characters in the text (units).
    pub units: usize,
    /// Characters labelled differently by the two analysts.
    pub disagreeing: usize,
    /// 1 − D_o / D_e; `None` when every character has the same label on both sides and
    /// expected disagreement is 0.
    pub alpha: Option<f64>,
}

/// Character-level Krippendorff's alpha of A and B over a text of `len` chars. Each character's
/// label is the set of statuses of the claims covering it on that side (no claim: "none"; two
/// overlapping claims asserted and disputed: that pair), so partial overlaps count
/// character by character. Orphans are left out.
pub fn char_alpha(a: &[Claim], b: &[Claim], len: usize) -> CharAlpha {
    // Coincidence counts: n[c] per label over both sides, and disagreeing units.
    let mut n = [0u64; 8];
    let mut disagreeing = 0u64;
    for (start, end, la, lb) in labelled_runs(a, b, len) {
        let w = (end - start) as u64;
        n[la as usize] += w;
        n[lb as usize] += w;
        if la != lb {
            disagreeing += w;
        }
    }
    let total = 2 * len as u64;
    // Two coders per unit: o_ck sums to 2 × disagreeing over c ≠ k.
    let observed_off = 2.0 * disagreeing as f64;
    let sum_n2: f64 = n.iter().map(|&c| (c as f64) * (c as f64)).sum();
    let expected_off = (total as f64) * (total as f64) - sum_n2;
    let alpha = (expected_off > 0.0 && total > 1)
        .then(|| 1.0 - (total as f64 - 1.0) * observed_off / expected_off);
    CharAlpha {
        units: len,
        disagreeing: disagreeing as usize,
        alpha,
    }
}

/// The text cut where any claim of either side starts or ends: `(start, end, label A, label
/// B)`, labels as bit sets of statuses (0 = no claim).
fn labelled_runs(a: &[Claim], b: &[Claim], len: usize) -> Vec<(usize, usize, u8, u8)> {
    // Events: (position, side, status, +1 / -1).
    let mut events: Vec<(usize, usize, usize, i32)> = Vec::new();
    for (side, claims) in [a, b].into_iter().enumerate() {
        for c in claims.iter().filter(|c| !c.orphaned) {
            let (s, e) = (c.span.start.min(len), c.span.end.min(len));
            if s < e {
                events.push((s, side, c.status as usize, 1));
                events.push((e, side, c.status as usize, -1));
            }
        }
    }
    events.sort_unstable();
    let mut counts = [[0i32; 3]; 2];
    let label = |side: &[i32; 3]| -> u8 {
        (0..3)
            .filter(|&k| side[k] > 0)
            .fold(0u8, |m, k| m | (1 << k))
    };
    let mut runs = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while at < len {
        while i < events.len() && events[i].0 <= at {
            let (_, side, status, delta) = events[i];
            counts[side][status] += delta;
            i += 1;
        }
        let next = events.get(i).map_or(len, |e| e.0.min(len));
        runs.push((at, next, label(&counts[0]), label(&counts[1])));
        at = next;
    }
    runs
}

fn spans(claims: &[Claim]) -> Vec<Span> {
    let mut s: Vec<Span> = claims
        .iter()
        .filter(|c| !c.orphaned)
        .map(|c| c.span)
        .collect();
    s.sort();
    s.dedup();
    s
}

/// True if `x` overlaps any span of `ys` (sorted by start).
fn any_overlap(x: Span, ys: &[Span]) -> bool {
    // Spans starting before x ends; of those, one must end after x starts.
    let upto = ys.partition_point(|y| y.start < x.end);
    ys[..upto].iter().rev().any(|y| y.end > x.start)
}

fn scores(a: &[Span], b: &[Span], found: impl Fn(&Span, &[Span]) -> bool) -> SpanScores {
    let ratio = |hits: usize, of: usize| {
        if of == 0 {
            1.0
        } else {
            hits as f64 / of as f64
        }
    };
    let precision = ratio(b.iter().filter(|s| found(s, a)).count(), b.len());
    let recall = ratio(a.iter().filter(|s| found(s, b)).count(), a.len());
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    SpanScores {
        precision,
        recall,
        f1,
    }
}
