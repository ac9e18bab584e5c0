//! `claimdesk compare A B [--json]`: how far two analysts' reviews of the same article agree
//! (matched claims, span precision / recall / F1, Cohen's kappa on status, character-level
//! Krippendorff's alpha; docs/agreement.md). Reviews of different texts are refused.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_model::Review;
use claimdesk_model::format::load_file;
use claimdesk_team::compare::{Comparison, MIN_JACCARD, MatchedBy, compare};

/// Arguments of `compare`.
#[derive(clap::Args)]
pub struct CompareArgs {
    /// The first analyst's review (.claimdesk): recall is measured against it.
    pub a: PathBuf,
    /// The second analyst's review: precision is measured on it.
    pub b: PathBuf,
    /// Print the figures and the matched claim ids as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Loads both reviews, compares them and prints the figures. Exit 1 with one line naming the
/// file if either cannot be read, or naming the difference if their texts differ.
pub fn run(args: &CompareArgs) -> ExitCode {
    let load = |p: &PathBuf| {
        load_file(p)
            .map(|l| l.review)
            .map_err(|e| super::fail(p, e))
    };
    let a = match load(&args.a) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let b = match load(&args.b) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let comparison = match compare(&a, &b) {
        Ok(c) => c,
        Err(e) => {
            return super::fail(
                &args.b,
                format!("cannot compare with {}: {e}", args.a.display()),
            );
        }
    };
    if args.json {
        let json = serde_json::to_string_pretty(&comparison.to_json(&a, &b))
            .expect("figures always serialise");
        println!("{json}");
    } else {
        print_text(args, &a, &b, &comparison);
    }
    ExitCode::SUCCESS
}

fn print_text(args: &CompareArgs, a: &Review, b: &Review, c: &Comparison) {
    let m = &c.matching;
    let by_id = m.pairs.iter().filter(|p| p.2 == MatchedBy::Id).count();
    let disagree = claimdesk_team::compare::status_pairs(a, b, m)
        .iter()
        .filter(|(x, y)| x != y)
        .count();
    println!("A: {} ({} claims)", args.a.display(), a.claims().len());
    println!("B: {} ({} claims)", args.b.display(), b.claims().len());
    println!(
        "Matched claims: {} ({by_id} by id, {} by overlap, character Jaccard >= {MIN_JACCARD}); only in A: {}; only in B: {}",
        m.pairs.len(),
        m.pairs.len() - by_id,
        m.only_a.len(),
        m.only_b.len()
    );
    println!("Status differs on {disagree} matched claims");
    for (name, s) in [("exact", c.span_exact), ("overlapping", c.span_overlapping)] {
        println!(
            "Span agreement, {name}: precision {:.3}, recall {:.3}, F1 {:.3}",
            s.precision, s.recall, s.f1
        );
    }
    let k = &c.kappa;
    println!(
        "Cohen's kappa on status ({} matched claims): {} (observed {:.3}, chance {:.3})",
        k.items,
        figure(k.kappa),
        k.observed,
        k.expected
    );
    let al = &c.char_alpha;
    println!(
        "Krippendorff's alpha, character level ({} characters, {} labelled differently): {}",
        al.units,
        al.disagreeing,
        figure(al.alpha)
    );
}

fn figure(v: Option<f64>) -> String {
    v.map_or_else(|| "undefined".to_owned(), |x| format!("{x:.3}"))
}
