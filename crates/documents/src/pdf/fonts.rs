//! A PDF font as the text layer needs it: how a shown string splits into character codes, the
//! Unicode text of each code (ToUnicode first, then the font's encoding), and each code's
//! advance width.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

/// The largest ToUnicode or font program stream we decode (a font's tables are small).
const FONT_STREAM_LIMIT: usize = 8 << 20;

/// One character code of a shown string, decoded.
pub(crate) struct Code<'f> {
    /// Its Unicode text ("" when the font gives none).
    pub text: &'f str,
    /// Its advance, in text space units per unit of font size (glyph width / 1000).
    pub width: f32,
    /// Whether it is the single-byte code 32, to which word spacing (`Tw`) applies.
    pub is_space_code: bool,
}

/// A font of the document, ready to decode strings.
pub(crate) struct Font {
    /// Codes are two bytes (composite fonts) rather than one.
    two_byte: bool,
    /// Text of each one-byte code (simple fonts).
    simple_text: Vec<Box<str>>,
    /// Text of two-byte codes, from the ToUnicode map (composite fonts). Always
    /// `Encoding::UnicodeMapEncoding` (lopdf does not export the map's own type).
    cmap: Option<Encoding<'static>>,
    /// Decoded two-byte codes, so each is looked up once.
    decoded: std::cell::RefCell<HashMap<u32, Box<str>>>,
    /// Widths of one-byte codes (in glyph space units).
    simple_widths: Vec<f32>,
    /// Widths of two-byte codes: sorted, non-overlapping `(first, last, width)` ranges.
    cid_widths: Vec<(u32, u32, f32)>,
    /// The width of a code the tables do not list.
    default_width: f32,
    /// Glyph space to text space (0.001, or a Type 3 font's matrix).
    scale: f32,
}

impl Font {
    /// The font described by `dict`; never fails (an unreadable font decodes to no text).
    pub(crate) fn new(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let scale = match subtype {
            b"Type3" => font_matrix_scale(doc, dict),
            _ => 0.001,
        };
        if subtype == b"Type0" {
            Self::composite(doc, dict, scale)
        } else {
            Self::simple(doc, dict, scale)
        }
    }

    fn composite(doc: &Document, dict: &Dictionary, scale: f32) -> Font {
        let cmap = to_unicode(doc, dict);
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| deref(doc, o).as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok());
        let default_width = descendant
            .and_then(|d| d.get(b"DW").ok())
            .and_then(number)
            .unwrap_or(1000.0);
        let cid_widths = descendant
            .and_then(|d| d.get(b"W").ok())
            .and_then(|w| deref(doc, w).as_array().ok())
            .map(|w| cid_widths(doc, w))
            .unwrap_or_default();
        Font {
            two_byte: true,
            simple_text: Vec::new(),
            cmap,
            decoded: Default::default(),
            simple_widths: Vec::new(),
            cid_widths,
            default_width,
            scale,
        }
    }

    fn simple(doc: &Document, dict: &Dictionary, scale: f32) -> Font {
        let simple_text = simple_texts(doc, dict);
        let missing = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref(doc, o).as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(number)
            .filter(|w| *w > 0.0);
        let has_widths = dict.get(b"Widths").is_ok();
        // Without /Widths (the standard 14 fonts of old files) half an em is a fair guess.
        let default_width = missing.unwrap_or(if has_widths { 0.0 } else { 500.0 });
        let mut simple_widths = vec![default_width; 256];
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(number)
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as usize;
        if let Some(widths) = dict
            .get(b"Widths")
            .ok()
            .and_then(|o| deref(doc, o).as_array().ok())
        {
            for (slot, w) in simple_widths.iter_mut().skip(first).zip(widths) {
                if let Some(w) = number(deref(doc, w)) {
                    *slot = w;
                }
            }
        }
        Font {
            two_byte: false,
            simple_text,
            cmap: None,
            decoded: Default::default(),
            simple_widths,
            cid_widths: Vec::new(),
            default_width,
            scale,
        }
    }

    /// Calls `each` with every code of the shown string `bytes`, in order.
    pub(crate) fn decode(&self, bytes: &[u8], mut each: impl FnMut(Code<'_>)) {
        if !self.two_byte {
            for &b in bytes {
                each(Code {
                    text: &self.simple_text[usize::from(b)],
                    width: self.simple_widths[usize::from(b)] * self.scale,
                    is_space_code: b == b' ',
                });
            }
            return;
        }
        for pair in bytes.chunks(2) {
            let code = pair.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            let width = self.cid_width(code) * self.scale;
            let mut decoded = self.decoded.borrow_mut();
            let text = decoded.entry(code).or_insert_with(|| self.cid_text(code));
            each(Code {
                text,
                width,
                is_space_code: false,
            });
        }
    }

    fn cid_text(&self, code: u32) -> Box<str> {
        let Some(Encoding::UnicodeMapEncoding(map)) = &self.cmap else {
            return "".into();
        };
        let Some(units) = map.get(code, 2) else {
            return "".into();
        };
        String::from_utf16_lossy(&units).into()
    }

    fn cid_width(&self, code: u32) -> f32 {
        let at = self.cid_widths.partition_point(|&(_, last, _)| last < code);
        match self.cid_widths.get(at) {
            Some(&(first, _, w)) if first <= code => w,
            _ => self.default_width,
        }
    }
}

