//! Training: class-balanced, L2-regularised logistic regression fitted by L-BFGS, optionally
//! pulled toward a prior model instead of toward zero (to adapt the built-in model to a
//! newsroom's reviews). Deterministic: the same examples, options and seed give the same bytes.
//! The precision table comes from out-of-fold scores of a k-fold split drawn with the seed.

use super::detmath::{sigmoid, softplus};
use super::evaluate::{average_precision, precision_table};
use super::features::{DENSE, FeatureVector, features};
use super::lbfgs::minimize;
use super::model::Model;

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Check-worthy (a claim) or not.
    pub positive: bool,
    /// Importance (1 for ordinary sentences; more for a dismissed suggestion).
    pub weight: f32,
}

/// Training settings.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// Hash size in bits.
    pub bits: u8,
    /// L2 penalty (on the distance from the prior, or from zero).
    pub l2: f64,
    /// L-BFGS iterations at most.
    pub iterations: usize,
    /// Seed of the cross-validation split.
    pub seed: u64,
    /// Folds for the precision table (0 or 1: no table).
    pub folds: usize,
    /// Use the dense features (numbers, comparisons...); off gives the plain n-gram baseline.
    pub dense_features: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            bits: 18,
            l2: 3e-6,
            iterations: 300,
            seed: 2026,
            folds: 5,
            dense_features: true,
        }
    }
}

/// Why a model could not be trained.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TrainError {
    /// Both classes are needed.
    #[error(
        "need check-worthy and other sentences to learn from (have {positives} and {negatives})"
    )]
    OneClass {
        /// Positive examples.
        positives: usize,
        /// Negative examples.
        negatives: usize,
    },
    /// The prior was made with another hash size.
    #[error("the starting model hashes into 2^{prior} buckets, not 2^{wanted}")]
    PriorBits {
        /// The prior's bits.
        prior: u8,
        /// The options' bits.
        wanted: u8,
    },
}

/// A trained model and its out-of-fold average precision (when folds were run).
#[derive(Clone, Debug)]
pub struct Trained {
    /// The model, with its precision table and info filled in.
    pub model: Model,
    /// Average precision of the out-of-fold scores.
    pub cross_validated_ap: Option<f64>,
}

/// Trains on all `examples`; with `folds >= 2` and enough of each class, also trains once per
/// fold to measure the precision table on held-out sentences. `prior` (same bits) is the model
/// the weights are pulled toward.
pub fn train(
    examples: &[Example],
    options: &TrainOptions,
    prior: Option<&Model>,
) -> Result<Trained, TrainError> {
    let positives = examples.iter().filter(|e| e.positive).count();
    let negatives = examples.len() - positives;
    if positives == 0 || negatives == 0 {
        return Err(TrainError::OneClass {
            positives,
            negatives,
        });
    }
    if let Some(p) = prior.filter(|p| p.bits != options.bits) {
        return Err(TrainError::PriorBits {
            prior: p.bits,
            wanted: options.bits,
        });
    }
    let vectors: Vec<FeatureVector> = examples
        .iter()
        .map(|e| features(&e.text, options.bits))
        .collect();
    let all: Vec<usize> = (0..examples.len()).collect();
    let mut model = fit(examples, &vectors, &all, options, prior);
    let mut cross_validated_ap = None;
    if options.folds >= 2 && positives >= options.folds && negatives >= options.folds {
        let scores = out_of_fold_scores(examples, &vectors, options, prior);
        let labels: Vec<bool> = examples.iter().map(|e| e.positive).collect();
        model.precision = precision_table(&scores, &labels);
        cross_validated_ap = average_precision(&scores, &labels);
    }
    model.info = format!(
        "trainer: claimdesk logistic regression (L-BFGS)\nexamples: {}\npositives: {positives}\nbits: {}\nl2: {}\niterations: {}\nseed: {}\nfolds: {}\ndense features: {}\nprior: {}\n",
        examples.len(),
        options.bits,
        options.l2,
        options.iterations,
        options.seed,
        options.folds,
        options.dense_features,
        if prior.is_some() { "yes" } else { "no" },
    );
    Ok(Trained {
        model,
        cross_validated_ap,
    })
}

