//! Runs a page's content streams (and the form XObjects they draw) far enough to know where
//! every character is shown: the graphics and text state operators of ISO 32000-1 §8–9. Work
//! is bounded by a [`Budget`] shared by all pages.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::{Font, deref, number};
use super::glyphs::{Glyph, PageGlyphs};
use super::tokens::{Lexer, Operand, Token};

/// How deep form XObjects may nest.
const MAX_FORM_DEPTH: usize = 12;
/// How deep `q` may save graphics states.
const MAX_SAVED_STATES: usize = 256;
/// How deep marked content may nest.
const MAX_MARKED_DEPTH: usize = 256;

/// The work left for the whole document; running out is an error.
pub(crate) struct Budget {
    /// Content-stream operators left to run.
    pub operators: u64,
    /// Bytes of decompressed content streams left.
    pub bytes: usize,
    /// The largest single stream to decompress.
    pub stream_limit: usize,
    /// Content streams that could not be decoded (damaged data), counted.
    pub undecodable: usize,
}

/// The budget ran out: which one, in words.
#[derive(Debug)]
pub(crate) struct OverBudget(pub &'static str);

/// A 2D affine matrix `[a b c d e f]` (x' = a·x + c·y + e, y' = b·x + d·y + f).
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn concat(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// The graphics state the text layer needs (text state included: `q`/`Q` save it).
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

/// Fonts already read, by object id (shared by all pages).
#[derive(Default)]
pub(crate) struct FontCache {
    fonts: HashMap<ObjectId, Rc<Font>>,
}

/// One page being run.
struct Run<'d> {
    doc: &'d Document,
    fonts: &'d mut FontCache,
    budget: &'d mut Budget,
    out: PageGlyphs,
    state: State,
    saved: Vec<State>,
    saved_overflow: usize,
    text_matrix: Matrix,
    line_matrix: Matrix,
    /// For each open marked-content sequence: whether it is an artifact.
    marked: Vec<bool>,
    artifact_depth: usize,
}

/// The glyphs of page `page_id`, in the page's upright coordinates.
pub(crate) fn page_glyphs(
    doc: &Document,
    page_id: ObjectId,
    fonts: &mut FontCache,
    budget: &mut Budget,
) -> Result<PageGlyphs, OverBudget> {
    let page = doc.get_dictionary(page_id).ok();
    let (base, height) = page_transform(doc, page);
    let mut run = Run {
        doc,
        fonts,
        budget,
        out: PageGlyphs {
            height,
            ..Default::default()
        },
        state: State {
            ctm: base,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        },
        saved: Vec::new(),
        saved_overflow: 0,
        text_matrix: IDENTITY,
        line_matrix: IDENTITY,
        marked: Vec::new(),
        artifact_depth: 0,
    };
    let resources = page.and_then(|p| inherited(doc, p, b"Resources"));
    let resources = resources.and_then(|r| deref(doc, r).as_dict().ok());
    let content = page_content(doc, page, run.budget)?;
    run.execute(&content, resources, 0)?;
    Ok(run.out)
}

/// A page attribute, looked up through the page tree's parents (for inheritable ones).
fn inherited<'d>(doc: &'d Document, page: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        node = node
            .get(b"Parent")
            .ok()
            .and_then(|p| deref(doc, p).as_dict().ok())?;
    }
    None
}

/// The matrix from default user space to upright page coordinates, and the upright height.
fn page_transform(doc: &Document, page: Option<&Dictionary>) -> (Matrix, f32) {
    let rect = |key: &[u8]| -> Option<[f32; 4]> {
        let array = deref(doc, inherited(doc, page?, key)?).as_array().ok()?;
        let v: Vec<f32> = array.iter().filter_map(|o| number(deref(doc, o))).collect();
        (v.len() == 4).then(|| {
            [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ]
        })
    };
    let [x0, y0, x1, y1] = rect(b"CropBox")
        .or_else(|| rect(b"MediaBox"))
        .filter(|r| r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0)
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let rotate = page
        .and_then(|p| inherited(doc, p, b"Rotate"))
        .and_then(|r| number(deref(doc, r)))
        .map(|r| (r as i64).rem_euclid(360))
        .unwrap_or(0);
    let (w, h) = (x1 - x0, y1 - y0);
    match rotate {
        90 => ([0.0, -1.0, 1.0, 0.0, -y0, x1], w),
        180 => ([-1.0, 0.0, 0.0, -1.0, x1, y1], h),
        270 => ([0.0, 1.0, -1.0, 0.0, y1, -x0], w),
        _ => ([1.0, 0.0, 0.0, 1.0, -x0, -y0], h),
    }
}

