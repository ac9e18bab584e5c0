//! Bundled fonts for scripts egui's defaults lack (Arabic, Hebrew, CJK), added as fallbacks so
//! articles show real glyphs on any machine. See `assets/fonts/README.md`.

use std::sync::Arc;

use claimdesk_fonts::SCRIPT_FALLBACKS;
use egui::{FontData, FontDefinitions, FontFamily};

/// egui's names for the bundled fallbacks, in the core's [`SCRIPT_FALLBACKS`] order.
const FALLBACK_NAMES: [&str; 3] = ["NotoSansArabic", "NotoSansHebrew", "DroidSansFallback"];

/// egui's default fonts plus the bundled fallbacks, right after each family's main font.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, font) in FALLBACK_NAMES.into_iter().zip(SCRIPT_FALLBACKS) {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(font.bytes)));
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        if let Some(list) = fonts.families.get_mut(&family) {
            let at = list.len().min(if family == FontFamily::Monospace {
                2
            } else {
                1
            });
            for (offset, name) in FALLBACK_NAMES.into_iter().enumerate() {
                list.insert(at + offset, name.to_owned());
            }
        }
    }
    fonts
}

/// Installs [`definitions`] in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallbacks_follow_the_main_font() {
        let fonts = definitions();
        let proportional = &fonts.families[&FontFamily::Proportional];
        assert_eq!(proportional[0], "Ubuntu-Light");
        assert_eq!(
            &proportional[1..4],
            ["NotoSansArabic", "NotoSansHebrew", "DroidSansFallback"]
        );
        assert!(
            proportional.iter().any(|f| f == "NotoEmoji-Regular"),
            "emoji stay available"
        );
    }
}
