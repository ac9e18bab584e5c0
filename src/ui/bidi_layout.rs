//! Text with right-to-left script, laid out by Claimdesk itself: the article view's chunks,
//! and quotes and titles elsewhere ([`galley`], [`label`]). egui 0.37 has no bidi: it places
//! every run left to right (so Arabic words come out in reverse order) and, in a run it shapes
//! right to left, emits more glyphs than chars (so offsets no longer match). Here a paragraph
//! is cut into atoms (`claimdesk_model::bidi`: a word of one direction, a space, a
//! neutral char), egui lays each atom out on its own (an Arabic word is shaped whole, its
//! letters joined), the core wraps and orders them, and the atoms are put together into one
//! galley that the rest of the view uses like any other: **one glyph per char, in logical
//! order**, each at its place on screen, and the atoms' meshes for drawing.
//!
//! So stored offsets stay logical, and char rectangles, hit testing, highlights and the caret
//! all work from glyph positions. Inside an Arabic word whose shaped glyphs cannot be matched
//! to its chars one to one (a ligature such as lam-alef), each char gets an equal share of
//! the word's width: the word itself is drawn exactly, a boundary inside it is approximate.

use std::sync::Arc;

use claimdesk_model::bidi::{ArrangedLine, Atom, BidiParagraph, Direction, mirrored};
use egui::epaint::Mesh;
use egui::epaint::text::{Glyph, PlacedRow, Row};
use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, Pos2, Rect, Response, Sense, pos2, vec2};

/// A chunk laid out with bidi, for one layout width.
pub struct BidiChunk {
    /// Rows of glyphs in logical char order, each glyph where it is drawn.
    pub galley: Arc<Galley>,
    /// Per char of the chunk: its run reads right to left (the caret before it is at its
    /// glyph's right edge).
    pub rtl: Vec<bool>,
    /// The paragraph reads right to left: its lines are right-aligned, and the Left and Right
    /// arrow keys move the caret forward and back (visual movement).
    pub base_rtl: bool,
    /// The layout width it was made for.
    pub width: f32,
    /// The galley of the chunk's plain layout, kept so a new frame can tell it is unchanged.
    pub source: Arc<Galley>,
}

/// Lays out `text` (one chunk, no line break) in `format`, wrapped at `max_width` (infinite:
/// one line as wide as its text, for inline use). `lay` lays out one job (egui's memoised
/// layout).
pub fn layout(
    text: &str,
    format: &TextFormat,
    max_width: f32,
    source: Arc<Galley>,
    lay: &mut dyn FnMut(LayoutJob) -> Arc<Galley>,
) -> BidiChunk {
    let para = BidiParagraph::new(text);
    let atoms = para.atoms(text);
    let galleys: Vec<Arc<Galley>> = atoms
        .iter()
        .map(|atom| lay(LayoutJob::single_section(shown(text, atom), format.clone())))
        .collect();
    let widths: Vec<f32> = galleys
        .iter()
        .map(|g| g.rows.first().map_or(0.0, |r| r.size.x))
        .collect();
    let base_rtl = para.base() == Direction::Rtl;
    let line_h = format
        .line_height
        .or_else(|| galleys.first()?.rows.first().map(|r| r.size.y))
        .unwrap_or(format.font_id.size);
    let chars: Vec<char> = text.chars().collect();
    let lines = para.arrange(&atoms, &widths, max_width);
    // Right-to-left lines are right-aligned in this width.
    let width = if max_width.is_finite() {
        max_width
    } else {
        lines.iter().map(|l| l.width).fold(0.0, f32::max)
    };
    let parts = Atoms {
        atoms: &atoms,
        galleys: &galleys,
        widths: &widths,
        chars: &chars,
    };
    let mut rows = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let indent = if base_rtl {
            (width - line.width).max(0.0)
        } else {
            0.0
        };
        if let Some(row) = line_row(line, &parts, indent, line_h) {
            rows.push(PlacedRow {
                pos: pos2(0.0, n as f32 * line_h),
                row: Arc::new(row),
                ends_with_newline: false,
            });
        }
    }
    let mut galley: Galley = (*source).clone();
    let mut job = LayoutJob::single_section(text.to_owned(), format.clone());
    job.wrap.max_width = max_width;
    galley.job = Arc::new(job);
    galley.rect = Rect::from_min_size(Pos2::ZERO, vec2(width, rows.len() as f32 * line_h));
    galley.mesh_bounds = rows.iter().fold(Rect::NOTHING, |b, r| {
        b.union(r.visuals.mesh_bounds.translate(r.pos.to_vec2()))
    });
    galley.num_vertices = rows.iter().map(|r| r.visuals.mesh.vertices.len()).sum();
    galley.num_indices = rows.iter().map(|r| r.visuals.mesh.indices.len()).sum();
    galley.elided = false;
    galley.rows = rows;
    let rtl = atoms
        .iter()
        .flat_map(|a| std::iter::repeat_n(a.dir == Direction::Rtl, a.chars.len()))
        .collect();
    BidiChunk {
        galley: Arc::new(galley),
        rtl,
        base_rtl,
        width: max_width,
        source,
    }
}

