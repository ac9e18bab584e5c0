//! Learning the re-ranker's weights: logistic regression fitted by Newton's method with a small
//! L2 penalty (deterministic: the same data always gives the same weights), and MAP@5 of a
//! ranking by the fitted model.

use std::collections::HashSet;

use claimdesk_archive::rerank::{FEATURES, probability};

/// One query's candidates in BM25's order: each claim's id and features.
pub type Candidates = Vec<(String, [f32; FEATURES])>;

/// A query with its candidates and the claims that answer it.
pub struct Query {
    pub candidates: Candidates,
    pub relevant: HashSet<String>,
}

/// Weights (intercept first) fitted on every candidate of `queries`, labelled by relevance.
pub fn fit(queries: &[&Query], l2: f64) -> [f32; FEATURES + 1] {
    const N: usize = FEATURES + 1;
    let rows: Vec<([f64; N], f64)> = queries
        .iter()
        .flat_map(|q| {
            q.candidates.iter().map(|(id, f)| {
                let mut x = [1.0; N];
                for (i, v) in f.iter().enumerate() {
                    x[i + 1] = f64::from(*v);
                }
                (x, if q.relevant.contains(id) { 1.0 } else { 0.0 })
            })
        })
        .collect();
    let mut w = [0.0f64; N];
    for _ in 0..100 {
        let mut gradient = [0.0; N];
        let mut hessian = [[0.0; N]; N];
        for (x, y) in &rows {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for i in 0..N {
                gradient[i] += (p - y) * x[i];
                for j in 0..N {
                    hessian[i][j] += p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..N {
            gradient[i] += l2 * w[i];
            hessian[i][i] += l2;
        }
        hessian[0][0] += 1e-9;
        let step = solve(hessian, gradient);
        let size: f64 = step.iter().map(|s| s * s).sum::<f64>().sqrt();
        for i in 0..N {
            w[i] -= step[i];
        }
        if size < 1e-9 {
            break;
        }
    }
    w.map(|v| v as f32)
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for col in 0..N {
        let pivot = (col..N)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        for row in 0..N {
            if row != col {
                let factor = a[row][col] / d;
                let pivot_row = a[col];
                for (cell, p) in a[row].iter_mut().zip(pivot_row).skip(col) {
                    *cell -= factor * p;
                }
                b[row] -= factor * b[col];
            }
        }
    }
    let mut x = [0.0; N];
    for i in 0..N {
        if a[i][i].abs() >= 1e-12 {
            x[i] = b[i] / a[i][i];
        }
    }
    x
}

/// The claim ids of `query`'s candidates ranked by `weights` (BM25's order breaks ties).
pub fn ranked<'a>(query: &'a Query, weights: &[f32; FEATURES + 1]) -> Vec<&'a str> {
    let mut scored: Vec<(f32, usize, &str)> = query
        .candidates
        .iter()
        .enumerate()
        .map(|(i, (id, f))| (probability(f, weights), i, id.as_str()))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|s| s.2).collect()
}

/// Precision at the rank of each relevant claim within the top 5, over the relevant count.
pub fn average_precision_at_5(ranked: &[&str], relevant: &HashSet<String>) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let mut found = 0;
    let mut sum = 0.0;
    for (rank, id) in ranked.iter().take(5).enumerate() {
        if relevant.contains(*id) {
            found += 1;
            sum += found as f64 / (rank + 1) as f64;
        }
    }
    sum / relevant.len().min(5) as f64
}

/// MAP@5 of `queries` ranked by `weights`.
pub fn map_at_5(queries: &[&Query], weights: &[f32; FEATURES + 1]) -> f64 {
    let total: f64 = queries
        .iter()
        .map(|q| average_precision_at_5(&ranked(q, weights), &q.relevant))
        .sum();
    total / queries.len().max(1) as f64
}

/// MAP@5 of five-fold cross-validation over `queries` (fold = position modulo 5).
pub fn cross_validated(queries: &[&Query], l2: f64) -> f64 {
    let mut total = 0.0;
    for fold in 0..5 {
        let in_fold = |i: &usize| i % 5 == fold;
        let pick = |keep: bool| -> Vec<&Query> {
            (0..queries.len())
                .filter(|i| in_fold(i) == keep)
                .map(|i| queries[i])
                .collect()
        };
        let (test, train) = (pick(true), pick(false));
        let weights = fit(&train, l2);
        total += map_at_5(&test, &weights) * test.len() as f64;
    }
    total / queries.len().max(1) as f64
}
