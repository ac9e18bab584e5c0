//! The caret's keys in the article view: arrows, words, line and paragraph bounds, each with
//! Shift to extend the selection. Motions that need only the text come from the core
//! (`claimdesk_model::motion`); Up/Down and Home/End follow the visual lines of this view's
//! layout. The caret is drawn by `paint`; it does not blink, so an idle window stays idle.

use claimdesk_model::Review;
use claimdesk_model::motion::{Motion, move_caret};
use egui::{Key, Rect, vec2};

/// The text area and the column's left edge, as the caret keys get them.
type Column = (Rect, f32);

use super::{ArticleView, FONT_SIZE, LINE_SPACING};
use crate::app::{Selection, ViewState};

/// A caret move asked for by a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaretKey {
    /// A motion over the text alone.
    Text(Motion),
    /// To the start of the visual line.
    LineStart,
    /// To the end of the visual line.
    LineEnd,
    /// One visual line up (`-1`) or down (`1`).
    Line(i8),
    /// One page up (`-1`) or down (`1`): the article scrolls a page and the caret keeps its
    /// place on screen.
    Page(i8),
}

impl CaretKey {
    /// The same key in a right-to-left paragraph: Left moves forward, Right back.
    fn mirrored(self) -> Self {
        match self {
            CaretKey::Text(Motion::Left) => CaretKey::Text(Motion::Right),
            CaretKey::Text(Motion::Right) => CaretKey::Text(Motion::Left),
            CaretKey::Text(Motion::WordLeft) => CaretKey::Text(Motion::WordRight),
            CaretKey::Text(Motion::WordRight) => CaretKey::Text(Motion::WordLeft),
            other => other,
        }
    }
}

impl ArticleView {
    /// Moves or extends the caret for this frame's caret keys (only while the view has the
    /// keyboard and a caret or selection exists), keeping the head in view.
    pub(super) fn handle_caret_keys(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        has_keys: bool,
        state: &mut ViewState,
        column: Column,
    ) {
        let Some(sel) = state.selection.filter(|_| has_keys) else {
            return;
        };
        let Some((key, extend, presses)) = ui.input(read_key) else {
            return;
        };
        // In a right-to-left paragraph the arrows move the caret the way they point.
        let key = if self.paragraph_rtl(sel.head) {
            key.mirrored()
        } else {
            key
        };
        let text = review.article.text();
        let index = review.article.index();
        // Keys repeated faster than the frame rate arrive as several presses in one frame.
        let mut head = sel.head;
        for _ in 0..presses {
            head = match key {
                CaretKey::Text(motion) => move_caret(text, index, head, motion),
                CaretKey::LineStart => self.visual_line(head).map_or(head, |(a, _)| a),
                CaretKey::LineEnd => self.visual_line(head).map_or(head, |(_, b)| b),
                CaretKey::Line(dir) => self.line_step(ui, review, head, dir, column),
                CaretKey::Page(dir) => self.page_step(ui, review, head, dir, column),
            };
        }
        // Plain Left/Right collapse a selection to its edge, as in text editors.
        let head = match (key, extend, sel.is_empty()) {
            (CaretKey::Text(Motion::Left), false, false) => sel.range().0,
            (CaretKey::Text(Motion::Right), false, false) => sel.range().1,
            _ => head,
        };
        let anchor = if extend { sel.anchor } else { head };
        state.selection = Some(Selection { anchor, head });
        if !self
            .char_rect(head)
            .is_some_and(|r| column.0.contains_rect(r))
        {
            self.scroll_to_char(ui, review, (head, head), column.0.height());
            self.layout_visible(ui, review, column.0, column.1);
        }
    }

    /// The visual line (row) holding char `pos` in the last layout, as char bounds (the end
    /// is before the row's line break).
    fn visual_line(&self, pos: usize) -> Option<(usize, usize)> {
        let (_, row, glyph) = self.glyph_of(pos).or_else(|| {
            let (placed, row, glyph) = self.glyph_of(pos.checked_sub(1)?)?;
            Some((placed, row, glyph + 1))
        })?;
        let start = pos - glyph;
        Some((start, start + row.glyphs.len()))
    }

