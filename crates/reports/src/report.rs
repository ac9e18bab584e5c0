//! The report model: everything the HTML and Markdown reports show, built once from the review
//! (header facts, summary counts and rows, the article cut into marked runs, each claim's facts
//! and sources). Each format only renders a [`Report`]; a new format is a new renderer.

use super::safe::{anchor_id, http_url};
use super::segments::{anchored_spans, flatten, span_ends};
use claimdesk_model::{Claim, ClaimStatus, Evidence, Review};

/// A review laid out as a report. All text is raw (untrusted): renderers escape it.
pub struct Report<'r> {
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
    /// "Article URL".
    pub label: &'static str,
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
    /// Labelled facts for its details ([`claim_facts`]).
    pub facts: Vec<(&'static str, String)>,
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
}

/// One change in a claim's timeline, as text (raw: renderers escape it).
pub struct TimelineLine {
    /// When (RFC 3339).
    pub at: String,
    /// Who; "unknown analyst" if nobody was named.
    pub by: String,
    /// What changed ("status set to Asserted (was Disputed)").
    pub what: String,
    /// Why, trimmed; may be empty.
    pub reason: String,
}

impl TimelineLine {
    fn of(change: &claimdesk_model::status_change::StatusChange) -> Self {
        Self {
            at: change.at.as_str().to_owned(),
            by: if change.by.trim().is_empty() {
                "unknown analyst".to_owned()
            } else {
                change.by.clone()
            },
            what: change.summary(),
            reason: change.reason.trim().to_owned(),
        }
    }
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
        Self {
            title: title(review),
            header: header_facts(review)
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
                    position: position(claim),
                    facts: claim_facts(claim),
                    sources: claim.evidence.iter().filter(|e| !e.is_blank()).collect(),
                    timeline: if options.timeline {
                        claim.history.iter().map(TimelineLine::of).collect()
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

/// The non-colour cue of a status: a glyph shown next to every highlight and in the legend.
pub fn glyph(status: ClaimStatus) -> &'static str {
    status.look().glyph
}

/// How the highlight of a status is underlined, in words (for the legend).
pub fn underline(status: ClaimStatus) -> &'static str {
    status.look().underline.describe()
}

/// The report's title.
fn title(review: &Review) -> String {
    let t = review.article.title.trim();
    if t.is_empty() {
        "Fact-check report".to_owned()
    } else {
        format!("Fact-check report: {t}")
    }
}

/// Labelled facts about the review for the report header, in order; empty ones left out.
/// Values are raw (untrusted) text; URL-valued facts are flagged so callers can link them.
fn header_facts(review: &Review) -> Vec<(&'static str, String, bool)> {
    let d = &review.details;
    let a = &review.article;
    // The source is shown only if it is a web address other than the article URL: a local
    // path would leak the analyst's folders into a published report.
    let source = match http_url(&a.source) {
        Some(u) if http_url(&d.article_url) != Some(u.clone()) => u.to_string(),
        _ => String::new(),
    };
    let facts = [
        ("Article", a.title.clone(), false),
        ("Article URL", d.article_url.clone(), true),
        ("Published", d.article_published.clone(), false),
        ("Source", source, true),
        ("Reviewer", d.reviewer.clone(), false),
        ("Organisation", d.organisation.clone(), false),
        ("Report URL", d.report_url.clone(), true),
        ("Article SHA-256", a.sha256(), false),
    ];
    facts
        .into_iter()
        .filter(|(_, v, _)| !v.trim().is_empty())
        .collect()
}

/// Where a claim is, as reports show it: "characters 12–40", and for an orphan "(where it was
/// last found)".
fn position(claim: &Claim) -> String {
    let (start, end) = (claim.span.start, claim.span.end);
    let last_found = if claim.orphaned {
        " (where it was last found)"
    } else {
        ""
    };
    format!("characters {start}–{end}{last_found}")
}

/// A claim's facts for its detail section, in order; empty ones left out. Raw text.
///
/// Every field of [`Claim`] is named here, so a new field does not compile until the HTML and
/// Markdown reports (which show these facts) decide where it goes.
fn claim_facts(claim: &Claim) -> Vec<(&'static str, String)> {
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
        ("Verdict", verdict.trim().to_owned()),
        ("Summary", summary.trim().to_owned()),
        ("Claimant", claimant.trim().to_owned()),
        ("Claim made", claim_date.trim().to_owned()),
        ("Note", note.trim().to_owned()),
        ("Marked", created.as_str().to_owned()),
        ("Last changed", modified.as_str().to_owned()),
    ];
    facts.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

/// A one-line preview of a quote: whitespace collapsed, at most `max` chars.
fn preview(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    claimdesk_model::text::shorten(&collapsed, max)
}
