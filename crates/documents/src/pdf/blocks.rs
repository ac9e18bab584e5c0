//! Chunks into blocks: lines stacked in one column at one font size, read top to bottom. A
//! chunk joins the block just above it that it overlaps horizontally; a gutter, a change of
//! size or a wide vertical gap starts a new block. Blocks are what reading order arranges.

use super::chunks::Chunk;

/// Lines further apart than this many font sizes (baseline to baseline) are not one block.
const MAX_PITCH: f32 = 1.9;

/// One line of a block.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// Its text.
    pub text: String,
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size.
    pub size: f32,
}

/// Lines of one column, top to bottom.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
    /// Left end of the widest extent.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
}

impl Block {
    /// The top (the first baseline plus the font size).
    pub fn top(&self) -> f32 {
        self.lines.first().map_or(0.0, |l| l.y + l.size)
    }

    /// The bottom (the last baseline less a quarter of the font size).
    pub fn bottom(&self) -> f32 {
        self.lines.last().map_or(0.0, |l| l.y - 0.25 * l.size)
    }

    /// The font size of most of its lines (by characters).
    pub fn size(&self) -> f32 {
        let mut best = (0.0f32, 0usize);
        for line in &self.lines {
            let weight: usize = self
                .lines
                .iter()
                .filter(|o| (o.size - line.size).abs() < 0.05 * line.size)
                .map(|o| o.text.len())
                .sum();
            if weight > best.1 {
                best = (line.size, weight);
            }
        }
        best.0
    }

    fn last(&self) -> &Line {
        &self.lines[self.lines.len() - 1]
    }

    fn add(&mut self, chunk: &Chunk) {
        self.x0 = self.x0.min(chunk.x0);
        self.x1 = self.x1.max(chunk.x1);
        let last = self.lines.len() - 1;
        let line = &mut self.lines[last];
        if (chunk.y - line.y).abs() <= 0.25 * line.size {
            if chunk.x0 >= line.x1 {
                line.text.push(' ');
                line.text.push_str(&chunk.text);
            } else {
                line.text = format!("{} {}", chunk.text, line.text);
            }
            line.x0 = line.x0.min(chunk.x0);
            line.x1 = line.x1.max(chunk.x1);
        } else {
            self.lines.push(line_of(chunk));
        }
    }
}

fn line_of(chunk: &Chunk) -> Line {
    Line {
        text: chunk.text.clone(),
        x0: chunk.x0,
        x1: chunk.x1,
        y: chunk.y,
        size: chunk.size,
    }
}

/// How much of the narrower of two spans the other covers (0 to 1).
pub(crate) fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    let common = a1.min(b1) - a0.max(b0);
    let narrower = (a1 - a0).min(b1 - b0).max(0.1);
    (common / narrower).max(0.0)
}

/// The blocks of a page's chunks.
pub(crate) fn blocks(mut chunks: Vec<Chunk>) -> Vec<Block> {
    chunks.retain(|c| !c.text.is_empty());
    // Top to bottom, then left to right.
    chunks.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut blocks: Vec<Block> = Vec::new();
    for (at, chunk) in chunks.iter().enumerate() {
        let row: Vec<&Chunk> = chunks
            .iter()
            .skip(at.saturating_sub(64))
            .take(128)
            .filter(|o| (o.y - chunk.y).abs() <= 0.25 * chunk.size)
            .collect();
        match best_block(&blocks, chunk, &row) {
            Some(i) => blocks[i].add(chunk),
            None => blocks.push(Block {
                lines: vec![line_of(chunk)],
                x0: chunk.x0,
                x1: chunk.x1,
            }),
        }
    }
    blocks
}

/// The block `chunk` continues: on its last line (within its established width) or just
/// below it, overlapping it, at the same size; the nearest such block. A block whose last line
/// spans several chunks of `chunk`'s `row` (a line across columns) is continued by none.
fn best_block(blocks: &[Block], chunk: &Chunk, row: &[&Chunk]) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, block) in blocks.iter().enumerate() {
        let last = block.last();
        let size = last.size;
        if (chunk.size - size).abs() > 0.12 * size.max(chunk.size) {
            continue;
        }
        let dy = last.y - chunk.y;
        let same_line = dy.abs() <= 0.25 * size;
        let fits = if same_line {
            // A second piece of a line: only inside a column already seen to be that wide.
            block.lines.len() > 1
                && chunk.x0 >= block.x0 - 0.5 * size
                && chunk.x1 <= block.x1 + 0.5 * size
                && chunk.x0 - last.x1 < 3.0 * size
        } else {
            dy > 0.0
                && dy <= MAX_PITCH * size
                && overlap(block.x0, block.x1, chunk.x0, chunk.x1) >= 0.5
                && row
                    .iter()
                    .filter(|o| overlap(last.x0, last.x1, o.x0, o.x1) > 0.0)
                    .count()
                    < 2
                && !crosses_other(blocks, i, chunk)
        };
        if fits && best.is_none_or(|(_, d)| dy.abs() < d) {
            best = Some((i, dy.abs()));
        }
    }
    best.map(|(i, _)| i)
}

/// Whether another block lies between block `i`'s last line and `chunk` (then they are not
/// neighbours).
fn crosses_other(blocks: &[Block], i: usize, chunk: &Chunk) -> bool {
    let above = blocks[i].last().y;
    blocks.iter().enumerate().any(|(j, other)| {
        j != i
            && other.lines.iter().any(|l| {
                l.y < above - 0.25 * l.size
                    && l.y > chunk.y + 0.25 * l.size
                    && overlap(l.x0, l.x1, chunk.x0, chunk.x1) > 0.0
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(text: &str, x0: f32, x1: f32, y: f32) -> Chunk {
        Chunk {
            text: text.into(),
            x0,
            x1,
            y,
            size: 10.0,
            gaps: Vec::new(),
        }
    }

    #[test]
    fn two_columns_become_two_blocks_and_a_line_across_them_its_own() {
        let chunks = vec![
            chunk("Standfirst across both", 0.0, 300.0, 662.0),
            chunk("left one", 0.0, 140.0, 650.0),
            chunk("right one", 160.0, 300.0, 650.0),
            chunk("left two", 0.0, 140.0, 638.0),
            chunk("right two", 160.0, 300.0, 638.0),
        ];
        let blocks = blocks(chunks);
        let texts: Vec<Vec<&str>> = blocks
            .iter()
            .map(|b| b.lines.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["Standfirst across both"],
                vec!["left one", "left two"],
                vec!["right one", "right two"]
            ]
        );
    }
}
