//! The HTML report: one self-contained, script-free, print-ready page with the article, every
//! claim highlighted (nested and split marks for overlaps), a legend, a summary and details.

use std::fmt::Write;

use claimdesk_i18n::Tr;
use claimdesk_model::{ClaimStatus, Evidence, Review};

use super::report::{ClaimEntry, Report, ReportOptions, glyph, status_name, underline};
use super::safe::{escape_html as esc, http_url};

/// The stylesheet, inlined into every report.
const CSS: &str = include_str!("report.css");

/// No scripts, no external requests of any kind; only the inline stylesheet.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                   base-uri 'none'; form-action 'none'";

/// The report as an HTML5 document.
pub fn html(review: &Review) -> String {
    render(review, Report::new(review))
}

/// The report as an HTML5 document, with what `options` asks for.
pub fn html_with(review: &Review, options: &ReportOptions) -> String {
    render(review, Report::with_options(review, options))
}

fn render(review: &Review, report: Report) -> String {
    let mut out = String::with_capacity(review.article.text().len() * 2 + CSS.len() + 4096);
    let (title, tr) = (&report.title, report.tr);
    let language = tr.language();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        language.tag(),
        language.direction().as_str()
    );
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Claimdesk\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    let status = claimdesk_model::status::status_css();
    let _ = writeln!(
        out,
        "<style>\n{CSS}{status}</style>\n</head>\n<body>\n<main>"
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    header(&mut out, &report);
    summary(&mut out, &report);
    legend(&mut out, tr);
    article(&mut out, &report);
    details(&mut out, &report);
    let _ = writeln!(
        out,
        "</main>\n<footer><p>{}</p></footer>\n</body>\n</html>",
        esc(&tr.text("report-made-with"))
    );
    out
}

/// A link if the URL is http(s), else the text as it is.
fn link_or_text(raw: &str, text: &str) -> String {
    match http_url(raw) {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            esc(url.as_str()),
            esc(text)
        ),
        None => esc(text),
    }
}

fn status_badge(tr: Tr, status: ClaimStatus) -> String {
    format!(
        "<span class=\"badge {}\"><span class=\"glyph\" aria-hidden=\"true\">{}</span> {}</span>",
        status.as_str(),
        glyph(status),
        esc(&status_name(tr, status))
    )
}

fn header(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "<section class=\"facts\" aria-label=\"{}\">\n<dl>",
        esc(&report.tr.text("report-about"))
    );
    for fact in &report.header {
        let shown = if fact.is_url {
            link_or_text(&fact.value, &fact.value)
        } else {
            esc(&fact.value)
        };
        let _ = writeln!(out, "<dt>{}</dt><dd>{shown}</dd>", esc(&fact.label));
    }
    out.push_str("</dl>\n</section>\n");
}