/// Scores of every example from a model trained without its fold.
pub fn out_of_fold_scores(
    examples: &[Example],
    vectors: &[FeatureVector],
    options: &TrainOptions,
    prior: Option<&Model>,
) -> Vec<f32> {
    let fold_of = folds(examples.len(), options.folds, options.seed);
    let mut scores = vec![0.0f32; examples.len()];
    for k in 0..options.folds {
        let train_idx: Vec<usize> = (0..examples.len()).filter(|&i| fold_of[i] != k).collect();
        let m = fit(examples, vectors, &train_idx, options, prior);
        for i in (0..examples.len()).filter(|&i| fold_of[i] == k) {
            scores[i] = sigmoid(m.logit(&vectors[i])) as f32;
        }
    }
    scores
}

/// A fold number for each of `n` items: a seeded shuffle dealt round-robin.
pub fn folds(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed | 1;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut fold = vec![0; n];
    for (position, &i) in order.iter().enumerate() {
        fold[i] = position % k.max(1);
    }
    fold
}

/// Fits the weights on the examples at `idx`. Only the buckets these examples use are
/// optimised (the others keep the prior's weight, or zero): their gradient would be zero.
fn fit(
    examples: &[Example],
    vectors: &[FeatureVector],
    idx: &[usize],
    options: &TrainOptions,
    prior: Option<&Model>,
) -> Model {
    let (active, rows) = compact(vectors, idx, options.dense_features);
    let n = active.len() + DENSE + 1;
    let bias = n - 1;
    // Class balance: each class carries half the total weight.
    let class_total = |positive: bool| -> f64 {
        idx.iter()
            .filter(|&&i| examples[i].positive == positive)
            .map(|&i| f64::from(examples[i].weight))
            .sum()
    };
    let (pos_total, neg_total) = (class_total(true), class_total(false));
    let weight_of = |i: usize| {
        let class = if examples[i].positive {
            pos_total
        } else {
            neg_total
        };
        f64::from(examples[i].weight) / (2.0 * class.max(f64::MIN_POSITIVE))
    };
    let mut center = vec![0.0; n];
    if let Some(p) = prior {
        for (c, &b) in center.iter_mut().zip(&active) {
            *c = f64::from(p.hashed[b as usize]);
        }
        for (c, w) in center[active.len()..].iter_mut().zip(&p.dense) {
            *c = f64::from(*w);
        }
        center[bias] = f64::from(p.bias);
    }
    let mut x = center.clone();
    let objective = |w: &[f64], grad: &mut [f64]| -> f64 {
        let mut loss = 0.0;
        for (g, (wi, ci)) in grad.iter_mut().zip(w.iter().zip(&center)).take(bias) {
            *g = options.l2 * (wi - ci);
            loss += 0.5 * options.l2 * (wi - ci) * (wi - ci);
        }
        grad[bias] = 0.0;
        for (&i, row) in idx.iter().zip(&rows) {
            let z = w[bias] + row.iter().map(|&(k, v)| w[k] * v).sum::<f64>();
            let c = weight_of(i);
            let y = if examples[i].positive { 1.0 } else { 0.0 };
            loss += c * (softplus(z) - y * z);
            let dz = c * (sigmoid(z) - y);
            for &(k, v) in row {
                grad[k] += dz * v;
            }
            grad[bias] += dz;
        }
        loss
    };
    minimize(objective, &mut x, options.iterations, 1e-7);
    let mut model = prior.cloned().unwrap_or_else(|| Model::zero(options.bits));
    model.precision.clear();
    model.info.clear();
    for (&b, w) in active.iter().zip(&x) {
        model.hashed[b as usize] = *w as f32;
    }
    for (m, w) in model.dense.iter_mut().zip(&x[active.len()..]) {
        *m = *w as f32;
    }
    model.bias = x[bias] as f32;
    model
}

