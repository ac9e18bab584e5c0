//! Which claims touch which chunk, which underline lane each claim gets so overlapping claims
//! stay visibly distinct, and per chunk a bounded plan of what to draw, however many claims
//! are stacked on one place (fills capped per status, at most [`MAX_LANES`] underlines, and a
//! "+N more" run where more claims overlap than there are lanes).
//!
//! Building is near-linear: lanes come from a heap of free lanes (O(n log n)) and chunk lists
//! from one pass; each chunk's plan is one sorted sweep over its own claims, made the first time
//! the chunk is drawn (a status change then costs the chunks on screen, not the whole article).

use std::cell::OnceCell;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use claimdesk_model::{Claim, ClaimStatus};

use super::chunks::{Chunk, chunk_at};

/// Most underline lanes drawn; claims on deeper lanes are summed up in a "+N more" run.
pub const MAX_LANES: u32 = 3;

/// Most fill layers drawn per status at one place: a deeper stack looks like this many.
pub const MAX_FILL_LAYERS: u32 = 2;

/// Claims per chunk, the lane of each claim, and each chunk's drawing plan.
#[derive(Default)]
pub struct ClaimIndex {
    /// For each chunk, indices into the review's claims that overlap it, in claim order.
    pub per_chunk: Vec<Vec<u32>>,
    /// For each claim, its underline lane (0 = closest to the text). Lanes at or beyond
    /// [`MAX_LANES`] are not drawn.
    pub lanes: Vec<u32>,
    /// For each chunk, what to draw: made when first asked for ([`ClaimIndex::plan`]).
    plans: Vec<OnceCell<ChunkPlan>>,
    /// Per claim, what the lanes and chunk lists were built from: span and whether it is drawn.
    layout: Vec<(usize, usize, bool)>,
    /// Per claim, the status the plans were made with.
    statuses: Vec<ClaimStatus>,
    /// Counts full rebuilds of this view's index.
    build_id: u64,
    /// Per chunk, counts how often its plan was made again since the last rebuild.
    epochs: Vec<u32>,
}

/// What the view draws for one chunk: bounded by the chunk's text, not by its claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChunkPlan {
    /// Fill runs in document chars, in drawing order.
    pub fills: Vec<FillRun>,
    /// Claims drawn with an underline (their lane is below [`MAX_LANES`]), in claim order.
    pub underlined: Vec<u32>,
    /// Runs where claims beyond the drawn lanes overlap.
    pub more: Vec<MoreRun>,
}

/// `[start, end)` filled with a status colour, `layers` times (1..=[`MAX_FILL_LAYERS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FillRun {
    /// First char (document offset).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Whose colour.
    pub status: ClaimStatus,
    /// How many translucent layers.
    pub layers: u32,
}

/// `[start, end)` where at most `hidden` claims overlap beyond the drawn lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoreRun {
    /// First char (document offset).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The most claims not underlined at one place of the run.
    pub hidden: usize,
}

impl ClaimIndex {
    /// Builds the index of `claims` (sorted by start, as a review keeps them) over `chunks`.
    pub fn build(chunks: &[Chunk], claims: &[Claim]) -> Self {
        let lanes = assign_lanes(claims);
        let mut per_chunk = vec![Vec::new(); chunks.len()];
        for (i, claim) in claims.iter().enumerate() {
            if !is_drawn(claim) {
                continue;
            }
            for k in chunks_under(chunks, claim) {
                per_chunk[k].push(i as u32);
            }
        }
        Self {
            plans: vec![OnceCell::new(); chunks.len()],
            per_chunk,
            lanes,
            layout: claims.iter().map(layout_of).collect(),
            statuses: claims.iter().map(|c| c.status).collect(),
            build_id: 0,
            epochs: vec![0; chunks.len()],
        }
    }

    /// Which version of chunk `k`'s plan the index holds: (rebuilds, re-plans of the chunk).
    /// Anything drawn from the plan stays right while this stays the same.
    pub fn version(&self, k: usize) -> (u64, u32) {
        (self.build_id, self.epochs[k])
    }

    /// Brings the index up to date with `claims` after a change. When no claim was added,
    /// removed or moved (a status, a note, a verdict changed), lanes and chunk lists stay and
    /// only the plans of the chunks under a claim whose status changed are made again: a
    /// status change costs one pass over the claims, not a rebuild.
    pub fn update(&mut self, chunks: &[Chunk], claims: &[Claim]) {
        let same_layout = self.plans.len() == chunks.len()
            && self.layout.len() == claims.len()
            && self
                .layout
                .iter()
                .zip(claims)
                .all(|(l, c)| *l == layout_of(c));
        if !same_layout {
            let build_id = self.build_id + 1;
            *self = Self::build(chunks, claims);
            self.build_id = build_id;
            return;
        }
        for (i, claim) in claims.iter().enumerate() {
            if self.statuses[i] == claim.status {
                continue;
            }
            self.statuses[i] = claim.status;
            if !is_drawn(claim) {
                continue;
            }
            for k in chunks_under(chunks, claim) {
                self.plans[k] = OnceCell::new();
                self.epochs[k] += 1;
            }
        }
    }

