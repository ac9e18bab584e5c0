//! Article updates: re-anchoring every claim of a review against a new text of the article.
//!
//! [`reanchor`] classifies each claim (it changes nothing); [`apply`] / [`apply_with`] build the
//! updated review; [`update_edit`] gives the same change as one undoable [`Edit`].
//! [`reanchor_article`] does the same for a new article read from a document (a corrected PDF
//! or Word file): the updated article then takes that document's origin, page starts and media
//! times; a new plain text has none (the old ones stay only when the text is the same).
//!
//! How a claim is classified:
//! 1. **Unchanged** — the old text and the new one are aligned word by word (a patience
//!    alignment bounded by work, not time: [`align`]); the claim's start is mapped through the
//!    alignment, and the quote is exactly there.
//! 2. **Moved** — the exact quote occurs once in the new text, not counting occurrences that are
//!    *other* text the old article already had, untouched, at another place (a copy of the same
//!    words elsewhere is not the claimed sentence). Several occurrences: the stored prefix and
//!    suffix must pick exactly one, else **Ambiguous**.
//! 3. **Changed** — no exact occurrence: the best approximate match (word-level edit distance,
//!    free ends) inside the part of the new text that replaced the claim's old place. It must
//!    reach [`MIN_SCORE`], beat the second best by [`MARGIN`] (context breaks ties), and must
//!    not be a sentence that the old article already had elsewhere word for word.
//! 4. **Orphaned** — nothing good enough. A deleted claim's quote is never attached to a
//!    look-alike sentence elsewhere (hypothesis/client#7571): approximate matches are only
//!    looked for where the claim's own text was, and pre-existing text never counts.
//!
//! Scores: the quote's similarity decides; prefix/suffix similarity only breaks near-ties.
//! Costs: one tokenisation and diff of both texts, one Aho-Corasick pass for all exact quotes,
//! and a small alignment per claim whose place changed (seeded by its rarest words when that
//! place is large), so a 1 MB article with 5,000 claims re-anchors well under a second.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

pub mod align;
use unicode_segmentation::UnicodeSegmentation;

use claimdesk_model::history::Edit;
use claimdesk_model::text::{CharIndex, normalize_article_text};
use claimdesk_model::{
    Article, ArticleOrigin, ArticleVersion, Claim, ClaimId, MediaTime, Review, Span, Timestamp,
};

/// A changed quote needs at least this word similarity (0–1) to be proposed.
pub const MIN_SCORE: f64 = 0.6;
/// The best candidate must beat the second by this much (else context decides, else ambiguous).
pub const MARGIN: f64 = 0.1;
/// Context (prefix/suffix, 0–1) must differ by this much to break a near-tie.
pub const CONTEXT_MARGIN: f64 = 0.3;
/// Quotes with fewer words are only re-anchored exactly, never approximately.
pub const MIN_FUZZY_WORDS: usize = 3;
/// At most this many candidates are kept for an ambiguous claim.
const MAX_CANDIDATES: usize = 5;
/// At most this many exact occurrences are recorded per quote.
const MAX_OCCURRENCES: usize = 64;
/// Alignment windows larger than this many cells are seeded by rare words instead.
const MAX_DIRECT_CELLS: usize = 200_000;

/// A possible new place for a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The span in the new text.
    pub span: Span,
    /// The new text at that span.
    pub quote: String,
    /// Word similarity of the old quote and this text, 0–1 (1 = same words).
    pub score: f64,
    /// How well the stored prefix and suffix match the text around it, 0–1.
    pub context: f64,
}

/// One word-level piece of the difference between an old and a new quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordChange {
    /// Kept, removed or added.
    pub kind: ChangeKind,
    /// The text (words and the spaces between them).
    pub text: String,
}

/// What happened to a piece of a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// In both.
    Same,
    /// Only in the old quote.
    Removed,
    /// Only in the new quote.
    Added,
}

/// Why a claim could not be re-anchored.
#[derive(Clone, Debug, PartialEq)]
pub enum OrphanReason {
    /// It was already an orphan, and its quote is not in the new text as new text.
    AlreadyOrphaned,
    /// The claim's text was deleted, and nothing replaced it.
    Deleted,
    /// The quote is too short to be matched approximately.
    TooShort,
    /// The best approximate match is below [`MIN_SCORE`] (given if there was one).
    NoGoodMatch(Option<Candidate>),
    /// The only close text is a sentence the old article already had elsewhere: a look-alike.
    LookAlike(Candidate),
}