/// A paragraph's atoms with what egui made of each: its galley, its width, and the
/// paragraph's chars (the glyphs are named by the stored, not the mirrored, char).
struct Atoms<'a> {
    atoms: &'a [Atom],
    galleys: &'a [Arc<Galley>],
    widths: &'a [f32],
    chars: &'a [char],
}

/// One line as a row: the atoms' meshes side by side, `indent` from the left, and one glyph
/// per char in logical order at its place. `None` for a line without atoms.
fn line_row(line: &ArrangedLine, a: &Atoms<'_>, indent: f32, line_h: f32) -> Option<Row> {
    let mut glyphs: Vec<Option<Glyph>> = vec![None; line.chars.len()];
    let mut mesh = Mesh::default();
    for &(k, x) in &line.placed {
        let atom = &a.atoms[k];
        let Some(row) = a.galleys[k].rows.first() else {
            continue;
        };
        let left = indent + x;
        let base = mesh.vertices.len() as u32;
        let mut atom_mesh = row.visuals.mesh.clone();
        atom_mesh.translate(vec2(left, 0.0));
        mesh.append(atom_mesh);
        for (i, mut glyph) in atom_glyphs(atom, row, a.widths[k]).into_iter().enumerate() {
            let c = atom.chars.start + i;
            glyph.chr = a.chars[c];
            glyph.pos.x += left;
            glyph.first_vertex += base;
            glyphs[c - line.chars.start] = Some(glyph);
        }
    }
    let &(k, _) = line.placed.first()?;
    let mut row: Row = (*a.galleys[k].rows.first()?.row).clone();
    row.glyphs = one_per_char(glyphs);
    row.size = vec2(indent + line.width, line_h);
    row.visuals.mesh_bounds = mesh.calc_bounds();
    row.visuals.glyph_index_start = 0;
    row.visuals.glyph_vertex_range = 0..mesh.vertices.len();
    row.visuals.mesh = mesh;
    Some(row)
}

/// The glyphs of a line, one per char: a char egui gave no glyph for (it always gives one
/// today) gets an empty one where the previous char ends, so offsets never shift.
fn one_per_char(glyphs: Vec<Option<Glyph>>) -> Vec<Glyph> {
    let Some(&first) = glyphs.iter().flatten().next() else {
        return Vec::new();
    };
    let mut last = first;
    last.advance_width = 0.0;
    glyphs
        .into_iter()
        .map(|g| {
            let g = g.unwrap_or_else(|| {
                let mut empty = last;
                empty.pos.x += last.advance_width;
                empty.advance_width = 0.0;
                empty
            });
            last = g;
            g
        })
        .collect()
}