    /// What to draw for chunk `k` of `chunks`, over the `claims` the index was built from.
    pub fn plan(&self, k: usize, chunks: &[Chunk], claims: &[Claim]) -> &ChunkPlan {
        self.plans[k]
            .get_or_init(|| plan_chunk(&chunks[k], &self.per_chunk[k], claims, &self.lanes))
    }
}

/// The chunks `claim`'s span overlaps, in order (found by binary search, then walked).
fn chunks_under<'c>(chunks: &'c [Chunk], claim: &Claim) -> impl Iterator<Item = usize> + 'c {
    let (start, end) = (claim.span.start, claim.span.end);
    let first = chunk_at(chunks, start);
    (first..chunks.len())
        .take_while(move |&k| chunks[k].start < end)
        .filter(move |&k| chunks[k].end > start)
}

fn layout_of(claim: &Claim) -> (usize, usize, bool) {
    (claim.span.start, claim.span.end, is_drawn(claim))
}

fn is_drawn(claim: &Claim) -> bool {
    !claim.orphaned && !claim.span.is_empty()
}

/// Interval partitioning: each claim takes the lowest lane free at its start. A heap of free
/// lanes and a heap of busy lanes by end keep it O(n log n) whatever the overlap depth.
fn assign_lanes(claims: &[Claim]) -> Vec<u32> {
    let mut lanes = vec![0u32; claims.len()];
    let mut busy: BinaryHeap<Reverse<(usize, u32)>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<u32>> = BinaryHeap::new();
    let mut opened = 0u32;
    for (i, claim) in claims.iter().enumerate() {
        if !is_drawn(claim) {
            continue;
        }
        while let Some(&Reverse((end, lane))) = busy.peek() {
            if end > claim.span.start {
                break;
            }
            busy.pop();
            free.push(Reverse(lane));
        }
        let lane = match free.pop() {
            Some(Reverse(lane)) => lane,
            None => {
                opened += 1;
                opened - 1
            }
        };
        busy.push(Reverse((claim.span.end, lane)));
        lanes[i] = lane;
    }
    lanes
}

/// One sweep over the chunk's claims, clipped to the chunk: status counts give the fill runs,
/// claims on hidden lanes give the "+N more" runs.
fn plan_chunk(chunk: &Chunk, ids: &[u32], claims: &[Claim], lanes: &[u32]) -> ChunkPlan {
    // (position, delta, status slot or HIDDEN).
    const HIDDEN: usize = 3;
    let mut events: Vec<(usize, i32, usize)> = Vec::with_capacity(ids.len() * 2);
    let mut underlined = Vec::new();
    for &i in ids {
        let claim = &claims[i as usize];
        let start = claim.span.start.max(chunk.start);
        let end = claim.span.end.min(chunk.end);
        if start >= end {
            continue;
        }
        let slot = if lanes[i as usize] < MAX_LANES {
            underlined.push(i);
            status_slot(claim.status)
        } else {
            events.push((start, 1, HIDDEN));
            events.push((end, -1, HIDDEN));
            status_slot(claim.status)
        };
        events.push((start, 1, slot));
        events.push((end, -1, slot));
    }
    events.sort_unstable();
    let mut plan = ChunkPlan {
        underlined,
        ..ChunkPlan::default()
    };
    let mut counts = [0i64; 4];
    let mut at = 0;
    let mut k = 0;
    while k < events.len() {
        let pos = events[k].0;
        if pos > at {
            emit_runs(&mut plan, at, pos, &counts);
        }
        while k < events.len() && events[k].0 == pos {
            counts[events[k].2] += i64::from(events[k].1);
            k += 1;
        }
        at = pos;
    }
    plan
}

fn emit_runs(plan: &mut ChunkPlan, start: usize, end: usize, counts: &[i64; 4]) {
    for (slot, &status) in ClaimStatus::ALL.iter().enumerate() {
        let layers = counts[slot].clamp(0, i64::from(MAX_FILL_LAYERS)) as u32;
        if layers == 0 {
            continue;
        }
        match plan.fills.last_mut() {
            Some(last) if last.end == start && last.status == status && last.layers == layers => {
                last.end = end;
            }
            _ => plan.fills.push(FillRun {
                start,
                end,
                status,
                layers,
            }),
        }
    }
    let hidden = counts[3].max(0) as usize;
    if hidden > 0 {
        match plan.more.last_mut() {
            Some(last) if last.end == start => {
                last.end = end;
                last.hidden = last.hidden.max(hidden);
            }
            _ => plan.more.push(MoreRun { start, end, hidden }),
        }
    }
}

