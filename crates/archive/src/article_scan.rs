//! A whole article checked against the archive (issue 29): every sentence is searched, and the
//! sentences whose best match the re-ranker is confident of are flagged, best first, each with
//! its matches. Meant for a worker thread: it reports progress and stops when asked.
//!
//! ```no_run
//! # fn main() -> Result<(), claimdesk_archive::ArchiveError> {
//! use std::sync::atomic::AtomicBool;
//! use claimdesk_archive::{Archive, ScanOptions};
//! let searcher = Archive::platform()?.refresh()?.searcher;
//! let text = "The minister spoke on Sunday. Drinking hot water kills the coronavirus.";
//! let report = searcher.scan_article(text, &ScanOptions::default(), &AtomicBool::new(false),
//!     |done, total| eprintln!("{done} of {total} sentences"))?;
//! for flagged in &report.flagged {
//!     let best = &flagged.matches[0];
//!     println!("{}..{} {} — {} ({})", flagged.start, flagged.end, flagged.text,
//!         best.claim.verdict, best.confidence);
//! }
//! # Ok(()) }
//! ```

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use claimdesk_model::sentences::sentence_spans;
use serde::Serialize;
use tantivy::query::BooleanQuery;

use super::ArchiveError;
use super::matcher::{Matcher, Ranked};
use super::search::{ArchiveSearcher, SearchHit, hits};

/// The confidence a sentence's best match needs for the sentence to be flagged, chosen on the
/// evaluation in README "Claim archive" (ordinary news sentences are rarely flagged above it).
pub const DEFAULT_THRESHOLD: f32 = 0.75;

/// Sentences with fewer words than this (stop words left out) are not searched: "Read more."
/// cannot repeat a checked claim.
const MIN_WORDS: usize = 4;
/// Only this many chars of a sentence are searched (a 100 KB "sentence" with no full stop is
/// not a claim; its start still is searched).
const MAX_SENTENCE_CHARS: usize = 1_000;
/// Progress is reported every this many sentences.
const PROGRESS_EVERY: usize = 64;

/// How to scan an article.
#[derive(Clone, Debug, PartialEq)]
pub struct ScanOptions {
    /// A sentence is flagged when its best match's confidence reaches this (0 to 1).
    pub threshold: f32,
    /// At most this many matches per flagged sentence (those reaching the threshold).
    pub matches: usize,
    /// At most this many flagged sentences (the most confident); `usize::MAX` for all.
    pub limit: usize,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            threshold: DEFAULT_THRESHOLD,
            matches: 3,
            limit: usize::MAX,
        }
    }
}

/// What a scan found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ScanReport {
    /// How many sentences the article has.
    pub sentences: usize,
    /// The flagged sentences, the most confident first (equal ones in text order).
    pub flagged: Vec<FlaggedSentence>,
}

/// A sentence that repeats a claim checked before.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlaggedSentence {
    /// First char of the sentence in the article text (Unicode scalar values, as Claimdesk's
    /// spans: the sentence of `claimdesk_model::sentences::sentence_spans`).
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// Its matches, best first; the first one's confidence reaches the threshold.
    pub matches: Vec<SearchHit>,
}

impl FlaggedSentence {
    /// The best match's confidence.
    pub fn confidence(&self) -> f32 {
        self.matches.first().map_or(0.0, |m| m.confidence)
    }
}

impl ArchiveSearcher {
    /// Checks every sentence of `text` (an article as Claimdesk stores it) against the archive.
    /// `progress(done, total)` is called every few sentences and at the end; when `cancel`
    /// becomes true the scan stops and returns [`ArchiveError::Cancelled`].
    pub fn scan_article(
        &self,
        text: &str,
        options: &ScanOptions,
        cancel: &AtomicBool,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<ScanReport, ArchiveError> {
        let spans = sentence_spans(text);
        let mut matcher = Matcher::new(self)?;
        let mut found: Vec<(usize, Found)> = Vec::new();
        // The same sentence twice (a repeated quote, a boilerplate line) is searched once.
        let mut seen: HashMap<&str, Option<usize>> = HashMap::new();
        let mut pieces = CharPieces::new(text);
        for (i, span) in spans.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                return Err(ArchiveError::Cancelled);
            }
            if i % PROGRESS_EVERY == 0 {
                progress(i, spans.len());
            }
            let sentence = pieces.slice(span.start, span.end);
            let earlier = match seen.get(sentence) {
                Some(&earlier) => earlier.map(|at| found[at].1.clone()),
                None => {
                    let confident = confident(&mut matcher, sentence, options)?;
                    seen.insert(sentence, confident.as_ref().map(|_| found.len()));
                    confident
                }
            };
            if let Some(matches) = earlier {
                found.push((i, matches));
            }
        }
        progress(spans.len(), spans.len());
        let mut flagged = Vec::with_capacity(found.len());
        let mut pieces = CharPieces::new(text);
        for (i, (ranked, query)) in found {
            let span = spans[i];
            flagged.push(FlaggedSentence {
                start: span.start,
                end: span.end,
                text: pieces.slice(span.start, span.end).to_owned(),
                matches: hits(&matcher, Some(&query), ranked, self.fields)?,
            });
        }
        flagged.sort_by(|a, b| {
            b.confidence()
                .total_cmp(&a.confidence())
                .then(a.start.cmp(&b.start))
        });
        flagged.truncate(options.limit);
        Ok(ScanReport {
            sentences: spans.len(),
            flagged,
        })
    }
}

/// A flagged sentence's matches and the query that found them (for snippets).
type Found = (Vec<Ranked>, BooleanQuery);

/// The matches of `sentence` that reach the threshold, at most `options.matches`; `None` if the
/// best does not, or if the sentence is too short to search.
fn confident(
    matcher: &mut Matcher,
    sentence: &str,
    options: &ScanOptions,
) -> Result<Option<Found>, ArchiveError> {
    let sentence = match sentence.char_indices().nth(MAX_SENTENCE_CHARS) {
        Some((byte, _)) => &sentence[..byte],
        None => sentence,
    };
    let ranking = matcher.rank(sentence, options.matches, MIN_WORDS)?;
    let mut ranked = ranking.ranked;
    ranked.retain(|r| r.probability >= options.threshold);
    ranked.truncate(options.matches);
    Ok(ranking
        .query
        .filter(|_| !ranked.is_empty())
        .map(|q| (ranked, q)))
}

/// Slices of a text by char offsets, for offsets that only grow (sentences in order): the
/// text is walked once.
struct CharPieces<'a> {
    text: &'a str,
    /// The char offset and byte offset of the walk.
    at: (usize, usize),
}

impl<'a> CharPieces<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, at: (0, 0) }
    }

    fn byte_of(&mut self, char_offset: usize) -> usize {
        let (chars, bytes) = self.at;
        let rest = &self.text[bytes..];
        let byte = rest
            .char_indices()
            .nth(char_offset - chars)
            .map_or(self.text.len(), |(b, _)| bytes + b);
        self.at = (char_offset, byte);
        byte
    }

    /// Chars `start..end`; `start` is not before the previous slice's start.
    fn slice(&mut self, start: usize, end: usize) -> &'a str {
        let a = self.byte_of(start);
        let b = self.byte_of(end);
        let b = b.max(a);
        // The walk stays at the start, so the next slice may begin inside this one.
        self.at = (start, a);
        &self.text[a..b]
    }
}

#[cfg(test)]
mod tests;