/// What re-anchoring decided for one claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The quote is still at its place (its offsets may have shifted).
    Unchanged {
        /// The span in the new text.
        span: Span,
    },
    /// The exact quote is at one other place.
    Moved {
        /// The span in the new text.
        span: Span,
    },
    /// The quote was edited: the best approximate match, waiting for confirmation.
    Changed {
        /// Where, what, how close.
        candidate: Candidate,
        /// Word diff old quote → new text.
        diff: Vec<WordChange>,
    },
    /// Two or more places fit about equally well; the analyst must choose.
    Ambiguous {
        /// Best first.
        candidates: Vec<Candidate>,
    },
    /// Nothing good enough: kept with its old quote, flagged orphaned.
    Orphaned {
        /// Why.
        reason: OrphanReason,
    },
}

impl Outcome {
    /// `unchanged`, `moved`, `changed`, `ambiguous` or `orphaned`.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Unchanged { .. } => "unchanged",
            Outcome::Moved { .. } => "moved",
            Outcome::Changed { .. } => "changed",
            Outcome::Ambiguous { .. } => "ambiguous",
            Outcome::Orphaned { .. } => "orphaned",
        }
    }

    /// True for outcomes applied without asking (unchanged, moved).
    pub fn is_automatic(&self) -> bool {
        matches!(self, Outcome::Unchanged { .. } | Outcome::Moved { .. })
    }
}

/// The plan for one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimUpdate {
    /// The claim.
    pub id: ClaimId,
    /// Its span in the old text.
    pub old_span: Span,
    /// Its quote in the old text.
    pub old_quote: String,
    /// What re-anchoring decided.
    pub outcome: Outcome,
}

/// Counts of outcomes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    /// Unchanged claims.
    pub unchanged: usize,
    /// Moved claims.
    pub moved: usize,
    /// Changed claims.
    pub changed: usize,
    /// Ambiguous claims.
    pub ambiguous: usize,
    /// Orphaned claims.
    pub orphaned: usize,
}

/// The result of [`reanchor`]: the new text and one entry per claim, in the review's order.
#[derive(Clone, Debug)]
pub struct UpdatePlan {
    /// The new article text, normalised as on import.
    pub new_text: String,
    /// SHA-256 of the old text.
    pub old_sha256: String,
    /// SHA-256 of the new text.
    pub new_sha256: String,
    /// One entry per claim of the review, in its order.
    pub claims: Vec<ClaimUpdate>,
    /// False if the word alignment ran out of its work budget ([`align`]) and left some changed
    /// parts unaligned (claims there are then found by their quote, or classified changed or
    /// orphaned rather than unchanged). Deterministic: the same texts always give the same plan.
    pub diff_complete: bool,
    /// The document the new text was read from, if any ([`reanchor_article`]).
    pub new_document: NewDocument,
}

/// What a document gives a new article text beside the text (see [`claimdesk_model::origin`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewDocument {
    /// The new file's name and hash.
    pub origin: Option<ArticleOrigin>,
    /// Where each page of the new text starts.
    pub page_starts: Vec<usize>,
    /// When each stretch of the new text is spoken.
    pub media_times: Vec<MediaTime>,
}

impl NewDocument {
    /// The document parts of `article`.
    pub fn of(article: &Article) -> Self {
        Self {
            origin: article.origin.clone(),
            page_starts: article.page_starts().to_vec(),
            media_times: article.media_times().to_vec(),
        }
    }

    /// True when no document stands behind the text.
    pub fn is_empty(&self) -> bool {
        self.origin.is_none() && self.page_starts.is_empty() && self.media_times.is_empty()
    }
}

impl UpdatePlan {
    /// How many claims got each outcome.
    pub fn counts(&self) -> OutcomeCounts {
        let mut c = OutcomeCounts::default();
        for u in &self.claims {
            match u.outcome {
                Outcome::Unchanged { .. } => c.unchanged += 1,
                Outcome::Moved { .. } => c.moved += 1,
                Outcome::Changed { .. } => c.changed += 1,
                Outcome::Ambiguous { .. } => c.ambiguous += 1,
                Outcome::Orphaned { .. } => c.orphaned += 1,
            }
        }
        c
    }

    /// The entry for a claim.
    pub fn get(&self, id: &ClaimId) -> Option<&ClaimUpdate> {
        self.claims.iter().find(|u| &u.id == id)
    }

    /// True if the new text is the old text.
    pub fn is_same_text(&self) -> bool {
        self.old_sha256 == self.new_sha256
    }
}

