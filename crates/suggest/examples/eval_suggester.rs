//! Measures the check-worthiness model (docs/suggestions.md reports its output):
//!
//! ```text
//! cargo run --release -p claimdesk-suggest --example eval_suggester [-- --model assets/suggester.bin --lodo --misses 3]
//! ```
//!
//! 1. ClaimBuster: trains on 80% of the training file (seeded split), reports average precision
//!    (AP) on the other 20%, with and without the dense features (the plain n-gram baseline), and
//!    the model's 5-fold cross-validated AP on the whole file.
//! 2. CLEF CheckThat! 2019 training debates (research use only: measured, never trained into
//!    shipped weights): each debate's lines ranked by score, mean average precision (MAP) over
//!    debates. Lines scored alone, and as a transcript the way `claimdesk suggest --all` sees it
//!    (one `SPEAKER: line` per line, or one label per turn), with and without the context of the
//!    neighbouring sentences; the shipped model and the n-gram baseline trained on ClaimBuster.
//! 3. The same with both models trained on ClaimBuster *without* the sentences that also occur in
//!    the CLEF debates (the three 2016 presidential debates are in both): the fair estimate.
//! 4. The context strength chosen by nested leave-one-debate-out cross-validation: for each
//!    debate, the strength with the best MAP on the other 18 is used on it.
//! 5. `--lodo`: leave-one-debate-out, training on ClaimBuster plus the other 18 debates, to show
//!    what learning from a newsroom's own reviews can add (research only).
//!
//! Options: `--claimbuster PATH`, `--clef PATH`, `--model PATH`, `--l2 X`, `--bits B`,
//! `--misses N` (each debate's N top-ranked unchecked lines and N lowest-ranked checked ones).

use std::collections::{BTreeMap, HashSet};
use std::process::ExitCode;

use claimdesk_suggest::datasets::{DebateLine, read_claimbuster, read_clef};
use claimdesk_suggest::evaluate::{average_precision, mean_average_precision, precision_table};
use claimdesk_suggest::train::{Example, TrainOptions, folds, train};
use claimdesk_suggest::{Context, Model, score_article_with};

/// The context strengths the cross-validation chooses among (the second neighbours get a
/// quarter of it).
const STRENGTHS: [f32; 7] = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];

struct Args {
    claimbuster: String,
    clef: String,
    model: String,
    options: TrainOptions,
    lodo: bool,
    misses: usize,
}

/// How a debate's lines are written as an article.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// `SPEAKER: line` on every line (stage directions bare).
    LabelPerLine,
    /// The label only where the speaker changes; a turn's further lines follow unlabelled.
    LabelPerTurn,
}

type Debates<'a> = BTreeMap<String, Vec<&'a DebateLine>>;

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
    claimbuster_section(&claimbuster, &args.options, &baseline_options)?;

    let debates = by_debate(&clef);
    println!(
        "\n== CLEF 2019 training debates ({} debates, {} lines): MAP over debates",
        debates.len(),
        clef.len()
    );
    let fit = |examples: &[Example], options: &TrainOptions| {
        train(examples, options, None)
            .map(|t| t.model)
            .map_err(|e| e.to_string())
    };
    let baseline = fit(&claimbuster, &baseline_options)?;
    println!(
        "  -- trained on all of ClaimBuster (the shipped model: {})",
        args.model
    );
    clef_section(&debates, &model, &baseline);
    pooled_table(&debates, &model);

    let overlap: HashSet<String> = clef.iter().map(|l| normalise(&l.text)).collect();
    let clean: Vec<Example> = claimbuster
        .iter()
        .filter(|e| !overlap.contains(&normalise(&e.text)))
        .cloned()
        .collect();
    println!(
        "\n  -- trained on ClaimBuster without the {} sentences that also occur in the CLEF debates",
        claimbuster.len() - clean.len()
    );
    let clean_model = fit(&clean, &no_table)?;
    let clean_baseline = fit(&clean, &baseline_options)?;
    clef_section(&debates, &clean_model, &clean_baseline);

    println!("\n== Context strength by nested leave-one-debate-out cross-validation");
    nested_context(&debates, "shipped model", &model);
    nested_context(&debates, "without the CLEF sentences", &clean_model);

    if args.misses > 0 {
        misses(&debates, &model, args.misses);
    }
    if args.lodo {
        lodo(&debates, &claimbuster, &no_table)?;
    }
    Ok(())
}

