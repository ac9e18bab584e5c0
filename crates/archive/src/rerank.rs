//! Re-ranking BM25's candidates: a small logistic model over what a fact-checker would compare
//! — how much of the query and of the claim the other covers (weighted by how rare each word
//! is), names, numbers, words side by side, the headline, lengths — gives each candidate the
//! probability that it is the claim checked. Unlike a BM25 score, that probability can be
//! compared across queries, so the article scan can flag sentences above one threshold.
//!
//! The weights were learned on the CLEF 2020 CheckThat! training tweets (not the dev split) by
//! `cargo run --release -p claimdesk-archive --example archive_retrieval -- DATA --train`, which
//! prints [`WEIGHTS`]; README "Claim archive" has the figures.

use super::profile::{Profile, WordId, holds, shared};

/// How many of BM25's best candidates are re-ranked.
pub(crate) const CANDIDATES: usize = 30;

/// How many features a candidate has.
pub const FEATURES: usize = 14;

/// The features' names, in order (for training and for reading the weights).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "bm25 over the query's idf",
    "bm25 over the best candidate's",
    "query words in the claim or headline (idf)",
    "claim words in the query (idf)",
    "headline words in the query (idf)",
    "claim names in the query",
    "claim has names",
    "query names in the claim or headline",
    "numbers shared",
    "claim numbers not in the query",
    "claim word pairs in the query",
    "ln claim length",
    "ln query length",
    "ln bm25 rank",
];

/// The intercept and one weight per feature, learned by the example's `--train`.
pub const WEIGHTS: [f32; FEATURES + 1] = [
    -9.4560, // intercept
    -0.0670, // bm25 over the query's idf
    6.6311,  // bm25 over the best candidate's
    1.4150,  // query words in the claim or headline (idf)
    1.6640,  // claim words in the query (idf)
    1.3372,  // headline words in the query (idf)
    0.1613,  // claim names in the query
    -0.1270, // claim has names
    0.5111,  // query names in the claim or headline
    0.4994,  // numbers shared
    0.2365,  // claim numbers not in the query
    -1.4183, // claim word pairs in the query
    0.6829,  // ln claim length
    -0.1133, // ln query length
    -1.1470, // ln bm25 rank
];

/// One candidate as the model sees it.
pub(crate) struct Candidate<'a> {
    /// Its BM25 score.
    pub bm25: f32,
    /// The best BM25 score among the candidates.
    pub best_bm25: f32,
    /// Its place in BM25's order, from 0.
    pub rank: usize,
    /// The query.
    pub query: &'a Profile,
    /// The claim's text.
    pub text: &'a Profile,
    /// The fact-check's headline.
    pub headline: &'a Profile,
}

/// The features of a candidate; `idf` gives each word's inverse document frequency.
pub(crate) fn features(c: &Candidate, idf: &impl Fn(WordId) -> f32) -> [f32; FEATURES] {
    let (q, t, h) = (c.query, c.text, c.headline);
    let mass = |words: &[WordId]| words.iter().map(|&w| idf(w)).sum::<f32>();
    let mass_in = |words: &[WordId], other: &dyn Fn(WordId) -> bool| {
        words
            .iter()
            .filter(|&&w| other(w))
            .map(|&w| idf(w))
            .sum::<f32>()
    };
    let ratio = |a: f32, b: f32| if b > 0.0 { a / b } else { 0.0 };
    let in_claim = |w: WordId| holds(&t.words, &w) || holds(&h.words, &w);
    let in_query = |w: WordId| holds(&q.words, &w);
    let query_mass = mass(&q.words);
    let count_ratio = |a: usize, b: usize| if b > 0 { a as f32 / b as f32 } else { 0.0 };
    let claim_names_in_query = t.names.iter().filter(|&&w| in_query(w)).count();
    let query_names_in_claim = q.names.iter().filter(|&&w| in_claim(w)).count();
    let numbers_shared = q.numbers.iter().filter(|&&w| in_claim(w)).count();
    let numbers_missing = t.numbers.iter().filter(|&&w| !in_query(w)).count();
    [
        ratio(c.bm25, query_mass),
        ratio(c.bm25, c.best_bm25),
        ratio(mass_in(&q.words, &in_claim), query_mass),
        ratio(mass_in(&t.words, &in_query), mass(&t.words)),
        ratio(mass_in(&h.words, &in_query), mass(&h.words)),
        count_ratio(claim_names_in_query, t.names.len()),
        f32::from(!t.names.is_empty()),
        count_ratio(query_names_in_claim, q.names.len()),
        f32::from(numbers_shared > 0),
        count_ratio(numbers_missing, t.numbers.len()),
        count_ratio(shared(&t.pairs, &q.pairs), t.pairs.len()),
        (1.0 + t.length as f32).ln(),
        (1.0 + q.length as f32).ln(),
        (1.0 + c.rank as f32).ln(),
    ]
}

/// The model's probability that a candidate with these features is the claim checked.
pub fn probability(features: &[f32; FEATURES], weights: &[f32; FEATURES + 1]) -> f32 {
    let z = weights[0]
        + features
            .iter()
            .zip(&weights[1..])
            .map(|(f, w)| f * w)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// BM25's inverse document frequency of a word found in `doc_freq` of `docs` claims.
pub(crate) fn idf(doc_freq: u64, docs: u64) -> f32 {
    let n = doc_freq as f32;
    (1.0 + (docs as f32 - n + 0.5) / (n + 0.5)).ln()
}