fn status_slot(status: ClaimStatus) -> usize {
    ClaimStatus::ALL
        .iter()
        .position(|&s| s == status)
        .expect("every status is in ALL")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::article_view::chunks::chunk_article;
    use claimdesk_model::{Article, ClaimStatus, Span};

    #[test]
    fn overlapping_claims_get_different_lanes_and_span_chunks() {
        let article = Article::new("t", "", "one two three\nfour five".into());
        let chunks = chunk_article(&article);
        let claims = vec![
            Claim::new(&article, Span::new(0, 7), ClaimStatus::Asserted),
            Claim::new(&article, Span::new(4, 18), ClaimStatus::Disputed),
            Claim::new(&article, Span::new(14, 18), ClaimStatus::Asserted),
        ];
        let index = ClaimIndex::build(&chunks, &claims);
        assert_eq!(index.per_chunk[0], vec![0, 1]);
        assert_eq!(index.per_chunk[1], vec![1, 2]);
        assert_eq!(index.lanes, vec![0, 1, 0]);
    }

    #[test]
    fn a_freed_lower_lane_is_reused_before_a_higher_one() {
        let article = Article::new("t", "", "abcdefghijklmnopqrstuvwxyz".into());
        let chunks = chunk_article(&article);
        let spans = [(0, 10), (1, 3), (2, 20), (4, 6), (11, 12)];
        let claims: Vec<Claim> = spans
            .iter()
            .map(|&(a, b)| Claim::new(&article, Span::new(a, b), ClaimStatus::Asserted))
            .collect();
        let index = ClaimIndex::build(&chunks, &claims);
        // (1,3) ends before (4,6) starts: lane 1 is free again; (11,12) finds lane 0 free.
        assert_eq!(index.lanes, vec![0, 1, 2, 1, 0]);
    }

    #[test]
    fn a_deep_stack_draws_bounded_fills_lanes_and_one_more_run() {
        let article = Article::new("t", "", "Chief denies everything here.".into());
        let chunks = chunk_article(&article);
        let mut claims: Vec<Claim> = (0..1000)
            .map(|i| {
                let status = ClaimStatus::ALL[i % 3];
                Claim::new(&article, Span::new(0, 5), status)
            })
            .collect();
        claims.push(Claim::new(
            &article,
            Span::new(6, 12),
            ClaimStatus::Disputed,
        ));
        let index = ClaimIndex::build(&chunks, &claims);
        let plan = index.plan(0, &chunks, &claims);
        assert_eq!(
            plan.underlined.len(),
            4,
            "three lanes on the word, one elsewhere"
        );
        assert_eq!(
            plan.more,
            vec![MoreRun {
                start: 0,
                end: 5,
                hidden: 997
            }]
        );
        let on_word: Vec<_> = plan.fills.iter().filter(|f| f.end <= 5).collect();
        assert_eq!(on_word.len(), 3, "one run per status");
        assert!(on_word.iter().all(|f| f.layers == MAX_FILL_LAYERS));
        assert!(plan.fills.contains(&FillRun {
            start: 6,
            end: 12,
            status: ClaimStatus::Disputed,
            layers: 1
        }));
    }

    #[test]
    fn a_status_change_keeps_lanes_and_replans_only_its_chunks() {
        let article = Article::new("t", "", "one two three\nfour five six\nseven".into());
        let chunks = chunk_article(&article);
        let mut claims = vec![
            Claim::new(&article, Span::new(0, 7), ClaimStatus::Asserted),
            Claim::new(&article, Span::new(4, 18), ClaimStatus::Disputed),
            Claim::new(&article, Span::new(28, 33), ClaimStatus::Asserted),
        ];
        let mut index = ClaimIndex::build(&chunks, &claims);
        for k in 0..chunks.len() {
            index.plan(k, &chunks, &claims);
        }
        claims[2].status = ClaimStatus::UnderInvestigation;
        index.update(&chunks, &claims);
        assert!(
            index.plans[0].get().is_some(),
            "an untouched chunk keeps its plan"
        );
        assert!(
            index.plans[2].get().is_none(),
            "the changed claim's chunk is planned again"
        );
        let statuses: Vec<_> = index
            .plan(2, &chunks, &claims)
            .fills
            .iter()
            .map(|f| f.status)
            .collect();
        assert_eq!(statuses, vec![ClaimStatus::UnderInvestigation]);
        assert_eq!(index.lanes, vec![0, 1, 0]);

        // A moved claim rebuilds everything: lanes follow the new spans.
        claims[2].span = Span::new(2, 6);
        index.update(&chunks, &claims);
        assert_eq!(index.lanes, ClaimIndex::build(&chunks, &claims).lanes);
        assert!(index.plans.iter().all(|p| p.get().is_none()));
    }

    #[test]
    fn fill_runs_follow_the_stack_depth() {
        let article = Article::new("t", "", "0123456789".into());
        let chunks = chunk_article(&article);
        let claims = vec![
            Claim::new(&article, Span::new(0, 6), ClaimStatus::Asserted),
            Claim::new(&article, Span::new(2, 4), ClaimStatus::Asserted),
        ];
        let index = ClaimIndex::build(&chunks, &claims);
        let plan = index.plan(0, &chunks, &claims);
        let runs: Vec<_> = plan
            .fills
            .iter()
            .map(|f| (f.start, f.end, f.layers))
            .collect();
        assert_eq!(runs, vec![(0, 2, 1), (2, 4, 2), (4, 6, 1)]);
        assert!(plan.more.is_empty());
    }
}
