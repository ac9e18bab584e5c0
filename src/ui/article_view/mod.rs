//! The article view: the article as a reading column, claims highlighted by status, selection
//! by mouse, scrolling that stays fast on megabyte articles.
//!
//! Only the chunks in view are laid out (egui memoises each layout for as long as it is used).
//! Highlights, underlines and the selection are one mesh painted under the glyphs, so a status
//! change repaints but never relayouts. Selection lives in document char offsets.

mod accessibility;
mod caret;
pub mod chunks;
pub mod claim_index;
mod compare_cues;
mod highlights;
mod suggestion_cues;

use std::collections::HashMap;
use std::sync::Arc;

use claimdesk_model::sentences::sentence_bounds;
use claimdesk_model::{ClaimId, Review};
use egui::epaint::Mesh;
use egui::text::{CharIndex, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Shape, pos2, vec2};

use crate::app::open_review::claims::ClaimCommand;
use crate::app::open_review::navigation::SelectCommand;
pub use crate::app::{Command, OpenReview, Selection, ViewState};
use crate::ui::bidi_layout;
use crate::ui::theme;
use chunks::{Chunk, chunk_article, chunk_at};
use claim_index::ClaimIndex;
use highlights::{HighlightCache, chunk_mesh};

/// Text size of the article, in points.
pub const FONT_SIZE: f32 = 17.0;
/// Line height as a multiple of the font size: room for underline lanes and easy reading.
pub const LINE_SPACING: f32 = 1.6;
/// Widest reading column, in points.
pub const MAX_COLUMN: f32 = 720.0;
/// Space left and right of the column.
const MARGIN: f32 = 24.0;
/// Width of the scroll bar.
const SCROLLBAR: f32 = 12.0;

/// A chunk drawn in the last frame, where, and its galley (geometry only; never repainted).
struct Placed {
    chunk: usize,
    pos: Pos2,
    galley: Arc<Galley>,
}

/// The view's own state for one article text (UI-only: rebuilt when the text changes).
pub struct ArticleView {
    article_generation: u64,
    served_scroll: Option<u64>,
    chunks: Vec<Chunk>,
    index: ClaimIndex,
    index_generation: Option<u64>,
    highlights: HighlightCache,
    heights: Vec<f32>,
    measured: Vec<bool>,
    layout_width: f32,
    top: usize,
    offset: f32,
    top_char: usize,
    placed: Vec<Placed>,
    viewport: Rect,
    /// The column's left edge and the text area in the last frame (for the suggestion and
    /// compare cues).
    column: (f32, Rect),
    /// The view's response in the last frame (hover and clicks for the suggestion cues).
    response: Option<egui::Response>,
    /// Chunks with right-to-left text, as laid out with bidi (by chunk index).
    bidi: HashMap<usize, bidi_layout::BidiChunk>,
}

impl ArticleView {
    /// Prepares the view of `review`'s article, whose text has `article_generation` (chunking
    /// costs about 1 ms per MB).
    pub fn new(review: &Review, article_generation: u64) -> Self {
        let chunks = chunk_article(&review.article);
        let n = chunks.len();
        Self {
            article_generation,
            served_scroll: None,
            chunks,
            index: ClaimIndex::default(),
            index_generation: None,
            highlights: HighlightCache::default(),
            heights: vec![0.0; n],
            measured: vec![false; n],
            layout_width: 0.0,
            top: 0,
            offset: 0.0,
            top_char: 0,
            placed: Vec::new(),
            viewport: Rect::NOTHING,
            column: (0.0, Rect::NOTHING),
            response: None,
            bidi: HashMap::new(),
        }
    }

    /// The article generation this view was built for.
    pub fn article_generation(&self) -> u64 {
        self.article_generation
    }

    /// Screen rectangle of char `pos` if it was drawn in the last frame.
    pub fn char_rect(&self, pos: usize) -> Option<Rect> {
        let (placed, row, glyph) = self.glyph_of(pos)?;
        let g = &row.glyphs[glyph];
        let x = row.pos.x + g.pos.x;
        let r = Rect::from_min_max(pos2(x, row.min_y()), pos2(x + g.advance_width, row.max_y()));
        Some(r.translate(placed.pos.to_vec2()))
    }

    /// Where document char `pos` was drawn last frame: its chunk's placement, row and glyph.
    fn glyph_of(&self, pos: usize) -> Option<(&Placed, &egui::epaint::text::PlacedRow, usize)> {
        let placed = self.placed.iter().find(|p| {
            let c = &self.chunks[p.chunk];
            c.start <= pos && pos < c.end
        })?;
        let mut local = pos - self.chunks[placed.chunk].start;
        for row in &placed.galley.rows {
            if local < row.glyphs.len() {
                return Some((placed, row, local));
            }
            local -= row.glyphs.len() + usize::from(row.ends_with_newline);
        }
        None
    }

