//! The Markdown report (CommonMark; renders on GitHub): the same content as the HTML report,
//! with every piece of user text escaped so it is shown, never interpreted.

use std::fmt::Write;

use super::report::{ClaimEntry, Report, ReportOptions, glyph, underline};
use super::safe::{escape_markdown as esc, http_url};
use claimdesk_model::{ClaimStatus, Evidence, Review};

/// The report as CommonMark text.
pub fn markdown(review: &Review) -> String {
    markdown_with(review, &ReportOptions::default())
}

/// The report as CommonMark text, with what `options` asks for.
pub fn markdown_with(review: &Review, options: &ReportOptions) -> String {
    let report = Report::with_options(review, options);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&report.title));
    for fact in &report.header {
        let shown = if fact.is_url {
            link_or_text(&fact.value, &fact.value)
        } else {
            esc(&fact.value)
        };
        let _ = writeln!(out, "- **{}:** {shown}", fact.label);
    }
    summary(&mut out, &report);
    legend(&mut out);
    article(&mut out, &report);
    if report.in_context().next().is_some() {
        out.push_str("\n## The claims in context\n");
        for entry in report.in_context() {
            claim_section(&mut out, entry);
        }
    }
    if report.orphaned().next().is_some() {
        out.push_str(
            "\n## Claims not found in the article text\n\nThese claims' quotes are no longer in \
             the article as reviewed. They are kept with the context they were marked in.\n",
        );
        for entry in report.orphaned() {
            claim_section(&mut out, entry);
        }
    }
    out.push_str("\n---\n\nMade with Claimdesk.\n");
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

fn badge(status: ClaimStatus) -> String {
    format!("{} **{}**", glyph(status), status.label())
}

fn summary(out: &mut String, report: &Report) {
    out.push_str("\n## Summary\n\n");
    let parts: Vec<String> = report
        .counts
        .iter()
        .map(|&(s, n)| format!("{} {n}", badge(s)))
        .collect();
    let _ = write!(out, "{} claims: {}", report.claims.len(), parts.join(" · "));
    if report.orphans > 0 {
        let _ = write!(out, " · {} not found in the text", report.orphans);
    }
    out.push_str("\n\n");
    if report.claims.is_empty() {
        out.push_str("No claims were marked.\n");
    }
    for entry in &report.claims {
        let c = entry.claim;
        let _ = write!(out, "{}. {}", entry.number, badge(c.status));
        if !c.verdict.trim().is_empty() {
            let _ = write!(out, " — {}", esc(c.verdict.trim()));
        }
        let _ = write!(out, ": “{}”", esc(&entry.preview));
        if !c.claimant.trim().is_empty() {
            let _ = write!(out, " ({})", esc(c.claimant.trim()));
        }
        if c.orphaned {
            out.push_str(" *(not found in the text)*");
        }
        out.push('\n');
    }
}

fn legend(out: &mut String) {
    out.push_str("\n## Legend\n\n");
    for s in ClaimStatus::ALL {
        let _ = writeln!(out, "- {} (in the HTML report: {})", badge(s), underline(s));
    }
    out.push_str(
        "\nIn the article below, `⟦n✗` opens claim n and `n⟧` closes it; the glyph is the \
         claim's status. Claims may nest or overlap.\n",
    );
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
    out.push_str("\n## The article, with the claims marked\n\n");
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

fn claim_section(out: &mut String, entry: &ClaimEntry) {
    let (c, number) = (entry.claim, entry.number);
    let _ = write!(out, "\n### {number}. {}", badge(c.status));
    if !c.verdict.trim().is_empty() {
        let _ = write!(out, " — {}", esc(c.verdict.trim()));
    }
    out.push_str("\n\n");
    let _ = writeln!(out, "> **Quote:** “{}”\n>", esc(&c.quote));
    let _ = writeln!(
        out,
        "> In context: …{}⟦{}⟧{}…\n",
        esc(&c.prefix),
        esc(&c.quote),
        esc(&c.suffix)
    );
    let _ = writeln!(out, "- **Claim id:** {}", esc(c.id.as_str()));
    let _ = writeln!(out, "- **Position:** {}", entry.position);
    for (label, value) in &entry.facts {
        let _ = writeln!(out, "- **{label}:** {}", esc(value));
    }
    if !entry.sources.is_empty() {
        out.push_str("\n**Sources**\n\n");
        for (k, e) in entry.sources.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", k + 1, source_line(e));
        }
    }
    if !entry.timeline.is_empty() {
        out.push_str("\n**Timeline**\n\n");
        for line in &entry.timeline {
            let _ = write!(
                out,
                "- {} {} — {}",
                esc(&line.at),
                esc(&line.by),
                esc(&line.what)
            );
            if !line.reason.is_empty() {
                let _ = write!(out, ": “{}”", esc(&line.reason));
            }
            out.push('\n');
        }
    }
}

fn source_line(e: &Evidence) -> String {
    let url = e.url.trim();
    let title = e.title.trim();
    let shown = if title.is_empty() { url } else { title };
    let mut line = link_or_text(url, shown);
    if !url.is_empty() && http_url(url).is_none() {
        let _ = write!(line, " (not a web link, not linked: {})", esc(url));
    }
    if !e.accessed.trim().is_empty() {
        let _ = write!(line, " (accessed {})", esc(e.accessed.trim()));
    }
    if !e.excerpt.trim().is_empty() {
        let _ = write!(line, ": “{}”", esc(e.excerpt.trim()));
    }
    if !e.note.trim().is_empty() {
        let _ = write!(line, " — {}", esc(e.note.trim()));
    }
    line
}
