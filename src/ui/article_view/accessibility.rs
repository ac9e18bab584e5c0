//! What the article view tells screen readers beyond its text: where the caret and the
//! selection are (in the chunk that holds the caret), and which claim is selected or, with none
//! selected, which claim the caret is in.

use claimdesk_model::Claim;
use egui::text::{CCursor, CCursorRange};

use super::chunks::Chunk;
use crate::app::Selection;

/// The selection as a range of `chunk`'s own chars, if the caret (the selection's moving end)
/// is in that chunk; the fixed end is clamped to the chunk (AccessKit places a selection in
/// one text node here). A caret at a chunk's end belongs to it only if a line break follows,
/// so a caret between two chunks of one paragraph is in exactly one of them.
pub fn cursor_range_in(sel: Selection, chunk: &Chunk) -> Option<CCursorRange> {
    let holds_head =
        (chunk.start..chunk.end).contains(&sel.head) || (sel.head == chunk.end && chunk.ends_line);
    if !holds_head {
        return None;
    }
    let local = |c: usize| CCursor::new(c.clamp(chunk.start, chunk.end) - chunk.start);
    Some(CCursorRange::two(local(sel.anchor), local(sel.head)))
}

/// A claim as a screen reader announces it: `what` ("Selected claim"), status, claimant and
/// quote.
pub fn claim_description(what: &str, claim: &Claim) -> String {
    let mut text = format!("{what}, {}", claim.status.label().to_lowercase());
    if !claim.claimant.is_empty() {
        text.push_str(", by ");
        text.push_str(&claim.claimant);
    }
    if claim.orphaned {
        text.push_str(", orphaned");
    }
    text.push_str(": “");
    text.push_str(&claim.quote);
    text.push('”');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(start: usize, end: usize, ends_line: bool) -> Chunk {
        Chunk {
            start,
            end,
            byte_start: start,
            byte_end: end,
            ends_line,
            rtl: false,
        }
    }

    #[test]
    fn the_chunk_with_the_caret_gets_the_selection_in_its_own_chars() {
        let first = chunk(0, 10, false);
        let second = chunk(10, 20, true);
        let sel = Selection {
            anchor: 4,
            head: 14,
        };
        assert!(cursor_range_in(sel, &first).is_none());
        let range = cursor_range_in(sel, &second).unwrap();
        assert_eq!((range.secondary.index.0, range.primary.index.0), (0, 4));

        let at_boundary = Selection {
            anchor: 10,
            head: 10,
        };
        assert!(cursor_range_in(at_boundary, &first).is_none());
        assert!(cursor_range_in(at_boundary, &second).is_some());
        let at_end = Selection {
            anchor: 20,
            head: 20,
        };
        let range = cursor_range_in(at_end, &second).unwrap();
        assert_eq!(range.primary.index.0, 10, "the end of a line holds a caret");
    }
}
