//! Suggested sentences in the article view: a quiet cue (a bar in the left margin and a dotted
//! outline, in a neutral grey that no status uses), their reasons on hover, and a click on a
//! suggested sentence (not on a claim) selects the suggestion.

use claimdesk_suggest::Suggestion;
use egui::epaint::Mesh;
use egui::{Rect, Shape, pos2, vec2};

use super::ArticleView;
use crate::app::suggestions::SuggestionCommand;
use crate::app::{Command, OpenReview};
use crate::ui::theme;

impl ArticleView {
    /// Draws the cues of the suggestions in view over last-drawn text, shows the reasons of the
    /// one under the pointer, and turns a click on one into a selection. Call after
    /// [`ArticleView::show`] in the same frame.
    pub fn show_suggestions(
        &self,
        ui: &egui::Ui,
        open: &OpenReview,
        commands: &mut impl Extend<Command>,
    ) {
        let (suggestions, shared) = (&open.suggestions, &open.view);
        let Some((first, last)) = self.visible_chars() else {
            return;
        };
        let (column_left, area) = self.column;
        let painter = ui.painter_at(area);
        let dark = ui.visuals().dark_mode;
        let mut mesh = Mesh::default();
        let mut dots = Mesh::with_texture(theme::dots_texture(ui.ctx()));
        for s in suggestions.in_range(first, last) {
            let selected = shared.selected_suggestion == Some(s.span);
            self.add_cue(&mut mesh, &mut dots, s, selected, column_left, dark);
        }
        painter.add(Shape::mesh(mesh));
        painter.add(Shape::mesh(dots));
        self.hover_and_click(open, commands);
    }

    /// The cue of one suggestion: a margin bar beside its rows and a dotted outline around
    /// them (solid, thicker and faintly filled when selected).
    fn add_cue(
        &self,
        mesh: &mut Mesh,
        dots: &mut Mesh,
        s: &Suggestion,
        selected: bool,
        column_left: f32,
        dark: bool,
    ) {
        let color = theme::suggestion_color(dark);
        let rows = self.drawn_rows(s.span.start, s.span.end);
        let (Some(top), Some(bottom)) = (rows.first(), rows.last()) else {
            return;
        };
        let bar = Rect::from_min_max(
            pos2(column_left - 12.0, top.top() + 3.0),
            pos2(column_left - 9.0, bottom.bottom() - 3.0),
        );
        mesh.add_colored_rect(bar, color);
        for r in rows {
            let r = r.expand2(vec2(2.0, -1.0));
            if selected {
                mesh.add_colored_rect(r, theme::suggestion_fill(dark));
                theme::add_outline(mesh, r, 1.5, color);
            } else {
                theme::add_dotted_outline(dots, r, theme::suggestion_outline(dark));
            }
        }
    }

    /// The reasons of the suggestion under the pointer; a plain click on a suggested sentence
    /// (where no claim is) selects it, a click elsewhere deselects.
    fn hover_and_click(&self, open: &OpenReview, commands: &mut impl Extend<Command>) {
        let (review, suggestions, shared) = (open.review(), &open.suggestions, &open.view);
        let Some(resp) = &self.response else {
            return;
        };
        let claim_at = |c: usize| self.claim_after_click(review, c, None).is_some();
        if let Some(p) = resp.hover_pos()
            && let Some(c) = self.char_under(p)
            && !claim_at(c)
            && let Some(s) = suggestions.at_char(c)
        {
            resp.clone()
                .on_hover_ui_at_pointer(|ui| crate::ui::suggestions_panel::reasons_ui(ui, s));
        }
        let shift = resp.ctx.input(|i| i.modifiers.shift);
        if resp.clicked()
            && !shift
            && let Some(p) = resp.interact_pointer_pos()
        {
            let picked = self
                .char_under(p)
                .filter(|&c| !claim_at(c))
                .and_then(|c| suggestions.at_char(c))
                .map(|s| s.span);
            if picked != shared.selected_suggestion {
                commands.extend([SuggestionCommand::Select(picked).into()]);
            }
        }
    }
}
