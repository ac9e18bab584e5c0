//! Fetches one address and prints what came back, for checking by hand:
//!
//! ```sh
//! cargo run -p claimdesk-fetch --example fetch -- example.com
//! ```
//!
//! Progress goes to stderr. Exits 1 with the error's message when the fetch fails.

use std::process::ExitCode;

use claimdesk_fetch::{Accept, FetchOptions, Flow, Stage, fetch};

fn main() -> ExitCode {
    let Some(address) = std::env::args().nth(1) else {
        eprintln!("usage: fetch ADDRESS [--any-type]");
        return ExitCode::from(2);
    };
    let options = FetchOptions {
        accept: if std::env::args().any(|a| a == "--any-type") {
            Accept::Anything
        } else {
            Accept::WebPages
        },
        ..FetchOptions::default()
    };
    let result = fetch(&address, &options, &mut |p| {
        match p.stage {
            Stage::Connecting => eprint!("\rconnecting… {:.1} s   ", p.elapsed.as_secs_f64()),
            Stage::Receiving => eprint!(
                "\rreceived {} of {} bytes   ",
                p.received,
                p.expected.map_or("?".into(), |n| n.to_string())
            ),
        }
        Flow::Continue
    });
    eprintln!();
    let page = match result {
        Ok(page) => page,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!("requested:  {}", page.requested);
    for hop in &page.redirects {
        println!("redirected: {hop}");
    }
    println!("address:    {}", page.address);
    println!("status:     {}", page.status);
    println!("media type: {}", page.media_type().unwrap_or("(none)"));
    println!(
        "header charset: {}",
        page.header_charset().unwrap_or("(none)")
    );
    match page.charset() {
        Some(d) => println!("encoding:   {} (from {:?})", d.encoding.name(), d.source),
        None => println!("encoding:   not declared (the importer detects it)"),
    }
    println!("web page:   {:?}", page.web_kind());
    println!("fetched at: {}", page.fetched_at);
    println!("sha256:     {}", page.sha256);
    println!("bytes:      {}", page.bytes.len());
    let encoding = page.charset().map_or(encoding_rs::UTF_8, |d| d.encoding);
    let (text, _, _) = encoding.decode(&page.bytes);
    let start: String = text.chars().take(300).collect();
    println!("starts with:\n{start}");
    ExitCode::SUCCESS
}
