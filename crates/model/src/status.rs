//! The claim statuses ([`ClaimStatus`]) and how each is shown, in one table: its name, its key, its glyph, its underline
//! and its colours (light and dark). The app's theme, legend, shortcuts and menus and the
//! reports' CSS all read it, so a status looks the same everywhere.
//!
//! Colours are from the Okabe–Ito palette (distinguishable for most colour-vision
//! deficiencies); the underline and the glyph carry the status without colour (greyscale
//! print, colour blindness).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A claim's verdict state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// The claim is stated as fact and the review upholds it.
    Asserted,
    /// The claim is contested or contradicted by evidence.
    Disputed,
    /// No verdict yet: the claim is being checked.
    UnderInvestigation,
}

impl ClaimStatus {
    /// All statuses, in display order.
    pub const ALL: [ClaimStatus; 3] = [
        ClaimStatus::Asserted,
        ClaimStatus::Disputed,
        ClaimStatus::UnderInvestigation,
    ];

    /// Human-readable name ("Under investigation").
    pub fn label(self) -> &'static str {
        match self {
            ClaimStatus::Asserted => "Asserted",
            ClaimStatus::Disputed => "Disputed",
            ClaimStatus::UnderInvestigation => "Under investigation",
        }
    }

    /// The identifier used in files and exports ("under_investigation").
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Asserted => "asserted",
            ClaimStatus::Disputed => "disputed",
            ClaimStatus::UnderInvestigation => "under_investigation",
        }
    }

    /// Parses the file identifier.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The look of one status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusLook {
    /// The status.
    pub status: ClaimStatus,
    /// Its name's message id in the catalogues (`claimdesk-i18n`): what the window and the
    /// reports call it in their language.
    pub message: &'static str,
    /// The key that marks with it (upper case letter; typed without modifiers).
    pub key: char,
    /// The glyph next to every highlight and in the legend of the reports.
    pub glyph: &'static str,
    /// How its highlight is underlined.
    pub underline: Underline,
    /// Strong colour (underlines, badges, borders) on a light background.
    pub light: Rgb,
    /// Strong colour on a dark background.
    pub dark: Rgb,
}

/// The non-colour cue of a highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Underline {
    /// One solid line.
    Solid,
    /// Two thin lines.
    Double,
    /// A dashed line.
    Dashed,
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Opacity (of 255) of a highlight's fill on a light background; overlaps stack darker.
pub const FILL_ALPHA_LIGHT: u8 = 48;
/// Opacity (of 255) of a highlight's fill on a dark background.
pub const FILL_ALPHA_DARK: u8 = 70;
/// The light background the report's fills are blended over (white paper).
pub const PAPER_LIGHT: Rgb = Rgb(255, 255, 255);
/// The dark background the report's fills are blended over.
pub const PAPER_DARK: Rgb = Rgb(13, 17, 23);

/// Every status's look, in display order (the order of [`ClaimStatus::ALL`]).
pub const STATUS_LOOKS: [StatusLook; 3] = [
    StatusLook {
        status: ClaimStatus::Asserted,
        message: "status-asserted",
        key: 'A',
        glyph: "✓",
        underline: Underline::Solid,
        light: Rgb(0, 128, 94),
        dark: Rgb(60, 200, 150),
    },
    StatusLook {
        status: ClaimStatus::Disputed,
        message: "status-disputed",
        key: 'D',
        glyph: "✗",
        underline: Underline::Double,
        light: Rgb(196, 72, 0),
        dark: Rgb(255, 130, 60),
    },
    StatusLook {
        status: ClaimStatus::UnderInvestigation,
        message: "status-under-investigation",
        key: 'I',
        glyph: "?",
        underline: Underline::Dashed,
        light: Rgb(0, 100, 170),
        dark: Rgb(110, 190, 245),
    },
];

impl ClaimStatus {
    /// How this status is shown.
    pub fn look(self) -> &'static StatusLook {
        let look = &STATUS_LOOKS[self as usize];
        debug_assert_eq!(look.status, self, "STATUS_LOOKS follows ClaimStatus::ALL");
        look
    }

    /// The status marked by `key` (either case), if any.
    pub fn from_key(key: char) -> Option<Self> {
        STATUS_LOOKS
            .iter()
            .find(|l| l.key.eq_ignore_ascii_case(&key))
            .map(|l| l.status)
    }
}

impl StatusLook {
    /// The strong colour for a light or dark background.
    pub fn color(&self, dark: bool) -> Rgb {
        if dark { self.dark } else { self.light }
    }

