//! Measures the check-worthiness model (docs/suggestions.md reports its output):
//!
//! ```text
//! cargo run --release --example eval_suggester [-- --model assets/suggester.bin --lodo]
//! ```
//!
//! 1. ClaimBuster: trains on 80% of the training file (seeded split), reports average precision
//!    (AP) on the other 20%, with and without the dense features (the plain n-gram baseline).
//! 2. CLEF CheckThat! 2019 training debates (research use only: measured, never trained into
//!    shipped weights): the shipped model ranks each debate's lines; mean average precision
//!    (MAP) over debates, scoring lines alone and as a transcript (speaker labels, moderators
//!    and stage directions known), plus the baseline trained on all of ClaimBuster.
//! 3. `--lodo`: leave-one-debate-out, training on ClaimBuster plus the other 18 debates, to show
//!    what learning from a newsroom's own reviews can add (research only).
//!
//! Options: `--claimbuster PATH`, `--clef PATH`, `--model PATH`, `--l2 X`, `--bits B`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use claimdesk_suggest::datasets::{DebateLine, read_claimbuster, read_clef};
use claimdesk_suggest::evaluate::{average_precision, mean_average_precision, precision_table};
use claimdesk_suggest::train::{Example, TrainOptions, folds, train};
use claimdesk_suggest::{Model, score_article};

struct Args {
    claimbuster: String,
    clef: String,
    model: String,
    options: TrainOptions,
    lodo: bool,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_suggester: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let claimbuster = read_claimbuster(&read(&args.claimbuster)?)?;
    let clef = read_clef(&read(&args.clef)?)?;
    let model = Model::load(args.model.as_ref()).map_err(|e| format!("{}: {e}", args.model))?;
    let no_table = TrainOptions {
        folds: 0,
        ..args.options.clone()
    };
    let baseline_options = TrainOptions {
        dense_features: false,
        ..no_table.clone()
    };

    println!(
        "== ClaimBuster: train on 80%, average precision on the held-out 20% (seed {})",
        no_table.seed
    );
    let fold = folds(claimbuster.len(), 5, no_table.seed);
    let (held, rest): (Vec<_>, Vec<_>) = claimbuster
        .iter()
        .cloned()
        .zip(&fold)
        .partition(|(_, f)| **f == 0);
    let held: Vec<Example> = held.into_iter().map(|(e, _)| e).collect();
    let rest: Vec<Example> = rest.into_iter().map(|(e, _)| e).collect();
    for (name, opts) in [
        ("n-gram baseline", &baseline_options),
        ("n-grams + dense features", &no_table),
    ] {
        let m = train(&rest, opts, None).map_err(|e| e.to_string())?.model;
        let scores: Vec<f32> = held.iter().map(|e| m.score(&e.text)).collect();
        let labels: Vec<bool> = held.iter().map(|e| e.positive).collect();
        let ap = average_precision(&scores, &labels).unwrap_or(0.0);
        let (bs, bl) = balanced(&scores, &labels, no_table.seed);
        let balanced_ap = average_precision(&bs, &bl).unwrap_or(0.0);
        println!(
            "  {name:<28} AP {ap:.4} ({} held-out sentences, {} check-worthy); balanced 50/50 AP {balanced_ap:.4}",
            held.len(),
            labels.iter().filter(|&&l| l).count()
        );
    }

    let debates = by_debate(&clef);
    println!(
        "\n== CLEF 2019 training debates ({} debates, {} lines): MAP over debates",
        debates.len(),
        clef.len()
    );
    let baseline = train(&claimbuster, &baseline_options, None)
        .map_err(|e| e.to_string())?
        .model;
    report("n-gram baseline, lines alone", &debates, |lines| {
        lines.iter().map(|l| baseline.score(&l.text)).collect()
    });
    report("shipped model, lines alone", &debates, |lines| {
        lines.iter().map(|l| model.score(&l.text)).collect()
    });
    report("shipped model, as a transcript", &debates, |lines| {
        transcript_scores(&model, lines)
    });
    let (all_scores, all_labels): (Vec<f32>, Vec<bool>) = debates
        .values()
        .flat_map(|lines| {
            transcript_scores(&model, lines)
                .into_iter()
                .zip(lines.iter().map(|l| l.positive))
        })
        .unzip();
    println!("\n  shipped model as a transcript, all debates pooled: threshold precision recall");
    for r in precision_table(&all_scores, &all_labels) {
        println!(
            "  {:>9.2}  {:>9.3}  {:>6.3}",
            r.threshold, r.precision, r.recall
        );
    }

