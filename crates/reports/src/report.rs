//! The report model: everything the HTML and Markdown reports show, built once from the review
//! (header facts, summary counts and rows, the article cut into marked runs, each claim's facts
//! and sources). Each format only renders a [`Report`]; a new format is a new renderer.

use super::safe::{anchor_id, http_url};
use super::segments::{anchored_spans, flatten, span_ends};
use claimdesk_i18n::{DateParts, Language, Tr};
use claimdesk_model::media_time::{format_media_time, media_link};
use claimdesk_model::status_change::{Decision, StatusChange};
use claimdesk_model::{Claim, ClaimStatus, Evidence, Review};

/// A review laid out as a report. All text is raw (untrusted): renderers escape it.
pub struct Report<'r> {
    /// Words in the report's language ([`report_language`]); renderers take every label
    /// from it.
    pub tr: Tr,
    /// "Fact-check report: <article title>".
    pub title: String,
    /// Facts about the review for the header, in order; empty ones left out.
    pub header: Vec<HeaderFact>,
    /// Claims per status, in [`ClaimStatus::ALL`] order.
    pub counts: [(ClaimStatus, usize); 3],
    /// Claims whose quote is no longer in the text.
    pub orphans: usize,
    /// Every claim, in text order (claim `n` is `claims[n - 1]`).
    pub claims: Vec<ClaimEntry<'r>>,
    /// The article text cut at every claim boundary, in order.
    pub article: Vec<MarkedRun<'r>>,
}

/// One fact of the header.
pub struct HeaderFact {
    /// "Article URL", in the report's language.
    pub label: String,
    /// The value, raw.
    pub value: String,
    /// The value is a URL: link it if it is http(s).
    pub is_url: bool,
}

/// One claim as the report shows it.
pub struct ClaimEntry<'r> {
    /// Its number in the report (1-based, text order).
    pub number: usize,
    /// The claim.
    pub claim: &'r Claim,
    /// The HTML anchor of its details.
    pub anchor: String,
    /// The quote on one line, shortened for the summary.
    pub preview: String,
    /// Where it is in the article: "characters 12–40".
    pub position: String,
    /// Its page or pages in the original PDF ("p. 3", "pp. 3–4"), when the article has pages.
    pub pages: Option<String>,
    /// Its time in the media ("00:12:34") and a link to that moment when the review knows the
    /// media's address ([`claimdesk_model::ReviewDetails::media_url`]): articles from subtitles.
    pub media_time: Option<(String, Option<String>)>,
    /// Labelled facts for its details ([`claim_facts`]), labels in the report's language.
    pub facts: Vec<(String, String)>,
    /// Its sources with something filled in.
    pub sources: Vec<&'r Evidence>,
    /// Its status and verdict changes, oldest first; empty unless the report was asked for
    /// them ([`ReportOptions::timeline`]).
    pub timeline: Vec<TimelineLine>,
}

/// What a report includes beyond the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Each claim's history of status and verdict changes (who, when, why).
    pub timeline: bool,
    /// The language to write the report in; `None`: the review's own
    /// ([`claimdesk_model::ReviewDetails::language`], English when unset).
    pub language: Option<Language>,
}

/// The language a report of `review` is written in: the one `options` asks for, else the
/// review's, else English.
pub fn report_language(review: &Review, options: &ReportOptions) -> Language {
    options.language.unwrap_or_else(|| {
        Language::from_tag(&review.details.language).unwrap_or(Language::ENGLISH)
    })
}

/// One change in a claim's timeline, as text (raw: renderers escape it).
pub struct TimelineLine {
    /// When (RFC 3339, for machines: HTML's `datetime`).
    pub at: String,
    /// When, in the report's language ("28 November 2026, 10:00 UTC").
    pub shown_at: String,
    /// Who; "unknown analyst" if nobody was named.
    pub by: String,
    /// What changed ("status set to Asserted (was Disputed)").
    pub what: String,
    /// Why, trimmed; may be empty.
    pub reason: String,
}

impl TimelineLine {
    fn of(change: &StatusChange, tr: Tr) -> Self {
        Self {
            at: change.at.as_str().to_owned(),
            shown_at: tr.timestamp(change.at.as_str()),
            by: if change.by.trim().is_empty() {
                tr.text("timeline-unknown-analyst")
            } else {
                change.by.clone()
            },
            what: change_in_words(change, tr),
            reason: change.reason.trim().to_owned(),
        }
    }
}