    /// The glyph drawn for document char `pos` in the last frame, if it was on screen.
    pub fn drawn_char(&self, pos: usize) -> Option<char> {
        self.glyph_of(pos)
            .map(|(_, row, glyph)| row.glyphs[glyph].chr)
    }

    /// How many per-chunk highlight meshes this view has built (a steady frame builds none).
    pub fn highlight_meshes_built(&self) -> usize {
        self.highlights.built()
    }

    /// The range of chars drawn in the last frame.
    pub fn visible_chars(&self) -> Option<(usize, usize)> {
        let first = self.placed.first()?;
        let last = self.placed.last()?;
        Some((self.chunks[first.chunk].start, self.chunks[last.chunk].end))
    }

    /// Shows the view of `open` in all of `ui`'s available space, with its selection. What the
    /// user changes (selection, selected claim) and asks for (mark, delete) goes to `commands`.
    /// Returns the view's widget id.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        open: &OpenReview,
        commands: &mut impl Extend<Command>,
    ) -> egui::Id {
        let (review, shared) = (open.review(), &open.view);
        let claims_generation = open.doc().generation();
        // A working copy: this frame paints what the pointer did in it; the app gets the
        // change as commands.
        let mut state = shared.clone();
        let mut actions = Vec::new();
        let mut scroll_to = shared
            .scroll
            .filter(|r| self.served_scroll != Some(r.serial))
            .map(|r| {
                self.served_scroll = Some(r.serial);
                (r.pos, r.last)
            });
        if self.index_generation != Some(claims_generation) {
            self.index.update(&self.chunks, review.claims());
            self.index_generation = Some(claims_generation);
        }
        let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
        self.viewport = rect;
        let text_area = Rect::from_min_max(rect.min, pos2(rect.right() - SCROLLBAR, rect.bottom()));
        let col_w = (text_area.width() - 2.0 * MARGIN).clamp(80.0, MAX_COLUMN);
        let col_x = (text_area.center().x - col_w / 2.0).round();

        if (col_w - self.layout_width).abs() > 0.5 {
            self.set_width(ui, review, col_w);
        }

        let id = ui.scope_id().with("article_view");
        let resp = ui.interact(text_area, id, Sense::click_and_drag());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text"));

        let has_keys = !ui.ctx().text_edit_focused()
            && ui.memory(|m| m.focused().is_none() || m.has_focus(id));
        if resp.has_focus() {
            // The arrows move the caret, not the keyboard focus.
            let arrows = egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(id, arrows));
        }
        let arrows_scroll = shared.selection.is_none();
        self.handle_scrolling(ui, review, &resp, text_area, &mut scroll_to, arrows_scroll);
        self.layout_visible(ui, review, text_area, col_x);
        self.handle_pointer(ui, review, &resp, &mut state);
        self.handle_caret_keys(ui, review, has_keys, &mut state, (text_area, col_x));
        context_menu(review, &resp, &state, &mut actions);
        copy_on_request(ui, review, &state);
        self.paint(ui, review, text_area, &state);
        self.expose_to_accessibility(ui, id, review, &state);
        self.paint_scrollbar(ui, review, rect, text_area.height());
        self.top_char = self.char_at_top();
        self.column = (col_x, text_area);
        self.response = Some(resp);

        if state.selection != shared.selection {
            commands.extend([SelectCommand::Text(state.selection).into()]);
        }
        if state.selected_claim != shared.selected_claim {
            commands.extend([SelectCommand::Claim(state.selected_claim.clone()).into()]);
        }
        commands.extend(actions);
        id
    }

    fn font() -> FontId {
        FontId::proportional(FONT_SIZE)
    }

    /// Space below a chunk: a paragraph gap after a line, a blank line's own small height.
    fn gap_after(chunk: &Chunk) -> f32 {
        if chunk.ends_line {
            FONT_SIZE * 0.5
        } else {
            0.0
        }
    }

    /// Height of a chunk whose galley is `galley_h` tall. Blank lines take half a line, so
    /// "\n\n" between paragraphs reads as one clear gap.
    fn chunk_height(chunk: &Chunk, galley_h: f32) -> f32 {
        if chunk.is_empty() {
            FONT_SIZE * 0.5
        } else {
            galley_h + Self::gap_after(chunk)
        }
    }

    fn estimate(&self, chunk: &Chunk) -> f32 {
        let row = FONT_SIZE * LINE_SPACING;
        let per_row = (self.layout_width / (FONT_SIZE * 0.47)).max(1.0);
        let rows = (chunk.len() as f32 / per_row).ceil();
        Self::chunk_height(chunk, rows * row)
    }

    fn set_width(&mut self, ui: &egui::Ui, review: &Review, width: f32) {
        self.layout_width = width;
        for k in 0..self.chunks.len() {
            self.heights[k] = self.estimate(&self.chunks[k]);
            self.measured[k] = false;
        }
        // Keep the char that was at the top at the top.
        if self.top < self.chunks.len() {
            let galley = self.layout(ui, review, self.top);
            let local = self.top_char.saturating_sub(self.chunks[self.top].start);
            self.offset = row_top_of(&galley, local);
        }
    }

    /// Lays out chunk `k` (memoised by egui; with bidi, by this view) and records its true
    /// height.
    fn layout(&mut self, ui: &egui::Ui, review: &Review, k: usize) -> Arc<Galley> {
        let chunk = self.chunks[k];
        let text = &review.article.text()[chunk.byte_start..chunk.byte_end];
        let format = TextFormat {
            font_id: Self::font(),
            color: Color32::PLACEHOLDER,
            line_height: Some((FONT_SIZE * LINE_SPACING).round()),
            ..Default::default()
        };
        let mut job = LayoutJob::single_section(text.to_owned(), format.clone());
        job.wrap.max_width = self.layout_width;
        let mut galley = ui.fonts_mut(|f| f.layout_job(job));
        if chunk.rtl {
            let width = self.layout_width;
            let fresh = self
                .bidi
                .get(&k)
                .is_some_and(|b| b.width == width && Arc::ptr_eq(&b.source, &galley));
            if !fresh {
                let laid = bidi_layout::layout(text, &format, width, galley, &mut |job| {
                    ui.fonts_mut(|f| f.layout_job(job))
                });
                self.bidi.insert(k, laid);
            }
            galley = self.bidi[&k].galley.clone();
        }
        self.heights[k] = Self::chunk_height(&chunk, galley.size().y);
        self.measured[k] = true;
        galley
    }

    fn height(&mut self, ui: &egui::Ui, review: &Review, k: usize) -> f32 {
        if !self.measured[k] {
            self.layout(ui, review, k);
        }
        self.heights[k]
    }

    /// Moves `top`/`offset` so that `offset` lies inside the top chunk.
    fn normalise_scroll(&mut self, ui: &egui::Ui, review: &Review) {
        while self.offset < 0.0 && self.top > 0 {
            self.top -= 1;
            self.offset += self.height(ui, review, self.top);
        }
        if self.offset < 0.0 {
            self.offset = 0.0;
        }
        while self.top + 1 < self.chunks.len() {
            let h = self.height(ui, review, self.top);
            if self.offset < h {
                break;
            }
            self.offset -= h;
            self.top += 1;
        }
    }

    /// Scrolls so the text ends at the bottom of the view rather than leaving empty space.
    fn clamp_to_end(&mut self, ui: &egui::Ui, review: &Review, view_h: f32) {
        let mut below = -self.offset;
        for k in self.top..self.chunks.len() {
            below += self.height(ui, review, k);
            if below >= view_h {
                return;
            }
        }
        self.offset -= view_h - below;
        self.normalise_scroll(ui, review);
    }

    fn handle_scrolling(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        resp: &egui::Response,
        area: Rect,
        scroll_to: &mut Option<(usize, usize)>,
        arrows_scroll: bool,
    ) {
        let view_h = area.height();
        let row = FONT_SIZE * LINE_SPACING;
        let mut delta = 0.0;
        if ui.rect_contains_pointer(self.viewport) {
            delta -= ui.input(|i| i.smooth_scroll_delta.y);
        }
        if !ui.ctx().text_edit_focused()
            && ui.memory(|m| m.focused().is_none() || m.has_focus(resp.id))
        {
            ui.input(|i| {
                use egui::Key;
                // With a caret, the arrows and the page keys move it (see `caret.rs`).
                let page_down = arrows_scroll && i.key_pressed(Key::PageDown);
                let page_up = arrows_scroll && i.key_pressed(Key::PageUp);
                if page_down || (i.key_pressed(Key::Space) && !i.modifiers.shift) {
                    delta += view_h - row;
                }
                if page_up || (i.key_pressed(Key::Space) && i.modifiers.shift) {
                    delta -= view_h - row;
                }
                if arrows_scroll && i.key_pressed(Key::ArrowDown) {
                    delta += row;
                }
                if arrows_scroll && i.key_pressed(Key::ArrowUp) {
                    delta -= row;
                }
                if i.key_pressed(Key::Home) && i.modifiers.command {
                    *scroll_to = Some((0, 0));
                }
                if i.key_pressed(Key::End) && i.modifiers.command {
                    *scroll_to = Some((usize::MAX, usize::MAX));
                }
            });
        }
        // Dragging a selection past the edges scrolls.
        if resp.dragged()
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            if p.y < area.top() {
                delta -= (area.top() - p.y).min(80.0) * 0.5;
            } else if p.y > area.bottom() {
                delta += (p.y - area.bottom()).min(80.0) * 0.5;
            }
            if delta != 0.0 {
                ui.ctx().request_repaint();
            }
        }
        if let Some(target) = scroll_to.take() {
            self.scroll_to_char(ui, review, target, view_h);
        }
        if delta != 0.0 {
            self.offset += delta;
        }
        self.normalise_scroll(ui, review);
        self.clamp_to_end(ui, review, view_h);
    }

    /// Puts char `pos` about a third of the way down the view, unless it and char `last` are
    /// both in view already.
    fn scroll_to_char(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        (pos, last): (usize, usize),
        view_h: f32,
    ) {
        if self.chunks.is_empty() {
            return;
        }
        if pos == usize::MAX {
            self.top = self.chunks.len() - 1;
            self.offset = self.height(ui, review, self.top);
            return;
        }
        let in_view = |c: usize| {
            self.char_rect(c).is_some_and(|r| {
                r.top() >= self.viewport.top() + 4.0 && r.bottom() <= self.viewport.bottom() - 4.0
            })
        };
        if in_view(pos) && in_view(last) {
            return;
        }
        let k = chunk_at(&self.chunks, pos);
        let galley = self.layout(ui, review, k);
        let local = pos.saturating_sub(self.chunks[k].start);
        self.top = k;
        self.offset = row_top_of(&galley, local) - (view_h / 3.0).round();
    }

    fn layout_visible(&mut self, ui: &egui::Ui, review: &Review, area: Rect, col_x: f32) {
        self.placed.clear();
        let mut y = area.top() - self.offset;
        let mut k = self.top;
        while k < self.chunks.len() && y < area.bottom() {
            let galley = self.layout(ui, review, k);
            let pos = pos2(col_x, y.round());
            y += self.heights[k];
            self.placed.push(Placed {
                chunk: k,
                pos,
                galley,
            });
            k += 1;
        }
        // Bidi layouts are kept for the chunks on screen only.
        let placed = &self.placed;
        self.bidi
            .retain(|k, _| placed.iter().any(|p| p.chunk == *k));
    }

    fn char_at_top(&self) -> usize {
        let Some(first) = self.placed.first() else {
            return 0;
        };
        let local = first
            .galley
            .cursor_from_pos(vec2(0.0, self.offset.max(0.0)))
            .index
            .0;
        self.chunks[first.chunk].start + local
    }

    /// The document char nearest to screen point `p` (by the last frame's layout).
    pub fn char_at(&self, p: Pos2) -> Option<usize> {
        let first = self.placed.first()?;
        if p.y < first.pos.y {
            return Some(self.chunks[first.chunk].start);
        }
        for placed in &self.placed {
            let chunk = &self.chunks[placed.chunk];
            if p.y < placed.pos.y + self.heights[placed.chunk] {
                let local = self.boundary_in(placed, p - placed.pos);
                return Some(chunk.start + local.min(chunk.len()));
            }
        }
        let last = self.placed.last()?;
        Some(self.chunks[last.chunk].end)
    }

    /// The chunk-local boundary nearest to `local` (relative to the chunk's galley): egui's
    /// own hit test, or for a chunk laid out with bidi, the nearest glyph edge on its row.
    fn boundary_in(&self, placed: &Placed, local: egui::Vec2) -> usize {
        let Some(bidi) = self.bidi.get(&placed.chunk) else {
            return placed.galley.cursor_from_pos(local).index.0;
        };
        let rows = &placed.galley.rows;
        let mut row_start = 0;
        for (i, row) in rows.iter().enumerate() {
            if local.y < row.max_y() || i + 1 == rows.len() {
                return bidi_layout::boundary_at(bidi, row, row_start, local.x);
            }
            row_start += row.glyphs.len();
        }
        0
    }

    /// True if document char `pos` is drawn right to left (last frame's layout).
    fn drawn_rtl(&self, pos: usize) -> bool {
        let k = chunk_at(&self.chunks, pos);
        self.bidi
            .get(&k)
            .and_then(|b| b.rtl.get(pos - self.chunks[k].start))
            .copied()
            .unwrap_or(false)
    }

    /// True if the paragraph holding char `pos` reads right to left.
    fn paragraph_rtl(&self, pos: usize) -> bool {
        let k = chunk_at(&self.chunks, pos);
        self.bidi.get(&k).is_some_and(|b| b.base_rtl)
    }

    /// The document char whose glyph is under screen point `p`, or `None` over a margin or a
    /// gap. Selection wants the nearest boundary between chars ([`ArticleView::char_at`]); a click
    /// on a highlight means the glyph itself.
    pub fn char_under(&self, p: Pos2) -> Option<usize> {
        // A blank line's galley is a full row tall but the chunk only takes half a line.
        let placed = self.placed.iter().find(|pl| {
            let y = p.y - pl.pos.y;
            !self.chunks[pl.chunk].is_empty() && (0.0..pl.galley.size().y).contains(&y)
        })?;
        let local = p - placed.pos;
        let mut index = self.chunks[placed.chunk].start;
        for row in &placed.galley.rows {
            if (row.min_y()..row.max_y()).contains(&local.y) {
                return row.glyphs.iter().enumerate().find_map(|(i, g)| {
                    let x0 = row.pos.x + g.pos.x;
                    (x0..x0 + g.advance_width)
                        .contains(&local.x)
                        .then_some(index + i)
                });
            }
            index += row.glyphs.len() + usize::from(row.ends_with_newline);
        }
        None
    }

    fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        resp: &egui::Response,
        state: &mut ViewState,
    ) {
        let shift = ui.input(|i| i.modifiers.shift);
        if resp.drag_started()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
            && let Some(c) = self.char_at(origin)
        {
            let anchor = match state.selection {
                Some(sel) if shift => sel.anchor,
                _ => c,
            };
            state.selection = Some(Selection { anchor, head: c });
            resp.request_focus();
        }
        if resp.dragged()
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
            && let Some(c) = self.char_at(p)
            && let Some(sel) = &mut state.selection
        {
            sel.head = c;
        }
        if resp.drag_stopped() {
            self.settle_selection(review, state, true);
        }
        if resp.triple_clicked() {
            // The sentence under the pointer, from the core's one sentence segmenter.
            if let Some(p) = resp.interact_pointer_pos()
                && let Some(c) = self.char_at(p)
                && let Some(s) = sentence_bounds(review.article.text(), c, c)
            {
                state.selection = Some(Selection {
                    anchor: s.start,
                    head: s.end,
                });
            }
        } else if resp.double_clicked() {
            if let Some(p) = resp.interact_pointer_pos()
                && let Some(c) = self.char_at(p)
            {
                let text = review.article.text();
                let (a, b) = claimdesk_model::text::word_at(text, review.article.index(), c);
                state.selection = Some(Selection { anchor: a, head: b });
                self.settle_selection(review, state, false);
            }
        } else if resp.clicked()
            && let Some(p) = resp.interact_pointer_pos()
            && let Some(c) = self.char_at(p)
        {
            resp.request_focus();
            if shift {
                let anchor = state.selection.map_or(c, |s| s.anchor);
                state.selection = Some(Selection { anchor, head: c });
                self.settle_selection(review, state, true);
            } else {
                // A plain click leaves a caret there (the start of keyboard selection).
                state.selection = Some(Selection { anchor: c, head: c });
                state.selected_claim = self.char_under(p).and_then(|under| {
                    self.claim_after_click(review, under, state.selected_claim.as_ref())
                });
            }
        }
        if resp.secondary_clicked()
            && let Some(p) = resp.interact_pointer_pos()
            && let Some(c) = self.char_under(p)
        {
            let in_selection = state.selection.is_some_and(|s| {
                let (a, b) = s.range();
                a <= c && c < b
            });
            if !in_selection {
                state.selection = None;
                if let Some(id) = self.claim_after_click(review, c, None) {
                    state.selected_claim = Some(id);
                }
            }
        }
    }

    /// Snaps a finished selection to grapheme boundaries (and, for mouse drags, whole words);
    /// drops it if empty.
    fn settle_selection(&self, review: &Review, state: &mut ViewState, whole_words: bool) {
        if let Some(sel) = state.selection {
            let (a, b) = sel.range();
            let text = review.article.text();
            let index = review.article.index();
            let (a, b) = claimdesk_model::text::snap_to_graphemes(text, index, a, b);
            let (a, b) = if whole_words {
                claimdesk_model::text::expand_to_words(text, index, a, b)
            } else {
                (a, b)
            };
            if a == b {
                state.selection = None;
            } else if sel.anchor <= sel.head {
                state.selection = Some(Selection { anchor: a, head: b });
            } else {
                state.selection = Some(Selection { anchor: b, head: a });
            }
        }
    }

    /// The claim a click at char `c` selects: the innermost claim there, or the next one in
    /// turn if the currently selected claim is already under the pointer.
    fn claim_after_click(
        &self,
        review: &Review,
        c: usize,
        current: Option<&ClaimId>,
    ) -> Option<ClaimId> {
        let here = self.claims_at(review, c);
        let next = match current.and_then(|id| here.iter().position(|cl| &cl.id == id)) {
            Some(i) => here.get((i + 1) % here.len()),
            None => here.first(),
        };
        next.map(|cl| cl.id.clone())
    }

    /// What screen readers hear about claims: the selected claim or, with none selected, the
    /// innermost claim the caret is in.
    fn claim_description(&self, review: &Review, state: &ViewState) -> Option<String> {
        if let Some(claim) = state
            .selected_claim
            .as_ref()
            .and_then(|id| review.claim(id))
        {
            return Some(accessibility::claim_description("Selected claim", claim));
        }
        let caret = state.selection.filter(|s| s.is_empty())?.head;
        let claim = *self.claims_at(review, caret).first()?;
        Some(accessibility::claim_description("Caret in a claim", claim))
    }

    /// The claims whose span holds char `c`, innermost (shortest) first.
    fn claims_at<'r>(&self, review: &'r Review, c: usize) -> Vec<&'r claimdesk_model::Claim> {
        if self.chunks.is_empty() {
            return Vec::new();
        }
        let k = chunk_at(&self.chunks, c);
        let claims = review.claims();
        let mut here: Vec<&claimdesk_model::Claim> = self.index.per_chunk[k]
            .iter()
            .map(|&i| &claims[i as usize])
            .filter(|cl| cl.span.contains(c))
            .collect();
        here.sort_by_key(|cl| (cl.span.len(), cl.span.start));
        here
    }

    /// Gives screen readers the visible text: one label per visible chunk, with its rows as
    /// text runs, the caret and selection in the chunk that holds the caret, and the selected
    /// claim's status and quote as the view's description (only while AccessKit is on;
    /// off-screen text has no nodes, so the cost does not grow with the article).
    fn expose_to_accessibility(
        &self,
        ui: &egui::Ui,
        view_id: egui::Id,
        review: &Review,
        state: &ViewState,
    ) {
        let ctx = ui.ctx();
        // Only built while AccessKit is on (the builder runs only then).
        let described = ctx.accesskit_node_builder(view_id, |node| {
            if let Some(description) = self.claim_description(review, state) {
                node.set_description(description);
            }
        });
        if described.is_none() {
            return; // AccessKit is off
        }
        for placed in &self.placed {
            let chunk = &self.chunks[placed.chunk];
            if chunk.is_empty() {
                continue;
            }
            let id = view_id.with(("chunk", placed.chunk));
            let rect = Rect::from_min_size(placed.pos, placed.galley.size());
            ctx.accesskit_node_builder(id, |node| {
                node.set_role(egui::accesskit::Role::Label);
                node.set_bounds(egui::accesskit::Rect {
                    x0: rect.min.x.into(),
                    y0: rect.min.y.into(),
                    x1: rect.max.x.into(),
                    y1: rect.max.y.into(),
                });
            });
            egui::text_selection::accesskit_text::update_accesskit_for_text_widget(
                ctx,
                id,
                state
                    .selection
                    .and_then(|sel| accessibility::cursor_range_in(sel, chunk)),
                egui::emath::TSTransform::from_translation(placed.pos.to_vec2()),
                &placed.galley,
            );
        }
    }

    fn paint(&mut self, ui: &egui::Ui, review: &Review, area: Rect, state: &ViewState) {
        let painter = ui.painter_at(area);
        let dark = ui.visuals().dark_mode;
        let mut mesh = Mesh::default();
        let mut more_cues = Vec::new();
        let claims = review.claims();
        let selection = state.selection.map(Selection::range).filter(|(a, b)| a < b);
        // The selected claim and any claims picked with it in the list are outlined.
        let outlined: Vec<usize> = state
            .selected_claim
            .iter()
            .chain(&state.picked_claims)
            .filter_map(|id| review.position(id))
            .collect();
        let sel_color = ui.visuals().selection.bg_fill.gamma_multiply(0.7);
        self.highlights.validate(dark);
        for placed in &self.placed {
            let chunk = &self.chunks[placed.chunk];
            let plan = self.index.plan(placed.chunk, &self.chunks, claims);
            let shift = placed.pos.to_vec2();
            let rects = |start, end, f: &mut dyn FnMut(Rect)| {
                for_each_row_rect(&placed.galley, chunk, start, end, |r| f(r.translate(shift)));
            };
            // Fills and underlines first (cached per chunk), so outlines sit on top.
            let version = self.index.version(placed.chunk);
            self.highlights.append(
                &mut mesh,
                (placed.chunk, version),
                &placed.galley,
                shift,
                || {
                    chunk_mesh(
                        &placed.galley,
                        &self.chunks,
                        placed.chunk,
                        &self.index,
                        claims,
                        dark,
                    )
                },
            );
            for &i in &outlined {
                let claim = &claims[i];
                let color = theme::status_color(claim.status, dark);
                rects(claim.span.start, claim.span.end, &mut |r| {
                    theme::add_outline(&mut mesh, r.expand2(vec2(1.0, 0.0)), 2.0, color);
                });
            }
            for more in &plan.more {
                let mut first = None;
                rects(more.start, more.end, &mut |r| {
                    first.get_or_insert(r);
                });
                if let Some(r) = first {
                    more_cues.push((r, more.hidden, placed.pos.x));
                }
            }
            if let Some((a, b)) = selection {
                rects(a, b, &mut |r| mesh.add_colored_rect(r, sel_color));
            }
        }
        let drawn: Vec<usize> = self.placed.iter().map(|p| p.chunk).collect();
        self.highlights.keep_only(&drawn);
        painter.add(Shape::mesh(mesh));
        let text_color = ui.visuals().strong_text_color();
        for placed in &self.placed {
            painter.galley(placed.pos, placed.galley.clone(), text_color);
        }
        for (row, hidden, column_left) in more_cues {
            theme::paint_more_cue(&painter, row, column_left, hidden, ui.visuals());
        }
        if let Some(sel) = state.selection.filter(|s| s.is_empty()) {
            self.paint_caret(&painter, sel.head, ui.visuals().text_cursor.stroke);
        }
    }

    /// Draws the caret before char `pos`. It does not blink: a blinking caret would repaint
    /// an idle window twice a second, and a steady one is easier to find for low-vision users.
    fn paint_caret(&self, painter: &egui::Painter, pos: usize, stroke: egui::Stroke) {
        if let Some(r) = self.caret_rect(pos) {
            let stroke = egui::Stroke::new(stroke.width.max(2.0), stroke.color);
            painter.vline(r.left(), r.y_range(), stroke);
        }
    }

    fn paint_scrollbar(&mut self, ui: &egui::Ui, review: &Review, rect: Rect, view_h: f32) {
        let track = Rect::from_min_max(pos2(rect.right() - SCROLLBAR, rect.top()), rect.max);
        let total: f32 = self.heights.iter().sum();
        if total <= view_h + 1.0 {
            return;
        }
        let before: f32 = self.heights[..self.top].iter().sum::<f32>() + self.offset;
        let thumb_h = (view_h / total * track.height()).max(24.0);
        let frac = (before / (total - view_h)).clamp(0.0, 1.0);
        let thumb_top = track.top() + frac * (track.height() - thumb_h);
        let thumb = Rect::from_min_size(
            pos2(track.left() + 2.0, thumb_top),
            vec2(SCROLLBAR - 4.0, thumb_h),
        );

        let id = ui.scope_id().with("article_scrollbar");
        let resp = ui.interact(track, id, Sense::click_and_drag());
        if (resp.dragged() || resp.clicked())
            && let Some(p) = resp.interact_pointer_pos()
        {
            let frac =
                ((p.y - track.top() - thumb_h / 2.0) / (track.height() - thumb_h)).clamp(0.0, 1.0);
            self.jump_to_height(frac * (total - view_h));
            self.normalise_scroll(ui, review);
            ui.ctx().request_repaint();
        }
        let visuals = ui.visuals();
        let color = if resp.hovered() || resp.dragged() {
            visuals.widgets.hovered.bg_fill
        } else {
            visuals.widgets.inactive.bg_fill
        };
        ui.painter().rect_filled(thumb, 4.0, color);
    }

    /// Sets the scroll position to `y` points from the top, by the (partly estimated) heights.
    fn jump_to_height(&mut self, y: f32) {
        let mut acc = 0.0;
        for (k, h) in self.heights.iter().enumerate() {
            if acc + h > y {
                self.top = k;
                self.offset = y - acc;
                return;
            }
            acc += h;
        }
        self.top = self.chunks.len().saturating_sub(1);
        self.offset = 0.0;
    }
}