    if args.lodo {
        println!(
            "\n== Leave one debate out: ClaimBuster + the other debates' lines (research only)"
        );
        let mut per: Vec<(Vec<f32>, Vec<bool>)> = Vec::new();
        for (name, lines) in &debates {
            let mut examples = claimbuster.clone();
            for (_, other_lines) in debates.iter().filter(|(o, _)| *o != name) {
                examples.extend(
                    other_lines
                        .iter()
                        .filter(|l| l.speaker != "SYSTEM")
                        .map(|l| Example {
                            text: l.text.clone(),
                            positive: l.positive,
                            weight: 1.0,
                        }),
                );
            }
            let m = train(&examples, &no_table, None)
                .map_err(|e| e.to_string())?
                .model;
            let scores = transcript_scores(&m, lines);
            let labels: Vec<bool> = lines.iter().map(|l| l.positive).collect();
            println!(
                "  {name:<28} AP {:.4}",
                average_precision(&scores, &labels).unwrap_or(0.0)
            );
            per.push((scores, labels));
        }
        let map = mean_average_precision(per.iter().map(|(s, l)| (s.as_slice(), l.as_slice())));
        println!("  MAP {:.4}", map.unwrap_or(0.0));
    }
    Ok(())
}

/// Prints the MAP of `score` over the debates, with each debate's AP.
fn report(
    name: &str,
    debates: &BTreeMap<String, Vec<&DebateLine>>,
    score: impl Fn(&[&DebateLine]) -> Vec<f32>,
) {
    let per: Vec<(Vec<f32>, Vec<bool>)> = debates
        .values()
        .map(|lines| (score(lines), lines.iter().map(|l| l.positive).collect()))
        .collect();
    let map = mean_average_precision(per.iter().map(|(s, l)| (s.as_slice(), l.as_slice())))
        .unwrap_or(0.0);
    let aps: Vec<String> = per
        .iter()
        .map(|(s, l)| average_precision(s, l).map_or("-".into(), |ap| format!("{ap:.2}")))
        .collect();
    println!("  {name:<34} MAP {map:.4}   per debate: {}", aps.join(" "));
}

/// Scores a debate's lines the way `claimdesk suggest` sees a transcript: lines written as
/// `SPEAKER: text` (stage directions bare), scored by the article pipeline; a line takes the best
/// score of its sentences, and sentences never suggested (moderators' questions, stage
/// directions) count as 0.
fn transcript_scores(model: &Model, lines: &[&DebateLine]) -> Vec<f32> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(lines.len());
    let mut chars = 0;
    for l in lines {
        starts.push(chars);
        let line = if l.speaker == "SYSTEM" {
            l.text.clone()
        } else {
            format!("{}: {}", l.speaker, l.text)
        };
        chars += line.chars().count() + 1;
        text.push_str(&line);
        text.push('\n');
    }
    let mut scores = vec![0.0f32; lines.len()];
    for s in score_article(&text, model).sentences {
        let line = starts.partition_point(|&st| st <= s.span.start) - 1;
        let score = if s.excluded.is_some() { 0.0 } else { s.score };
        scores[line] = scores[line].max(score);
    }
    scores
}

/// Every positive and as many negatives, drawn with the seed: the make-up of ClaimBuster's
/// balanced test set, so the figure compares with results reported on it.
fn balanced(scores: &[f32], labels: &[bool], seed: u64) -> (Vec<f32>, Vec<bool>) {
    let positives = labels.iter().filter(|&&l| l).count();
    let negatives: Vec<usize> = (0..labels.len()).filter(|&i| !labels[i]).collect();
    let fold = folds(
        negatives.len(),
        (negatives.len() / positives.max(1)).max(1),
        seed,
    );
    let keep = (0..labels.len())
        .filter(|&i| labels[i] || negatives.binary_search(&i).is_ok_and(|k| fold[k] == 0));
    keep.map(|i| (scores[i], labels[i])).unzip()
}

fn by_debate(lines: &[DebateLine]) -> BTreeMap<String, Vec<&DebateLine>> {
    let mut out: BTreeMap<String, Vec<&DebateLine>> = BTreeMap::new();
    for l in lines {
        out.entry(l.debate.clone()).or_default().push(l);
    }
    out
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        claimbuster: "../shared/data/checkworthy/claimbuster-train.tsv".into(),
        clef: "../shared/data/checkworthy/clef2019-train.tsv".into(),
        model: "assets/suggester.bin".into(),
        options: TrainOptions::default(),
        lodo: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--claimbuster" => a.claimbuster = value()?,
            "--clef" => a.clef = value()?,
            "--model" => a.model = value()?,
            "--l2" => a.options.l2 = value()?.parse().map_err(|_| "bad --l2")?,
            "--bits" => a.options.bits = value()?.parse().map_err(|_| "bad --bits")?,
            "--lodo" => a.lodo = true,
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(a)
}
