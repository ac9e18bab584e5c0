//! Selecting and moving through the article: the selection and the selected claim as the view
//! and the lists set them ([`SelectCommand`]), the next or previous claim (J / K), the next
//! claim still under investigation (U), whole sentences (S), and several claims picked at once.
//!
//! Claims are visited in the review's text order (start, then end, then id — see
//! `Claim::sort_key`), so overlapping and nested claims have one well-defined order. Orphaned
//! claims have no place in the text and are skipped.

use claimdesk_model::{Claim, ClaimId, ClaimStatus};

use super::view::Selection;
use super::{OpenReview, Shared};

/// What the view, the lists and the review keys ask of the selection.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCommand {
    /// Replace the text selection (`None`: nothing selected).
    Text(Option<Selection>),
    /// Select a claim (`None`: no claim selected).
    Claim(Option<ClaimId>),
    /// Bring this char of the article into view.
    ScrollTo(usize),
    /// Pick these claims together (two or more; fewer: just select the last one).
    PickClaims(Vec<ClaimId>),
    /// Select the next / previous claim in text order, or the next one under investigation.
    Step(ClaimStep),
    /// Select the sentence around the caret, or grow the selection to whole sentences.
    Sentence,
}

/// Applies a selection command to the open review.
pub fn apply(open: &mut OpenReview, command: SelectCommand, shared: &mut Shared) {
    let view = &mut open.view;
    match command {
        SelectCommand::Text(selection) => view.selection = selection,
        SelectCommand::Claim(id) => {
            view.select_claim(id);
            view.picked_claims.clear();
        }
        SelectCommand::ScrollTo(pos) => view.scroll_to(pos),
        SelectCommand::PickClaims(ids) => {
            if let Some(last) = ids.last() {
                view.selected_claim = Some(last.clone());
            }
            view.picked_claims = if ids.len() > 1 { ids } else { Vec::new() };
        }
        SelectCommand::Step(step) => step_claim(open, step, shared),
        SelectCommand::Sentence => select_sentence(open, shared),
    }
}

/// Which way to step through matches or suggestions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The next one, wrapping around.
    Forward,
    /// The previous one, wrapping around.
    Backward,
}

impl Direction {
    /// The position this step lands on among `n` (wrapping around) from `current`; with none
    /// current, the first (or the last). `None` when there are none.
    pub fn step(self, current: Option<usize>, n: usize) -> Option<usize> {
        if n == 0 {
            return None;
        }
        Some(match (current, self) {
            (None, Direction::Forward) => 0,
            (None, Direction::Backward) => n - 1,
            (Some(i), Direction::Forward) => (i + 1) % n,
            (Some(i), Direction::Backward) => (i + n - 1) % n,
        })
    }
}

/// Which claim a navigation key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimStep {
    /// The next claim in text order (J).
    Next,
    /// The previous claim in text order (K).
    Previous,
    /// The next claim still under investigation, wrapping around (U).
    NextOpen,
}

/// Where navigation starts: a selected claim (its index in text order) or a caret position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavOrigin {
    /// The claim at this index of `Review::claims()` is selected.
    Claim(usize),
    /// No claim is selected; the caret (or the selection's start) is at this char.
    Caret(usize),
}

/// The index of the claim `step` lands on among `claims` (in text order) from `origin`, or
/// `None` if there is none that way. A caret sits before the claims that start at it.
pub fn step_target(claims: &[Claim], origin: NavOrigin, step: ClaimStep) -> Option<usize> {
    let placed = |i: &usize| !claims[*i].orphaned;
    match (step, origin) {
        (ClaimStep::Next, NavOrigin::Claim(i)) => (i + 1..claims.len()).find(placed),
        (ClaimStep::Next, NavOrigin::Caret(p)) => {
            let from = claims.partition_point(|c| c.span.start < p);
            (from..claims.len()).find(placed)
        }
        (ClaimStep::Previous, NavOrigin::Claim(i)) => (0..i).rev().find(placed),
        (ClaimStep::Previous, NavOrigin::Caret(p)) => {
            let before = claims.partition_point(|c| c.span.start < p);
            (0..before).rev().find(placed)
        }
        (ClaimStep::NextOpen, origin) => {
            let first = match origin {
                NavOrigin::Claim(i) => i + 1,
                NavOrigin::Caret(p) => claims.partition_point(|c| c.span.start < p),
            };
            let n = claims.len();
            (0..n)
                .map(|k| (first + k) % n)
                .find(|&i| placed(&i) && claims[i].status == ClaimStatus::UnderInvestigation)
        }
    }
}

