//! Measures the web-page import against two public references (the data is never part of the
//! repository; see `../shared/data/README.md`):
//!
//! - **trafilatura's evaluation set** (`web-eval/`: saved pages and `evaldata.json`): every
//!   `with` snippet found in the imported article text is a true positive, missing a false
//!   negative; every `without` snippet found is a false positive, missing a true negative.
//!   Precision, recall, accuracy and F-score over all snippets of all pages, as trafilatura's
//!   `tests/eval_common.py` counts them: text and snippet have every run of whitespace folded
//!   to one space and are trimmed, then compared case-sensitively as substrings.
//! - **Readability's page facts** (`readability/pages/NAME/expected-metadata.json`): byline,
//!   published date and site name against what the import finds.
//!
//! Run: `cargo run --release -p claimdesk-import --example web_eval -- ../shared/data/web-eval`
//! (add `--detail` for the pages with a wrong snippet, `--only TEXT` to score the pages whose
//! file name contains TEXT, `--dump DIR` to write each extracted text), and
//! `… --example web_eval -- ../shared/data/readability/pages` for the page facts.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use claimdesk_import::{ArticleKind, ImportOptions, Imported, import_bytes};
use serde_json::Value;

struct Args {
    dir: PathBuf,
    detail: bool,
    only: Option<String>,
    dump: Option<PathBuf>,
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\nusage: web_eval DIR [--detail] [--only TEXT] [--dump DIR]");
            std::process::exit(2);
        }
    };
    let result = if args.dir.join("evaldata.json").is_file() {
        snippets(&args)
    } else {
        facts(&args)
    };
    if let Err(e) = result {
        eprintln!("web_eval: {e}");
        std::process::exit(1);
    }
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let (mut detail, mut only, mut dump) = (false, None, None);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--detail" => detail = true,
            "--only" => only = Some(it.next().ok_or("--only needs a value")?),
            "--dump" => dump = Some(PathBuf::from(it.next().ok_or("--dump needs a folder")?)),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    Ok(Args {
        dir: dir.ok_or("no folder given")?,
        detail,
        only,
        dump,
    })
}

/// Imports a saved page as the app does (charset from the page, else detected).
fn import_page(bytes: &[u8], name: &str) -> Option<Imported> {
    import_bytes(
        bytes,
        Path::new(name),
        name,
        "",
        ArticleKind::Html,
        &ImportOptions::default(),
    )
    .ok()
}

/// Whitespace folded to single spaces and trimmed, as trafilatura's `norm`.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Matrix {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Matrix {
    fn print(&self, pages: usize, missing: usize) {
        let (tp, fp, fn_, tn) = (
            self.tp as f64,
            self.fp as f64,
            self.fn_ as f64,
            self.tn as f64,
        );
        let p = tp / (tp + fp);
        let r = tp / (tp + fn_);
        let acc = (tp + tn) / (tp + tn + fp + fn_);
        let f = 2.0 * tp / (2.0 * tp + fp + fn_);
        println!(
            "pages {pages} (annotated pages without a saved file: {missing}); snippets: \
             tp {} fp {} fn {} tn {}",
            self.tp, self.fp, self.fn_, self.tn
        );
        println!("precision {p:.3}  recall {r:.3}  accuracy {acc:.3}  F-score {f:.3}");
    }
}

/// The saved page of an `evaldata.json` entry: `pages/FILE.gz`.
fn page_path(dir: &Path, file: &str) -> Option<PathBuf> {
    let path = dir.join("pages").join(format!("{file}.gz"));
    path.is_file().then_some(path)
}

fn gunzip(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(fold).collect())
        .unwrap_or_default()
}