    /// The fill of a highlight, as it looks on the report's paper (light or dark).
    pub fn fill_on_paper(&self, dark: bool) -> Rgb {
        if dark {
            self.dark.over(PAPER_DARK, FILL_ALPHA_DARK)
        } else {
            self.light.over(PAPER_LIGHT, FILL_ALPHA_LIGHT)
        }
    }
}

impl Underline {
    /// Its message id in the catalogues, for legends in the report's language.
    pub fn message(self) -> &'static str {
        match self {
            Underline::Solid => "underline-solid",
            Underline::Double => "underline-double",
            Underline::Dashed => "underline-dashed",
        }
    }

    /// In words, for legends ("double underline").
    pub fn describe(self) -> &'static str {
        match self {
            Underline::Solid => "solid underline",
            Underline::Double => "double underline",
            Underline::Dashed => "dashed underline",
        }
    }

    /// A CSS border of about `px` pixels in this style (two lines and their gap need 2 px more).
    pub fn css_border(self, px: u32) -> String {
        match self {
            Underline::Solid => format!("{px}px solid"),
            Underline::Double => format!("{}px double", px + 2),
            Underline::Dashed => format!("{px}px dashed"),
        }
    }
}

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour at opacity `alpha` (of 255) over `background`.
    pub fn over(self, background: Rgb, alpha: u8) -> Rgb {
        let mix = |c: u8, b: u8| {
            let (c, b, a) = (u32::from(c), u32::from(b), u32::from(alpha));
            ((c * a + b * (255 - a) + 127) / 255) as u8
        };
        Rgb(
            mix(self.0, background.0),
            mix(self.1, background.1),
            mix(self.2, background.2),
        )
    }
}

/// The reports' CSS rules for every status, generated from [`STATUS_LOOKS`]: colour variables
/// (light, dark and print) and the badge, glyph, highlight and claim-border rules.
pub fn status_css() -> String {
    let vars = |dark: bool| {
        STATUS_LOOKS
            .iter()
            .map(|l| {
                let id = l.status.as_str();
                format!(
                    "--{id}: {}; --{id}-bg: {};",
                    l.color(dark).hex(),
                    l.fill_on_paper(dark).hex()
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut css =
        String::from("/* Status colours and cues: generated from claimdesk_model::status. */\n");
    css.push_str(&format!(":root {{ {} }}\n", vars(false)));
    css.push_str(&format!(
        "@media (prefers-color-scheme: dark) {{ :root {{ {} }} }}\n",
        vars(true)
    ));
    css.push_str(&format!("@media print {{ :root {{ {} }} }}\n", vars(false)));
    for l in &STATUS_LOOKS {
        let id = l.status.as_str();
        css.push_str(&format!(
            ".badge.{id}, sup.ref.{id} {{ color: var(--{id}); }}\n\
             mark[data-status=\"{id}\"] {{ background: var(--{id}-bg); border-bottom: {} var(--{id}); }}\n\
             .claim.{id} {{ border-left: {} var(--{id}); }}\n",
            l.underline.css_border(2),
            l.underline.css_border(4),
        ));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_status_order_and_keys_are_distinct() {
        for (look, status) in STATUS_LOOKS.iter().zip(ClaimStatus::ALL) {
            assert_eq!(look.status, status);
            assert_eq!(status.look(), look);
            assert_eq!(ClaimStatus::from_key(look.key), Some(status));
            assert_eq!(
                ClaimStatus::from_key(look.key.to_ascii_lowercase()),
                Some(status)
            );
        }
        assert_eq!(ClaimStatus::from_key('x'), None);
    }

    #[test]
    fn fills_blend_over_the_paper() {
        assert_eq!(Rgb(0, 0, 0).over(Rgb(255, 255, 255), 255), Rgb(0, 0, 0));
        assert_eq!(Rgb(0, 0, 0).over(Rgb(255, 255, 255), 0), Rgb(255, 255, 255));
        assert_eq!(Rgb(200, 100, 0).over(Rgb(0, 0, 0), 51), Rgb(40, 20, 0));
        assert_eq!(Rgb(0, 128, 94).hex(), "#00805e");
    }

    #[test]
    fn the_css_has_every_status_colour_and_underline() {
        let css = status_css();
        for l in &STATUS_LOOKS {
            let id = l.status.as_str();
            assert!(
                css.contains(&format!("--{id}: {};", l.light.hex())),
                "{css}"
            );
            assert!(css.contains(&format!("--{id}: {};", l.dark.hex())), "{css}");
            assert!(css.contains(&format!("mark[data-status=\"{id}\"]")));
        }
        assert!(css.contains("border-bottom: 4px double var(--disputed)"));
        assert!(css.contains("border-left: 6px double var(--disputed)"));
        assert!(css.contains("border-bottom: 2px dashed var(--under_investigation)"));
    }
}
