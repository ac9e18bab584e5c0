//! The project file (`.claimdesk`): load, validate, migrate and save.
//!
//! The contract is documented in `docs/project-format.md` and `assets/claimdesk.schema.json`.
//! Loading never trusts the file: every claim is checked against the text, problems are reported
//! in plain words, and nothing is silently dropped.

mod wire;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::anchor::{Resolution, resolve};
use crate::article::{Article, ArticleVersion};
use crate::atomic::write_atomic;
use crate::claim::{Claim, ClaimId};
use crate::origin::MediaTime;
use crate::review::Review;
use crate::span::Span;
use crate::status_change::StatusChange;
use crate::suggestion_decision::SuggestionDecision;
use crate::text::normalize_article_text;
use crate::text::shorten;
use crate::timestamp::Timestamp;
use wire::{
    Header, WireArticle, WireArticleVersion, WireChange, WireClaim, WireDecision, WireFile,
    WireMediaTime,
};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "claimdesk";
/// The newest format version this build reads and the one it writes.
///
/// Version 2 added review details, and per claim a verdict, a summary, the claim's date and
/// evidence. Version 3 added `article_versions` (earlier texts of an updated article).
/// Version 4 added `suggestion_decisions` (suggested sentences accepted or dismissed).
/// Version 5 added `claims[].history` (who changed a status or verdict, when and why) and
/// `conflicts` (a merge's conflicts still to resolve).
/// Older files load as they are: the new fields are simply empty.
pub const CURRENT_VERSION: u64 = 5;
/// The file extension of projects, without the dot.
pub const EXTENSION: &str = "claimdesk";
/// Files larger than this are refused before being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a project file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The path is a folder.
    #[error("{0} is a folder, not a review file")]
    IsDirectory(PathBuf),
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not UTF-8.
    #[error("the file is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    /// The text is not JSON.
    #[error("the file is not valid JSON: {0}")]
    NotJson(String),
    /// JSON, but not a Claimdesk review.
    #[error("the file is not a Claimdesk review ({0})")]
    NotAReview(String),
    /// Written by a newer Claimdesk.
    #[error(
        "made by a newer Claimdesk, format version {0}; this version reads up to {CURRENT_VERSION}"
    )]
    NewerVersion(u64),
    /// The version field is missing or not a positive integer.
    #[error("the \"version\" field is {0}; expected a whole number from 1 to {CURRENT_VERSION}")]
    BadVersion(String),
    /// A field has the wrong type or is missing.
    #[error("{path}: {message}")]
    Invalid {
        /// Where in the file (`claims[3].status`).
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// A loaded review and what had to be fixed or flagged on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The review.
    pub review: Review,
    /// Plain-words notes on problems found (re-anchored or orphaned claims, bad hashes…).
    pub warnings: Vec<String>,
    /// The format version the file was written in (older versions were migrated).
    pub version: u64,
    /// SHA-256 of the file's bytes when read from disk ([`load_file`]); lets a later save notice
    /// that someone else changed the file in the meantime.
    pub file_sha256: Option<String>,
}

/// Reads and loads a project file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_limited(path, MAX_FILE_BYTES)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| LoadError::NotUtf8(e.valid_up_to()))?;
    let mut loaded = load_str(text)?;
    loaded.file_sha256 = Some(crate::article::sha256_hex(&bytes));
    Ok(loaded)
}

/// Reads a file's bytes, refusing folders and files over `limit` before reading them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(path.to_owned()));
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    fs::read(path).map_err(io)
}

