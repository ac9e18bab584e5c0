//! Writes the synthetic 1 MB / 5,000-claim review used by the benchmarks, for measuring the
//! real app: `cargo run --release -p claimdesk-core --example large_review -- large.claimdesk`.

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: large_review OUT.claimdesk");
        return std::process::ExitCode::from(2);
    };
    let review = claimdesk_core::synthetic::large_review(1_000_000, 5_000);
    match claimdesk_core::format::save_file(std::path::Path::new(&path), &review) {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("large_review: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
