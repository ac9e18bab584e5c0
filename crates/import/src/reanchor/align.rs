//! Word alignment of an old and a new text for re-anchoring: which old word was kept as which
//! new word. Deterministic and bounded by work, not by a clock, so the same update gives the
//! same outcomes on a fast desktop, a slow laptop and a busy CI machine.
//!
//! A patience alignment: common ends are trimmed; the rarest words that occur equally often on
//! both sides (ideally once) are matched and the longest chain of them in order (longest
//! increasing subsequence) becomes the anchors; the gaps between anchors are aligned the same way, recursively. A gap with no
//! unique word is aligned with Myers' diff when it is small, else left unaligned. Total work is
//! capped at [`WORK_PER_TOKEN`] times the input; past it, the remaining gaps stay unaligned
//! (claims there are re-anchored by their quote instead) and the alignment reports itself
//! incomplete.

use std::collections::HashMap;

/// Work budget per input token (old + new), in tokens visited.
pub const WORK_PER_TOKEN: usize = 24;
/// Gaps with no unique word are aligned by Myers' diff when both sides are at most this long.
pub const SMALL_GAP: usize = 400;

/// The alignment: pairs of (old index, new index) in increasing order of both.
pub struct Alignment {
    /// Kept words.
    pub pairs: Vec<(usize, usize)>,
    /// False if the work budget ran out and some gaps were left unaligned.
    pub complete: bool,
}

/// Aligns token ids `old` with `new`.
pub fn align(old: &[u32], new: &[u32]) -> Alignment {
    let mut aligner = Aligner {
        old,
        new,
        pairs: Vec::new(),
        budget: WORK_PER_TOKEN * (old.len() + new.len()) + SMALL_GAP * SMALL_GAP,
        complete: true,
    };
    // An explicit stack of gaps, so a deep recursion cannot overflow the thread's stack.
    let mut gaps = vec![(0, old.len(), 0, new.len())];
    while let Some(gap) = gaps.pop() {
        aligner.gap(gap, &mut gaps);
    }
    aligner.pairs.sort_unstable();
    Alignment {
        pairs: aligner.pairs,
        complete: aligner.complete,
    }
}

type Gap = (usize, usize, usize, usize);

struct Aligner<'a> {
    old: &'a [u32],
    new: &'a [u32],
    pairs: Vec<(usize, usize)>,
    budget: usize,
    complete: bool,
}

impl Aligner<'_> {
    /// Aligns `old[a0..a1]` with `new[b0..b1]`, pushing the sub-gaps it leaves to `gaps`.
    fn gap(&mut self, (mut a0, mut a1, mut b0, mut b1): Gap, gaps: &mut Vec<Gap>) {
        while a0 < a1 && b0 < b1 && self.old[a0] == self.new[b0] {
            self.pairs.push((a0, b0));
            a0 += 1;
            b0 += 1;
        }
        while a0 < a1 && b0 < b1 && self.old[a1 - 1] == self.new[b1 - 1] {
            a1 -= 1;
            b1 -= 1;
            self.pairs.push((a1, b1));
        }
        if a0 == a1 || b0 == b1 {
            return;
        }
        let cost = (a1 - a0) + (b1 - b0);
        if cost > self.budget {
            self.complete = false;
            return;
        }
        self.budget -= cost;
        let anchors = self.unique_anchors(a0, a1, b0, b1);
        if anchors.is_empty() {
            self.small_gap(a0, a1, b0, b1);
            return;
        }
        let (mut pa, mut pb) = (a0, b0);
        for &(a, b) in &anchors {
            self.pairs.push((a, b));
            gaps.push((pa, a, pb, b));
            (pa, pb) = (a + 1, b + 1);
        }
        gaps.push((pa, a1, pb, b1));
    }

    /// Anchors of the gap: among words that occur equally often on both sides, the rarest
    /// (once is the classic patience rule; repetitive text anchors on its rarest common words),
    /// their k-th occurrences paired; then the longest chain of them in order.
    fn unique_anchors(&self, a0: usize, a1: usize, b0: usize, b1: usize) -> Vec<(usize, usize)> {
        // Per token: its positions in old and in new.
        let mut seen: HashMap<u32, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for i in a0..a1 {
            seen.entry(self.old[i]).or_default().0.push(i);
        }
        for j in b0..b1 {
            if let Some(e) = seen.get_mut(&self.new[j]) {
                e.1.push(j);
            }
        }
        let fewest = seen
            .values()
            .filter(|(o, n)| o.len() == n.len())
            .map(|(o, _)| o.len())
            .min();
        let Some(fewest) = fewest else {
            return Vec::new();
        };
        // Only the rarest words anchor this level; the rest is aligned in the gaps they leave.
        let mut matches: Vec<(usize, usize)> = seen
            .into_values()
            .filter(|(o, n)| o.len() == n.len() && o.len() == fewest)
            .flat_map(|(o, n)| o.into_iter().zip(n))
            .collect();
        matches.sort_unstable();
        longest_increasing_chain(&matches)
    }

    /// A gap without a unique word: Myers' diff if it is small, else nothing is aligned.
    fn small_gap(&mut self, a0: usize, a1: usize, b0: usize, b1: usize) {
        if a1 - a0 > SMALL_GAP || b1 - b0 > SMALL_GAP {
            self.complete = false;
            return;
        }
        let ops = similar::capture_diff_slices(
            similar::Algorithm::Myers,
            &self.old[a0..a1],
            &self.new[b0..b1],
        );
        for op in ops {
            if let similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                for k in 0..len {
                    self.pairs.push((a0 + old_index + k, b0 + new_index + k));
                }
            }
        }
    }
}

