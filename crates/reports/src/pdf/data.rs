//! The PDF report's data: the [`Report`] as one JSON document that the typst template reads with
//! `json(...)`. Every piece of user or article text travels here as a JSON string, so typst only
//! ever sees it as a string value, never as markup: a quote containing `#eval(...)`, `*` or
//! `%PDF` is printed as those characters.

use serde_json::{Value, json};

use super::super::report::{ClaimEntry, MarkedRun, Report, ReportOptions};
use super::super::safe::http_url;
use super::Paper;
use claimdesk_model::status::{FILL_ALPHA_LIGHT, PAPER_LIGHT, Underline};
use claimdesk_model::{ClaimStatus, Evidence, Review};

/// The JSON document the template renders.
pub fn report_data(review: &Review, paper: Paper, options: &ReportOptions) -> Value {
    let report = Report::with_options(review, options);
    json!({
        "paper": paper.typst_name(),
        "title": report.title,
        "running_title": claimdesk_model::text::shorten(&report.title, 90),
        "authors": authors(review),
        "subject": review.article.title.trim(),
        "date": report_date(review),
        "header": report.header.iter().map(|f| json!({
            "label": f.label,
            "value": f.value,
            "href": f.is_url.then(|| http_url(&f.value).map(|u| u.to_string())).flatten(),
        })).collect::<Vec<_>>(),
        "statuses": statuses(),
        "counts": report.counts.iter().map(|&(s, n)| json!({"status": s.as_str(), "n": n}))
            .collect::<Vec<_>>(),
        "orphans": report.orphans,
        "claims": report.claims.iter().map(claim).collect::<Vec<_>>(),
        "article": paragraphs(&report.article, &report.claims),
    })
}

/// Author metadata: the reviewer, else the organisation, else none.
fn authors(review: &Review) -> Vec<String> {
    let d = &review.details;
    [d.reviewer.trim(), d.organisation.trim()]
        .into_iter()
        .find(|s| !s.is_empty())
        .map(|s| vec![s.to_owned()])
        .unwrap_or_default()
}

/// The report's date, fixed by the review: the last change to any claim (UTC), or none.
/// Never the clock, so the same review gives the same bytes.
fn report_date(review: &Review) -> Value {
    let latest = review
        .claims()
        .iter()
        .filter_map(|c| {
            time::OffsetDateTime::parse(
                c.modified.as_str(),
                &time::format_description::well_known::Rfc3339,
            )
            .ok()
        })
        .max();
    match latest.map(|t| t.to_offset(time::UtcOffset::UTC)) {
        Some(t) => json!({
            "year": t.year(), "month": u8::from(t.month()), "day": t.day(),
            "hour": t.hour(), "minute": t.minute(), "second": t.second(),
        }),
        None => Value::Null,
    }
}

/// Each status's look, keyed by its name: label, glyph, colours, underline style.
fn statuses() -> Value {
    let map = ClaimStatus::ALL
        .into_iter()
        .map(|s| {
            let look = s.look();
            let value = json!({
                "label": s.label(),
                "glyph": look.glyph,
                "color": look.light.hex(),
                "fill": look.light.over(PAPER_LIGHT, FILL_ALPHA_LIGHT).hex(),
                "underline": match look.underline {
                    Underline::Solid => "solid",
                    Underline::Double => "double",
                    Underline::Dashed => "dashed",
                },
                "underline_words": look.underline.describe(),
            });
            (s.as_str().to_owned(), value)
        })
        .collect();
    Value::Object(map)
}

/// One claim: its summary row, its context and its details.
fn claim(entry: &ClaimEntry) -> Value {
    let c = entry.claim;
    json!({
        "number": entry.number,
        "id": c.id.as_str(),
        "status": c.status.as_str(),
        "verdict": c.verdict.trim(),
        "claimant": c.claimant.trim(),
        "preview": entry.preview,
        "orphaned": c.orphaned,
        "position": entry.position,
        // In context the quote and its surroundings flow as one line of text (as in HTML).
        "prefix": one_line(&c.prefix),
        "quote": one_line(&c.quote),
        "suffix": one_line(&c.suffix),
        "dir": direction(&c.quote),
        "facts": entry.facts.iter().map(|(l, v)| json!([l, v])).collect::<Vec<_>>(),
        "sources": entry.sources.iter().map(|e| source(e)).collect::<Vec<_>>(),
        "timeline": entry.timeline.iter().map(|t| json!({
            "when": t.at, "by": t.by, "what": t.what, "reason": t.reason,
        })).collect::<Vec<_>>(),
    })
}

/// Newlines (and tabs) as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// One source: the text shown, its link when the URL is http(s), else the URL as text.
fn source(e: &Evidence) -> Value {
    let url = e.url.trim();
    let title = e.title.trim();
    let href = http_url(url).map(|u| u.to_string());
    json!({
        "shown": if title.is_empty() { url } else { title },
        "href": href,
        "url": if title.is_empty() && href.is_some() { "" } else { url },
        "unsafe": !url.is_empty() && href.is_none(),
        "accessed": e.accessed.trim(),
        "excerpt": e.excerpt.trim(),
        "note": e.note.trim(),
    })
}

/// The article as paragraphs (split at blank lines) of pieces: `{"t": text, "c": [statuses of
/// the claims covering it, outermost first]}`, `{"nl": true}` for a line break inside a
/// paragraph, and `{"r": [claim indices]}` for the numbered references after the claims that
/// end there.
fn paragraphs(runs: &[MarkedRun], claims: &[ClaimEntry]) -> Vec<Value> {
    let mut out = Paragraphs::default();
    for run in runs {
        let covering: Vec<&str> = run
            .covering
            .iter()
            .map(|&i| claims[i].claim.status.as_str())
            .collect();
        for (i, line) in run.text.split('\n').enumerate() {
            if i > 0 {
                out.newlines += 1;
            }
            if !line.is_empty() {
                out.text(line, &covering);
            }
        }
        if !run.closing.is_empty() {
            out.pieces.push(json!({ "r": run.closing }));
        }
    }
    out.finish()
}

/// Paragraphs being cut: the finished ones, the pieces of the current one, its text (for its
/// direction) and the newlines seen since its last text.
#[derive(Default)]
struct Paragraphs {
    done: Vec<Value>,
    pieces: Vec<Value>,
    text: String,
    newlines: usize,
}

impl Paragraphs {
    /// Adds a piece of text after the pending newlines: one is a line break, more end the
    /// paragraph.
    fn text(&mut self, line: &str, covering: &[&str]) {
        match self.newlines {
            0 => {}
            1 => self.pieces.push(json!({ "nl": true })),
            _ => self.end_paragraph(),
        }
        self.newlines = 0;
        self.text.push_str(line);
        self.pieces.push(json!({ "t": line, "c": covering }));
    }

    fn end_paragraph(&mut self) {
        if !self.pieces.is_empty() {
            self.done.push(json!({
                "dir": direction(&self.text),
                "pieces": std::mem::take(&mut self.pieces),
            }));
        }
        self.text.clear();
    }

    fn finish(mut self) -> Vec<Value> {
        self.end_paragraph();
        self.done
    }
}

/// `"rtl"` when the text's first strong character is right-to-left (as HTML's `dir="auto"`),
/// else `"ltr"`.
pub fn direction(text: &str) -> &'static str {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => "rtl",
        _ => "ltr",
    }
}
