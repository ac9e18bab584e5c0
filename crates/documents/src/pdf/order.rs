//! Reading order of a page's blocks (after T. Breuel, "High Performance Document Layout
//! Analysis", 2003): block A comes before B when they overlap horizontally and A is above, or
//! when A is wholly left of B and no third block lying vertically between them spans both.
//! The blocks are then sorted along these relations (a topological sort that prefers the
//! top-most, left-most ready block), so a column is read to its end before the next one and a
//! line across the columns divides them into bands.

use super::blocks::{Block, overlap};

/// More blocks than this on a page are read top to bottom, left to right.
const MAX_ORDERED: usize = 400;

/// The blocks in reading order.
pub(crate) fn reading_order(blocks: Vec<Block>) -> Vec<Block> {
    let n = blocks.len();
    if n > MAX_ORDERED {
        let mut blocks = blocks;
        blocks.sort_by(|a, b| b.top().total_cmp(&a.top()).then(a.x0.total_cmp(&b.x0)));
        return blocks;
    }
    let before: Vec<Vec<bool>> = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| a != b && comes_before(&blocks, a, b))
                .collect()
        })
        .collect();
    let mut indegree: Vec<usize> = (0..n)
        .map(|b| (0..n).filter(|&a| before[a][b]).count())
        .collect();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        // The top-most, then left-most, ready block; when a cycle leaves none ready (strange
        // layouts), the top-most remaining one.
        let pick = (0..n)
            .filter(|&i| !done[i] && indegree[i] == 0)
            .min_by(|&a, &b| position(&blocks[a], &blocks[b]))
            .or_else(|| {
                (0..n)
                    .filter(|&i| !done[i])
                    .min_by(|&a, &b| position(&blocks[a], &blocks[b]))
            });
        let Some(pick) = pick else { break };
        done[pick] = true;
        order.push(pick);
        for b in 0..n {
            if before[pick][b] && indegree[b] > 0 {
                indegree[b] -= 1;
            }
        }
    }
    let mut slots: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Top-most first (by a line's height), then left-most.
fn position(a: &Block, b: &Block) -> std::cmp::Ordering {
    let tolerance = 0.5 * a.size().max(b.size());
    if (a.top() - b.top()).abs() > tolerance {
        b.top().total_cmp(&a.top())
    } else {
        a.x0.total_cmp(&b.x0)
    }
}

fn comes_before(blocks: &[Block], a: usize, b: usize) -> bool {
    let (ba, bb) = (&blocks[a], &blocks[b]);
    let horizontal =
        overlap(ba.x0, ba.x1, bb.x0, bb.x1) > 0.0 && ba.x1.min(bb.x1) - ba.x0.max(bb.x0) > 1.0;
    if horizontal {
        return ba.top() > bb.top() + 0.25 * ba.size().max(bb.size());
    }
    if ba.x1 > bb.x0 {
        return false;
    }
    // A is left of B: unless a block between them vertically spans both.
    let (upper, lower) = if ba.top() >= bb.top() {
        (ba, bb)
    } else {
        (bb, ba)
    };
    !blocks.iter().enumerate().any(|(c, bc)| {
        c != a
            && c != b
            && bc.top() <= upper.bottom() + 0.1
            && bc.bottom() >= lower.top() - 0.1
            && bc.x0 < ba.x1
            && bc.x1 > bb.x0
    })
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Line;
    use super::*;

    fn block(name: &str, x0: f32, x1: f32, top: f32, bottom: f32) -> Block {
        let line = |y: f32| Line {
            text: name.into(),
            x0,
            x1,
            y,
            size: 10.0,
        };
        Block {
            lines: vec![line(top - 10.0), line(bottom + 2.5)],
            x0,
            x1,
        }
    }

    fn names(blocks: Vec<Block>) -> Vec<String> {
        blocks
            .into_iter()
            .map(|b| b.lines[0].text.clone())
            .collect()
    }

    #[test]
    fn columns_are_read_one_after_the_other_under_a_headline() {
        let blocks = vec![
            block("right top", 160.0, 300.0, 650.0, 500.0),
            block("left top", 0.0, 140.0, 650.0, 560.0),
            block("headline", 0.0, 300.0, 700.0, 680.0),
            block("left bottom", 0.0, 140.0, 540.0, 100.0),
            block("right bottom", 160.0, 300.0, 480.0, 100.0),
        ];
        assert_eq!(
            names(reading_order(blocks)),
            [
                "headline",
                "left top",
                "left bottom",
                "right top",
                "right bottom"
            ]
        );
    }

    #[test]
    fn a_figure_across_both_columns_divides_them_into_bands() {
        let blocks = vec![
            block("left above", 0.0, 140.0, 700.0, 420.0),
            block("right above", 160.0, 300.0, 700.0, 420.0),
            block("across", 0.0, 300.0, 400.0, 350.0),
            block("left below", 0.0, 140.0, 330.0, 100.0),
            block("right below", 160.0, 300.0, 330.0, 100.0),
        ];
        assert_eq!(
            names(reading_order(blocks)),
            [
                "left above",
                "right above",
                "across",
                "left below",
                "right below"
            ]
        );
    }
}
