//! Training is reproducible bit for bit: a small synthetic set written for this test always
//! gives the committed model bytes, and (with the research data present) the ClaimBuster
//! training file gives the shipped `assets/suggester.bin`:
//!
//! ```text
//! cargo test -p claimdesk-core --release --test suggester_reproduction -- --include-ignored
//! ```
//!
//! After an intended change to the features or the trainer, regenerate the synthetic model with
//! `CLAIMDESK_BLESS=1 cargo test -p claimdesk-core --test suggester_reproduction` and the shipped
//! weights with the `train_suggester` example (see docs/suggestions.md).

use claimdesk_suggest::Model;
use claimdesk_suggest::datasets::train_on_claimbuster;
use claimdesk_suggest::train::TrainOptions;

const SYNTHETIC_TSV: &str = include_str!("data/checkworthy-synthetic.tsv");
const SYNTHETIC_MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/checkworthy-synthetic.bin"
);

fn synthetic_options() -> TrainOptions {
    TrainOptions {
        bits: 12,
        l2: 1e-3,
        iterations: 150,
        seed: 11,
        folds: 4,
        dense_features: true,
    }
}

#[test]
fn synthetic_training_reproduces_the_committed_bytes() {
    let trained = train_on_claimbuster(SYNTHETIC_TSV, &synthetic_options()).expect("trains");
    let bytes = trained.model.to_bytes();
    if std::env::var_os("CLAIMDESK_BLESS").is_some() {
        std::fs::write(SYNTHETIC_MODEL, &bytes).expect("writes the blessed model");
    }
    let committed = std::fs::read(SYNTHETIC_MODEL).expect("the committed synthetic model");
    assert!(
        bytes == committed,
        "training no longer reproduces tests/data/checkworthy-synthetic.bin"
    );
    let model = Model::from_bytes(&committed).expect("decodes");
    assert!(
        model.score("Inflation rose 7 percent in 2022.") > model.score("Thank you, good night.")
    );
    assert!(trained.cross_validated_ap.is_some() && !model.precision.is_empty());
}

#[test]
#[ignore = "needs ../shared/data (research data, not in the repository) and a release build"]
fn claimbuster_training_reproduces_the_shipped_weights() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/checkworthy/claimbuster-train.tsv"
    );
    let tsv = std::fs::read_to_string(path).expect("the ClaimBuster training file");
    let trained = train_on_claimbuster(&tsv, &TrainOptions::default()).expect("trains");
    let shipped = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/suggester.bin"
    ))
    .unwrap();
    assert!(
        trained.model.to_bytes() == shipped,
        "assets/suggester.bin is not what training gives"
    );
}