/// The longest subsequence of `pairs` (sorted by old index) whose new indices increase.
fn longest_increasing_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Patience sorting: tails[k] = index into pairs of the smallest tail of a chain of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, b)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < b);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        chain.push(pairs[i]);
        at = prev[i];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<u32> {
        text.split_whitespace()
            .map(|w| {
                w.bytes()
                    .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
            })
            .collect()
    }

    fn kept(old: &str, new: &str) -> Vec<(usize, usize)> {
        align(&ids(old), &ids(new)).pairs
    }

    #[test]
    fn an_inserted_word_keeps_every_other_word() {
        assert_eq!(
            kept("a b c d", "a b x c d"),
            vec![(0, 0), (1, 1), (2, 3), (3, 4)]
        );
    }

    #[test]
    fn moved_paragraphs_keep_the_longest_ordered_part() {
        let old = "one two three four five six seven eight";
        let new = "five six seven eight one two three four";
        let pairs = kept(old, new);
        assert_eq!(pairs.len(), 4, "{pairs:?}");
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
    }

    #[test]
    fn repeated_words_between_anchors_are_aligned_by_myers() {
        assert_eq!(
            kept("start the the end", "start the x the end"),
            vec![(0, 0), (1, 1), (2, 3), (3, 4)]
        );
    }

    #[test]
    fn the_same_input_gives_the_same_alignment() {
        let old: Vec<u32> = (0..20_000).map(|i| (i * 7919) % 503).collect();
        let new: Vec<u32> = old.iter().rev().copied().collect();
        let a = align(&old, &new);
        let b = align(&old, &new);
        assert_eq!(a.pairs, b.pairs);
        assert_eq!(a.complete, b.complete);
    }
}

#[cfg(test)]
mod scale_tests {
    use super::*;

    #[test]
    fn a_lightly_edited_synthetic_article_keeps_nearly_every_word() {
        let text = claimdesk_model::synthetic::article_text(1_000_000);
        let edited = format!("Editor's note: corrected. {}", text.replacen("the", "a", 3));
        let hash = |w: &str| {
            w.bytes()
                .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        };
        let old: Vec<u32> = text.split_whitespace().map(hash).collect();
        let new: Vec<u32> = edited.split_whitespace().map(hash).collect();
        let a = align(&old, &new);
        eprintln!(
            "old {} new {} kept {} complete {}",
            old.len(),
            new.len(),
            a.pairs.len(),
            a.complete
        );
        assert!(a.complete);
        assert!(
            a.pairs.len() + 10 >= old.len(),
            "{} of {}",
            a.pairs.len(),
            old.len()
        );
    }
}