/// Loads a review from the JSON text of a project file.
pub fn load_str(json: &str) -> Result<Loaded, LoadError> {
    if !json.trim_start().starts_with('{') {
        return match serde_json::from_str::<serde::de::IgnoredAny>(json) {
            Ok(_) => Err(LoadError::NotAReview("it is not a JSON object".into())),
            Err(e) => Err(json_error(&e)),
        };
    }
    let header: Header = serde_json::from_str(json).map_err(|e| json_error(&e))?;
    match header.format {
        Some(serde_json::Value::String(ref f)) if f == FORMAT_NAME => {}
        Some(other) => {
            return Err(LoadError::NotAReview(format!(
                "its \"format\" field is {other}"
            )));
        }
        None => return Err(LoadError::NotAReview("it has no \"format\" field".into())),
    }
    let version = match header.version {
        Some(serde_json::Value::Number(n)) => match n.as_u64() {
            Some(v) if v >= 1 => v,
            _ => return Err(LoadError::BadVersion(n.to_string())),
        },
        Some(other) => return Err(LoadError::BadVersion(other.to_string())),
        None => return Err(LoadError::BadVersion("missing".into())),
    };
    if version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion(version));
    }
    let de = &mut serde_json::Deserializer::from_str(json);
    let file: WireFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            json_error(&inner)
        } else {
            LoadError::Invalid {
                path,
                message: strip_position(&inner.to_string()),
            }
        }
    })?;
    let (review, warnings) = from_wire(file);
    Ok(Loaded {
        review,
        warnings,
        version,
        file_sha256: None,
    })
}

fn json_error(e: &serde_json::Error) -> LoadError {
    LoadError::NotJson(e.to_string())
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn from_wire(file: WireFile) -> (Review, Vec<String>) {
    let mut warnings = Vec::new();
    let article = article_from_wire(file.article, &mut warnings);
    let now = Timestamp::now();
    let mut seen = HashSet::new();
    let claims = file
        .claims
        .into_iter()
        .enumerate()
        .map(|(i, c)| claim_from_wire(i, c, &article, &mut seen, &now, &mut warnings))
        .collect();
    let mut review = Review::with_claims(article, claims);
    review.details = file.details;
    review.extra = file.extra;
    review.earlier_versions = file
        .article_versions
        .into_iter()
        .enumerate()
        .map(|(i, v)| version_from_wire(i, v, &now, &mut warnings))
        .collect();
    review.suggestion_decisions = file
        .suggestion_decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| decision_from_wire(i, d, &now, &mut warnings))
        .collect();
    review
        .suggestion_decisions
        .sort_by_key(|d| (d.span.start, d.span.end));
    review.conflicts = file.conflicts;
    (review, warnings)
}

/// The article, its text normalised; warns if that changed it or if its hash does not match.
fn article_from_wire(wire: WireArticle, warnings: &mut Vec<String>) -> Article {
    let WireArticle {
        title,
        source,
        text,
        sha256,
        origin,
        page_starts,
        media_times,
        extra,
    } = wire;
    let normalised = normalize_article_text(&text);
    if normalised != text {
        warnings.push(
            "The article text had carriage returns or control characters; they were removed \
             and claims re-checked against the cleaned text."
                .to_owned(),
        );
    }
    let mut article = Article::new(title, source, normalised);
    article.extra = extra;
    article.origin = origin;
    let article = with_positions(article, page_starts, media_times, warnings);
    if let Some(stored) = sha256 {
        let actual = article.sha256();
        if !stored.eq_ignore_ascii_case(&actual) {
            warnings.push(format!(
                "The article's sha256 ({}) does not match its text ({actual}): the text may have \
                 been edited by hand. The text was kept as it is.",
                shorten(&stored, 16)
            ));
        }
    }
    article
}

