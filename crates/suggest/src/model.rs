//! The check-worthiness model: logistic regression weights over [`features`](super::features),
//! its score of a sentence, the reasons behind a score, and the built-in model.

use std::sync::OnceLock;

use super::detmath::sigmoid;
use super::features::{DENSE, Feature, FeatureVector, features, sources};

/// The weights shipped with Claimdesk (trained on ClaimBuster; see docs/suggestions.md).
const BUILTIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/suggester.bin"
));

/// A trained check-worthiness model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Hash size: n-grams fall into `2^bits` buckets.
    pub bits: u8,
    /// One weight per bucket.
    pub hashed: Vec<f32>,
    /// One weight per dense feature.
    pub dense: [f32; DENSE],
    /// The intercept.
    pub bias: f32,
    /// Expected precision and recall at thresholds, measured on held-out data when trained.
    pub precision: Vec<PrecisionRow>,
    /// How the model was made (data, options), one `key: value` per line.
    pub info: String,
}

/// One row of the precision-at-threshold table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PrecisionRow {
    /// Sentences scoring at or above this are suggested.
    pub threshold: f32,
    /// Share of suggested sentences that were check-worthy (held-out data).
    pub precision: f32,
    /// Share of check-worthy sentences that were suggested.
    pub recall: f32,
}

/// A word, phrase or feature that raised a sentence's score, with its contribution to the
/// logit.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// The words as they appear in the sentence ("18%", "since 2012", "more than").
    pub text: String,
    /// How much it raised the score (log-odds).
    pub weight: f32,
}

impl Model {
    /// The built-in model, decoded once on first use.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUILTIN).expect("the committed weights decode"))
    }

    /// An all-zero model of `2^bits` buckets (scores every sentence 0.5).
    pub fn zero(bits: u8) -> Model {
        Model {
            bits,
            hashed: vec![0.0; 1 << bits],
            dense: [0.0; DENSE],
            bias: 0.0,
            precision: Vec::new(),
            info: String::new(),
        }
    }

    /// Probability-like score in `0..=1` that `sentence` is a check-worthy factual claim.
    pub fn score(&self, sentence: &str) -> f32 {
        sigmoid(self.logit(&features(sentence, self.bits))) as f32
    }

    /// The log-odds of a feature vector, summed in a fixed order.
    pub fn logit(&self, v: &FeatureVector) -> f64 {
        let mut z = f64::from(self.bias);
        for &(b, x) in &v.hashed {
            z += f64::from(self.hashed[b as usize]) * f64::from(x);
        }
        for (w, x) in self.dense.iter().zip(v.dense) {
            z += f64::from(*w) * f64::from(x);
        }
        z
    }

    /// Up to `max` reasons for `sentence`'s score: the words and features that raised it most,
    /// stop words hidden, a phrase inside a stronger one folded into it.
    pub fn reasons(&self, sentence: &str, max: usize) -> Vec<Reason> {
        let mut found: Vec<(std::ops::Range<usize>, f32)> = Vec::new();
        for s in sources(sentence, self.bits).into_iter().filter(|s| !s.stop) {
            let w = match s.feature {
                Feature::Hashed(b) => self.hashed[b as usize],
                Feature::Dense(i) => self.dense[i],
            } * s.value;
            match found.iter_mut().find(|(r, _)| *r == s.range) {
                Some(entry) => entry.1 += w,
                None => found.push((s.range, w)),
            }
        }
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.start.cmp(&b.0.start)));
        let mut picked: Vec<(std::ops::Range<usize>, f32)> = Vec::new();
        for (range, w) in found.into_iter().filter(|&(_, w)| w > 0.01) {
            let nested = |r: &std::ops::Range<usize>| {
                (r.start <= range.start && range.end <= r.end)
                    || (range.start <= r.start && r.end <= range.end)
            };
            if let Some(entry) = picked.iter_mut().find(|(r, _)| nested(r)) {
                entry.1 += w;
            } else if picked.len() < max {
                picked.push((range, w));
            }
        }
        picked
            .into_iter()
            .map(|(r, weight)| Reason {
                text: sentence[r].to_owned(),
                weight,
            })
            .collect()
    }

    /// The expected precision at `threshold` from the model's table (the row at the highest
    /// threshold not above it), if the model has one.
    pub fn expected_precision(&self, threshold: f32) -> Option<PrecisionRow> {
        precision_at(&self.precision, threshold)
    }
}

/// The row of a precision table (rows by rising threshold) that applies at `threshold`: the
/// one at the highest threshold not above it.
pub fn precision_at(table: &[PrecisionRow], threshold: f32) -> Option<PrecisionRow> {
    table
        .iter()
        .rev()
        .find(|r| r.threshold <= threshold)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_scores_deterministically() {
        let m = Model::builtin();
        let claim =
            "The deficit fell by 40 percent since 2012, and unemployment is at 3.9 percent.";
        let chat = "Thank you, it is good to be here tonight.";
        let a = m.score(claim);
        assert_eq!(a.to_bits(), m.score(claim).to_bits());
        let reloaded = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(&reloaded, m);
        assert_eq!(a.to_bits(), reloaded.score(claim).to_bits());
        assert!(a > 0.8 && m.score(chat) < 0.2, "{a} {}", m.score(chat));
        let reasons: Vec<String> = m.reasons(claim, 3).into_iter().map(|r| r.text).collect();
        assert_eq!(reasons.len(), 3);
        for r in &reasons {
            assert!(
                !super::super::features::is_stop_word(&r.to_lowercase()),
                "{reasons:?}"
            );
        }
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("percent") || r.contains("2012") || r.contains("deficit")),
            "{reasons:?}"
        );
        assert!(!m.precision.is_empty() && m.expected_precision(0.5).is_some());
    }

    #[test]
    fn a_zero_model_scores_one_half_and_gives_no_reasons() {
        let m = Model::zero(10);
        assert_eq!(m.score("Anything at all, 45%."), 0.5);
        assert!(m.reasons("Anything at all, 45%.", 3).is_empty());
        assert_eq!(m.expected_precision(0.5), None);
    }
}
