//! Writes the synthetic reviews used to measure the real app:
//! `cargo run --release -p claimdesk-core --example large_review -- large.claimdesk` writes the
//! 1 MB / 5,000-claim review of the benchmarks; `... -- stacked.claimdesk --stacked 150000`
//! writes the sample article with 150,000 claims stacked on its first word; `... -- small.claimdesk
//! --size 100000 500` writes a review of that many bytes and claims (for measuring how a cost
//! scales).

use std::process::ExitCode;

use claimdesk_model::synthetic::{large_review, stacked_review};
use claimdesk_model::text::normalize_article_text;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let review = match args.as_slice() {
        [_] => large_review(1_000_000, 5_000),
        [_, flag, bytes, claims] if flag == "--size" => match (bytes.parse(), claims.parse()) {
            (Ok(bytes), Ok(claims)) => large_review(bytes, claims),
            _ => return usage(),
        },
        [_, flag, n] if flag == "--stacked" => match n.parse() {
            Ok(n) => {
                let text =
                    normalize_article_text(include_str!("../../../assets/sample-article.txt"));
                stacked_review(&text, n)
            }
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    match claimdesk_model::format::save_file(std::path::Path::new(&args[0]), &review) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("large_review: {e}");
            ExitCode::from(1)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: large_review OUT.claimdesk [--stacked N | --size BYTES CLAIMS]");
    ExitCode::from(2)
}
