//! Which claims touch which chunk, and which underline lane each claim gets so overlapping
//! claims stay visibly distinct. Rebuilt whenever the claims change (milliseconds at 5,000).

use claimdesk_core::Claim;

use super::chunks::{Chunk, chunk_at};

/// Most underline lanes drawn; deeper nesting reuses the last lane (fills still stack).
pub const MAX_LANES: u8 = 3;

/// Claims per chunk and the lane of each claim.
#[derive(Default)]
pub struct ClaimIndex {
    /// For each chunk, indices into the review's claims that overlap it, in claim order.
    pub per_chunk: Vec<Vec<u32>>,
    /// For each claim, its underline lane (0 = closest to the text).
    pub lanes: Vec<u8>,
}

impl ClaimIndex {
    /// Builds the index of `claims` (sorted by start, as a review keeps them) over `chunks`.
    pub fn build(chunks: &[Chunk], claims: &[Claim]) -> Self {
        let mut per_chunk = vec![Vec::new(); chunks.len()];
        let mut lanes = vec![0u8; claims.len()];
        // End offset of the last claim placed in each lane.
        let mut lane_ends: Vec<usize> = Vec::new();
        for (i, claim) in claims.iter().enumerate() {
            if claim.orphaned || claim.span.is_empty() {
                continue;
            }
            let lane = match lane_ends.iter().position(|&end| end <= claim.span.start) {
                Some(l) => l,
                None => {
                    lane_ends.push(0);
                    lane_ends.len() - 1
                }
            };
            lane_ends[lane] = claim.span.end;
            lanes[i] = (lane as u8).min(MAX_LANES - 1);
            let first = chunk_at(chunks, claim.span.start);
            for (k, chunk) in chunks.iter().enumerate().skip(first) {
                if chunk.start >= claim.span.end {
                    break;
                }
                if chunk.end > claim.span.start {
                    per_chunk[k].push(i as u32);
                }
            }
        }
        Self { per_chunk, lanes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::article_view::chunks::chunk_article;
    use claimdesk_core::{Article, ClaimStatus, Span};

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
}