/// The analyst's decisions for claims that are not applied automatically.
#[derive(Clone, Debug, Default)]
pub struct Decisions {
    /// Apply every `changed` outcome (the CLI's `--accept-changed`).
    pub accept_changed: bool,
    /// Per-claim choices; they win over `accept_changed`.
    pub choices: HashMap<ClaimId, Choice>,
}

/// A decision for one claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// Take the proposed place of a `changed` claim.
    Accept,
    /// Take this candidate (index into [`Outcome::Ambiguous`]'s list) of an ambiguous claim.
    Candidate(usize),
    /// Attach the claim to this span of the new text (re-attaching an orphan by selection).
    Span(Span),
    /// Keep it as an orphan with its old quote.
    KeepOrphan,
}

// ---------------------------------------------------------------------------------------------
// Tokens and the diff

/// A token of a text: a UAX #29 word-boundary segment (a word, a number, a punctuation mark,
/// an emoji or a run of whitespace), never splitting a grapheme cluster.
#[derive(Clone, Copy)]
struct Tok {
    id: u32,
    /// Char offsets.
    start: usize,
    end: usize,
    space: bool,
}

#[derive(Default)]
struct Interner<'t> {
    ids: HashMap<&'t str, u32>,
}

impl<'t> Interner<'t> {
    fn intern(&mut self, s: &'t str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(next)
    }

    fn lookup(&self, s: &str) -> u32 {
        self.ids.get(s).copied().unwrap_or(u32::MAX)
    }
}

fn tokenize<'t>(text: &'t str, interner: &mut Interner<'t>) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 3);
    let mut chars = 0;
    for seg in text.split_word_bounds() {
        let n = seg.chars().count();
        toks.push(Tok {
            id: interner.intern(seg),
            start: chars,
            end: chars + n,
            space: seg.chars().all(char::is_whitespace),
        });
        chars += n;
    }
    toks
}

/// Word ids of a quote (whitespace dropped), looked up without adding new ids.
fn quote_words(quote: &str, interner: &Interner<'_>) -> Vec<u32> {
    quote
        .split_word_bounds()
        .filter(|s| !s.chars().all(char::is_whitespace))
        .map(|s| interner.lookup(s))
        .collect()
}

/// The word alignment of the old and the new text (Myers diff over word tokens; whitespace is
/// not a token, so a changed space never shifts the alignment).
struct Diff {
    old_words: Vec<Tok>,
    new_words: Vec<Tok>,
    /// For each old word, the new word it was kept as.
    kept_as: Vec<Option<usize>>,
    /// For each new word, the old word it was kept from.
    kept_from: Vec<Option<usize>>,
    /// For each old word, the new char offset just after the nearest kept word at or before it.
    prev_kept_end: Vec<usize>,
    /// For each old word, the new char offset of the nearest kept word at or after it.
    next_kept_start: Vec<usize>,
    new_len: usize,
    complete: bool,
}

impl Diff {
    fn new(old_words: Vec<Tok>, new_words: Vec<Tok>, new_len: usize) -> Self {
        let old_ids: Vec<u32> = old_words.iter().map(|t| t.id).collect();
        let new_ids: Vec<u32> = new_words.iter().map(|t| t.id).collect();
        let alignment = align::align(&old_ids, &new_ids);
        let complete = alignment.complete;
        let mut kept_as = vec![None; old_words.len()];
        let mut kept_from = vec![None; new_words.len()];
        for (old_index, new_index) in alignment.pairs {
            kept_as[old_index] = Some(new_index);
            kept_from[new_index] = Some(old_index);
        }
        let mut prev_kept_end = Vec::with_capacity(old_words.len());
        let mut last = 0;
        for k in &kept_as {
            if let Some(n) = k {
                last = new_words[*n].end;
            }
            prev_kept_end.push(last);
        }
        let mut next_kept_start = vec![new_len; old_words.len()];
        let mut next = new_len;
        for (i, k) in kept_as.iter().enumerate().rev() {
            if let Some(n) = k {
                next = new_words[*n].start;
            }
            next_kept_start[i] = next;
        }
        Self {
            old_words,
            new_words,
            kept_as,
            kept_from,
            prev_kept_end,
            next_kept_start,
            new_len,
            complete,
        }
    }

    /// Index of the first old word ending after char `p`.
    fn old_word_at(&self, p: usize) -> usize {
        self.old_words.partition_point(|w| w.end <= p)
    }

    /// Where old char `p` is in the new text, if the word at (or right after) it was kept.
    fn map_kept(&self, p: usize) -> Option<usize> {
        let i = self.old_word_at(p);
        let w = self.old_words.get(i)?;
        let n = self.new_words[self.kept_as[i]?];
        if p >= w.start {
            Some(n.start + (p - w.start))
        } else {
            n.start.checked_sub(w.start - p)
        }
    }