fn summary(out: &mut String, report: &Report) {
    let tr = report.tr;
    let _ = write!(
        out,
        "<section class=\"summary\">\n<h2>{}</h2>\n<p class=\"counts\">{}: ",
        esc(&tr.text("report-summary")),
        esc(&tr.with(
            "report-claim-count",
            &[("count", report.claims.len().into())]
        ))
    );
    let parts: Vec<String> = report
        .counts
        .iter()
        .map(|&(s, n)| format!("{} {}", status_badge(tr, s), tr.number(n as i64)))
        .collect();
    out.push_str(&parts.join(" · "));
    if report.orphans > 0 {
        let orphans = tr.with("report-orphan-count", &[("count", report.orphans.into())]);
        let _ = write!(out, " · {}", esc(&orphans));
    }
    out.push_str("</p>\n");
    if report.claims.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>\n</section>",
            esc(&tr.text("report-no-claims"))
        );
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for id in [
        "report-column-number",
        "report-column-status",
        "report-column-verdict",
        "report-column-claim",
        "report-column-claimant",
    ] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&tr.text(id)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let not_found = format!(" <em>({})</em>", esc(&tr.text("report-not-found")));
    for entry in &report.claims {
        let c = entry.claim;
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td dir=\"auto\">{}{}</td><td>{}</td></tr>",
            entry.anchor,
            tr.digits(entry.number as i64),
            status_badge(tr, c.status),
            esc(c.verdict.trim()),
            esc(&entry.preview),
            if c.orphaned { not_found.as_str() } else { "" },
            esc(c.claimant.trim()),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn legend(out: &mut String, tr: Tr) {
    let _ = writeln!(
        out,
        "<section class=\"legend\">\n<h2>{}</h2>\n<ul>",
        esc(&tr.text("report-legend"))
    );
    for s in ClaimStatus::ALL {
        let entry = tr.with(
            "report-legend-entry",
            &[
                ("underline", underline(tr, s).into()),
                ("glyph", glyph(s).into()),
            ],
        );
        let _ = writeln!(
            out,
            "<li><mark data-status=\"{}\">{}</mark><sup class=\"ref {0}\">{}</sup> — {}</li>",
            s.as_str(),
            esc(&status_name(tr, s)),
            glyph(s),
            esc(&entry),
        );
    }
    let _ = writeln!(
        out,
        "</ul>\n<p>{}</p>\n</section>",
        esc(&tr.text("report-legend-note"))
    );
}

fn article(out: &mut String, report: &Report) {
    let tr = report.tr;
    let _ = writeln!(
        out,
        "<section class=\"article\">\n<h2>{}</h2>",
        esc(&tr.text("report-article"))
    );
    out.push_str("<div class=\"article-text\"><p dir=\"auto\">");
    for run in &report.article {
        let depth = run.covering.len();
        let mut opening = String::new();
        for (level, &i) in run.covering.iter().enumerate() {
            let c = report.claims[i].claim;
            let _ = write!(
                opening,
                "<mark data-claim=\"{}\" data-status=\"{}\" class=\"in{}\">",
                esc(c.id.as_str()),
                c.status.as_str(),
                (depth - level - 1).min(6)
            );
        }
        out.push_str(&opening);
        for piece in split_paragraphs(run.text) {
            match piece {
                Piece::Text(t) => out.push_str(&esc(t)),
                // A paragraph break: close the marks, start a new paragraph, reopen them. The
                // newlines stay in the document (hidden) so its text is the article's.
                Piece::Break(nl) => {
                    out.push_str(&"</mark>".repeat(depth));
                    let _ = write!(out, "</p><span class=\"gap\">{nl}</span><p dir=\"auto\">");
                    out.push_str(&opening);
                }
            }
        }
        out.push_str(&"</mark>".repeat(depth));
        for &i in &run.closing {
            let entry = &report.claims[i];
            let _ = write!(
                out,
                "<sup class=\"ref {}\"><a href=\"#{}\">{}{}</a></sup>",
                entry.claim.status.as_str(),
                entry.anchor,
                glyph(entry.claim.status),
                tr.digits(entry.number as i64)
            );
        }
    }
    out.push_str("</p></div>\n</section>\n");
}

/// A piece of article text: a run inside one paragraph, or the newlines between paragraphs.
enum Piece<'t> {
    Text(&'t str),
    Break(&'t str),
}

/// Splits text at runs of two or more newlines.
fn split_paragraphs(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("\n\n") {
        let run = rest[i..].len() - rest[i..].trim_start_matches('\n').len();
        if i > 0 {
            pieces.push(Piece::Text(&rest[..i]));
        }
        pieces.push(Piece::Break(&rest[i..i + run]));
        rest = &rest[i + run..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

fn details(out: &mut String, report: &Report) {
    let tr = report.tr;
    if report.in_context().next().is_some() {
        let _ = writeln!(
            out,
            "<section class=\"claims\">\n<h2>{}</h2>",
            esc(&tr.text("report-claims-in-context"))
        );
        for entry in report.in_context() {
            claim_section(out, entry, tr);
        }
        out.push_str("</section>\n");
    }
    if report.orphaned().next().is_some() {
        let _ = writeln!(
            out,
            "<section class=\"claims orphans\">\n<h2>{}</h2>\n<p>{}</p>",
            esc(&tr.text("report-claims-orphaned")),
            esc(&tr.text("report-claims-orphaned-note"))
        );
        for entry in report.orphaned() {
            claim_section(out, entry, tr);
        }
        out.push_str("</section>\n");
    }
}

fn claim_section(out: &mut String, entry: &ClaimEntry, tr: Tr) {
    let (c, number) = (entry.claim, entry.number);
    let _ = writeln!(
        out,
        "<article class=\"claim {}\" id=\"{}\">",
        c.status.as_str(),
        entry.anchor
    );
    let verdict = c.verdict.trim();
    let _ = writeln!(
        out,
        "<h3><span class=\"num\">#{}</span> {}{}</h3>",
        tr.digits(number as i64),
        status_badge(tr, c.status),
        if verdict.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"verdict\">{}</span>", esc(verdict))
        }
    );
    let _ = writeln!(
        out,
        "<blockquote class=\"context\" dir=\"auto\"><span class=\"around\">…{}</span><mark data-claim=\"{}\" \
         data-status=\"{}\" class=\"in0\">{}</mark><span class=\"around\">{}…</span></blockquote>",
        esc(&c.prefix),
        esc(c.id.as_str()),
        c.status.as_str(),
        esc(&c.quote),
        esc(&c.suffix)
    );
    out.push_str("<dl>\n");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd><code>{}</code></dd>",
        esc(&tr.text("report-claim-id")),
        esc(c.id.as_str())
    );
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        esc(&tr.text("report-position")),
        esc(&entry.position)
    );
    if let Some(pages) = &entry.pages {
        let label = tr.text("report-fact-page");
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(&label), esc(pages));
    }
    if let Some((time, link)) = &entry.media_time {
        let label = tr.text("report-fact-media-time");
        let shown = match link {
            Some(link) => link_or_text(link, time),
            None => esc(time),
        };
        let _ = writeln!(out, "<dt>{}</dt><dd>{shown}</dd>", esc(&label));
    }
    for (label, value) in &entry.facts {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
    }
    out.push_str("</dl>\n");
    if !entry.sources.is_empty() {
        let _ = writeln!(
            out,
            "<h4>{}</h4>\n<ol class=\"sources\">",
            esc(&tr.text("report-sources"))
        );
        for e in &entry.sources {
            source_item(out, e, tr);
        }
        out.push_str("</ol>\n");
    }
    timeline(out, entry, tr);
    out.push_str("</article>\n");
}

