//! The Markdown report (CommonMark; renders on GitHub): the same content as the HTML report,
//! with every piece of user text escaped so it is shown, never interpreted.

use std::fmt::Write;

use claimdesk_i18n::Tr;
use claimdesk_model::{ClaimStatus, Evidence, Review};

use super::report::{ClaimEntry, Report, ReportOptions, glyph, status_name, underline};
use super::safe::{escape_markdown as esc, http_url};

/// The report as CommonMark text.
pub fn markdown(review: &Review) -> String {
    markdown_with(review, &ReportOptions::default())
}

/// The report as CommonMark text, with what `options` asks for.
pub fn markdown_with(review: &Review, options: &ReportOptions) -> String {
    let report = Report::with_options(review, options);
    let tr = report.tr;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&report.title));
    for fact in &report.header {
        let shown = if fact.is_url {
            link_or_text(&fact.value, &fact.value)
        } else {
            esc(&fact.value)
        };
        let _ = writeln!(out, "- **{}:** {shown}", esc(&fact.label));
    }
    summary(&mut out, &report);
    legend(&mut out, tr);
    article(&mut out, &report);
    if report.in_context().next().is_some() {
        let _ = writeln!(out, "\n## {}", esc(&tr.text("report-claims-in-context")));
        for entry in report.in_context() {
            claim_section(&mut out, entry, tr);
        }
    }
    if report.orphaned().next().is_some() {
        let _ = writeln!(
            out,
            "\n## {}\n\n{}",
            esc(&tr.text("report-claims-orphaned")),
            esc(&tr.text("report-claims-orphaned-note"))
        );
        for entry in report.orphaned() {
            claim_section(&mut out, entry, tr);
        }
    }
    let _ = writeln!(out, "\n---\n\n{}", esc(&tr.text("report-made-with")));
    out
}

/// `[text](<url>)` if the URL is http(s), else the escaped text.
fn link_or_text(raw: &str, text: &str) -> String {
    match http_url(raw) {
        // The url crate percent-encodes `<`, `>`, spaces and newlines, so `<…>` cannot break.
        Some(url) => format!("[{}](<{}>)", esc(text), url.as_str()),
        None => esc(text),
    }
}

fn badge(tr: Tr, status: ClaimStatus) -> String {
    format!("{} **{}**", glyph(status), esc(&status_name(tr, status)))
}

/// Escaped text in the language's quotation marks.
fn quoted(tr: Tr, text: &str) -> String {
    tr.with("quoted", &[("text", esc(text).into())])
}

fn summary(out: &mut String, report: &Report) {
    let tr = report.tr;
    let _ = write!(out, "\n## {}\n\n", esc(&tr.text("report-summary")));
    let parts: Vec<String> = report
        .counts
        .iter()
        .map(|&(s, n)| format!("{} {}", badge(tr, s), tr.number(n as i64)))
        .collect();
    let count = tr.with(
        "report-claim-count",
        &[("count", report.claims.len().into())],
    );
    let _ = write!(out, "{}: {}", esc(&count), parts.join(" · "));
    if report.orphans > 0 {
        let orphans = tr.with("report-orphan-count", &[("count", report.orphans.into())]);
        let _ = write!(out, " · {}", esc(&orphans));
    }
    out.push_str("\n\n");
    if report.claims.is_empty() {
        let _ = writeln!(out, "{}", esc(&tr.text("report-no-claims")));
    }
    for entry in &report.claims {
        let c = entry.claim;
        // A Markdown list number: ASCII digits whatever the language.
        let _ = write!(out, "{}. {}", entry.number, badge(tr, c.status));
        if !c.verdict.trim().is_empty() {
            let _ = write!(out, " — {}", esc(c.verdict.trim()));
        }
        let _ = write!(out, ": {}", quoted(tr, &entry.preview));
        if !c.claimant.trim().is_empty() {
            let _ = write!(out, " ({})", esc(c.claimant.trim()));
        }
        if c.orphaned {
            let _ = write!(out, " *({})*", esc(&tr.text("report-not-found")));
        }
        out.push('\n');
    }
}

fn legend(out: &mut String, tr: Tr) {
    let _ = write!(out, "\n## {}\n\n", esc(&tr.text("report-legend")));
    for s in ClaimStatus::ALL {
        let words = tr.with(
            "report-legend-markdown-entry",
            &[("underline", underline(tr, s).into())],
        );
        let _ = writeln!(out, "- {} ({})", badge(tr, s), esc(&words));
    }
    // The note shows the markers as code spans: its text is trusted Markdown.
    let _ = writeln!(out, "\n{}", tr.text("report-legend-markdown-note"));
}

fn article(out: &mut String, report: &Report) {
    let mut lines = Lines::default();
    for run in &report.article {
        for &i in &run.opening {
            let entry = &report.claims[i];
            lines.marker(&format!("`⟦{}{}`", entry.number, glyph(entry.claim.status)));
        }
        lines.text(run.text);
        for &i in &run.closing {
            lines.marker(&format!("`{}⟧`", report.claims[i].number));
        }
    }
    let _ = write!(out, "\n## {}\n\n", esc(&report.tr.text("report-article")));
    out.push_str(&lines.finish());
}