fn snippets(args: &Args) -> Result<(), String> {
    let path = args.dir.join("evaldata.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let data: BTreeMap<String, Value> = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if let Some(d) = &args.dump {
        std::fs::create_dir_all(d).map_err(|e| e.to_string())?;
    }
    let mut total = Matrix::default();
    let (mut pages, mut missing) = (0, 0);
    for item in data.values() {
        let file = item["file"].as_str().unwrap_or_default();
        if args.only.as_deref().is_some_and(|o| !file.contains(o)) {
            continue;
        }
        let Some(path) = page_path(&args.dir, file) else {
            missing += 1;
            continue;
        };
        pages += 1;
        let bytes = gunzip(&path)?;
        let extracted = import_page(&bytes, file)
            .map(|i| i.review.article.text().to_owned())
            .unwrap_or_default();
        if let Some(d) = &args.dump {
            let _ = std::fs::write(d.join(format!("{file}.txt")), &extracted);
        }
        let folded = fold(&extracted);
        let (with, without) = (strings(&item["with"]), strings(&item["without"]));
        let missed: Vec<&String> = with.iter().filter(|s| !folded.contains(*s)).collect();
        let kept: Vec<&String> = without.iter().filter(|s| folded.contains(*s)).collect();
        total.tp += with.len() - missed.len();
        total.fn_ += missed.len();
        total.fp += kept.len();
        total.tn += without.len() - kept.len();
        if args.detail && (!missed.is_empty() || !kept.is_empty()) {
            println!("{file} ({} chars)", folded.chars().count());
            for s in missed {
                println!("  - missed: {}", clip(s));
            }
            for s in kept {
                println!("  + kept:   {}", clip(s));
            }
        }
    }
    total.print(pages, missing);
    Ok(())
}

fn clip(s: &str) -> String {
    s.chars().take(110).collect()
}

/// Readability's expected facts against the import's, page by page.
fn facts(args: &Args) -> Result<(), String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(&args.dir)
        .map_err(|e| format!("{}: {e}", args.dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected-metadata.json").is_file() && p.join("source.html").is_file())
        .collect();
    names.sort();
    let mut tally: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for dir in names {
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        if args.only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let expected: Value = std::fs::read_to_string(dir.join("expected-metadata.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        let bytes = std::fs::read(dir.join("source.html")).map_err(|e| e.to_string())?;
        let meta = import_page(&bytes, &name)
            .map(|i| i.meta)
            .unwrap_or_default();
        let pairs = [
            ("byline", meta.byline.as_deref(), &expected["byline"]),
            (
                "published",
                meta.published.as_deref(),
                &expected["publishedTime"],
            ),
            ("siteName", meta.site_name.as_deref(), &expected["siteName"]),
        ];
        for (field, got, want) in pairs {
            let want = want.as_str().map(fold).filter(|w| !w.is_empty());
            let verdict = fact_verdict(field, got, want.as_deref());
            tally.entry(field).or_default()[verdict as usize] += 1;
            if args.detail && !matches!(verdict, Verdict::Same | Verdict::BothNone) {
                println!("{name:32} {field:9} {verdict:?}: got {got:?}, Readability {want:?}");
            }
        }
    }
    println!("field       same  differs  missing  (Readability has one; of them, same)");
    for (field, [same, differs, missing, _]) in &tally {
        let has = same + differs + missing;
        println!(
            "{field:10} {same:5} {differs:8} {missing:8}   match rate {:.3} (n={has})",
            *same as f64 / has.max(1) as f64
        );
    }
    Ok(())
}

#[derive(Clone, Copy, Debug)]
enum Verdict {
    Same = 0,
    Differs = 1,
    Missing = 2,
    BothNone = 3,
}

/// Same when equal after folding case, whitespace and a leading "By"; dates by their day.
fn fact_verdict(field: &str, got: Option<&str>, want: Option<&str>) -> Verdict {
    let (Some(got), Some(want)) = (got, want) else {
        return if want.is_some() {
            Verdict::Missing
        } else {
            Verdict::BothNone
        };
    };
    let key = |s: &str| {
        let s = fold(s).to_lowercase();
        let s = s.strip_prefix("by ").unwrap_or(&s).to_owned();
        if field == "published" {
            s.chars().take(10).collect()
        } else {
            s
        }
    };
    if key(got) == key(want) {
        Verdict::Same
    } else {
        Verdict::Differs
    }
}
