//! Replays the fuzz corpus of `export_all` (`fuzz/corpus/export_all/`, grown by `cargo fuzz run`) through the
//! check the fuzz target makes, so every input the fuzzer ever kept stays covered by `cargo test`.

#[test]
fn the_export_all_fuzz_corpus_replays_clean() {
    let count = claimdesk_testkit::replay_fuzz_corpus(
        "export_all",
        claimdesk_reports::fuzzing::check_exports,
    );
    assert!(count >= 1000, "the corpus is there ({count} inputs)");
}