/// The claim's changes as a list (only in a report asked to include them).
fn timeline(out: &mut String, entry: &ClaimEntry, tr: Tr) {
    if entry.timeline.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h4>{}</h4>\n<ol class=\"timeline\">",
        esc(&tr.text("report-timeline"))
    );
    for line in &entry.timeline {
        let _ = write!(
            out,
            "<li><time datetime=\"{}\">{}</time> {} — {}",
            esc(&line.at),
            esc(&line.shown_at),
            esc(&line.by),
            esc(&line.what),
        );
        if !line.reason.is_empty() {
            let _ = write!(out, ": <q>{}</q>", esc(&line.reason));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn source_item(out: &mut String, e: &Evidence, tr: Tr) {
    let url = e.url.trim();
    let title = e.title.trim();
    let shown = if title.is_empty() { url } else { title };
    out.push_str("<li>");
    if !shown.is_empty() {
        let _ = write!(
            out,
            "<span class=\"source-title\">{}</span>",
            link_or_text(url, shown)
        );
    }
    if !url.is_empty() && http_url(url).is_none() {
        let words = tr.with("report-not-a-link", &[("url", "\u{1}".into())]);
        let (before, after) = words.split_once('\u{1}').unwrap_or((&words, ""));
        let _ = write!(
            out,
            " <span class=\"unsafe\">({}<code>{}</code>{})</span>",
            esc(before),
            esc(url),
            esc(after)
        );
    } else if !url.is_empty() && !title.is_empty() {
        let _ = write!(out, " <span class=\"url\">{}</span>", esc(url));
    }
    if !e.accessed.trim().is_empty() {
        let accessed = tr.with(
            "report-accessed",
            &[("date", super::report::shown_date(tr, &e.accessed).into())],
        );
        let _ = write!(out, " <span class=\"accessed\">({})</span>", esc(&accessed));
    }
    if !e.excerpt.trim().is_empty() {
        let _ = write!(
            out,
            "<blockquote class=\"excerpt\" dir=\"auto\">{}</blockquote>",
            esc(e.excerpt.trim())
        );
    }
    if !e.note.trim().is_empty() {
        let _ = write!(out, "<p class=\"source-note\">{}</p>", esc(e.note.trim()));
    }
    out.push_str("</li>\n");
}
