//! Trains the built-in check-worthiness model from the ClaimBuster training file:
//!
//! ```text
//! cargo run --release --example train_suggester -- ../shared/data/checkworthy/claimbuster-train.tsv -o assets/suggester.bin
//! ```
//!
//! Options: `--seed N` (cross-validation split, default 2026), `--l2 X`, `--bits B`,
//! `--iterations N`. The same data and options always write the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_model::atomic::write_atomic;
use claimdesk_suggest::datasets::train_on_claimbuster;
use claimdesk_suggest::train::TrainOptions;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_suggester: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut options = TrainOptions::default();
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-o" | "--output" => output = Some(value("-o")?.into()),
            "--seed" => options.seed = parse(&value("--seed")?)?,
            "--l2" => options.l2 = parse(&value("--l2")?)?,
            "--bits" => options.bits = parse(&value("--bits")?)?,
            "--iterations" => options.iterations = parse(&value("--iterations")?)?,
            _ if input.is_none() && !a.starts_with('-') => input = Some(a.into()),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let input = input.ok_or("usage: train_suggester CLAIMBUSTER.tsv -o MODEL.bin")?;
    let output = output.ok_or("-o MODEL.bin is required")?;
    let tsv = std::fs::read_to_string(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let started = std::time::Instant::now();
    let trained =
        train_on_claimbuster(&tsv, &options).map_err(|e| format!("{}: {e}", input.display()))?;
    let model = trained.model;
    let bytes = model.to_bytes();
    write_atomic(&output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
    println!(
        "{}: {} bytes, trained in {:.1} s",
        output.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    if let Some(ap) = trained.cross_validated_ap {
        println!(
            "{}-fold cross-validated average precision: {ap:.4}",
            options.folds
        );
    }
    println!("threshold  precision  recall");
    for r in &model.precision {
        println!(
            "{:>9.2}  {:>9.3}  {:>6.3}",
            r.threshold, r.precision, r.recall
        );
    }
    Ok(())
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("{s:?} is not a valid value"))
}