/// Lays out article text as Markdown lines: escapes it (with block markers escaped only at the
/// start of a line), drops leading indentation that would make a code block, keeps line breaks
/// as hard breaks and blank lines as paragraph breaks. Markers are our own trusted code spans:
/// code spans, unlike emphasis, do not depend on the characters around them.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    line: String,
}

impl Lines {
    fn text(&mut self, raw: &str) {
        for (k, piece) in raw.split('\n').enumerate() {
            if k > 0 {
                self.done.push(std::mem::take(&mut self.line));
            }
            if self.line.is_empty() {
                self.line.push_str(&esc(piece.trim_start()));
            } else {
                // Mid-line: a leading space keeps escape_markdown's line-start rules off.
                self.line.push_str(&esc(&format!(" {piece}"))[1..]);
            }
        }
    }

    fn marker(&mut self, code_span: &str) {
        self.line.push_str(code_span);
    }

    fn finish(mut self) -> String {
        self.done.push(std::mem::take(&mut self.line));
        let mut out = String::new();
        let mut para: Vec<&str> = Vec::new();
        for line in self.done.iter().map(|l| l.trim_end()).chain([""]) {
            if line.is_empty() {
                if !para.is_empty() {
                    out.push_str(&para.join("\\\n"));
                    out.push_str("\n\n");
                    para.clear();
                }
            } else {
                para.push(line);
            }
        }
        out
    }
}

fn claim_section(out: &mut String, entry: &ClaimEntry, tr: Tr) {
    let (c, number) = (entry.claim, entry.number);
    let _ = write!(out, "\n### {number}. {}", badge(tr, c.status));
    if !c.verdict.trim().is_empty() {
        let _ = write!(out, " — {}", esc(c.verdict.trim()));
    }
    out.push_str("\n\n");
    let quote_label = esc(&tr.text("report-quote"));
    let _ = writeln!(out, "> **{quote_label}:** {}\n>", quoted(tr, &c.quote));
    let _ = writeln!(
        out,
        "> {}: …{}⟦{}⟧{}…\n",
        esc(&tr.text("report-in-context")),
        esc(&c.prefix),
        esc(&c.quote),
        esc(&c.suffix)
    );
    let _ = writeln!(
        out,
        "- **{}:** {}",
        esc(&tr.text("report-claim-id")),
        esc(c.id.as_str())
    );
    let _ = writeln!(
        out,
        "- **{}:** {}",
        esc(&tr.text("report-position")),
        esc(&entry.position)
    );
    if let Some(pages) = &entry.pages {
        let label = tr.text("report-fact-page");
        let _ = writeln!(out, "- **{}:** {}", esc(&label), esc(pages));
    }
    if let Some((time, link)) = &entry.media_time {
        let label = tr.text("report-fact-media-time");
        let shown = match link {
            Some(link) => link_or_text(link, time),
            None => esc(time),
        };
        let _ = writeln!(out, "- **{}:** {shown}", esc(&label));
    }
    for (label, value) in &entry.facts {
        let _ = writeln!(out, "- **{}:** {}", esc(label), esc(value));
    }
    if !entry.sources.is_empty() {
        let _ = write!(out, "\n**{}**\n\n", esc(&tr.text("report-sources")));
        for (k, e) in entry.sources.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", k + 1, source_line(e, tr));
        }
    }
    if !entry.timeline.is_empty() {
        let _ = write!(out, "\n**{}**\n\n", esc(&tr.text("report-timeline")));
        for line in &entry.timeline {
            let _ = write!(
                out,
                "- {} {} — {}",
                esc(&line.shown_at),
                esc(&line.by),
                esc(&line.what)
            );
            if !line.reason.is_empty() {
                let _ = write!(out, ": {}", quoted(tr, &line.reason));
            }
            out.push('\n');
        }
    }
}

fn source_line(e: &Evidence, tr: Tr) -> String {
    let url = e.url.trim();
    let title = e.title.trim();
    let shown = if title.is_empty() { url } else { title };
    let mut line = link_or_text(url, shown);
    if !url.is_empty() && http_url(url).is_none() {
        let words = tr.with("report-not-a-link", &[("url", esc(url).into())]);
        let _ = write!(line, " ({words})");
    }
    if !e.accessed.trim().is_empty() {
        let words = tr.with(
            "report-accessed",
            &[(
                "date",
                esc(&super::report::shown_date(tr, &e.accessed)).into(),
            )],
        );
        let _ = write!(line, " ({words})");
    }
    if !e.excerpt.trim().is_empty() {
        let _ = write!(line, ": {}", quoted(tr, e.excerpt.trim()));
    }
    if !e.note.trim().is_empty() {
        let _ = write!(line, " — {}", esc(e.note.trim()));
    }
    line
}
