//! Replays the fuzz corpus of `load_review` (`fuzz/corpus/load_review/`, grown by `cargo fuzz run`) through the
//! check the fuzz target makes, so every input the fuzzer ever kept stays covered by `cargo test`.

#[test]
fn the_load_review_fuzz_corpus_replays_clean() {
    let count =
        claimdesk_testkit::replay_fuzz_corpus("load_review", claimdesk_model::fuzzing::check_load);
    assert!(count >= 1000, "the corpus is there ({count} inputs)");
}
