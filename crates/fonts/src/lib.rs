//! The fonts built into Claimdesk (`assets/fonts/`, licences in its README): the app adds the
//! script fonts to egui's defaults, and the PDF report embeds subsets of all of them, so an
//! article in Arabic, Hebrew or Chinese shows real glyphs on any machine and in any report.

/// A bundled font: its family name and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct BundledFont {
    /// The family name, as the font itself gives it.
    pub family: &'static str,
    /// The TrueType file.
    pub bytes: &'static [u8],
}

/// Noto Sans Arabic (regular).
pub const ARABIC: BundledFont = BundledFont {
    family: "Noto Sans Arabic",
    bytes: include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf"),
};

/// Noto Sans Hebrew (regular).
pub const HEBREW: BundledFont = BundledFont {
    family: "Noto Sans Hebrew",
    bytes: include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular.ttf"),
};

/// Droid Sans Fallback: Chinese, Japanese, Korean.
pub const CJK: BundledFont = BundledFont {
    family: "Droid Sans Fallback",
    bytes: include_bytes!("../../../assets/fonts/DroidSansFallback.ttf"),
};

/// The script fonts the app adds after egui's own Latin font, in fallback order.
pub const SCRIPT_FALLBACKS: [BundledFont; 3] = [ARABIC, HEBREW, CJK];

/// Every font the PDF report may use: Noto Sans (Latin, Greek, Cyrillic; regular and bold),
/// the status marks ✓ and ✗ (a two-glyph subset of Noto Sans Symbols 2), then the script
/// fonts. Typst picks a family in this order for each character.
pub const REPORT_FONTS: [BundledFont; 6] = [
    BundledFont {
        family: "Noto Sans",
        bytes: include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    },
    BundledFont {
        family: "Noto Sans",
        bytes: include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    },
    BundledFont {
        family: "Noto Sans Symbols2",
        bytes: include_bytes!("../../../assets/fonts/NotoSansSymbols2-Checks.ttf"),
    },
    ARABIC,
    HEBREW,
    CJK,
];