/// A change in words: "status set to Asserted (was Disputed)", "verdict set to “False”",
/// "verdict cleared (was “False”)".
fn change_in_words(change: &StatusChange, tr: Tr) -> String {
    let shown = |value: &str| match change.decision {
        Decision::Status => {
            ClaimStatus::parse(value).map_or_else(|| value.to_owned(), |s| status_name(tr, s))
        }
        Decision::Verdict => value.to_owned(),
    };
    let (to, from) = (shown(&change.to), shown(&change.from));
    let id = match (change.decision, to.is_empty(), from.is_empty()) {
        (Decision::Status, _, true) => "timeline-status-set",
        (Decision::Status, _, false) => "timeline-status-set-was",
        (Decision::Verdict, true, _) => "timeline-verdict-cleared-was",
        (Decision::Verdict, false, true) => "timeline-verdict-set",
        (Decision::Verdict, false, false) => "timeline-verdict-set-was",
    };
    tr.with(id, &[("to", to.into()), ("from", from.into())])
}

/// A status's name in the report's language ("Disputed", "Cuestionada").
pub fn status_name(tr: Tr, status: ClaimStatus) -> String {
    tr.text(status.look().message)
}

/// A run of article text covered by the same claims.
pub struct MarkedRun<'r> {
    /// The text of the run.
    pub text: &'r str,
    /// Indices into [`Report::claims`] of the claims covering it, outermost first.
    pub covering: Vec<usize>,
    /// Those of `covering` that begin here, outermost first.
    pub opening: Vec<usize>,
    /// Those of `covering` that end here, innermost first.
    pub closing: Vec<usize>,
}

impl<'r> Report<'r> {
    /// Lays out `review` as a report.
    pub fn new(review: &'r Review) -> Self {
        Self::with_options(review, &ReportOptions::default())
    }

    /// Lays out `review` as a report, with what `options` asks for.
    pub fn with_options(review: &'r Review, options: &ReportOptions) -> Self {
        let counts = review.counts();
        let tr = Tr::new(report_language(review, options));
        Self {
            tr,
            title: title(review, tr),
            header: header_facts(review, tr)
                .into_iter()
                .map(|(label, value, is_url)| HeaderFact {
                    label,
                    value,
                    is_url,
                })
                .collect(),
            counts: ClaimStatus::ALL.map(|s| (s, counts[s as usize])),
            orphans: review.orphan_count(),
            claims: review
                .claims()
                .iter()
                .enumerate()
                .map(|(i, claim)| ClaimEntry {
                    number: i + 1,
                    claim,
                    anchor: anchor_id(claim.id.as_str()),
                    preview: preview(&claim.quote, 120),
                    position: position(claim, tr),
                    pages: pages_shown(review, claim, tr),
                    media_time: media_time_shown(review, claim),
                    facts: claim_facts(claim, tr),
                    sources: claim.evidence.iter().filter(|e| !e.is_blank()).collect(),
                    timeline: if options.timeline {
                        claim
                            .history
                            .iter()
                            .map(|c| TimelineLine::of(c, tr))
                            .collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect(),
            article: marked_runs(review),
        }
    }

    /// The claims found in the article text.
    pub fn in_context(&self) -> impl Iterator<Item = &ClaimEntry<'r>> {
        self.claims.iter().filter(|c| !c.claim.orphaned)
    }

    /// The claims whose quote is no longer in the article text.
    pub fn orphaned(&self) -> impl Iterator<Item = &ClaimEntry<'r>> {
        self.claims.iter().filter(|c| c.claim.orphaned)
    }
}

/// The article cut at every claim boundary, with the claims opening and closing in each run.
fn marked_runs(review: &Review) -> Vec<MarkedRun<'_>> {
    let text = review.article.text();
    let index = review.article.index();
    let count = review.claims().len();
    let spans = anchored_spans(review);
    let ends = span_ends(count, &spans);
    let mut opened = vec![false; count];
    flatten(review.article.char_len(), &spans)
        .into_iter()
        .map(|seg| {
            let opening = seg
                .claims
                .iter()
                .copied()
                .filter(|&i| !std::mem::replace(&mut opened[i], true))
                .collect();
            let closing = seg
                .claims
                .iter()
                .rev()
                .copied()
                .filter(|&i| ends[i] == seg.end)
                .collect();
            MarkedRun {
                text: index.slice(text, seg.start, seg.end),
                covering: seg.claims,
                opening,
                closing,
            }
        })
        .collect()
}

/// A date the analyst typed, in the report's language when it is a calendar date
/// (`2017-11-27` → "27 November 2017", "27 de noviembre de 2017"); any other text (a year,
/// "late 2017") as typed, trimmed.
pub fn shown_date(tr: Tr, typed: &str) -> String {
    let typed = typed.trim();
    match DateParts::parse(typed) {
        Some(date) => tr.date(date),
        None => typed.to_owned(),
    }
}

