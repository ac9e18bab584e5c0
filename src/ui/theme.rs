//! Status colours and the non-colour cue (underline style) shared by the article view, the
//! claims list and the legend, drawn from the core's status table
//! ([`claimdesk_model::status`]) that the reports use too, so every place shows a status the
//! same way.

use claimdesk_model::ClaimStatus;
use claimdesk_model::status::{FILL_ALPHA_DARK, FILL_ALPHA_LIGHT, Rgb, Underline};
use egui::epaint::Mesh;
use egui::{Color32, Pos2, Rect, pos2, vec2};

/// Strong colour of a status (underlines, badges).
pub fn status_color(status: ClaimStatus, dark: bool) -> Color32 {
    let Rgb(r, g, b) = status.look().color(dark);
    Color32::from_rgb(r, g, b)
}

/// Translucent fill of a highlight; overlapping claims stack into a darker area.
pub fn status_fill(status: ClaimStatus, dark: bool) -> Color32 {
    let c = status_color(status, dark);
    let alpha = if dark {
        FILL_ALPHA_DARK
    } else {
        FILL_ALPHA_LIGHT
    };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// Thickness of one underline stroke, in points.
pub const UNDERLINE: f32 = 2.0;
/// Vertical room one underline lane takes.
pub const LANE_HEIGHT: f32 = 5.0;

/// Adds the status underline between `x0` and `x1` at baseline `y` to `mesh`:
/// asserted solid, disputed double, under investigation dashed. Works in greyscale.
pub fn add_status_underline(
    mesh: &mut Mesh,
    status: ClaimStatus,
    x0: f32,
    x1: f32,
    y: f32,
    color: Color32,
) {
    if x1 <= x0 {
        return;
    }
    match status.look().underline {
        Underline::Solid => {
            mesh.add_colored_rect(
                Rect::from_min_max(pos2(x0, y), pos2(x1, y + UNDERLINE)),
                color,
            );
        }
        Underline::Double => {
            let thin = UNDERLINE * 0.6;
            mesh.add_colored_rect(
                Rect::from_min_max(pos2(x0, y - 1.0), pos2(x1, y - 1.0 + thin)),
                color,
            );
            mesh.add_colored_rect(
                Rect::from_min_max(pos2(x0, y + 1.6), pos2(x1, y + 1.6 + thin)),
                color,
            );
        }
        Underline::Dashed => {
            const DASH: f32 = 4.0;
            const GAP: f32 = 3.0;
            // Dashes are aligned to a global grid so a claim split over rows keeps its rhythm.
            let mut x = (x0 / (DASH + GAP)).floor() * (DASH + GAP);
            while x < x1 {
                let a = x.max(x0);
                let b = (x + DASH).min(x1);
                if b > a {
                    mesh.add_colored_rect(
                        Rect::from_min_max(pos2(a, y), pos2(b, y + UNDERLINE)),
                        color,
                    );
                }
                x += DASH + GAP;
            }
        }
    }
}

/// Adds a rectangle outline of width `w` to `mesh` (the selected claim's frame).
pub fn add_outline(mesh: &mut Mesh, r: Rect, w: f32, color: Color32) {
    let Pos2 { x: x0, y: y0 } = r.min;
    let Pos2 { x: x1, y: y1 } = r.max;
    mesh.add_colored_rect(Rect::from_min_max(pos2(x0, y0), pos2(x1, y0 + w)), color);
    mesh.add_colored_rect(Rect::from_min_max(pos2(x0, y1 - w), pos2(x1, y1)), color);
    mesh.add_colored_rect(Rect::from_min_max(pos2(x0, y0), pos2(x0 + w, y1)), color);
    mesh.add_colored_rect(Rect::from_min_max(pos2(x1 - w, y0), pos2(x1, y1)), color);
}

/// A status swatch as drawn in the legend and the claims list: a tinted box with the status
/// underline, so the list teaches the article's visual language.
pub fn paint_swatch(painter: &egui::Painter, rect: Rect, status: ClaimStatus, dark: bool) {
    let mut mesh = Mesh::default();
    mesh.add_colored_rect(rect, status_fill(status, dark));
    add_status_underline(
        &mut mesh,
        status,
        rect.left(),
        rect.right(),
        rect.bottom() - 3.0,
        status_color(status, dark),
    );
    painter.add(egui::Shape::mesh(mesh));
}

/// The "+N more" cue where more claims overlap than there are underline lanes: a small badge
/// in the left margin of the row where the stack starts, so a stack of claims is never silently
/// hidden and the badge never covers the text.
pub fn paint_more_cue(
    painter: &egui::Painter,
    row: Rect,
    column_left: f32,
    hidden: usize,
    visuals: &egui::Visuals,
) {
    let font = egui::FontId::proportional(10.0);
    let galley = painter.layout_no_wrap(format!("+{hidden}"), font, visuals.strong_text_color());
    let size = galley.size() + egui::vec2(6.0, 2.0);
    let badge = Rect::from_min_size(
        pos2(column_left - size.x - 6.0, row.center().y - size.y / 2.0),
        size,
    );
    painter.rect_filled(badge, 3.0, visuals.extreme_bg_color);
    painter.rect_stroke(
        badge,
        3.0,
        egui::Stroke::new(1.0, visuals.weak_text_color()),
        egui::StrokeKind::Inside,
    );
    painter.galley(
        badge.min + egui::vec2(3.0, 1.0),
        galley,
        visuals.strong_text_color(),
    );
}

/// The colour of suggestion cues: a neutral grey that no status uses, so a suggestion is never
/// taken for a claim.
pub fn suggestion_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(165, 165, 175)
    } else {
        Color32::from_rgb(105, 105, 115)
    }
}

