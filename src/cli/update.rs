//! `claimdesk update REVIEW --article NEW [--json] [--accept-changed] [--encoding LABEL] [-o OUT]`:
//! re-anchor every claim of a review on a new text of its article, print one line per claim
//! with its outcome (or JSON), and write the updated review (in place by default, atomically).
//! The previous text is kept in the review as an earlier version.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_import::reanchor::{
    ChangeKind, ClaimUpdate, OrphanReason, Outcome, apply, reanchor_article,
};
use claimdesk_model::format::{load_file, save_file};
use claimdesk_model::text::shorten;
use serde_json::json;

/// Arguments of `update`.
#[derive(clap::Args)]
pub struct UpdateArgs {
    /// The review file (.claimdesk).
    pub review: PathBuf,
    /// The new text of the article (.txt, .html, .md, .pdf, .docx, .odt, .srt, .vtt; imported
    /// as by `claimdesk new`).
    #[arg(long, value_name = "NEW")]
    pub article: PathBuf,
    /// Print the outcome of every claim as JSON instead of lines.
    #[arg(long)]
    pub json: bool,
    /// Also apply "changed" outcomes (approximate matches); otherwise those claims are kept as
    /// orphans with their old quote. Ambiguous claims are never applied here.
    #[arg(long)]
    pub accept_changed: bool,
    /// Decode the new article with this encoding (a WHATWG label).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Write the updated review here instead of over the review.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Only print the outcomes; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Loads, re-anchors, prints, writes. Errors: one line naming the file, exit 1.
pub fn run(args: &UpdateArgs) -> ExitCode {
    let loaded = match load_file(&args.review) {
        Ok(l) => l,
        Err(e) => return super::fail(&args.review, e),
    };
    let imported = match super::import_or_fail(&args.article, args.encoding.as_deref()) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let review = &loaded.review;
    // A corrected PDF or Word file: the updated article takes its origin, pages and times.
    let plan = reanchor_article(review, &imported.review.article);
    let updated = apply(review, &plan, args.accept_changed);
    let applied = |id| updated.claim(id).is_some_and(|c| !c.orphaned);

    if args.json {
        let claims: Vec<_> = plan
            .claims
            .iter()
            .map(|u| claim_json(u, applied(&u.id)))
            .collect();
        let c = plan.counts();
        let out = json!({
            "review": args.review.display().to_string(),
            "article": args.article.display().to_string(),
            "encoding": imported.encoding,
            "old_sha256": plan.old_sha256,
            "new_sha256": plan.new_sha256,
            "counts": { "unchanged": c.unchanged, "moved": c.moved, "changed": c.changed,
                        "ambiguous": c.ambiguous, "orphaned": c.orphaned },
            "claims": claims,
        });
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => return super::fail(&args.review, e),
        }
    } else {
        for u in &plan.claims {
            println!("{}", claim_line(u, applied(&u.id)));
        }
        let c = plan.counts();
        println!(
            "{} claims: {} unchanged, {} moved, {} changed, {} ambiguous, {} orphaned",
            plan.claims.len(),
            c.unchanged,
            c.moved,
            c.changed,
            c.ambiguous,
            c.orphaned
        );
    }
    if args.dry_run {
        return ExitCode::SUCCESS;
    }
    let target = args.output.as_deref().unwrap_or(&args.review);
    match save_file(target, &updated) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => super::fail(target, e),
    }
}

/// One claim's outcome as the JSON object `--json` prints.
fn claim_json(u: &ClaimUpdate, applied: bool) -> serde_json::Value {
    let mut v = json!({
        "id": u.id.as_str(),
        "outcome": u.outcome.label(),
        "applied": applied,
        "old": { "start": u.old_span.start, "end": u.old_span.end, "quote": u.old_quote },
    });
    match &u.outcome {
        Outcome::Unchanged { span } | Outcome::Moved { span } => {
            v["new"] = json!({ "start": span.start, "end": span.end });
        }
        Outcome::Changed { candidate, diff } => {
            v["new"] = json!({
                "start": candidate.span.start, "end": candidate.span.end,
                "quote": candidate.quote, "score": round(candidate.score),
            });
            v["diff"] = diff
                .iter()
                .map(|w| json!({ "op": kind(w.kind), "text": w.text }))
                .collect();
        }
        Outcome::Ambiguous { candidates } => {
            v["candidates"] = candidates
                .iter()
                .map(|k| {
                    json!({
                        "start": k.span.start, "end": k.span.end, "quote": k.quote,
                        "score": round(k.score), "context": round(k.context),
                    })
                })
                .collect();
        }
        Outcome::Orphaned { reason } => v["reason"] = reason_text(reason).into(),
    }
    v
}

/// One claim's outcome as a line: outcome, id, quote, and where it went or why not.
fn claim_line(u: &ClaimUpdate, applied: bool) -> String {
    let quote = shorten(&u.old_quote.replace('\n', " "), 50);
    let detail = match &u.outcome {
        Outcome::Unchanged { span } | Outcome::Moved { span } => {
            format!("{}..{}", span.start, span.end)
        }
        Outcome::Changed { candidate, .. } => format!(
            "{}..{} score {:.2} -> \"{}\"{}",
            candidate.span.start,
            candidate.span.end,
            candidate.score,
            shorten(&candidate.quote.replace('\n', " "), 50),
            if applied {
                ""
            } else {
                " (not applied: --accept-changed)"
            }
        ),
        Outcome::Ambiguous { candidates } => format!(
            "{} places fit (not applied; choose in the app)",
            candidates.len()
        ),
        Outcome::Orphaned { reason } => format!("{} (kept as orphan)", reason_text(reason)),
    };
    format!("{:<10} {} \"{quote}\" {detail}", u.outcome.label(), u.id)
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn kind(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Same => "same",
        ChangeKind::Removed => "removed",
        ChangeKind::Added => "added",
    }
}

fn reason_text(r: &OrphanReason) -> &'static str {
    match r {
        OrphanReason::AlreadyOrphaned => "was already an orphan",
        OrphanReason::Deleted => "its text was deleted",
        OrphanReason::TooShort => "too short to match approximately",
        OrphanReason::NoGoodMatch(_) => "no close enough match",
        OrphanReason::LookAlike(_) => "only a look-alike sentence remains",
    }
}