/// The article with the stored page starts and media times, made fit for its text; warns when
/// that changed them (hand-edited offsets, a text edited elsewhere).
fn with_positions(
    article: Article,
    page_starts: Vec<u64>,
    media_times: Vec<WireMediaTime>,
    warnings: &mut Vec<String>,
) -> Article {
    let pages: Vec<usize> = page_starts.into_iter().map(to_usize).collect();
    let times: Vec<MediaTime> = media_times
        .into_iter()
        .map(|t| MediaTime {
            start: to_usize(t.start),
            millis: t.millis,
        })
        .collect();
    let article = article
        .with_page_starts(pages.clone())
        .with_media_times(times.clone());
    if article.page_starts() != pages {
        warnings.push(
            "The article's page starts were out of order or past the end of the text; they \
             were sorted and trimmed, so the pages shown for claims may be off."
                .to_owned(),
        );
    }
    if article.media_times() != times {
        warnings.push(
            "The article's media times were out of order or past the end of the text; they \
             were sorted and trimmed, so the times shown for claims may be off."
                .to_owned(),
        );
    }
    article
}

/// Claim `i` of the file: a unique id, valid timestamps, anchored in `article` (or an orphan).
fn claim_from_wire(
    i: usize,
    c: WireClaim,
    article: &Article,
    seen: &mut HashSet<ClaimId>,
    now: &Timestamp,
    warnings: &mut Vec<String>,
) -> Claim {
    let label = format!("Claim {} (\"{}\")", i + 1, shorten(&c.quote, 40));
    let mut id = ClaimId(c.id);
    if id.0.is_empty() || !seen.insert(id.clone()) {
        let fresh = ClaimId::generate();
        warnings.push(format!(
            "{label} had a missing or duplicate id \"{id}\"; it was given the id \"{fresh}\"."
        ));
        seen.insert(fresh.clone());
        id = fresh;
    }
    let created = read_timestamp(c.created, now, warnings, |problem| {
        format!("{label} {problem} \"created\" date")
    });
    let modified = read_timestamp(c.modified, now, warnings, |problem| {
        format!("{label} {problem} \"modified\" date")
    });
    let history = history_from_wire(c.history, &label, now, warnings);
    let stored = Span::new(to_usize(c.start), to_usize(c.end));
    let mut claim = Claim {
        id,
        span: stored,
        quote: c.quote,
        prefix: c.prefix,
        suffix: c.suffix,
        status: c.status,
        claimant: c.claimant,
        note: c.note,
        verdict: c.verdict,
        summary: c.summary,
        claim_date: c.claim_date,
        evidence: c.evidence,
        created,
        modified,
        orphaned: false,
        history,
        extra: c.extra,
    };
    let at = (c.start, c.end);
    anchor_loaded(&mut claim, article, c.orphaned, at, &label, warnings);
    claim
}

/// A claim's history entries, their times checked like every timestamp, in time order.
fn history_from_wire(
    entries: Vec<WireChange>,
    label: &str,
    now: &Timestamp,
    warnings: &mut Vec<String>,
) -> Vec<StatusChange> {
    let mut history: Vec<StatusChange> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| StatusChange {
            at: read_timestamp(Some(e.at), now, warnings, |problem| {
                format!("{label} history entry {} {problem} \"at\" date", i + 1)
            }),
            by: e.by,
            decision: e.decision,
            from: e.from,
            to: e.to,
            reason: e.reason,
        })
        .collect();
    history.sort_by(|a, b| a.at.cmp(&b.at));
    history
}

/// Checks a loaded claim against the article: exact, moved (re-anchored with a warning) or
/// an orphan. A claim saved as an orphan is never moved on its own.
fn anchor_loaded(
    claim: &mut Claim,
    article: &Article,
    was_orphan: bool,
    (start, end): (u64, u64),
    label: &str,
    warnings: &mut Vec<String>,
) {
    let stored = claim.span;
    match resolve(article, stored, &claim.quote, &claim.prefix, &claim.suffix) {
        Resolution::Exact => {
            if was_orphan {
                warnings.push(format!("{label} was an orphan and is found again."));
            }
            claim.anchor_to(article, whole_graphemes(article, stored, label, warnings));
        }
        Resolution::Moved(_) if was_orphan => {
            // A claim saved as an orphan is never moved to another place on its own: an
            // article update may have judged the one remaining occurrence a look-alike
            // (hypothesis/client#7571). The analyst re-attaches it.
            claim.orphaned = true;
        }
        Resolution::Moved(span) => {
            warnings.push(format!(
                "{label} did not match the text at {}..{}; it was found at {}..{} and \
                 re-anchored there.",
                start, end, span.start, span.end
            ));
            claim.anchor_to(article, whole_graphemes(article, span, label, warnings));
        }
        Resolution::Orphaned => {
            if !was_orphan {
                warnings.push(format!(
                    "{label} is not in the article text at {}..{} nor at exactly one other \
                     place; it is kept as an orphan.",
                    start, end
                ));
            }
            claim.orphaned = true;
        }
    }
}