/// The lighter grey of a suggestion's dotted outline (the margin bar carries the cue; the
/// outline only shows where the sentence ends).
pub fn suggestion_outline(dark: bool) -> Color32 {
    suggestion_color(dark).gamma_multiply(0.55)
}

/// The faint fill of the selected suggestion's sentence.
pub fn suggestion_fill(dark: bool) -> Color32 {
    let c = suggestion_color(dark);
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), if dark { 40 } else { 28 })
}

/// Adds a dotted outline of `r` (1 pt dots, 3 pt apart) to `mesh`, which must use
/// [`dots_texture`]: a suggestion's cue, unlike any status underline (solid, double, dashed).
/// Sixteen vertices, however long the outline.
pub fn add_dotted_outline(mesh: &mut Mesh, r: Rect, color: Color32) {
    // Four quads whose texture coordinates repeat the dot texture: one texel per point.
    let w = r.width() / DOT_STEP;
    let h = r.height() / DOT_STEP;
    let one = 1.0 / DOT_STEP;
    let (left, right, top, bottom) = (r.left(), r.right(), r.top(), r.bottom());
    let edges = [
        (
            Rect::from_min_max(pos2(left, top), pos2(right, top + 1.0)),
            vec2(w, one),
        ),
        (
            Rect::from_min_max(pos2(left, bottom - 1.0), pos2(right, bottom)),
            vec2(w, one),
        ),
        (
            Rect::from_min_max(pos2(left, top), pos2(left + 1.0, bottom)),
            vec2(one, h),
        ),
        (
            Rect::from_min_max(pos2(right - 1.0, top), pos2(right, bottom)),
            vec2(one, h),
        ),
    ];
    for (edge, uv) in edges {
        mesh.add_rect_with_uv(edge, Rect::from_min_size(Pos2::ZERO, uv), color);
    }
}

/// Points from one dot of a dotted outline to the next.
const DOT_STEP: f32 = 3.0;

/// The texture of [`add_dotted_outline`]: `DOT_STEP` × `DOT_STEP` texels, one opaque in the
/// corner, repeated, so its first row and first column are rows of dots. Made once per context.
pub fn dots_texture(ctx: &egui::Context) -> egui::TextureId {
    let id = egui::Id::unique("claimdesk_dots_texture");
    if let Some(handle) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return handle.id();
    }
    let n = DOT_STEP as usize;
    let mut pixels = vec![Color32::TRANSPARENT; n * n];
    pixels[0] = Color32::WHITE;
    let options = egui::TextureOptions {
        magnification: egui::TextureFilter::Nearest,
        minification: egui::TextureFilter::Nearest,
        wrap_mode: egui::TextureWrapMode::Repeat,
        mipmap_mode: None,
    };
    let handle = ctx.load_texture("dots", egui::ColorImage::new([n, n], pixels), options);
    let texture = handle.id();
    ctx.data_mut(|d| d.insert_temp(id, handle));
    texture
}

/// The colour of a compare mark (File → Compare with…), after INCEpTION's curation view: red
/// where the two reviews differ, purple where only one of them has a claim, a quiet grey-green
/// where they agree. None is a status colour, and the marks sit in the right margin (and, for a
/// claim only the other review has, as a dotted outline), never as a fill.
pub fn compare_color(agreement: &claimdesk_team::compare::Agreement, dark: bool) -> Color32 {
    use claimdesk_team::compare::Agreement;
    match (agreement, dark) {
        (Agreement::Agree, false) => Color32::from_rgb(0x7f, 0x9c, 0x8a),
        (Agreement::Agree, true) => Color32::from_rgb(0x8f, 0xb0, 0x9c),
        (Agreement::Differ(_), false) => Color32::from_rgb(0xc2, 0x18, 0x5b),
        (Agreement::Differ(_), true) => Color32::from_rgb(0xf0, 0x62, 0x92),
        (Agreement::OnlyA | Agreement::OnlyB, false) => Color32::from_rgb(0x7b, 0x1f, 0xa2),
        (Agreement::OnlyA | Agreement::OnlyB, true) => Color32::from_rgb(0xc0, 0x84, 0xfc),
    }
}
