//! Replays the fuzz corpus of `import_article` (`fuzz/corpus/import_article/`, grown by `cargo fuzz run`) through the
//! check the fuzz target makes, so every input the fuzzer ever kept stays covered by `cargo test`.

#[test]
fn the_import_article_fuzz_corpus_replays_clean() {
    let count = claimdesk_testkit::replay_fuzz_corpus(
        "import_article",
        claimdesk_import::fuzzing::check_import,
    );
    assert!(count >= 10, "the corpus is there ({count} inputs)");
}
