//! The PDF report's data: the [`Report`] as one JSON document that the typst template reads with
//! `json(...)`. Every piece of user or article text travels here as a JSON string, so typst only
//! ever sees it as a string value, never as markup: a quote containing `#eval(...)`, `*` or
//! `%PDF` is printed as those characters.

use serde_json::{Value, json};

use super::super::report::{ClaimEntry, MarkedRun, Report, ReportOptions};
use super::super::safe::http_url;
use super::Paper;
use claimdesk_i18n::{Arg, Tr};
use claimdesk_model::status::{FILL_ALPHA_LIGHT, PAPER_LIGHT, Underline};
use claimdesk_model::{ClaimStatus, Evidence, Review};

use super::super::report::{status_name, underline};

/// The JSON document the template renders.
pub fn report_data(review: &Review, paper: Paper, options: &ReportOptions) -> Value {
    let report = Report::with_options(review, options);
    let tr = report.tr;
    let language = tr.language();
    let (lang, region) = language
        .tag()
        .split_once('-')
        .unwrap_or((language.tag(), ""));
    json!({
        "lang": lang,
        "region": if region.is_empty() { Value::Null } else { json!(region) },
        "dir": language.direction().as_str(),
        "labels": labels(&report),
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
        "statuses": statuses(tr),
        "counts": report.counts.iter().map(|&(s, n)| json!({"status": s.as_str(), "n": n}))
            .collect::<Vec<_>>(),
        "orphans": report.orphans,
        "claims": report.claims.iter().map(|c| claim(c, tr)).collect::<Vec<_>>(),
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

/// Every label the template shows, in the report's language. Patterns the template fills in
/// keep their places as `{first}`, `{last}`, `{page}` and `{pages}`.
fn labels(report: &Report) -> Value {
    let tr = report.tr;
    let text = |id| tr.text(id);
    let pattern = |id, names: &[&'static str]| {
        let args: Vec<(&str, Arg)> = names
            .iter()
            .map(|&n| (n, Arg::from(format!("{{{n}}}"))))
            .collect();
        tr.with(id, &args)
    };
    json!({
        "running_head": text("report-running-head"),
        "page_of": pattern("report-page-of", &["page", "pages"]),
        "summary": text("report-summary"),
        "claim_count": tr.with("report-claim-count", &[("count", report.claims.len().into())]),
        "orphan_count": tr.with("report-orphan-count", &[("count", report.orphans.into())]),
        "not_found": text("report-not-found"),
        "no_claims": text("report-no-claims"),
        "columns": [
            text("report-column-number"),
            text("report-column-status"),
            text("report-column-verdict"),
            text("report-column-claim"),
            text("report-column-claimant"),
        ],
        "legend": text("report-legend"),
        "legend_note": text("report-legend-pdf-note"),
        "article": text("report-article"),
        "claim": text("report-claim"),
        "claim_number": pattern("report-claim-number", &["number"]),
        "claim_range": pattern("report-claim-range", &["first", "last"]),
        "claim_id": text("report-claim-id"),
        "position": text("report-position"),
        "sources": text("report-sources"),
        "not_a_link": pattern("report-not-a-link", &["url"]).replace("{url}", "").trim_end().to_owned(),
        "timeline": text("report-timeline"),
        "why": text("report-why"),
        "in_context": text("report-claims-in-context"),
        "orphaned": text("report-claims-orphaned"),
        "orphaned_note": text("report-claims-orphaned-note"),
        "made_with": text("report-made-with"),
    })
}

/// Each status's look, keyed by its name: label, glyph, colours, underline style.
fn statuses(tr: Tr) -> Value {
    let map = ClaimStatus::ALL
        .into_iter()
        .map(|s| {
            let look = s.look();
            let value = json!({
                "label": status_name(tr, s),
                "glyph": look.glyph,
                "color": look.light.hex(),
                "fill": look.light.over(PAPER_LIGHT, FILL_ALPHA_LIGHT).hex(),
                "underline": match look.underline {
                    Underline::Solid => "solid",
                    Underline::Double => "double",
                    Underline::Dashed => "dashed",
                },
                "underline_words": underline(tr, s),
                "legend_entry": tr.with(
                    "report-legend-entry",
                    &[("underline", underline(tr, s).into()), ("glyph", look.glyph.into())],
                ),
            });
            (s.as_str().to_owned(), value)
        })
        .collect();
    Value::Object(map)
}

/// One claim: its summary row, its context and its details.
fn claim(entry: &ClaimEntry, tr: Tr) -> Value {
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
        "facts": place_facts(entry, tr).chain(entry.facts.iter().cloned()).map(|(l, v)| json!([l, v])).collect::<Vec<_>>(),
        "sources": entry.sources.iter().map(|e| source(e, tr)).collect::<Vec<_>>(),
        "timeline": entry.timeline.iter().map(|t| json!({
            "when": t.shown_at, "by": t.by, "what": t.what, "reason": t.reason,
        })).collect::<Vec<_>>(),
    })
}

/// A claim's page(s) and media time as facts (the PDF shows the time; its link is in the HTML
/// report).
fn place_facts<'e>(
    entry: &'e ClaimEntry<'_>,
    tr: Tr,
) -> impl Iterator<Item = (String, String)> + 'e {
    let pages = entry
        .pages
        .clone()
        .map(|p| (tr.text("report-fact-page"), p));
    let time = entry
        .media_time
        .as_ref()
        .map(|(t, _)| (tr.text("report-fact-media-time"), t.clone()));
    pages.into_iter().chain(time)
}

/// Newlines (and tabs) as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// One source: the text shown, its link when the URL is http(s), else the URL as text.
fn source(e: &Evidence, tr: Tr) -> Value {
    let url = e.url.trim();
    let title = e.title.trim();
    let href = http_url(url).map(|u| u.to_string());
    json!({
        "shown": if title.is_empty() { url } else { title },
        "href": href,
        "url": if title.is_empty() && href.is_some() { "" } else { url },
        "unsafe": !url.is_empty() && href.is_none(),
        "accessed": if e.accessed.trim().is_empty() {
            String::new()
        } else {
            tr.with("report-accessed", &[("date", crate::report::shown_date(tr, &e.accessed).into())])
        },
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