/// `object`, or the object it refers to.
pub(crate) fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(&Object::Null),
        other => other,
    }
}

/// A number object as `f32`.
pub(crate) fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r).filter(|r| r.is_finite()),
        _ => None,
    }
}

/// A Type 3 font's horizontal glyph-to-text scale (its `/FontMatrix` a), 0.001 by default.
fn font_matrix_scale(doc: &Document, dict: &Dictionary) -> f32 {
    dict.get(b"FontMatrix")
        .ok()
        .and_then(|m| deref(doc, m).as_array().ok())
        .and_then(|m| m.first())
        .and_then(number)
        .filter(|a| *a != 0.0 && a.abs() < 10.0)
        .unwrap_or(0.001)
}

/// The font's ToUnicode map, when it has a readable one.
fn to_unicode(doc: &Document, dict: &Dictionary) -> Option<Encoding<'static>> {
    dict.get(b"ToUnicode").ok()?;
    // lopdf reads a ToUnicode stream only as a font's encoding: ask for the encoding of a copy
    // of the font dictionary that has no other /Encoding.
    let mut only_map = dict.clone();
    only_map.remove(b"Encoding");
    match only_map.get_font_encoding_with_limit(doc, FONT_STREAM_LIMIT) {
        Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

/// The text of each one-byte code of a simple font: ToUnicode where it maps the code, the
/// font's encoding otherwise.
fn simple_texts(doc: &Document, dict: &Dictionary) -> Vec<Box<str>> {
    let map = to_unicode(doc, dict);
    let encoding = dict
        .get_font_encoding_with_limit(doc, FONT_STREAM_LIMIT)
        .ok();
    (0..=255u8)
        .map(|b| {
            if let Some(Encoding::UnicodeMapEncoding(map)) = &map
                && let Some(units) = map.get(u32::from(b), 1)
            {
                return String::from_utf16_lossy(&units).into();
            }
            match &encoding {
                Some(Encoding::UnicodeMapEncoding(_)) | None => "".into(),
                Some(e) => e
                    .bytes_to_string(&[b])
                    .unwrap_or_default()
                    .replace('\u{0}', "")
                    .into(),
            }
        })
        .collect()
}

/// The `/W` array of a CID font as sorted `(first, last, width)` ranges.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < w.len() && ranges.len() < 1_000_000 {
        let Some(first) = number(deref(doc, &w[i])).map(|f| f.max(0.0) as u32) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate() {
                    if let Some(width) = number(deref(doc, width)) {
                        let code = first.saturating_add(k as u32);
                        ranges.push((code, code, width));
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) = (
                    number(last),
                    w.get(i + 2).and_then(|o| number(deref(doc, o))),
                ) else {
                    break;
                };
                ranges.push((first, (last.max(0.0) as u32).max(first), width));
                i += 3;
            }
            None => break,
        }
    }
    ranges.sort_by_key(|r| r.0);
    // Overlapping ranges (bad files): the first one wins, so the search stays valid.
    let mut clean: Vec<(u32, u32, f32)> = Vec::with_capacity(ranges.len());
    for (first, last, width) in ranges {
        match clean.last() {
            Some(&(_, prev_last, _)) if first <= prev_last => {
                if last > prev_last {
                    clean.push((prev_last + 1, last, width));
                }
            }
            _ => clean.push((first, last, width)),
        }
    }
    clean
}
