//! File → Compare with… on the text itself: beside each claim, a bar in the right margin saying
//! whether the other review agrees with it, differs from it, or lacks it; around each claim only
//! the other review has, a dotted outline (that claim is not drawn otherwise), whose hover
//! names it. The compare window lists the same places with buttons to take the other side's.

use claimdesk_model::Review;
use claimdesk_team::compare::{Agreement, Mark};
use egui::epaint::Mesh;
use egui::{Rect, Shape, pos2, vec2};

use super::ArticleView;
use crate::app::open_review::comparison::ComparisonView;
use crate::ui::theme;

/// How far right of the column the bars sit, and how wide they are.
const GUTTER: f32 = 10.0;
const BAR: f32 = 4.0;

impl ArticleView {
    /// Draws the compare marks in view over last-drawn text and names the other review's claim
    /// under the pointer. Call after [`ArticleView::show`] in the same frame.
    pub fn show_comparison(&self, ui: &egui::Ui, review: &Review, view: &ComparisonView) {
        let Some((first, last)) = self.visible_chars() else {
            return;
        };
        let (_, area) = self.column;
        let right = self.column.0 + self.layout_width + GUTTER;
        let painter = ui.painter_at(area);
        let dark = ui.visuals().dark_mode;
        let mut mesh = Mesh::default();
        let mut dots = Mesh::with_texture(theme::dots_texture(ui.ctx()));
        for mark in view.marks_in(first, last) {
            self.add_compare_cue(&mut mesh, &mut dots, mark, right, dark);
        }
        painter.add(Shape::mesh(mesh));
        painter.add(Shape::mesh(dots));
        self.name_their_claim_on_hover(review, view);
    }

    fn add_compare_cue(
        &self,
        mesh: &mut Mesh,
        dots: &mut Mesh,
        mark: &Mark,
        right: f32,
        dark: bool,
    ) {
        let rows = self.drawn_rows(mark.span.start, mark.span.end);
        let (Some(top), Some(bottom)) = (rows.first(), rows.last()) else {
            return;
        };
        let color = theme::compare_color(&mark.agreement, dark);
        let bar = Rect::from_min_max(
            pos2(right, top.top() + 2.0),
            pos2(right + BAR, bottom.bottom() - 2.0),
        );
        mesh.add_colored_rect(bar, color);
        if mark.agreement == Agreement::OnlyB {
            for r in rows {
                theme::add_dotted_outline(dots, r.expand2(vec2(1.0, 0.0)), color);
            }
        }
    }

    /// Over a claim only the other review has (and none of the open review's), a tooltip names
    /// it: the text alone does not show it is there.
    fn name_their_claim_on_hover(&self, review: &Review, view: &ComparisonView) {
        let Some(resp) = &self.response else {
            return;
        };
        let Some(c) = resp.hover_pos().and_then(|p| self.char_under(p)) else {
            return;
        };
        if self.claim_after_click(review, c, None).is_some() {
            return;
        }
        let Some(theirs) = view
            .theirs_only_at(c)
            .and_then(|m| m.b)
            .map(|j| &view.other.claims()[j])
        else {
            return;
        };
        let text = format!(
            "Only in theirs: {} — “{}”",
            theirs.status.label(),
            claimdesk_model::text::shorten(&theirs.quote, 60)
        );
        resp.clone().on_hover_text_at_pointer(text);
    }
}
