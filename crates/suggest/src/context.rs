//! Context in speech: in a transcript, a sentence's score also counts its neighbours' scores,
//! because a spoken claim often runs over several short sentences ("Murders are up. Way up.
//! In Chicago, 4,000 killed since..."), and fact-checkers check the whole passage. Prose and
//! plain lists of sentences are scored sentence by sentence.
//!
//! The weights were chosen by leave-one-debate-out cross-validation on the CLEF 2019 training
//! debates (the only place the CLEF data is used: measuring and choosing these two numbers,
//! never as training rows); see docs/suggestions.md and `eval_suggester`.

/// How much the neighbouring sentences count in a sentence's score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Context {
    /// Weight of the mean score of the sentences just before and just after.
    pub adjacent: f32,
    /// Weight of the mean score of the sentences two before and two after.
    pub second: f32,
}

impl Context {
    /// Sentences scored alone.
    pub const NONE: Context = Context {
        adjacent: 0.0,
        second: 0.0,
    };

    /// The weights used for transcripts (chosen by cross-validation, see the module docs).
    pub const SPEECH: Context = Context {
        adjacent: 0.25,
        second: 0.0625,
    };

    /// Context weights of this strength: `adjacent`, and a quarter of it for the sentences two
    /// away (the family the cross-validation searched).
    pub fn of_strength(adjacent: f32) -> Context {
        Context {
            adjacent,
            second: adjacent / 4.0,
        }
    }

    /// Blends each score with its neighbours':
    /// `(own + adjacent × mean(±1) + second × mean(±2)) / (1 + adjacent + second)`, where a
    /// missing neighbour (the text's edge) or one never suggested (`counts[j]` false: a stage
    /// direction, a moderator's question) counts as 0. Scores stay in `0..=1`; one pass, linear
    /// in the number of sentences.
    pub fn blend(self, alone: &[f32], counts: &[bool]) -> Vec<f32> {
        if self == Context::NONE {
            return alone.to_vec();
        }
        let at = |i: usize, offset: isize| -> f32 {
            i.checked_add_signed(offset)
                .filter(|&j| j < alone.len() && counts[j])
                .map_or(0.0, |j| alone[j])
        };
        let total = 1.0 + self.adjacent + self.second;
        (0..alone.len())
            .map(|i| {
                let near = (at(i, -1) + at(i, 1)) / 2.0;
                let far = (at(i, -2) + at(i, 2)) / 2.0;
                ((alone[i] + self.adjacent * near + self.second * far) / total).clamp(0.0, 1.0)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn neighbours_raise_a_sentence_inside_a_claim() {
        let alone = [0.9, 0.3, 0.9, 0.3, 0.05, 0.05];
        let all = [true; 6];
        let s = Context::SPEECH.blend(&alone, &all);
        // The weak sentence between two strong ones outranks the same weak score elsewhere.
        assert!(s[1] > s[3] && s[3] > s[4], "{s:?}");
        // Equal own scores: the one with stronger neighbours ranks first.
        assert!(s[2] > s[0], "{s:?}");
        let total = 1.3125;
        let expected = (0.3 + 0.25 * (0.9 + 0.9) / 2.0 + 0.0625 * 0.3 / 2.0) / total;
        assert!((s[1] - expected).abs() < 1e-6, "{} {expected}", s[1]);
    }

    #[test]
    fn excluded_neighbours_count_as_zero_and_none_changes_nothing() {
        let alone = [0.9, 0.3, 0.9];
        let with = Context::SPEECH.blend(&alone, &[true, true, true]);
        let without = Context::SPEECH.blend(&alone, &[false, true, false]);
        assert!(with[1] > without[1]);
        assert!((without[1] - 0.3 / 1.3125).abs() < 1e-6);
        assert_eq!(Context::NONE.blend(&alone, &[true; 3]), alone.to_vec());
        assert_eq!(Context::of_strength(0.25), Context::SPEECH);
        assert!(Context::SPEECH.blend(&[], &[]).is_empty());
    }

    proptest! {
        #[test]
        fn blended_scores_stay_between_zero_and_one(
            alone in proptest::collection::vec(0.0f32..=1.0, 0..40),
            strength in 0.0f32..2.0,
        ) {
            let counts: Vec<bool> = alone.iter().map(|&p| p > 0.2).collect();
            let s = Context::of_strength(strength).blend(&alone, &counts);
            prop_assert_eq!(s.len(), alone.len());
            prop_assert!(s.iter().all(|x| (0.0..=1.0).contains(x)));
        }
    }
}