    /// The char one visual line above (`dir < 0`) or below the caret at `pos`, at the same x;
    /// scrolls a line first when that line is out of view.
    fn line_step(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        pos: usize,
        dir: i8,
        column: Column,
    ) -> usize {
        let dy = f32::from(dir) * FONT_SIZE * LINE_SPACING;
        self.vertical_step(ui, review, pos, (dy, false), column)
    }

    /// Scrolls a page up (`dir < 0`) or down, as the page keys do without a caret, and returns
    /// the char at the caret's old place on screen (the middle of the view if it was out of
    /// view).
    fn page_step(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        pos: usize,
        dir: i8,
        column: Column,
    ) -> usize {
        let dy = f32::from(dir) * (column.0.height() - FONT_SIZE * LINE_SPACING);
        self.vertical_step(ui, review, pos, (dy, true), column)
    }

    /// The char `dy` points below (above, if negative) the caret at `pos`, at the same x. The
    /// article scrolls by `dy` first when `page` is set or the target is out of view, so the
    /// caret then keeps its place on screen.
    fn vertical_step(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        pos: usize,
        (dy, page): (f32, bool),
        (area, col_x): Column,
    ) -> usize {
        let caret = self.caret_rect(pos).map(|r| r.center());
        let spot = match caret {
            Some(p) if !page || area.contains(p) => p,
            _ if page => area.center(),
            _ => return pos,
        };
        let target = spot + vec2(0.0, dy);
        if !page && area.contains(target) {
            return self.char_at(target).unwrap_or(pos);
        }
        self.offset += dy;
        self.normalise_scroll(ui, review);
        self.clamp_to_end(ui, review, area.height());
        self.layout_visible(ui, review, area, col_x);
        // Where the caret is now (the scroll may have stopped short at an end), moved by `dy`.
        let moved = match self.caret_rect(pos) {
            Some(r) if caret == Some(spot) => r.center() + vec2(0.0, dy),
            _ => spot,
        };
        self.char_at(moved).unwrap_or(pos)
    }

    /// Where the caret before char `pos` is drawn: a zero-width rect at the edge where the
    /// char starts (its left edge, or its right edge if it reads right to left), or where the
    /// char before it ends at a line's end.
    pub(super) fn caret_rect(&self, pos: usize) -> Option<Rect> {
        let (r, x) = match self.char_rect(pos) {
            Some(r) if self.drawn_rtl(pos) => (r, r.right()),
            Some(r) => (r, r.left()),
            None => {
                let before = pos.checked_sub(1)?;
                let r = self.char_rect(before)?;
                (
                    r,
                    if self.drawn_rtl(before) {
                        r.left()
                    } else {
                        r.right()
                    },
                )
            }
        };
        Some(Rect::from_x_y_ranges(x..=x, r.y_range()))
    }
}

/// This frame's caret key, whether Shift extends the selection, and how often it was pressed.
fn read_key(i: &egui::InputState) -> Option<(CaretKey, bool, usize)> {
    let m = i.modifiers;
    if m.alt {
        return None;
    }
    let word = m.command;
    let key = [
        (Key::ArrowLeft, !word, CaretKey::Text(Motion::Left)),
        (Key::ArrowRight, !word, CaretKey::Text(Motion::Right)),
        (Key::ArrowLeft, word, CaretKey::Text(Motion::WordLeft)),
        (Key::ArrowRight, word, CaretKey::Text(Motion::WordRight)),
        (Key::Home, !word, CaretKey::LineStart),
        (Key::End, !word, CaretKey::LineEnd),
        (Key::ArrowUp, !word, CaretKey::Line(-1)),
        (Key::ArrowDown, !word, CaretKey::Line(1)),
        (Key::ArrowUp, word, CaretKey::Text(Motion::ParagraphStart)),
        (Key::ArrowDown, word, CaretKey::Text(Motion::ParagraphEnd)),
        (Key::PageUp, !word, CaretKey::Page(-1)),
        (Key::PageDown, !word, CaretKey::Page(1)),
    ]
    .into_iter()
    .find(|&(k, when, _)| when && i.key_pressed(k))
    .map(|(k, _, key)| (key, i.num_presses(k).max(1)))?;
    Some((key.0, m.shift, key.1))
}