/// Decision `i` of the file. Where its sentence is now is worked out when suggestions are
/// shown ([`SuggestionDecision::locate`]), so a decision whose text moved is kept as it was.
fn decision_from_wire(
    i: usize,
    d: WireDecision,
    now: &Timestamp,
    warnings: &mut Vec<String>,
) -> SuggestionDecision {
    let decided = read_timestamp(d.decided, now, warnings, |problem| {
        format!("Suggestion decision {} {problem} \"decided\" date", i + 1)
    });
    SuggestionDecision {
        span: Span::new(to_usize(d.start), to_usize(d.end)),
        quote: d.quote,
        kind: d.decision,
        decided,
    }
}

fn version_from_wire(
    i: usize,
    v: WireArticleVersion,
    now: &Timestamp,
    warnings: &mut Vec<String>,
) -> ArticleVersion {
    let actual = crate::article::sha256_hex(v.text.as_bytes());
    if let Some(stored) = &v.sha256
        && !stored.eq_ignore_ascii_case(&actual)
    {
        warnings.push(format!(
            "Earlier article version {} has a sha256 ({}) that does not match its text; the \
             text was kept as it is.",
            i + 1,
            shorten(stored, 16)
        ));
    }
    let replaced = read_timestamp(v.replaced, now, warnings, |problem| {
        format!(
            "Earlier article version {} {problem} \"replaced\" date",
            i + 1
        )
    });
    ArticleVersion {
        title: v.title,
        source: v.source,
        text: v.text,
        sha256: actual,
        replaced,
        origin: v.origin,
        extra: v.extra,
    }
}

/// A timestamp field as the model keeps it: a strict RFC 3339 / `xsd:dateTime` value as
/// written, another RFC 3339 value rewritten in UTC (with a warning), a missing or invalid one
/// set to `now` (with a warning). `about` turns "has no valid" / "had a non-standard" into the
/// start of the warning.
fn read_timestamp(
    value: Option<String>,
    now: &Timestamp,
    warnings: &mut Vec<String>,
    about: impl Fn(&str) -> String,
) -> Timestamp {
    match value.as_deref().map(|v| (v, Timestamp::parse(v))) {
        Some((_, Some(t))) if Some(t.as_str()) == value.as_deref() => t,
        Some((written, Some(t))) => {
            warnings.push(format!(
                "{} \"{}\"; it was read as {}.",
                about("had a non-standard"),
                shorten(written, 40),
                t.as_str()
            ));
            t
        }
        _ => {
            warnings.push(format!("{}; it was set to now.", about("has no valid")));
            now.clone()
        }
    }
}

/// `span` widened to whole grapheme clusters (Web Annotation §4.2.4: a selection SHOULD NOT
/// split one), with a warning if it had to move. Only a hand-edited file splits a cluster:
/// Claimdesk itself snaps every selection.
fn whole_graphemes(article: &Article, span: Span, label: &str, warnings: &mut Vec<String>) -> Span {
    let (start, end) =
        crate::text::snap_to_graphemes(article.text(), article.index(), span.start, span.end);
    if (start, end) == (span.start, span.end) {
        return span;
    }
    warnings.push(format!(
        "{label} started or ended inside a character (a letter and its accent, an emoji or a \
         flag); it was widened to {start}..{end} to cover whole characters."
    ));
    Span::new(start, end)
}