/// ClaimBuster: 80/20 held-out AP of the baseline and the model, and the model's 5-fold AP.
fn claimbuster_section(
    claimbuster: &[Example],
    options: &TrainOptions,
    baseline_options: &TrainOptions,
) -> Result<(), String> {
    let no_table = TrainOptions {
        folds: 0,
        ..options.clone()
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
        ("n-gram baseline", baseline_options),
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
    let five = TrainOptions {
        folds: 5,
        ..options.clone()
    };
    let cv = train(claimbuster, &five, None)
        .map_err(|e| e.to_string())?
        .cross_validated_ap;
    println!(
        "  model, 5-fold cross-validated AP on the whole file: {:.4}",
        cv.unwrap_or(0.0)
    );
    Ok(())
}

/// MAP of `model` and `baseline` on the debates: lines alone, as transcripts without and with
/// context, in both layouts.
fn clef_section(debates: &Debates, model: &Model, baseline: &Model) {
    for (who, m) in [("n-gram baseline", baseline), ("model", model)] {
        report(&format!("{who}, lines alone"), debates, |lines| {
            lines.iter().map(|l| m.score(&l.text)).collect()
        });
        for (layout, layout_name) in [
            (Layout::LabelPerLine, "label per line"),
            (Layout::LabelPerTurn, "label per turn"),
        ] {
            for (context, context_name) in
                [(Context::NONE, "no context"), (Context::SPEECH, "context")]
            {
                report(
                    &format!("{who}, transcript, {layout_name}, {context_name}"),
                    debates,
                    |lines| transcript_scores(m, lines, layout, context),
                );
            }
        }
    }
}

/// The shipped model's precision and recall at each threshold, all debates pooled.
fn pooled_table(debates: &Debates, model: &Model) {
    let (all_scores, all_labels): (Vec<f32>, Vec<bool>) = debates
        .values()
        .flat_map(|lines| {
            transcript_scores(model, lines, Layout::LabelPerLine, Context::SPEECH)
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
}

/// For each debate, the context strength with the best MAP on the other debates, used on it:
/// an honest estimate of choosing the strength on training debates.
fn nested_context(debates: &Debates, name: &str, model: &Model) {
    let aps: Vec<Vec<f64>> = STRENGTHS
        .iter()
        .map(|&a| {
            debates
                .values()
                .map(|lines| {
                    let scores = transcript_scores(
                        model,
                        lines,
                        Layout::LabelPerLine,
                        Context::of_strength(a),
                    );
                    let labels: Vec<bool> = lines.iter().map(|l| l.positive).collect();
                    average_precision(&scores, &labels).unwrap_or(0.0)
                })
                .collect()
        })
        .collect();
    let n = debates.len();
    let mean = |row: &[f64]| row.iter().sum::<f64>() / n as f64;
    let mut held = 0.0;
    let mut chosen = Vec::with_capacity(n);
    for k in 0..n {
        let without = |s: usize| aps[s].iter().sum::<f64>() - aps[s][k];
        let best = (0..STRENGTHS.len())
            .max_by(|&a, &b| without(a).total_cmp(&without(b)).then(b.cmp(&a)))
            .unwrap_or(0);
        held += aps[best][k];
        chosen.push(format!("{}", STRENGTHS[best]));
    }
    let all: Vec<String> = STRENGTHS
        .iter()
        .zip(&aps)
        .map(|(a, row)| format!("{a}: {:.4}", mean(row)))
        .collect();
    println!("  {name}: MAP by strength  {}", all.join("  "));
    println!(
        "  {name}: nested leave-one-debate-out MAP {:.4} (strengths chosen: {})",
        held / n as f64,
        chosen.join(" ")
    );
}

/// Each debate's top-ranked unchecked lines and lowest-ranked checked lines.
fn misses(debates: &Debates, model: &Model, n: usize) {
    println!("\n== Misses (shipped model, transcript with context)");
    for (name, lines) in debates {
        let scores = transcript_scores(model, lines, Layout::LabelPerLine, Context::SPEECH);
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        println!("  {name}");
        let show = |rank: usize, i: usize| {
            let l = lines[i];
            let text: String = l.text.chars().take(110).collect();
            println!(
                "    #{rank:<5} {:.3} {} {}: {text}",
                scores[i],
                u8::from(l.positive),
                l.speaker
            );
        };
        for (rank, &i) in order
            .iter()
            .enumerate()
            .filter(|(_, i)| !lines[**i].positive)
            .take(n)
        {
            show(rank + 1, i);
        }
        let checked: Vec<(usize, usize)> = order
            .iter()
            .enumerate()
            .filter(|(_, i)| lines[**i].positive)
            .map(|(r, &i)| (r, i))
            .collect();
        for &(rank, i) in checked.iter().rev().take(n).rev() {
            show(rank + 1, i);
        }
    }
}

/// Leave one debate out with the other debates' lines as extra training rows (research only).
fn lodo(debates: &Debates, claimbuster: &[Example], options: &TrainOptions) -> Result<(), String> {
    println!("\n== Leave one debate out: ClaimBuster + the other debates' lines (research only)");
    let mut per: Vec<(Vec<f32>, Vec<bool>)> = Vec::new();
    for (name, lines) in debates {
        let mut examples = claimbuster.to_vec();
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
        let m = train(&examples, options, None)
            .map_err(|e| e.to_string())?
            .model;
        let scores = transcript_scores(&m, lines, Layout::LabelPerLine, Context::SPEECH);
        let labels: Vec<bool> = lines.iter().map(|l| l.positive).collect();
        println!(
            "  {name:<28} AP {:.4}",
            average_precision(&scores, &labels).unwrap_or(0.0)
        );
        per.push((scores, labels));
    }
    let map = mean_average_precision(per.iter().map(|(s, l)| (s.as_slice(), l.as_slice())));
    println!("  MAP {:.4}", map.unwrap_or(0.0));
    Ok(())
}

/// Prints the MAP of `score` over the debates, with each debate's AP.
fn report(name: &str, debates: &Debates, score: impl Fn(&[&DebateLine]) -> Vec<f32>) {
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
    println!("  {name:<52} MAP {map:.4}   per debate: {}", aps.join(" "));
}

/// Scores a debate's lines the way `claimdesk suggest` sees a transcript: the lines written out
/// in `layout` (stage directions bare), scored by the article pipeline with `context`; a line
/// takes the best score of the sentences it holds a part of (a sentence may run over a line
/// break), and sentences never suggested (moderators' questions, stage directions) count as 0.
fn transcript_scores(
    model: &Model,
    lines: &[&DebateLine],
    layout: Layout,
    context: Context,
) -> Vec<f32> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(lines.len());
    let mut chars = 0;
    let mut speaking: Option<&str> = None;
    for l in lines {
        starts.push(chars);
        let continues = layout == Layout::LabelPerTurn && speaking == Some(l.speaker.as_str());
        let line = if l.speaker == "SYSTEM" || continues {
            l.text.clone()
        } else {
            speaking = Some(&l.speaker);
            format!("{}: {}", l.speaker, l.text)
        };
        chars += line.chars().count() + 1;
        text.push_str(&line);
        text.push('\n');
    }
    let mut scores = vec![0.0f32; lines.len()];
    for s in score_article_with(&text, model, context).sentences {
        let first = starts.partition_point(|&st| st <= s.span.start) - 1;
        let last = starts.partition_point(|&st| st < s.span.end) - 1;
        let score = if s.excluded.is_some() { 0.0 } else { s.score };
        for line in &mut scores[first..=last] {
            *line = line.max(score);
        }
    }
    scores
}

/// Lower-case words joined by single spaces: how a sentence is matched across the two files.
fn normalise(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join(" ")
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

fn by_debate(lines: &[DebateLine]) -> Debates<'_> {
    let mut out: Debates = BTreeMap::new();
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
        misses: 0,
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
            "--misses" => a.misses = value()?.parse().map_err(|_| "bad --misses")?,
            "--lodo" => a.lodo = true,
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(a)
}