impl ArticleView {
    /// The screen rectangles, in text order, of the row parts that chars `[start, end)` took in
    /// the last frame (only the parts on screen).
    fn drawn_rows(&self, start: usize, end: usize) -> Vec<Rect> {
        let mut rows = Vec::new();
        for placed in &self.placed {
            let chunk = &self.chunks[placed.chunk];
            if chunk.end <= start || end <= chunk.start {
                continue;
            }
            let shift = placed.pos.to_vec2();
            for_each_row_rect(&placed.galley, chunk, start, end, |r| {
                rows.push(r.translate(shift));
            });
        }
        rows
    }
}

/// Calls `f` with the galley-relative rectangle of each row part covered by document chars
/// `[start, end)` within `chunk`.
fn for_each_row_rect(
    galley: &Galley,
    chunk: &Chunk,
    start: usize,
    end: usize,
    mut f: impl FnMut(Rect),
) {
    let a = start.max(chunk.start) - chunk.start;
    let b = end.min(chunk.end).saturating_sub(chunk.start);
    if a >= b {
        return;
    }
    let mut row_start = 0;
    for row in &galley.rows {
        let n = row.glyphs.len();
        let row_end = row_start + n;
        let s = a.max(row_start);
        let e = b.min(row_end);
        if s < e {
            let y = row.min_y()..=row.max_y();
            for x in row_pieces(row, s - row_start, e - row_start) {
                f(Rect::from_x_y_ranges(
                    row.pos.x + x.start..=row.pos.x + x.end,
                    y.clone(),
                ));
            }
        }
        row_start = row_end + usize::from(row.ends_with_newline);
        if row_start >= b {
            break;
        }
    }
}

