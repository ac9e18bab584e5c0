//! What the user has picked in the article: the text selection and the selected claim. The app
//! reads it to mark, re-attach and delete; the UI changes it only through commands
//! (the `SelectCommand`s of the navigation module).

use std::sync::atomic::{AtomicU64, Ordering};

use claimdesk_model::{ClaimId, Review, Span};

/// A text selection in document char offsets: `anchor` where it started, `head` where it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started (fixed end).
    pub anchor: usize,
    /// Where the selection ends (moving end).
    pub head: usize,
}

impl Selection {
    /// The selection as a sorted half-open range.
    pub fn range(self) -> (usize, usize) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }

    /// True if nothing is selected.
    pub fn is_empty(self) -> bool {
        self.anchor == self.head
    }
}

/// A request to bring a char into view. Each request has its own serial number, so the view
/// serves it once without having to clear it here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScrollRequest {
    /// The char offset to show.
    pub pos: usize,
    /// The last char that should be in view too, if it fits (`pos` for a single char).
    pub last: usize,
    /// Unique in this process.
    pub serial: u64,
}

/// The selection, the selected claim and the last scroll request, shared by the view, the
/// panels and the commands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The current text selection.
    pub selection: Option<Selection>,
    /// The selected claim (its id).
    pub selected_claim: Option<ClaimId>,
    /// The latest request to scroll the article view.
    pub scroll: Option<ScrollRequest>,
    /// Claims picked together in the list (Ctrl-click, Shift-click, Ctrl+A), in text order;
    /// empty unless two or more are picked. A/D/I and Delete then act on all of them.
    pub picked_claims: Vec<ClaimId>,
    /// The selected suggestion (its sentence); A/D/I mark it, X dismisses it.
    pub selected_suggestion: Option<Span>,
}

impl ViewState {
    /// Asks the view to bring char `pos` into view in the next frame.
    pub fn scroll_to(&mut self, pos: usize) {
        self.scroll_to_span(Span::new(pos, pos + 1));
    }

    /// Asks the view to bring `span` into view in the next frame: its start, and its end too
    /// if it fits.
    pub fn scroll_to_span(&mut self, span: Span) {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        self.scroll = Some(ScrollRequest {
            pos: span.start,
            last: span.end.saturating_sub(1).max(span.start),
            serial: NEXT.fetch_add(1, Ordering::Relaxed),
        });
    }

    /// True if A/D/I and Delete act on the picked claims: two or more are picked and no text
    /// is selected.
    pub fn bulk(&self) -> bool {
        self.picked_claims.len() > 1 && !self.has_text_selected()
    }

    /// Selects a claim; selecting one deselects the selected suggestion.
    pub fn select_claim(&mut self, id: Option<ClaimId>) {
        if id.is_some() {
            self.selected_suggestion = None;
        }
        self.selected_claim = id;
    }

    /// True if some text (not just a caret) is selected.
    pub fn has_text_selected(&self) -> bool {
        self.selection.is_some_and(|s| !s.is_empty())
    }

    /// The article text was swapped (an update, its undo or redo): offsets are meaningless
    /// now, so everything but the selected claim is reset.
    pub fn article_swapped(&mut self) {
        *self = Self {
            selected_claim: self.selected_claim.take(),
            ..Self::default()
        };
    }

    /// Forgets the selected and picked claims that are no longer in `review`.
    pub fn forget_missing_claims(&mut self, review: &Review) {
        self.picked_claims.retain(|id| review.claim(id).is_some());
        if let Some(id) = &self.selected_claim
            && review.claim(id).is_none()
        {
            self.selected_claim = None;
        }
    }
}