/// The text egui lays out for `atom`: a lone bracket read right to left is drawn mirrored.
fn shown(text: &str, atom: &Atom) -> String {
    let s = &text[atom.bytes.clone()];
    let mut chars = s.chars();
    match (chars.next(), chars.next(), atom.dir) {
        (Some(c), None, Direction::Rtl) => mirrored(c).map_or_else(|| s.to_owned(), String::from),
        _ => s.to_owned(),
    }
}

/// One glyph per char of `atom`, in logical order, positioned within the atom's own row.
/// egui's glyphs are used where they match the chars one to one: in order for a left-to-right
/// atom; for a right-to-left word shaped without ligatures, egui gives its chars' glyphs in
/// visual order (the last char first) followed by one invisible glyph per char but one.
/// Otherwise each char gets an equal share of the atom's width.
fn atom_glyphs(atom: &Atom, row: &Row, width: f32) -> Vec<Glyph> {
    let n = atom.chars.len();
    let got = row.glyphs.len();
    match atom.dir {
        Direction::Ltr if got == n => return row.glyphs.clone(),
        Direction::Rtl if got == 2 * n - 1 => {
            return row.glyphs[..n].iter().rev().copied().collect();
        }
        _ => {}
    }
    let Some(&first) = row.glyphs.first() else {
        return Vec::new();
    };
    let share = width / n as f32;
    (0..n)
        .map(|i| {
            let slot = match atom.dir {
                Direction::Ltr => i,
                Direction::Rtl => n - 1 - i,
            };
            let mut glyph = first;
            glyph.pos = pos2(slot as f32 * share, first.pos.y);
            glyph.advance_width = share;
            glyph.first_vertex = 0;
            glyph
        })
        .collect()
}

/// The logical boundary nearest to `x` on `row` (galley coordinates), `row_start` being the
/// chunk char the row starts at: the caret a click at `x` puts. A click on the right half of
/// a right-to-left glyph puts the caret before its char.
pub fn boundary_at(chunk: &BidiChunk, row: &PlacedRow, row_start: usize, x: f32) -> usize {
    let x = x - row.pos.x;
    let mut best: Option<(f32, usize)> = None;
    for (i, g) in row.glyphs.iter().enumerate() {
        let c = row_start + i;
        let rtl = chunk.rtl.get(c).copied().unwrap_or(false);
        let (before, after) = if rtl {
            (g.pos.x + g.advance_width, g.pos.x)
        } else {
            (g.pos.x, g.pos.x + g.advance_width)
        };
        for (edge, at) in [(before, c), (after, c + 1)] {
            let d = (edge - x).abs();
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, at));
            }
        }
    }
    best.map_or(row_start, |(_, at)| at)
}

/// `job` laid out for painting: with bidi if its text has right-to-left script (one paragraph
/// per line of the text, each cut to `job.wrap.max_rows` rows), else by egui as it is. For
/// one-section jobs such as the claims list's lines.
pub fn galley(ui: &egui::Ui, job: LayoutJob) -> Arc<Galley> {
    let lay = |job: LayoutJob| ui.fonts_mut(|f| f.layout_job(job));
    if !claimdesk_model::bidi::has_rtl(&job.text) || job.sections.len() != 1 {
        return lay(job);
    }
    let format = job.sections[0].format.clone();
    let width = if job.wrap.max_width.is_finite() {
        job.wrap.max_width
    } else {
        ui.available_width()
    };
    let max_rows = job.wrap.max_rows;
    let mut paragraphs = job.text.split('\n').map(|line| {
        let mut plain = LayoutJob::single_section(line.to_owned(), format.clone());
        plain.wrap.max_width = width;
        let source = lay(plain);
        layout(line, &format, width, source, &mut |j| lay(j)).galley
    });
    let first = paragraphs.next().expect("split gives one piece at least");
    let mut out: Galley = (*first).clone();
    for next in paragraphs {
        let dy = out.rect.height();
        out.rows.extend(next.rows.iter().map(|r| PlacedRow {
            pos: r.pos + vec2(0.0, dy),
            ..r.clone()
        }));
        out.rect = out.rect.union(next.rect.translate(vec2(0.0, dy)));
        out.mesh_bounds = out
            .mesh_bounds
            .union(next.mesh_bounds.translate(vec2(0.0, dy)));
        out.num_vertices += next.num_vertices;
        out.num_indices += next.num_indices;
    }
    if out.rows.len() > max_rows {
        out.rows.truncate(max_rows);
        out.elided = true;
        let h = out.rows.last().map_or(0.0, |r| r.max_y());
        out.rect.max.y = h;
        out.num_vertices = out.rows.iter().map(|r| r.visuals.mesh.vertices.len()).sum();
        out.num_indices = out.rows.iter().map(|r| r.visuals.mesh.indices.len()).sum();
    }
    Arc::new(out)
}