/// The x extents, within `row`, that its chars `[s, e)` cover: one piece on a left-to-right
/// row; on a row laid out with bidi, one per stretch that is contiguous on screen (a range
/// crossing a change of direction is several pieces).
fn row_pieces(row: &egui::epaint::text::Row, s: usize, e: usize) -> Vec<std::ops::Range<f32>> {
    let glyphs = &row.glyphs[s..e];
    if glyphs.windows(2).all(|w| w[0].pos.x <= w[1].pos.x) {
        return vec![row.x_offset(CharIndex(s))..row.x_offset(CharIndex(e))];
    }
    let mut spans: Vec<std::ops::Range<f32>> = glyphs
        .iter()
        .map(|g| g.pos.x..g.pos.x + g.advance_width)
        .collect();
    spans.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut pieces: Vec<std::ops::Range<f32>> = Vec::new();
    for span in spans {
        match pieces.last_mut() {
            // Glyph positions are rounded to pixels: neighbours may leave a sub-pixel gap.
            Some(last) if span.start <= last.end + 1.5 => last.end = last.end.max(span.end),
            _ => pieces.push(span),
        }
    }
    pieces
}

/// Top y of the row holding galley char `local`.
fn row_top_of(galley: &Galley, local: usize) -> f32 {
    let mut row_start = 0;
    for row in &galley.rows {
        let row_end = row_start + row.glyphs.len();
        if local < row_end {
            return row.min_y();
        }
        row_start = row_end + usize::from(row.ends_with_newline);
    }
    galley.rows.last().map_or(0.0, |r| r.min_y())
}

