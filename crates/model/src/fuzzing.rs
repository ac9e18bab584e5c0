//! The properties the fuzz targets (`fuzz/`) check, shared with `cargo test`, which replays the
//! fuzz corpus through the same functions.

use crate::format::{load_str, to_json};

/// Any bytes give a review or an error, never a panic; a review that loads saves and loads
/// again to the same claims.
pub fn check_load(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = load_str(text) {
        let json = to_json(&loaded.review);
        let again = load_str(&json).expect("a written review loads");
        assert_eq!(again.review.claims(), loaded.review.claims());
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    }
}