/// Selects the claim `step` asks for, puts the caret at its start and scrolls it into view;
/// tells the user when there is none.
fn step_claim(open: &mut OpenReview, step: ClaimStep, shared: &mut Shared) {
    let claims = open.doc.review().claims();
    let view = &mut open.view;
    let selected = view
        .selected_claim
        .as_ref()
        .and_then(|id| claims.iter().position(|c| &c.id == id));
    let origin = match (selected, view.selection) {
        (Some(i), _) => NavOrigin::Claim(i),
        (None, Some(sel)) => NavOrigin::Caret(sel.range().0),
        (None, None) => NavOrigin::Caret(0),
    };
    let Some(i) = step_target(claims, origin, step) else {
        shared.notices.info(match step {
            ClaimStep::Next => "No claim after this one.",
            ClaimStep::Previous => "No claim before this one.",
            ClaimStep::NextOpen => "No claim is under investigation any more.",
        });
        return;
    };
    let claim = &claims[i];
    let start = claim.span.start;
    view.selected_claim = Some(claim.id.clone());
    view.picked_claims.clear();
    view.selection = Some(Selection {
        anchor: start,
        head: start,
    });
    view.scroll_to(start);
}

/// Selects the sentence around the caret, or grows the selection to whole sentences.
fn select_sentence(open: &mut OpenReview, shared: &mut Shared) {
    let Some(sel) = open.view.selection else {
        shared
            .notices
            .info("Click in the article first: S selects the sentence around the caret.");
        return;
    };
    let (a, b) = sel.range();
    let text = open.doc.review().article.text();
    if let Some(span) = claimdesk_model::sentences::sentence_bounds(text, a, b) {
        open.view.selection = Some(Selection {
            anchor: span.start,
            head: span.end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk_model::{Article, Review, Span};

    /// Claims on "aaaa bbbb cccc dddd": nested, overlapping and equal-start spans.
    fn claims(spans: &[(usize, usize, ClaimStatus)]) -> Vec<Claim> {
        let article = Article::new("t", "t", "aaaa bbbb cccc dddd eeee".into());
        let claims = spans
            .iter()
            .map(|&(a, b, s)| Claim::new(&article, Span::new(a, b), s))
            .collect();
        Review::with_claims(article, claims).claims().to_vec()
    }

    fn walk(claims: &[Claim], step: ClaimStep, from: NavOrigin) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut origin = from;
        while let Some(i) = step_target(claims, origin, step) {
            if out.len() > claims.len() {
                break;
            }
            out.push((claims[i].span.start, claims[i].span.end));
            origin = NavOrigin::Claim(i);
        }
        out
    }

    #[test]
    fn j_and_k_visit_overlapping_and_nested_claims_by_start_then_end() {
        use ClaimStatus::*;
        let cs = claims(&[
            (5, 14, Asserted),  // "bbbb cccc" contains …
            (5, 9, Disputed),   // … "bbbb" (same start, shorter: first)
            (10, 19, Asserted), // overlaps the first
            (0, 24, Disputed),  // the whole text contains them all
            (15, 19, Asserted),
        ]);
        let forward = walk(&cs, ClaimStep::Next, NavOrigin::Caret(0));
        assert_eq!(forward, [(0, 24), (5, 9), (5, 14), (10, 19), (15, 19)]);
        let mut backward = walk(&cs, ClaimStep::Previous, NavOrigin::Caret(24));
        backward.reverse();
        assert_eq!(backward, forward);
        // From a caret inside "bbbb": the next claim starts at or after it.
        assert_eq!(
            step_target(&cs, NavOrigin::Caret(6), ClaimStep::Next),
            Some(3)
        );
        assert_eq!(
            step_target(&cs, NavOrigin::Caret(5), ClaimStep::Next),
            Some(1)
        );
        assert_eq!(
            step_target(&cs, NavOrigin::Caret(5), ClaimStep::Previous),
            Some(0)
        );
        assert_eq!(step_target(&cs, NavOrigin::Claim(4), ClaimStep::Next), None);
    }

    #[test]
    fn u_wraps_to_the_next_open_claim_and_skips_orphans() {
        use ClaimStatus::*;
        let mut cs = claims(&[
            (0, 4, UnderInvestigation),
            (5, 9, Asserted),
            (10, 14, UnderInvestigation),
            (15, 19, UnderInvestigation),
        ]);
        cs[3].orphaned = true;
        let u = |o| step_target(&cs, o, ClaimStep::NextOpen);
        assert_eq!(u(NavOrigin::Claim(0)), Some(2));
        assert_eq!(u(NavOrigin::Claim(2)), Some(0), "wraps, past the orphan");
        assert_eq!(u(NavOrigin::Caret(20)), Some(0));
        assert_eq!(u(NavOrigin::Caret(1)), Some(2));
        let done = claims(&[(0, 4, Asserted), (5, 9, Disputed)]);
        assert_eq!(
            step_target(&done, NavOrigin::Caret(0), ClaimStep::NextOpen),
            None
        );
    }
}
