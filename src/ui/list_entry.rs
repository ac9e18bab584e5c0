//! What the claims list and the suggestions list share: an entry of fixed height that is
//! clickable, announced to screen readers, and highlighted when selected or hovered; and
//! truncated text lines to paint in it.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{FontId, Rect, Sense, vec2};

/// Allocates an entry of `height` across the available width, names it `label` for screen
/// readers and paints its background. The painter is `None` when the entry is off screen.
pub fn allocate(
    ui: &mut egui::Ui,
    height: f32,
    label: &str,
    selected: bool,
) -> (Rect, egui::Response, Option<egui::Painter>) {
    let width = ui.available_width();
    let (rect, resp) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    resp.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::ListBoxOption, true, selected, label)
    });
    if !ui.is_rect_visible(rect) {
        return (rect, resp, None);
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(
            rect.shrink(1.0),
            4.0,
            visuals.selection.bg_fill.gamma_multiply(0.5),
        );
    } else if resp.hovered() {
        painter.rect_filled(rect.shrink(1.0), 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    (rect, resp, Some(painter))
}

/// `text` in `size` points, cut with an ellipsis after `rows` rows of `width`.
pub fn text_job(
    text: String,
    size: f32,
    color: egui::Color32,
    width: f32,
    rows: usize,
) -> LayoutJob {
    let mut job = LayoutJob::single_section(
        text,
        TextFormat {
            font_id: FontId::proportional(size),
            color,
            ..Default::default()
        },
    );
    job.wrap = TextWrapping {
        max_rows: rows,
        ..TextWrapping::truncate_at_width(width.max(10.0))
    };
    job
}