    /// The new-text region that corresponds to old `[start, end)`: kept words map through,
    /// removed ones widen to whatever replaced them.
    fn map_region(&self, start: usize, end: usize) -> Range<usize> {
        let first = self.old_word_at(start);
        let last = self.old_words.partition_point(|w| w.start < end);
        if first >= last {
            return 0..0;
        }
        let lo = match self.kept_as[first] {
            Some(n) => {
                let (w, nw) = (self.old_words[first], self.new_words[n]);
                nw.start + start.saturating_sub(w.start)
            }
            None if first == 0 => 0,
            None => self.prev_kept_end[first - 1],
        };
        let hi = match self.kept_as[last - 1] {
            Some(n) => {
                let (w, nw) = (self.old_words[last - 1], self.new_words[n]);
                (nw.start + end.saturating_sub(w.start)).min(nw.end)
            }
            None => self
                .next_kept_start
                .get(last)
                .copied()
                .unwrap_or(self.new_len),
        };
        lo..hi.max(lo)
    }

    /// True if new `[start, end)` is only words the old article had, kept, none of them inside
    /// old `claim`: a copy elsewhere, not the claim's own text.
    fn is_foreign(&self, start: usize, end: usize, claim: Range<usize>) -> bool {
        let a = self.new_words.partition_point(|w| w.end <= start);
        let b = self.new_words.partition_point(|w| w.start < end);
        if a >= b {
            return false;
        }
        (a..b).all(|i| match self.kept_from[i] {
            None => false,
            Some(o) => {
                let w = self.old_words[o];
                !(w.start < claim.end && claim.start < w.end)
            }
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring helpers

fn context_score(text: &str, index: &CharIndex, span: Span, prefix: &str, suffix: &str) -> f64 {
    let total = prefix.chars().count() + suffix.chars().count();
    if total == 0 {
        return 0.0;
    }
    let before = index.slice(
        text,
        span.start.saturating_sub(prefix.chars().count()),
        span.start,
    );
    let after = index.slice(
        text,
        span.end,
        (span.end + suffix.chars().count()).min(index.char_len()),
    );
    let common_end = prefix
        .chars()
        .rev()
        .zip(before.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let common_start = suffix
        .chars()
        .zip(after.chars())
        .take_while(|(a, b)| a == b)
        .count();
    (common_end + common_start) as f64 / total as f64
}

/// Word diff of two quotes.
pub fn word_diff(old: &str, new: &str) -> Vec<WordChange> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<WordChange> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => ChangeKind::Same,
            similar::ChangeTag::Delete => ChangeKind::Removed,
            similar::ChangeTag::Insert => ChangeKind::Added,
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => out.push(WordChange {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    out
}

/// Fitting alignment (Sellers): the places in `window` where `q` matches with the fewest word
/// edits, free at both ends of the window. Returns `(start, end, edits)` in window indices,
/// best first, at most `max` non-overlapping ones.
fn fit(q: &[u32], window: &[u32], max: usize) -> Vec<(usize, usize, usize)> {
    let m = q.len();
    let n = window.len();
    if m == 0 || n == 0 {
        return Vec::new();
    }
    let w = n + 1;
    let mut d = vec![0u32; (m + 1) * w];
    for i in 1..=m {
        d[i * w] = i as u32;
        for j in 1..=n {
            let sub = d[(i - 1) * w + j - 1] + u32::from(q[i - 1] != window[j - 1]);
            let del = d[(i - 1) * w + j] + 1;
            let ins = d[i * w + j - 1] + 1;
            d[i * w + j] = sub.min(del).min(ins);
        }
    }
    let mut ends: Vec<usize> = (1..=n).collect();
    ends.sort_by_key(|&j| (d[m * w + j], j));
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for j_end in ends {
        if out.len() >= max {
            break;
        }
        let cost = d[m * w + j_end] as usize;
        if cost >= m {
            break;
        }
        // Trace back to the start, preferring diagonal moves.
        let (mut i, mut j) = (m, j_end);
        while i > 0 {
            let here = d[i * w + j];
            if j > 0 && here == d[(i - 1) * w + j - 1] + u32::from(q[i - 1] != window[j - 1]) {
                i -= 1;
                j -= 1;
            } else if here == d[(i - 1) * w + j] + 1 {
                i -= 1;
            } else if j > 0 {
                j -= 1;
            } else {
                break;
            }
        }
        let start = j;
        if start >= j_end {
            continue;
        }
        if out.iter().any(|&(s, e, _)| start < e && s < j_end) {
            continue;
        }
        out.push((start, j_end, cost));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Re-anchoring

struct Ctx<'a> {
    new_text: &'a str,
    new_index: CharIndex,
    old_text: &'a str,
    diff: Diff,
    /// Non-whitespace tokens of the new text.
    words: Vec<Tok>,
    interner: Interner<'a>,
    postings: Option<HashMap<u32, Vec<usize>>>,
}

impl Ctx<'_> {
    fn candidate(&self, span: Span, score: f64, claim: &Claim) -> Candidate {
        Candidate {
            span,
            quote: self
                .new_index
                .slice(self.new_text, span.start, span.end)
                .to_owned(),
            score,
            context: context_score(
                self.new_text,
                &self.new_index,
                span,
                &claim.prefix,
                &claim.suffix,
            ),
        }
    }

    fn postings(&mut self) -> &HashMap<u32, Vec<usize>> {
        self.postings.get_or_insert_with(|| {
            let mut p: HashMap<u32, Vec<usize>> = HashMap::new();
            for (i, w) in self.words.iter().enumerate() {
                p.entry(w.id).or_default().push(i);
            }
            p
        })
    }

    /// Approximate matches of `claim` overlapping `region` (new chars).
    fn fuzzy(&mut self, claim: &Claim, q: &[u32], region: Range<usize>) -> Vec<Candidate> {
        let m = q.len();
        let lo = self.words.partition_point(|w| w.end <= region.start);
        let hi = self.words.partition_point(|w| w.start < region.end);
        let slack = m + 8;
        let win_lo = lo.saturating_sub(slack);
        let win_hi = (hi + slack).min(self.words.len());
        let mut windows: Vec<Range<usize>> = Vec::new();
        if (win_hi - win_lo).saturating_mul(m) <= MAX_DIRECT_CELLS {
            windows.push(win_lo..win_hi);
        } else {
            // A large changed region: seed windows at the rarest quote words found in it.
            let mut seeds: Vec<(usize, usize, usize)> = Vec::new(); // (count, word pos in q, id)
            let postings = self.postings();
            for (k, id) in q.iter().enumerate() {
                if let Some(list) = postings.get(id) {
                    let a = list.partition_point(|&i| i < lo);
                    let b = list.partition_point(|&i| i < hi);
                    if b > a {
                        seeds.push((b - a, k, *id as usize));
                    }
                }
            }
            seeds.sort_unstable();
            let mut starts: Vec<usize> = Vec::new();
            for &(_, k, id) in seeds.iter().take(3) {
                if let Some(list) = postings.get(&(id as u32)) {
                    let a = list.partition_point(|&i| i < lo);
                    for &pos in list[a..].iter().take_while(|&&i| i < hi).take(40) {
                        starts.push(pos.saturating_sub(k));
                    }
                }
            }
            starts.sort_unstable();
            starts.dedup();
            // Windows may overlap; candidates found twice are merged below. Not merging the
            // windows keeps each alignment small however many seeds there are.
            let mut last_start = None;
            for s in starts {
                if last_start.is_some_and(|l: usize| s < l + slack) {
                    continue; // a window just started here covers this seed
                }
                last_start = Some(s);
                windows.push(s.saturating_sub(slack)..(s + m + slack).min(self.words.len()));
            }
        }
        let mut found: Vec<Candidate> = Vec::new();
        for w in windows {
            let ids: Vec<u32> = self.words[w.clone()].iter().map(|t| t.id).collect();
            for (s, e, cost) in fit(q, &ids, MAX_CANDIDATES + 1) {
                let first = self.words[w.start + s];
                let last = self.words[w.start + e - 1];
                let span = Span::new(first.start, last.end);
                // Only text that replaced the claim's own place can be its edited version.
                if !(span.start < region.end && region.start < span.end) {
                    continue;
                }
                let score = 1.0 - cost as f64 / m.max(e - s) as f64;
                if found.iter().any(|c| c.span.overlaps(span)) {
                    continue;
                }
                found.push(self.candidate(span, score, claim));
            }
        }
        found.sort_by(|a, b| b.score.total_cmp(&a.score));
        found
    }
}

/// Classifies every claim of `review` against `new_text` (normalised here as on import).
/// Changes nothing; see [`apply`].
pub fn reanchor(review: &Review, new_text: &str) -> UpdatePlan {
    let new_text = normalize_article_text(new_text);
    let old_text = review.article.text();
    let old_sha256 = review.article.sha256();
    let new_sha256 = claimdesk_model::sha256_hex(new_text.as_bytes());
    if new_text == old_text {
        let claims = review
            .claims()
            .iter()
            .map(|c| ClaimUpdate {
                id: c.id.clone(),
                old_span: c.span,
                old_quote: c.quote.clone(),
                outcome: if c.orphaned {
                    Outcome::Orphaned {
                        reason: OrphanReason::AlreadyOrphaned,
                    }
                } else {
                    Outcome::Unchanged { span: c.span }
                },
            })
            .collect();
        return UpdatePlan {
            new_text,
            old_sha256,
            new_sha256,
            claims,
            diff_complete: true,
            new_document: NewDocument::default(),
        };
    }
    let outcomes = classify(review, old_text, &new_text);
    UpdatePlan {
        claims: outcomes.0,
        diff_complete: outcomes.1,
        new_text,
        old_sha256,
        new_sha256,
        new_document: NewDocument::default(),
    }
}

/// [`reanchor`] on an article imported from a file (`claimdesk_import::import_article`): the
/// plan carries the document's origin, page starts and media times into the updated article.
pub fn reanchor_article(review: &Review, new: &Article) -> UpdatePlan {
    let mut plan = reanchor(review, new.text());
    plan.new_document = NewDocument::of(new);
    plan
}

fn classify(review: &Review, old_text: &str, new_text: &str) -> (Vec<ClaimUpdate>, bool) {
    let mut interner = Interner::default();
    let old_toks = tokenize(old_text, &mut interner);
    let new_toks = tokenize(new_text, &mut interner);
    let new_index = CharIndex::new(new_text);
    let old_words: Vec<Tok> = old_toks.into_iter().filter(|t| !t.space).collect();
    let words: Vec<Tok> = new_toks.into_iter().filter(|t| !t.space).collect();
    let diff = Diff::new(old_words, words.clone(), new_index.char_len());
    let mut ctx = Ctx {
        new_text,
        new_index,
        old_text,
        diff,
        words,
        interner,
        postings: None,
    };

    let claims = review.claims();
    let mut outcomes = unchanged(&ctx, claims);
    let exact = ExactOccurrences::find(&ctx, claims, &outcomes);

    // 3. Per claim: moved, ambiguous, changed or orphaned.
    let mut result = Vec::with_capacity(claims.len());
    let mut pending_changed: Vec<(usize, Candidate)> = Vec::new();
    for (i, (c, o)) in claims.iter().zip(outcomes.iter_mut()).enumerate() {
        let outcome = match o.take() {
            Some(done) => done,
            None => {
                let outcome = moved_or_changed(&mut ctx, c, &exact);
                if let Outcome::Changed { candidate, .. } = &outcome {
                    pending_changed.push((i, candidate.clone()));
                }
                outcome
            }
        };
        result.push(ClaimUpdate {
            id: c.id.clone(),
            old_span: c.span,
            old_quote: c.quote.clone(),
            outcome,
        });
    }
    orphan_look_alikes(review, ctx.old_text, &mut result, pending_changed);
    (result, ctx.diff.complete)
}

/// Step 1. Unchanged: the quote is where the diff maps its start.
fn unchanged(ctx: &Ctx<'_>, claims: &[Claim]) -> Vec<Option<Outcome>> {
    claims
        .iter()
        .map(|c| {
            if c.orphaned || c.quote.is_empty() {
                return None;
            }
            let start = ctx.diff.map_kept(c.span.start)?;
            let end = start + c.quote.chars().count();
            (end <= ctx.new_index.char_len()
                && ctx.new_index.slice(ctx.new_text, start, end) == c.quote)
                .then(|| Outcome::Unchanged {
                    span: Span::new(start, end),
                })
        })
        .collect()
}

/// Step 2. Exact occurrences in the new text of the quotes still to place, all in one pass.
struct ExactOccurrences<'c> {
    pattern_of: HashMap<&'c str, usize>,
    spans: Vec<Vec<Span>>,
}

impl<'c> ExactOccurrences<'c> {
    fn find(ctx: &Ctx<'_>, claims: &'c [Claim], outcomes: &[Option<Outcome>]) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_of: HashMap<&str, usize> = HashMap::new();
        for (c, o) in claims.iter().zip(outcomes) {
            if o.is_none() && !c.quote.is_empty() && !pattern_of.contains_key(c.quote.as_str()) {
                pattern_of.insert(c.quote.as_str(), patterns.len());
                patterns.push(c.quote.as_str());
            }
        }
        let mut spans: Vec<Vec<Span>> = vec![Vec::new(); patterns.len()];
        if !patterns.is_empty()
            && let Ok(ac) = AhoCorasick::new(&patterns)
        {
            for m in ac.find_overlapping_iter(ctx.new_text) {
                let list = &mut spans[m.pattern().as_usize()];
                if list.len() < MAX_OCCURRENCES {
                    let start = ctx.new_index.char_of(ctx.new_text, m.start());
                    let len = patterns[m.pattern().as_usize()].chars().count();
                    list.push(Span::new(start, start + len));
                }
            }
        }
        Self { pattern_of, spans }
    }

    /// Where `quote` occurs in the new text (at most [`MAX_OCCURRENCES`]).
    fn of(&self, quote: &str) -> &[Span] {
        self.pattern_of
            .get(quote)
            .map_or(&[], |&p| self.spans[p].as_slice())
    }
}

/// Step 3, for a claim not unchanged: moved, ambiguous, changed or orphaned.
fn moved_or_changed(ctx: &mut Ctx<'_>, c: &Claim, exact: &ExactOccurrences) -> Outcome {
    let old_range = if c.orphaned {
        0..0
    } else {
        c.span.start..c.span.end
    };
    let exact: Vec<Span> = exact
        .of(&c.quote)
        .iter()
        .copied()
        .filter(|s| !ctx.diff.is_foreign(s.start, s.end, old_range.clone()))
        .collect();
    if let Some(outcome) = decide_exact(ctx, c, &exact) {
        return outcome;
    }
    let orphan = |reason| Outcome::Orphaned { reason };
    if c.orphaned {
        return orphan(OrphanReason::AlreadyOrphaned);
    }
    let q = quote_words(&c.quote, &ctx.interner);
    let region = ctx.diff.map_region(c.span.start, c.span.end);
    if q.len() < MIN_FUZZY_WORDS {
        orphan(OrphanReason::TooShort)
    } else if region.is_empty() {
        orphan(OrphanReason::Deleted)
    } else {
        let found = ctx.fuzzy(c, &q, region);
        decide_fuzzy(c, found)
    }
}

/// Step 4. A changed claim's new text must not be a sentence the old article already had
/// elsewhere, word for word: that is a look-alike, not the claim (#7571).
fn orphan_look_alikes(
    review: &Review,
    old_text: &str,
    result: &mut [ClaimUpdate],
    pending_changed: Vec<(usize, Candidate)>,
) {
    if pending_changed.is_empty() {
        return;
    }
    let claims = review.claims();
    let texts: Vec<&str> = pending_changed
        .iter()
        .map(|(_, cand)| cand.quote.as_str())
        .collect();
    let mut look_alike = vec![false; texts.len()];
    if let Ok(ac) = AhoCorasick::new(&texts) {
        let old_index = review.article.index();
        for m in ac.find_overlapping_iter(old_text) {
            let k = m.pattern().as_usize();
            if look_alike[k] {
                continue;
            }
            let (ci, _) = &pending_changed[k];
            let claim_span = claims[*ci].span;
            let start = old_index.char_of(old_text, m.start());
            let end = old_index.char_of(old_text, m.end());
            if !(start < claim_span.end && claim_span.start < end) {
                look_alike[k] = true;
            }
        }
    }
    for ((ci, cand), is_look_alike) in pending_changed.into_iter().zip(look_alike) {
        if is_look_alike {
            result[ci].outcome = Outcome::Orphaned {
                reason: OrphanReason::LookAlike(cand),
            };
        }
    }
}

fn decide_exact(ctx: &Ctx<'_>, c: &Claim, exact: &[Span]) -> Option<Outcome> {
    match exact {
        [] => None,
        [only] => Some(Outcome::Moved { span: *only }),
        many => {
            let mut cands: Vec<Candidate> =
                many.iter().map(|&s| ctx.candidate(s, 1.0, c)).collect();
            cands.sort_by(|a, b| b.context.total_cmp(&a.context));
            let full: Vec<&Candidate> = cands.iter().filter(|k| k.context >= 1.0).collect();
            if let [one] = full.as_slice() {
                return Some(Outcome::Moved { span: one.span });
            }
            if cands[0].context >= 0.5 && cands[0].context - cands[1].context >= CONTEXT_MARGIN {
                return Some(Outcome::Moved {
                    span: cands[0].span,
                });
            }
            cands.truncate(MAX_CANDIDATES);
            Some(Outcome::Ambiguous { candidates: cands })
        }
    }
}

fn decide_fuzzy(c: &Claim, found: Vec<Candidate>) -> Outcome {
    let good: Vec<Candidate> = found
        .iter()
        .filter(|k| k.score >= MIN_SCORE)
        .cloned()
        .collect();
    let Some(best) = good.first() else {
        return Outcome::Orphaned {
            reason: OrphanReason::NoGoodMatch(found.into_iter().next()),
        };
    };
    let mut tied: Vec<Candidate> = std::iter::once(best.clone())
        .chain(
            good[1..]
                .iter()
                .filter(|k| best.score - k.score < MARGIN)
                .cloned(),
        )
        .collect();
    if tied.len() == 1 {
        return changed(c, best.clone());
    }
    // A near-tie on the quote: only a clearly better context may break it.
    tied.sort_by(|a, b| b.context.total_cmp(&a.context));
    if tied[0].context - tied[1].context >= CONTEXT_MARGIN {
        return changed(c, tied[0].clone());
    }
    tied.sort_by(|a, b| b.score.total_cmp(&a.score));
    tied.truncate(MAX_CANDIDATES);
    Outcome::Ambiguous { candidates: tied }
}

fn changed(c: &Claim, candidate: Candidate) -> Outcome {
    let diff = word_diff(&c.quote, &candidate.quote);
    Outcome::Changed { candidate, diff }
}

// ---------------------------------------------------------------------------------------------
// Applying a plan

/// The updated review: unchanged and moved claims re-anchored, changed ones too when
/// `accept_changed`, everything else kept as orphans with the old quote. The old text becomes
/// an earlier version. Short form of [`apply_with`].
pub fn apply(review: &Review, plan: &UpdatePlan, accept_changed: bool) -> Review {
    apply_with(
        review,
        plan,
        &Decisions {
            accept_changed,
            ..Decisions::default()
        },
        Timestamp::now(),
    )
}

/// The updated review, following `decisions`; `now` stamps the earlier version.
pub fn apply_with(
    review: &Review,
    plan: &UpdatePlan,
    decisions: &Decisions,
    now: Timestamp,
) -> Review {
    let (article, claims, versions) = updated_parts(review, plan, decisions, now);
    let mut out = review.clone();
    out.replace_article(article, claims, versions);
    out
}

/// The update as one undoable edit ([`Edit::ReplaceArticle`]) for the GUI's history.
pub fn update_edit(
    review: &Review,
    plan: &UpdatePlan,
    decisions: &Decisions,
    now: Timestamp,
) -> Edit {
    let (article, claims, versions) = updated_parts(review, plan, decisions, now);
    Edit::ReplaceArticle {
        article: Box::new(article),
        claims,
        versions,
    }
}

fn updated_parts(
    review: &Review,
    plan: &UpdatePlan,
    decisions: &Decisions,
    now: Timestamp,
) -> (Article, Vec<Claim>, Vec<ArticleVersion>) {
    let old = &review.article;
    let document = if plan.new_document.is_empty() && plan.new_text == old.text() {
        NewDocument::of(old)
    } else {
        plan.new_document.clone()
    };
    let mut article = Article::new(old.title.clone(), old.source.clone(), plan.new_text.clone())
        .with_page_starts(document.page_starts)
        .with_media_times(document.media_times);
    article.origin = document.origin;
    article.extra = old.extra.clone();
    let mut versions = review.earlier_versions.clone();
    if plan.new_text != old.text() {
        versions.push(ArticleVersion::of(old, now));
    }
    let len = article.char_len();
    let valid = |s: Span| s.start < s.end && s.end <= len;
    let claims = review
        .claims()
        .iter()
        .map(|c| {
            let mut claim = c.clone();
            let target = plan.get(&c.id).and_then(|u| {
                let choice = decisions.choices.get(&c.id);
                match (choice, &u.outcome) {
                    (Some(Choice::KeepOrphan), _) => None,
                    (Some(Choice::Span(s)), _) => Some(*s),
                    (_, Outcome::Unchanged { span } | Outcome::Moved { span }) => Some(*span),
                    (Some(Choice::Accept), Outcome::Changed { candidate, .. }) => {
                        Some(candidate.span)
                    }
                    (None, Outcome::Changed { candidate, .. }) if decisions.accept_changed => {
                        Some(candidate.span)
                    }
                    (Some(Choice::Candidate(k)), Outcome::Ambiguous { candidates }) => {
                        candidates.get(*k).map(|k| k.span)
                    }
                    _ => None,
                }
            });
            match target.filter(|&s| valid(s)) {
                Some(span) => claim.anchor_to(&article, span),
                None => claim.orphaned = true,
            }
            claim
        })
        .collect();
    (article, claims, versions)
}

#[cfg(test)]
mod tests;
