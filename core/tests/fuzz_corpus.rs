//! Replays the fuzz corpus (`fuzz/corpus/`, grown by `cargo fuzz run`) through the same checks
//! the fuzz targets make, so every input the fuzzer ever kept stays covered by `cargo test`.

use std::path::Path;

use claimdesk_core::fuzzing::{check_exports, check_import, check_load};

#[test]
fn the_fuzz_corpus_replays_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut count = 0;
    for (target, check) in [
        ("load_review", check_load as fn(&[u8])),
        ("export_all", check_exports),
        ("import_article", check_import),
    ] {
        for entry in std::fs::read_dir(root.join(target)).unwrap() {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{target} fails on {}", path.display());
            count += 1;
        }
    }
    assert!(count >= 40, "the corpus is there ({count} inputs)");
}