/// The buckets used by the examples at `idx` (ascending), and each example's features as
/// `(variable, value)` with buckets renumbered in that order and dense features after them.
fn compact(
    vectors: &[FeatureVector],
    idx: &[usize],
    dense: bool,
) -> (Vec<u32>, Vec<Vec<(usize, f64)>>) {
    let mut active: Vec<u32> = idx
        .iter()
        .flat_map(|&i| vectors[i].hashed.iter().map(|&(b, _)| b))
        .collect();
    active.sort_unstable();
    active.dedup();
    let rows = idx
        .iter()
        .map(|&i| {
            let v = &vectors[i];
            let mut row: Vec<(usize, f64)> = v
                .hashed
                .iter()
                .map(|&(b, x)| {
                    (
                        active.binary_search(&b).expect("collected above"),
                        f64::from(x),
                    )
                })
                .collect();
            if dense {
                row.extend(
                    v.dense
                        .iter()
                        .enumerate()
                        .filter(|(_, x)| **x != 0.0)
                        .map(|(d, x)| (active.len() + d, f64::from(*x))),
                );
            }
            row
        })
        .collect();
    (active, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small synthetic training set (written for this test; no outside data).
    pub(crate) fn synthetic_examples() -> Vec<Example> {
        let claims = [
            "Unemployment fell to 4.1 percent in 2019.",
            "The deficit doubled since 2012 to $1.2 trillion.",
            "Crime rose 12% last year in the city.",
            "We spent 30 billion dollars on the program in 2015.",
            "More than 2 million jobs were lost since 2008.",
            "Taxes went up for 60 percent of families.",
            "Wages grew by 3 percent, the highest in ten years.",
            "The budget cut 400 teachers in 2017.",
        ];
        let other = [
            "Thank you very much, it is great to be here.",
            "I think we can do better together.",
            "Let me finish, please.",
            "We will fight for every family.",
            "Good evening and welcome.",
            "That is not what I said.",
            "I want to thank my wife.",
            "We are going to win.",
            "Our hearts go out to them.",
            "What a wonderful crowd tonight.",
        ];
        claims
            .iter()
            .map(|t| (t, true))
            .chain(other.iter().map(|t| (t, false)))
            .map(|(t, positive)| Example {
                text: (*t).to_owned(),
                positive,
                weight: 1.0,
            })
            .collect()
    }

    fn small_options() -> TrainOptions {
        TrainOptions {
            bits: 12,
            l2: 1e-3,
            iterations: 100,
            seed: 7,
            folds: 3,
            dense_features: true,
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let ex = synthetic_examples();
        let a = train(&ex, &small_options(), None).unwrap();
        let b = train(&ex, &small_options(), None).unwrap();
        assert_eq!(a.model.to_bytes(), b.model.to_bytes());
        let m = &a.model;
        assert!(m.score("Inflation rose 7 percent in 2022.") > 0.6);
        assert!(m.score("Thank you, and good evening.") < 0.4);
        assert!(!m.precision.is_empty());
        assert!(a.cross_validated_ap.unwrap() > 0.5);
    }

    #[test]
    fn a_prior_holds_the_weights_near_it() {
        let ex = synthetic_examples();
        let base = train(&ex, &small_options(), None).unwrap().model;
        let flipped: Vec<Example> = ex
            .iter()
            .map(|e| Example {
                positive: !e.positive,
                ..e.clone()
            })
            .collect();
        let strong = TrainOptions {
            l2: 1.0,
            folds: 0,
            ..small_options()
        };
        let pulled = train(&flipped, &strong, Some(&base)).unwrap().model;
        let free = train(&flipped, &strong, None).unwrap().model;
        let s = "Unemployment fell to 4.1 percent in 2019.";
        assert!(
            pulled.score(s) > free.score(s),
            "the prior keeps it a claim"
        );
        let wrong = Model::zero(10);
        assert!(matches!(
            train(&ex, &small_options(), Some(&wrong)),
            Err(TrainError::PriorBits { .. })
        ));
    }

    #[test]
    fn one_class_is_an_error() {
        let ex: Vec<Example> = synthetic_examples()
            .into_iter()
            .filter(|e| e.positive)
            .collect();
        assert_eq!(
            train(&ex, &small_options(), None).unwrap_err(),
            TrainError::OneClass {
                positives: 8,
                negatives: 0
            }
        );
    }

    #[test]
    fn folds_are_balanced_and_seeded() {
        let f = folds(10, 3, 1);
        assert_eq!(f.iter().filter(|&&k| k == 0).count(), 4);
        assert_eq!(f, folds(10, 3, 1));
        assert_ne!(f, folds(10, 3, 2));
    }
}