/// The right-click menu: mark or restatus, copy, delete the selected claim.
fn context_menu(
    review: &Review,
    resp: &egui::Response,
    state: &ViewState,
    actions: &mut Vec<Command>,
) {
    resp.context_menu(|ui| {
        let has_selection = state.selection.is_some_and(|s| !s.is_empty());
        let has_claim = state.selected_claim.is_some();
        for status in claimdesk_model::ClaimStatus::ALL {
            let verb = if has_selection { "Mark" } else { "Change to" };
            let label = format!("{verb} {}", status.label().to_lowercase());
            if ui
                .add_enabled(has_selection || has_claim, egui::Button::new(label))
                .clicked()
            {
                actions.push(ClaimCommand::Mark(status).into());
                ui.close();
            }
        }
        ui.separator();
        if ui
            .add_enabled(has_selection, egui::Button::new("Copy"))
            .clicked()
        {
            if let Some(sel) = state.selection {
                let (a, b) = sel.range();
                ui.ctx().copy_text(review.article.slice(a, b).to_owned());
            }
            ui.close();
        }
        if ui
            .add_enabled(
                has_claim && !has_selection,
                egui::Button::new("Delete claim"),
            )
            .clicked()
        {
            if let Some(id) = &state.selected_claim {
                actions.push(ClaimCommand::Delete(id.clone()).into());
            }
            ui.close();
        }
    });
}

/// Copies the selected text on Ctrl+C while the view, not a text field, has the keyboard.
fn copy_on_request(ui: &egui::Ui, review: &Review, state: &ViewState) {
    if !ui.ctx().text_edit_focused()
        && ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
        && let Some(sel) = state.selection
    {
        let (a, b) = sel.range();
        if a < b {
            ui.ctx().copy_text(review.article.slice(a, b).to_owned());
        }
    }
}
