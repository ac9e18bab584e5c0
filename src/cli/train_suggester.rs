//! `claimdesk train-suggester REVIEW_OR_FOLDER... -o MODEL [--from-builtin] [--seed N]`: learn
//! check-worthiness from the newsroom's saved reviews. Every sentence of a reviewed article is an
//! example: positive when it overlaps a claim, negative otherwise. With `--from-builtin` the
//! weights start from (and are pulled toward) the built-in model, so a few reviews adjust it
//! rather than replace it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_model::atomic::write_atomic;
use claimdesk_model::format::{is_project_path, load_file};
use claimdesk_suggest::Model;
use claimdesk_suggest::evaluate::average_precision;
use claimdesk_suggest::from_reviews::examples_from_review;
use claimdesk_suggest::train::{Example, TrainOptions, train};

/// Arguments of `train-suggester`.
#[derive(clap::Args)]
pub struct TrainSuggesterArgs {
    /// Reviews (.claimdesk) and folders to search for them (including subfolders).
    #[arg(required = true, value_name = "REVIEW_OR_FOLDER")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the model (use it with `claimdesk suggest --model`).
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,
    /// Start from the built-in model and stay close to it.
    #[arg(long)]
    pub from_builtin: bool,
    /// Seed of the cross-validation split (the same reviews and seed give the same model).
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

/// Collects the reviews, trains, writes the model atomically, and prints how it compares with
/// the built-in model on the same sentences.
pub fn run(args: &TrainSuggesterArgs) -> ExitCode {
    let mut files = Vec::new();
    for input in &args.inputs {
        if let Err(e) = collect_reviews(input, &mut files) {
            return super::fail(input, e);
        }
    }
    if files.is_empty() {
        return super::fail(&args.inputs[0], "no reviews (.claimdesk files) found");
    }
    let mut examples: Vec<Example> = Vec::new();
    for file in &files {
        match load_file(file) {
            Ok(loaded) => examples.extend(examples_from_review(&loaded.review)),
            Err(e) => return super::fail(file, e),
        }
    }
    let builtin = Model::builtin();
    let options = TrainOptions {
        seed: args.seed,
        bits: builtin.bits,
        ..TrainOptions::default()
    };
    let prior = args.from_builtin.then_some(builtin);
    let trained = match train(&examples, &options, prior) {
        Ok(t) => t,
        Err(e) => return super::fail(&args.inputs[0], e),
    };
    let mut model = trained.model;
    model.info = format!("data: {} reviews\n{}", files.len(), model.info);
    let bytes = model.to_bytes();
    if let Err(e) = write_atomic(&args.output, &bytes) {
        return super::fail(&args.output, e);
    }
    let positives = examples.iter().filter(|e| e.positive).count();
    println!("{}", args.output.display());
    println!(
        "  learned from {} reviews: {} sentences, {positives} overlapping a claim",
        files.len(),
        examples.len()
    );
    print_comparison(
        &examples,
        builtin,
        trained.cross_validated_ap,
        options.folds,
    );
    ExitCode::SUCCESS
}

/// How to judge the new model: its cross-validated average precision beside the built-in
/// model's on the same sentences.
fn print_comparison(examples: &[Example], builtin: &Model, cv: Option<f64>, folds: usize) {
    let labels: Vec<bool> = examples.iter().map(|e| e.positive).collect();
    let scores: Vec<f32> = examples.iter().map(|e| builtin.score(&e.text)).collect();
    let builtin_ap = average_precision(&scores, &labels).unwrap_or(0.0);
    match cv {
        Some(ap) => println!(
            "  average precision on these sentences: {ap:.3} ({folds}-fold cross-validated); built-in model: {builtin_ap:.3}"
        ),
        None => println!(
            "  too few claims to cross-validate ({folds} of each kind needed); built-in model's average precision here: {builtin_ap:.3}"
        ),
    }
    let positives = labels.iter().filter(|&&l| l).count();
    if positives < 100 {
        println!(
            "  note: {positives} claims is little to learn from; prefer --from-builtin and compare before switching"
        );
    }
}

/// Adds `path` if it is a review, or every review under it if it is a folder (sorted, so the
/// order and therefore the model do not depend on the file system).
fn collect_reviews(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_dir() {
        if !is_project_path(path) {
            return Err("not a review (.claimdesk) or a folder".into());
        }
        out.push(path.to_owned());
        return Ok(());
    }
    // Folders are entered by their own type, not a link's target, so a link loop cannot recurse.
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(path)
        .map_err(|e| e.to_string())?
        .map(|e| {
            let e = e.map_err(|e| e.to_string())?;
            let dir = e.file_type().map_err(|e| e.to_string())?.is_dir();
            Ok((e.path(), dir))
        })
        .collect::<Result<_, String>>()?;
    entries.sort();
    for (entry, dir) in entries {
        if dir {
            collect_reviews(&entry, out)?;
        } else if is_project_path(&entry) {
            out.push(entry);
        }
    }
    Ok(())
}