fn to_usize(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

/// The project file text for `review`: pretty-printed JSON, stable key order, claims in text
/// order, ending with a newline.
pub fn to_json(review: &Review) -> String {
    let article = &review.article;
    let file = WireFile {
        format: FORMAT_NAME.to_owned(),
        version: CURRENT_VERSION,
        details: review.details.clone(),
        article: WireArticle {
            sha256: Some(article.sha256()),
            title: article.title.clone(),
            source: article.source.clone(),
            text: article.text().to_owned(),
            origin: article.origin.clone(),
            page_starts: article.page_starts().iter().map(|&s| s as u64).collect(),
            media_times: article
                .media_times()
                .iter()
                .map(|t| WireMediaTime {
                    start: t.start as u64,
                    millis: t.millis,
                })
                .collect(),
            extra: article.extra.clone(),
        },
        claims: review.claims().iter().map(claim_to_wire).collect(),
        article_versions: review
            .earlier_versions
            .iter()
            .map(|v| WireArticleVersion {
                title: v.title.clone(),
                source: v.source.clone(),
                text: v.text.clone(),
                sha256: Some(crate::article::sha256_hex(v.text.as_bytes())),
                replaced: Some(v.replaced.as_str().to_owned()),
                origin: v.origin.clone(),
                extra: v.extra.clone(),
            })
            .collect(),
        suggestion_decisions: review
            .suggestion_decisions
            .iter()
            .map(|d| WireDecision {
                start: d.span.start as u64,
                end: d.span.end as u64,
                quote: d.quote.clone(),
                decision: d.kind,
                decided: Some(d.decided.as_str().to_owned()),
            })
            .collect(),
        conflicts: review.conflicts.clone(),
        extra: review.extra.clone(),
    };
    let mut out = serde_json::to_string_pretty(&file).expect("a review always serialises");
    out.push('\n');
    out
}

/// Every field is named, so a new claim field does not compile until the file format
/// says how it is saved.
fn claim_to_wire(c: &Claim) -> WireClaim {
    let Claim {
        id,
        span,
        quote,
        prefix,
        suffix,
        status,
        claimant,
        note,
        verdict,
        summary,
        claim_date,
        evidence,
        created,
        modified,
        orphaned,
        history,
        extra,
    } = c;
    WireClaim {
        id: id.0.clone(),
        start: span.start as u64,
        end: span.end as u64,
        quote: quote.clone(),
        prefix: prefix.clone(),
        suffix: suffix.clone(),
        status: *status,
        verdict: verdict.clone(),
        summary: summary.clone(),
        claimant: claimant.clone(),
        claim_date: claim_date.clone(),
        note: note.clone(),
        evidence: evidence.clone(),
        created: Some(created.as_str().to_owned()),
        modified: Some(modified.as_str().to_owned()),
        orphaned: *orphaned,
        history: history
            .iter()
            .map(|e| WireChange {
                at: e.at.as_str().to_owned(),
                by: e.by.clone(),
                decision: e.decision,
                from: e.from.clone(),
                to: e.to.clone(),
                reason: e.reason.clone(),
            })
            .collect(),
        extra: extra.clone(),
    }
}

/// Why a review could not be saved. The previous file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("could not save {path}: {source} (the previous file, if any, is unchanged)")]
pub struct SaveError {
    /// The target file.
    pub path: PathBuf,
    /// The OS error.
    pub source: std::io::Error,
}

/// Saves `review` to `path` atomically. Returns the bytes written, so callers can remember
/// what is on disk (to notice outside changes later).
pub fn save_file(path: &Path, review: &Review) -> Result<String, SaveError> {
    let json = to_json(review);
    write_atomic(path, json.as_bytes()).map_err(|source| SaveError {
        path: path.to_owned(),
        source,
    })?;
    Ok(json)
}

/// True if `path` names a project file (by its extension).
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

#[cfg(test)]
mod tests;