/// A stream's decoded bytes, charged to the budget.
fn stream_bytes(stream: &lopdf::Stream, budget: &mut Budget) -> Result<Vec<u8>, OverBudget> {
    let limit = budget.stream_limit.min(budget.bytes);
    match stream.get_plain_content_with_limit(limit) {
        Ok(bytes) => {
            budget.bytes -= bytes.len();
            Ok(bytes)
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => Err(
            OverBudget("a page's content decompresses to more than the limit"),
        ),
        // A stream that does not decode (bad data): its page shows nothing.
        Err(_) => {
            budget.undecodable += 1;
            Ok(Vec::new())
        }
    }
}

/// All content streams of a page, joined.
fn page_content(
    doc: &Document,
    page: Option<&Dictionary>,
    budget: &mut Budget,
) -> Result<Vec<u8>, OverBudget> {
    let mut out = Vec::new();
    let Some(contents) = page.and_then(|p| p.get(b"Contents").ok()) else {
        return Ok(out);
    };
    let parts: Vec<&Object> = match deref(doc, contents) {
        Object::Array(items) => items.iter().collect(),
        _ => vec![contents],
    };
    for part in parts {
        if let Ok(stream) = deref(doc, part).as_stream() {
            out.extend(stream_bytes(stream, budget)?);
            out.push(b'\n');
        }
    }
    Ok(out)
}

impl Run<'_> {
    /// Runs one content stream with `resources`.
    fn execute(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        depth: usize,
    ) -> Result<(), OverBudget> {
        let mut lexer = Lexer::new(content);
        let mut operands: Vec<Operand> = Vec::new();
        while let Some(token) = lexer.next_token() {
            match token {
                Token::Operand(operand) => {
                    if operands.len() < 64 {
                        operands.push(operand);
                    }
                }
                Token::Operator(op) => {
                    if self.budget.operators == 0 {
                        return Err(OverBudget(
                            "the pages hold more drawing operations than the limit",
                        ));
                    }
                    self.budget.operators -= 1;
                    self.operator(op, &operands, resources, depth)?;
                    operands.clear();
                }
            }
        }
        Ok(())
    }

    fn operator(
        &mut self,
        op: &[u8],
        operands: &[Operand],
        resources: Option<&Dictionary>,
        depth: usize,
    ) -> Result<(), OverBudget> {
        let num = |i: usize| match operands.get(i) {
            Some(Operand::Number(n)) => *n,
            _ => 0.0,
        };
        match op {
            b"q" => self.save(),
            b"Q" => self.restore(),
            b"cm" if operands.len() >= 6 => {
                let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                self.state.ctm = concat(&m, &self.state.ctm);
            }
            b"BT" => {
                self.text_matrix = IDENTITY;
                self.line_matrix = IDENTITY;
            }
            b"Tc" => self.state.char_spacing = num(0),
            b"Tw" => self.state.word_spacing = num(0),
            b"Tz" => self.state.horizontal_scale = num(0) / 100.0,
            b"TL" => self.state.leading = num(0),
            b"Ts" => self.state.rise = num(0),
            b"Tf" => self.set_font(operands, resources),
            b"Td" => self.move_line(num(0), num(1)),
            b"TD" => {
                self.state.leading = -num(1);
                self.move_line(num(0), num(1));
            }
            b"Tm" if operands.len() >= 6 => {
                self.line_matrix = [num(0), num(1), num(2), num(3), num(4), num(5)];
                self.text_matrix = self.line_matrix;
            }
            b"T*" => self.move_line(0.0, -self.state.leading),
            b"Tj" => self.show_operand(operands.first()),
            b"'" => {
                self.move_line(0.0, -self.state.leading);
                self.show_operand(operands.first());
            }
            b"\"" => {
                self.state.word_spacing = num(0);
                self.state.char_spacing = num(1);
                self.move_line(0.0, -self.state.leading);
                self.show_operand(operands.get(2));
            }
            b"TJ" => self.show_operand(operands.first()),
            b"BMC" | b"BDC" => self.begin_marked(operands),
            b"EMC" => self.end_marked(),
            b"Do" => self.draw_object(operands, resources, depth)?,
            _ => {}
        }
        Ok(())
    }

    fn save(&mut self) {
        if self.saved.len() < MAX_SAVED_STATES {
            self.saved.push(self.state.clone());
        } else {
            self.saved_overflow += 1;
        }
    }

    fn restore(&mut self) {
        if self.saved_overflow > 0 {
            self.saved_overflow -= 1;
        } else if let Some(state) = self.saved.pop() {
            self.state = state;
        }
    }

    fn begin_marked(&mut self, operands: &[Operand]) {
        if self.marked.len() >= MAX_MARKED_DEPTH {
            return;
        }
        let artifact = matches!(operands.first(), Some(Operand::Name(n)) if n == b"Artifact");
        self.marked.push(artifact);
        if artifact {
            self.artifact_depth += 1;
        }
    }

    fn end_marked(&mut self) {
        if self.marked.pop() == Some(true) {
            self.artifact_depth -= 1;
        }
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.line_matrix = concat(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn set_font(&mut self, operands: &[Operand], resources: Option<&Dictionary>) {
        self.state.font_size = match operands.get(1) {
            Some(Operand::Number(n)) => *n,
            _ => self.state.font_size,
        };
        let Some(Operand::Name(name)) = operands.first() else {
            return;
        };
        let doc = self.doc;
        let entry = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| deref(doc, f).as_dict().ok())
            .and_then(|f| f.get(name).ok());
        self.state.font = match entry {
            Some(Object::Reference(id)) => {
                let id = *id;
                if let Some(font) = self.fonts.fonts.get(&id) {
                    Some(font.clone())
                } else {
                    let font = doc
                        .get_dictionary(id)
                        .ok()
                        .map(|dict| Rc::new(Font::new(doc, dict)));
                    if let Some(font) = &font {
                        self.fonts.fonts.insert(id, font.clone());
                    }
                    font
                }
            }
            Some(Object::Dictionary(dict)) => Some(Rc::new(Font::new(doc, dict))),
            _ => None,
        };
    }

    fn show_operand(&mut self, operand: Option<&Operand>) {
        match operand {
            Some(Operand::Str(bytes)) => self.show(bytes),
            Some(Operand::Array(items)) => {
                for item in items {
                    match item {
                        Operand::Str(bytes) => self.show(bytes),
                        Operand::Number(n) => {
                            let tx =
                                -n / 1000.0 * self.state.font_size * self.state.horizontal_scale;
                            self.text_matrix =
                                concat(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.text_matrix);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Shows a string: one glyph per character code, the text matrix advanced after each.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let s = self.state.clone();
        let artifact = self.artifact_depth > 0;
        let base = concat(&self.text_matrix, &s.ctm);
        let mut text_matrix = self.text_matrix;
        let mut out = std::mem::take(&mut self.out);
        font.decode(bytes, |code| {
            let scale = [
                s.font_size * s.horizontal_scale,
                0.0,
                0.0,
                s.font_size,
                0.0,
                s.rise,
            ];
            let trm = concat(&scale, &concat(&text_matrix, &s.ctm));
            let extra = s.char_spacing
                + if code.is_space_code {
                    s.word_spacing
                } else {
                    0.0
                };
            let tx = (code.width * s.font_size + extra) * s.horizontal_scale;
            text_matrix = concat(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &text_matrix);
            if artifact {
                out.artifact_glyphs += usize::from(!code.text.trim().is_empty());
                return;
            }
            let size = trm[2].hypot(trm[3]);
            if !size.is_finite() || !trm[4].is_finite() || !trm[5].is_finite() {
                return;
            }
            out.glyphs.push(Glyph {
                text: code.text.into(),
                x: trm[4],
                y: trm[5],
                width: (code.width * s.font_size * s.horizontal_scale).abs()
                    * base[0].hypot(base[1]),
                size,
                upright: trm[0] > 0.0 && trm[1].abs() < 0.05 * trm[0] && trm[3] > 0.0,
            });
        });
        self.out = out;
        self.text_matrix = text_matrix;
    }

    /// `Do`: runs a form XObject (images and other objects show no text).
    fn draw_object(
        &mut self,
        operands: &[Operand],
        resources: Option<&Dictionary>,
        depth: usize,
    ) -> Result<(), OverBudget> {
        let Some(Operand::Name(name)) = operands.first() else {
            return Ok(());
        };
        if depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        let doc = self.doc;
        let Some(stream) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| deref(doc, x).as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|s| deref(doc, s).as_stream().ok())
        else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        let content = stream_bytes(stream, self.budget)?;
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| deref(doc, m).as_array().ok())
            .map(|m| {
                m.iter()
                    .filter_map(|o| number(deref(doc, o)))
                    .collect::<Vec<_>>()
            })
            .filter(|m| m.len() == 6)
            .map(|m| [m[0], m[1], m[2], m[3], m[4], m[5]])
            .unwrap_or(IDENTITY);
        let form_resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| deref(doc, r).as_dict().ok())
            .or(resources);
        let (saved_text, saved_line) = (self.text_matrix, self.line_matrix);
        self.save();
        self.state.ctm = concat(&matrix, &self.state.ctm);
        let result = self.execute(&content, form_resources, depth + 1);
        self.restore();
        self.text_matrix = saved_text;
        self.line_matrix = saved_line;
        result
    }
}
