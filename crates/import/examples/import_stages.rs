//! Times each stage of the web-page import on the hostile shapes (a profiling aid for issue 16;
//! criterion's `cargo bench -p claimdesk-core --bench import` gives the figures).
//! Run: `cargo run --release -p claimdesk-core --example import_stages`.

use std::time::Instant;

use claimdesk_import::hostile::hostile_inputs;
use claimdesk_import::html::score::{Analysis, Rules};
use claimdesk_import::html::{parse, select, text};
use claimdesk_import::{ArticleKind, ImportOptions, import_bytes};

fn main() {
    for input in hostile_inputs() {
        if input.kind != ArticleKind::Html {
            continue;
        }
        let html = std::str::from_utf8(&input.bytes).expect("utf-8");
        let t = Instant::now();
        let parsed = parse::parse_document(html);
        let parse = t.elapsed();
        let t = Instant::now();
        let analysis = Analysis::new(&parsed.doc, Rules::ATTEMPTS[0]);
        let analyse = t.elapsed();
        let t = Instant::now();
        let parts = select::article_parts(&analysis);
        let choose = t.elapsed();
        let t = Instant::now();
        let written = text::write_parts(&analysis, &parts);
        let write = t.elapsed();
        let t = Instant::now();
        drop(analysis);
        drop(parsed);
        let dropping = t.elapsed();
        let t = Instant::now();
        let options = ImportOptions::default();
        let whole = import_bytes(&input.bytes, "h".as_ref(), "h", "", input.kind, &options);
        let all = t.elapsed();
        println!(
            "{:28} parse {:>7.1?} analyse {:>7.1?} choose {:>7.1?} write {:>7.1?} drop {:>7.1?} | import {:>7.1?} ({} chars, ok {})",
            input.name,
            parse,
            analyse,
            choose,
            write,
            dropping,
            all,
            written.text.len(),
            whole.is_ok()
        );
    }
}
