//! The Markdown report (CommonMark; renders on GitHub): the same content as the HTML report,
//! with every piece of user text escaped so it is shown, never interpreted.

use std::fmt::Write;

use super::report::{claim_facts, glyph, header_facts, preview, title, underline};
use super::safe::{escape_markdown as esc, http_url};
use super::segments::{anchored_spans, flatten, span_ends};
use crate::model::{Claim, ClaimStatus, Evidence, Review};

/// The report as CommonMark text.
pub fn markdown(review: &Review) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&title(review)));
    for (label, value, is_url) in header_facts(review) {
        let shown = if is_url {
            link_or_text(&value, &value)
        } else {
            esc(&value)
        };
        let _ = writeln!(out, "- **{label}:** {shown}");
    }
    summary(&mut out, review);
    legend(&mut out);
    article(&mut out, review);
    let claims = review.claims();
    if claims.iter().any(|c| !c.orphaned) {
        out.push_str("\n## The claims in context\n");
        for (n, c) in claims.iter().enumerate().filter(|(_, c)| !c.orphaned) {
            claim_section(&mut out, n + 1, c);
        }
    }
    if claims.iter().any(|c| c.orphaned) {
        out.push_str(
            "\n## Claims not found in the article text\n\nThese claims' quotes are no longer in \
             the article as reviewed. They are kept with the context they were marked in.\n",
        );
        for (n, c) in claims.iter().enumerate().filter(|(_, c)| c.orphaned) {
            claim_section(&mut out, n + 1, c);
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

fn summary(out: &mut String, review: &Review) {
    let counts = review.counts();
    out.push_str("\n## Summary\n\n");
    let parts: Vec<String> = ClaimStatus::ALL
        .iter()
        .map(|&s| format!("{} {}", badge(s), counts[s as usize]))
        .collect();
    let _ = write!(
        out,
        "{} claims: {}",
        review.claims().len(),
        parts.join(" · ")
    );
    if review.orphan_count() > 0 {
        let _ = write!(out, " · {} not found in the text", review.orphan_count());
    }
    out.push_str("\n\n");
    if review.claims().is_empty() {
        out.push_str("No claims were marked.\n");
    }
    for (n, c) in review.claims().iter().enumerate() {
        let _ = write!(out, "{}. {}", n + 1, badge(c.status));
        if !c.verdict.trim().is_empty() {
            let _ = write!(out, " — {}", esc(c.verdict.trim()));
        }
        let _ = write!(out, ": “{}”", esc(&preview(&c.quote, 120)));
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

fn article(out: &mut String, review: &Review) {
    let text = review.article.text();
    let index = review.article.index();
    let claims = review.claims();
    let spans = anchored_spans(review);
    let ends = span_ends(claims.len(), &spans);
    let mut lines = Lines::default();
    let mut open: Vec<usize> = Vec::new();
    for seg in flatten(review.article.char_len(), &spans) {
        for &i in &seg.claims {
            if !open.contains(&i) {
                lines.marker(&format!("`⟦{}{}`", i + 1, glyph(claims[i].status)));
                open.push(i);
            }
        }
        lines.text(index.slice(text, seg.start, seg.end));
        for &i in seg.claims.iter().rev() {
            if ends[i] == seg.end {
                lines.marker(&format!("`{}⟧`", i + 1));
                open.retain(|&o| o != i);
            }
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

fn claim_section(out: &mut String, number: usize, c: &Claim) {
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
    let _ = writeln!(
        out,
        "- **Position:** characters {}–{}{}",
        c.span.start,
        c.span.end,
        if c.orphaned {
            " (where it was last found)"
        } else {
            ""
        }
    );
    for (label, value) in claim_facts(c) {
        let _ = writeln!(out, "- **{label}:** {}", esc(&value));
    }
    let sources: Vec<&Evidence> = c.evidence.iter().filter(|e| !e.is_blank()).collect();
    if !sources.is_empty() {
        out.push_str("\n**Sources**\n\n");
        for (k, e) in sources.into_iter().enumerate() {
            let _ = writeln!(out, "{}. {}", k + 1, source_line(e));
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
