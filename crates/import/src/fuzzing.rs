//! The properties the fuzz targets (`fuzz/`) check, shared with `cargo test`, which replays the
//! fuzz corpus through the same functions.

use std::path::Path;

use crate::{ArticleKind, ImportOptions, import_bytes};

/// Any bytes, read as plain text, as a web page and as Markdown, import or are refused, never
/// panic; an imported article is normalised (no carriage returns, no control characters other
/// than newline and tab) and has text.
pub fn check_import(data: &[u8]) {
    for kind in [ArticleKind::Text, ArticleKind::Html, ArticleKind::Markdown] {
        let options = ImportOptions::default();
        let Ok(imported) = import_bytes(data, Path::new("fuzz"), "fuzz", "", kind, &options) else {
            continue;
        };
        let text = imported.review.article.text();
        assert!(!text.trim().is_empty(), "{kind:?}: empty article accepted");
        assert!(
            text.chars()
                .all(|c| c == '\n' || c == '\t' || !c.is_control()),
            "{kind:?}: control characters in {text:?}"
        );
    }
}
