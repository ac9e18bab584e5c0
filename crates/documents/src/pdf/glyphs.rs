//! The text of one page as positioned glyphs, in the page's upright coordinates (points, y
//! up, origin at the lower left corner of the visible page box).

/// One shown character code with its Unicode text.
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    /// Its text (one char, or several for a ligature glyph; may be "" or whitespace).
    pub text: Box<str>,
    /// The left end of its baseline.
    pub x: f32,
    /// Its baseline.
    pub y: f32,
    /// Its advance along the baseline.
    pub width: f32,
    /// Its font size on the page (points).
    pub size: f32,
    /// Whether it runs left to right on a horizontal baseline (rotated text does not).
    pub upright: bool,
}

impl Glyph {
    /// The right end of its baseline.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Whether it shows nothing but white space (or nothing at all).
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// A page read into glyphs.
#[derive(Debug, Default)]
pub(crate) struct PageGlyphs {
    /// The glyphs in the order the content stream shows them.
    pub glyphs: Vec<Glyph>,
    /// The page's height (points), after its rotation.
    pub height: f32,
    /// How many glyphs were inside marked-content artifacts (running heads, page numbers in a
    /// tagged PDF) and left out.
    pub artifact_glyphs: usize,
}
