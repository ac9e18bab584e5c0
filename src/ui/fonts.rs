//! Bundled fonts for scripts egui's defaults lack (Arabic, Hebrew, CJK), added as fallbacks so
//! articles show real glyphs on any machine. See `assets/fonts/README.md`.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const FALLBACKS: [(&str, &[u8]); 3] = [
    (
        "NotoSansArabic",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansHebrew",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "DroidSansFallback",
        include_bytes!("../../assets/fonts/DroidSansFallback.ttf"),
    ),
];

/// egui's default fonts plus the bundled fallbacks, right after each family's main font.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in FALLBACKS {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        if let Some(list) = fonts.families.get_mut(&family) {
            let at = list.len().min(if family == FontFamily::Monospace {
                2
            } else {
                1
            });
            for (offset, (name, _)) in FALLBACKS.iter().enumerate() {
                list.insert(at + offset, (*name).to_owned());
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