/// A wrapped label of `text` in `font` and `color`, right-aligned and in visual order where it
/// reads right to left: for quotes and titles, which egui's own labels would show reversed.
pub fn label(ui: &mut egui::Ui, text: &str, font: egui::FontId, color: egui::Color32) -> Response {
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: font,
            color,
            ..Default::default()
        },
    );
    job.wrap.max_width = ui.available_width();
    let galley = galley(ui, job);
    let (rect, resp) = ui.allocate_exact_size(galley.size(), Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    ui.painter().galley(rect.min, galley, color);
    resp
}

/// A wrapped body-text label: egui's own for left-to-right text, [`label`] for right-to-left.
pub fn label_or_plain(ui: &mut egui::Ui, text: &str) -> Response {
    if claimdesk_model::bidi::has_rtl(text) {
        let font = egui::TextStyle::Body.resolve(ui.style());
        label(ui, text, font, ui.visuals().text_color())
    } else {
        ui.add(egui::Label::new(text).wrap())
    }
}

/// A heading: egui's own for left-to-right text, [`label`] in the heading style for
/// right-to-left.
pub fn heading(ui: &mut egui::Ui, text: &str) -> Response {
    if claimdesk_model::bidi::has_rtl(text) {
        let font = egui::TextStyle::Heading.resolve(ui.style());
        label(ui, text, font, ui.visuals().strong_text_color())
    } else {
        ui.heading(text)
    }
}

/// `text` on one line in `color`, laid out with bidi and sized to its text, announced to screen
/// readers as `role` (a link also takes clicks). For right-to-left text in a row of widgets.
fn inline(ui: &mut egui::Ui, text: &str, color: egui::Color32, role: egui::Role) -> Response {
    let format = TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color,
        ..Default::default()
    };
    let line = text.replace('\n', " ");
    let lay = |job: LayoutJob| ui.fonts_mut(|f| f.layout_job(job));
    let source = lay(LayoutJob::single_section(line.clone(), format.clone()));
    let galley = layout(&line, &format, f32::INFINITY, source, &mut |j| lay(j)).galley;
    let sense = if role == egui::Role::Link {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, resp) = ui.allocate_exact_size(galley.size(), sense);
    resp.widget_info(|| egui::WidgetInfo::labeled(role, true, text));
    ui.painter().galley(rect.min, galley, color);
    resp
}

/// A one-line label: egui's own for left-to-right text, laid out with bidi for right-to-left
/// (a quote among buttons, as in the conflicts bar).
pub fn inline_label(ui: &mut egui::Ui, text: &str) -> Response {
    if !claimdesk_model::bidi::has_rtl(text) {
        return ui.label(text);
    }
    inline(ui, text, ui.visuals().text_color(), egui::Role::Label)
}

/// A link showing `text` on one line: egui's own for left-to-right text; for right-to-left
/// text (a quote in the compare window), laid out with bidi and sized to its text.
pub fn link(ui: &mut egui::Ui, text: &str) -> Response {
    if !claimdesk_model::bidi::has_rtl(text) {
        return ui.link(text);
    }
    let color = ui.visuals().hyperlink_color;
    let resp = inline(ui, text, color, egui::Role::Link);
    if resp.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        let y = resp.rect.bottom() - 1.0;
        ui.painter()
            .hline(resp.rect.x_range(), y, egui::Stroke::new(1.0, color));
    }
    resp
}