/// The non-colour cue of a status: a glyph shown next to every highlight and in the legend.
pub fn glyph(status: ClaimStatus) -> &'static str {
    status.look().glyph
}

/// How the highlight of a status is underlined, in words (for the legend).
pub fn underline(tr: Tr, status: ClaimStatus) -> String {
    tr.text(status.look().underline.message())
}

/// The report's title.
fn title(review: &Review, tr: Tr) -> String {
    let t = review.article.title.trim();
    if t.is_empty() {
        tr.text("report-title")
    } else {
        tr.with("report-title-of", &[("title", t.into())])
    }
}

/// Labelled facts about the review for the report header, in order; empty ones left out.
/// Values are raw (untrusted) text; URL-valued facts are flagged so callers can link them.
fn header_facts(review: &Review, tr: Tr) -> Vec<(String, String, bool)> {
    let d = &review.details;
    let a = &review.article;
    // The source is shown only if it is a web address other than the article URL: a local
    // path would leak the analyst's folders into a published report.
    let source = match http_url(&a.source) {
        Some(u) if http_url(&d.article_url) != Some(u.clone()) => u.to_string(),
        _ => String::new(),
    };
    let facts = [
        ("report-fact-article", a.title.clone(), false),
        ("report-fact-article-url", d.article_url.clone(), true),
        (
            "report-fact-published",
            shown_date(tr, &d.article_published),
            false,
        ),
        ("report-fact-source", source, true),
        ("report-fact-reviewer", d.reviewer.clone(), false),
        ("report-fact-organisation", d.organisation.clone(), false),
        ("report-fact-report-url", d.report_url.clone(), true),
        ("report-fact-sha256", a.sha256(), false),
    ];
    facts
        .into_iter()
        .filter(|(_, v, _)| !v.trim().is_empty())
        .map(|(id, v, url)| (tr.text(id), v, url))
        .collect()
}

/// Where a claim is, as reports show it: "characters 12–40", and for an orphan "(where it was
/// last found)".
fn position(claim: &Claim, tr: Tr) -> String {
    let id = if claim.orphaned {
        "report-position-last-found"
    } else {
        "report-position-chars"
    };
    tr.with(
        id,
        &[
            ("start", claim.span.start.into()),
            ("end", claim.span.end.into()),
        ],
    )
}

/// A claim's page or pages in the original document, in the report's language.
fn pages_shown(review: &Review, claim: &Claim, tr: Tr) -> Option<String> {
    let (first, last) = review.article.pages_of(claim.span)?;
    Some(if first == last {
        tr.with("report-page", &[("page", i64::from(first).into())])
    } else {
        tr.with(
            "report-pages",
            &[
                ("first", i64::from(first).into()),
                ("last", i64::from(last).into()),
            ],
        )
    })
}

/// A claim's time in the media (`HH:MM:SS`) and its link, for an article with media times.
fn media_time_shown(review: &Review, claim: &Claim) -> Option<(String, Option<String>)> {
    let millis = review.article.media_millis_at(claim.span.start)?;
    Some((
        format_media_time(millis),
        media_link(&review.details.media_url, millis),
    ))
}

/// A claim's facts for its detail section, in order; empty ones left out. Raw text.
///
/// Every field of [`Claim`] is named here, so a new field does not compile until the HTML and
/// Markdown reports (which show these facts) decide where it goes.
fn claim_facts(claim: &Claim, tr: Tr) -> Vec<(String, String)> {
    let Claim {
        id: _,     // the reports number claims in text order
        span: _,   // shown as the position ([`position`])
        quote: _,  // shown as the block quote
        prefix: _, // context for re-anchoring, not a fact of the review
        suffix: _,
        status: _,   // shown as the badge
        evidence: _, // shown as the list of sources
        orphaned: _, // shown as a remark beside the quote
        history: _,  // shown as the timeline when asked for (ReportOptions::timeline)
        extra: _,    // fields of a newer version, kept in the file only
        claimant,
        note,
        verdict,
        summary,
        claim_date,
        created,
        modified,
    } = claim;
    let facts = [
        ("report-fact-verdict", verdict.trim().to_owned()),
        ("report-fact-summary", summary.trim().to_owned()),
        ("report-fact-claimant", claimant.trim().to_owned()),
        ("report-fact-claim-made", shown_date(tr, claim_date)),
        ("report-fact-note", note.trim().to_owned()),
        ("report-fact-marked", tr.timestamp(created.as_str())),
        ("report-fact-last-changed", tr.timestamp(modified.as_str())),
    ];
    facts
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(id, v)| (tr.text(id), v))
        .collect()
}

/// A one-line preview of a quote: whitespace collapsed, at most `max` chars.
fn preview(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    claimdesk_model::text::shorten(&collapsed, max)
}
