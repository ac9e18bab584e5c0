//! The review model: an article as reviewed and the claims marked in it.
//!
//! Offsets are Unicode scalar values (Rust `char`s) into `Article::text`, half-open.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::text::CharIndex;

pub use crate::verdict::VERDICT_SUGGESTIONS;

/// Fields of a file that this version does not know; kept as they were and written back.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// One source cited for or against a claim. Every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// Where the source is; shown as a link only if it is http or https.
    pub url: String,
    /// The source's title.
    pub title: String,
    /// The relevant passage, quoted.
    pub excerpt: String,
    /// When the source was consulted (a date such as `2026-11-28`), as the analyst typed it.
    pub accessed: String,
    /// The analyst's note on the source.
    pub note: String,
    /// Unknown fields of this entry, preserved.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Evidence {
    /// True if no field is filled in.
    pub fn is_blank(&self) -> bool {
        [
            &self.url,
            &self.title,
            &self.excerpt,
            &self.accessed,
            &self.note,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// Who published the review, and where: what ClaimReview and the reports need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewDetails {
    /// The analyst's name.
    pub reviewer: String,
    /// The fact-checking organisation.
    pub organisation: String,
    /// Where the reviewed article was published.
    pub article_url: String,
    /// When the article was published (a date), as typed.
    pub article_published: String,
    /// The page where the fact check is published.
    pub report_url: String,
    /// Unknown fields of this object, preserved.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A claim's verdict state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// The claim is stated as fact and the review upholds it.
    Asserted,
    /// The claim is contested or contradicted by evidence.
    Disputed,
    /// No verdict yet: the claim is being checked.
    UnderInvestigation,
}

impl ClaimStatus {
    /// All statuses, in display order.
    pub const ALL: [ClaimStatus; 3] = [
        ClaimStatus::Asserted,
        ClaimStatus::Disputed,
        ClaimStatus::UnderInvestigation,
    ];

    /// Human-readable name ("Under investigation").
    pub fn label(self) -> &'static str {
        match self {
            ClaimStatus::Asserted => "Asserted",
            ClaimStatus::Disputed => "Disputed",
            ClaimStatus::UnderInvestigation => "Under investigation",
        }
    }

    /// The identifier used in files and exports ("under_investigation").
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Asserted => "asserted",
            ClaimStatus::Disputed => "disputed",
            ClaimStatus::UnderInvestigation => "under_investigation",
        }
    }

    /// Parses the file identifier.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A point in time, kept as the RFC 3339 UTC text it was read or made as, so a re-save writes
/// the same bytes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// The current time, to the second, in UTC (`2026-11-28T23:29:35Z`).
    pub fn now() -> Self {
        let now = time::OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .expect("0 ns is valid");
        Self(
            now.format(&time::format_description::well_known::Rfc3339)
                .expect("a UTC time always formats"),
        )
    }

    /// Accepts any RFC 3339 date-time. One already in the strict form that is also a valid
    /// `xsd:dateTime` (`T` between date and time, seconds below 60, an offset of at most 14
    /// hours, upper-case `T` and `Z`) is kept as written, so a re-save writes the same bytes;
    /// any other (`2026-11-28 10:00:00Z`, a leap second `23:59:60Z`, `+20:00`) is rewritten as
    /// the same instant in UTC (a leap second as the second before it). Compare
    /// [`Timestamp::as_str`] with the input to know whether it was rewritten.
    pub fn parse(s: &str) -> Option<Self> {
        let parsed =
            time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()?;
        if is_strict_date_time(s) {
            return Some(Self(s.to_owned()));
        }
        let mut utc = parsed.checked_to_offset(time::UtcOffset::UTC)?;
        if leap_second(s) {
            utc = utc.replace_nanosecond(0).ok()?;
        }
        utc.format(&time::format_description::well_known::Rfc3339)
            .ok()
            .map(Self)
    }

    /// The RFC 3339 text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// True if `s` is `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with seconds below 60 and an
/// offset of at most ±14:00: the intersection of RFC 3339 and `xsd:dateTime` (the lexical
/// space the Web Annotation model requires for `created` and `modified`).
fn is_strict_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let two = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
    let head = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !head || two(17) > 59 {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        let frac = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if frac == 0 {
            return false;
        }
        i += 1 + frac;
    }
    match &b[i..] {
        [b'Z'] => true,
        [sign, h1, h2, b':', m1, m2]
            if (*sign == b'+' || *sign == b'-')
                && [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()) =>
        {
            let (h, m) = (
                (h1 - b'0') * 10 + (h2 - b'0'),
                (m1 - b'0') * 10 + (m2 - b'0'),
            );
            m <= 59 && (h < 14 || (h == 14 && m == 0))
        }
        _ => false,
    }
}

/// True if the seconds field of an RFC 3339 date-time is 60 (a leap second).
fn leap_second(s: &str) -> bool {
    s.get(17..19) == Some("60")
}

/// A claim's identifier, unique within a review.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub String);

impl ClaimId {
    /// A new random identifier (`c-` and 12 hex digits), unlikely to collide even across
    /// reviews of the same article by different analysts.
    pub fn generate() -> Self {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        Self(format!("c-{:012x}", h.finish() & 0xffff_ffff_ffff))
    }

    /// The identifier text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The article as it was reviewed.
#[derive(Clone, Debug)]
pub struct Article {
    /// Display title (defaults to the file name on import).
    pub title: String,
    /// Where the text came from: a path or URL; empty if unknown.
    pub source: String,
    /// The full text, newlines normalised to `\n`. Claim offsets point into it.
    text: String,
    index: CharIndex,
    /// Unknown fields of the `article` object, preserved.
    pub extra: Extra,
}

impl Article {
    /// An article over already-normalised text (see [`crate::text::normalize_article_text`]).
    pub fn new(title: impl Into<String>, source: impl Into<String>, text: String) -> Self {
        let index = CharIndex::new(&text);
        Self {
            title: title.into(),
            source: source.into(),
            text,
            index,
            extra: Extra::new(),
        }
    }

    /// The reviewed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The char-to-byte index of the text.
    pub fn index(&self) -> &CharIndex {
        &self.index
    }

    /// The text between two char offsets.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.index.slice(&self.text, start, end)
    }

    /// Hex SHA-256 of the UTF-8 text.
    pub fn sha256(&self) -> String {
        sha256_hex(self.text.as_bytes())
    }
}

impl PartialEq for Article {
    fn eq(&self, other: &Self) -> bool {
        self.title == other.title
            && self.source == other.source
            && self.text == other.text
            && self.extra == other.extra
    }
}

/// An earlier text of the article, kept when the article was updated (issue 6), so the review
/// stays auditable: what was reviewed before, and when it was replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleVersion {
    /// The article's title at the time.
    pub title: String,
    /// Where that text came from.
    pub source: String,
    /// The full earlier text (normalised, as it was reviewed).
    pub text: String,
    /// Lowercase hex SHA-256 of `text`.
    pub sha256: String,
    /// When this text was replaced by a newer one.
    pub replaced: Timestamp,
    /// Unknown fields of this entry, preserved.
    pub extra: Extra,
}

impl ArticleVersion {
    /// The article as it is now, stamped as replaced at `replaced`.
    pub fn of(article: &Article, replaced: Timestamp) -> Self {
        Self {
            title: article.title.clone(),
            source: article.source.clone(),
            text: article.text().to_owned(),
            sha256: article.sha256(),
            replaced,
            extra: Extra::new(),
        }
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A half-open span of chars `[start, end)` in the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

impl Span {
    /// A span; callers keep `start < end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of chars covered.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True if the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True if the two spans share at least one char.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True if `pos` lies inside the span.
    pub fn contains(self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
}

/// A marked claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Unique within the review.
    pub id: ClaimId,
    /// Where the claim is in the article. For an orphan: where it was last.
    pub span: Span,
    /// The claimed text. Equals the article text at `span` unless the claim is an orphan.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] chars before the quote, to find it again after a change.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after the quote.
    pub suffix: String,
    /// The verdict state.
    pub status: ClaimStatus,
    /// Who made the claim; empty if not noted.
    pub claimant: String,
    /// The analyst's note; empty if none.
    pub note: String,
    /// The verdict in words ("False", "Misleading"…); free text, empty if none yet. See
    /// [`VERDICT_SUGGESTIONS`].
    pub verdict: String,
    /// A short summary of the claim for ClaimReview's `claimReviewed`; empty means "derive it
    /// from the quote" (see [`Claim::effective_summary`]).
    pub summary: String,
    /// When the claim was made (a date such as `2026-11-28`), as typed; empty if unknown.
    pub claim_date: String,
    /// Sources cited for or against the claim, in the analyst's order.
    pub evidence: Vec<Evidence>,
    /// When the claim was marked.
    pub created: Timestamp,
    /// When the claim was last changed.
    pub modified: Timestamp,
    /// True when the quote could not be found in the article: the claim is kept and shown, but
    /// not drawn in the text.
    pub orphaned: bool,
    /// Status and verdict changes, oldest first (format version 5).
    pub history: Vec<crate::status_history::StatusChange>,
    /// Unknown fields of this claim, preserved.
    pub extra: Extra,
}

/// How many chars of context are stored around a quote.
pub const CONTEXT_CHARS: usize = 32;

impl Claim {
    /// A new claim over `span` of `article`, with fresh id and timestamps.
    pub fn new(article: &Article, span: Span, status: ClaimStatus) -> Self {
        let now = Timestamp::now();
        let mut claim = Self {
            id: ClaimId::generate(),
            span,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            status,
            claimant: String::new(),
            note: String::new(),
            verdict: String::new(),
            summary: String::new(),
            claim_date: String::new(),
            evidence: Vec::new(),
            created: now.clone(),
            modified: now,
            orphaned: false,
            history: Vec::new(),
            extra: Extra::new(),
        };
        claim.anchor_to(article, span);
        claim
    }

    /// Points the claim at `span`, refreshing its quote and context from the article.
    pub fn anchor_to(&mut self, article: &Article, span: Span) {
        self.span = span;
        self.quote = article.slice(span.start, span.end).to_owned();
        self.prefix = article
            .slice(span.start.saturating_sub(CONTEXT_CHARS), span.start)
            .to_owned();
        self.suffix = article
            .slice(span.end, (span.end + CONTEXT_CHARS).min(article.char_len()))
            .to_owned();
        self.orphaned = false;
    }

    /// The summary for ClaimReview: [`Claim::summary`] if set, else the quote cut below 75
    /// characters at a word boundary.
    pub fn effective_summary(&self) -> String {
        let own = self.summary.trim();
        if own.is_empty() {
            crate::verdict::short_summary(&self.quote)
        } else {
            own.to_owned()
        }
    }

    /// The verdict to show: [`Claim::verdict`] if set, else the status label.
    pub fn effective_verdict(&self) -> String {
        let own = self.verdict.trim();
        if own.is_empty() {
            self.status.label().to_owned()
        } else {
            own.to_owned()
        }
    }

    /// The order claims are kept and written in: by start, end, then id.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, self.id.as_str())
    }
}

/// A review: one article and its claims, kept in [`Claim::sort_key`] order.
#[derive(Clone, Debug)]
pub struct Review {
    /// The article as reviewed.
    pub article: Article,
    claims: Vec<Claim>,
    /// Who reviewed it and where the review is published.
    pub details: ReviewDetails,
    /// Earlier texts of the article, oldest first (format version 3, `article_versions`).
    pub earlier_versions: Vec<ArticleVersion>,
    /// Suggested sentences the analyst accepted or dismissed, in text order (format version
    /// 4, `suggestion_decisions`). Never claims: they only keep a sentence from being
    /// suggested again.
    pub suggestion_decisions: Vec<crate::suggest::SuggestionDecision>,
    /// Merge conflicts waiting for the analyst (format version 5, `conflicts`); empty in a
    /// clean review.
    pub conflicts: Vec<crate::merge::MergeConflict>,
    /// Unknown top-level fields, preserved.
    pub extra: Extra,
}

impl Review {
    /// A review with no claims yet.
    pub fn new(article: Article) -> Self {
        Self {
            article,
            claims: Vec::new(),
            details: ReviewDetails::default(),
            earlier_versions: Vec::new(),
            suggestion_decisions: Vec::new(),
            conflicts: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// A review with the given claims (sorted here).
    pub fn with_claims(article: Article, mut claims: Vec<Claim>) -> Self {
        claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Self {
            article,
            claims,
            details: ReviewDetails::default(),
            earlier_versions: Vec::new(),
            suggestion_decisions: Vec::new(),
            conflicts: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The claims, in text order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claim with this id.
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| &c.id == id)
    }

    /// Position of the claim with this id in [`Review::claims`].
    pub fn position(&self, id: &ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| &c.id == id)
    }

    /// Adds a claim at its place in text order.
    pub fn insert(&mut self, claim: Claim) {
        let at = self
            .claims
            .partition_point(|c| c.sort_key() < claim.sort_key());
        self.claims.insert(at, claim);
    }

    /// Removes and returns the claim with this id.
    pub fn remove(&mut self, id: &ClaimId) -> Option<Claim> {
        let at = self.position(id)?;
        Some(self.claims.remove(at))
    }

    /// Replaces the claim with the same id, returning the previous version.
    pub fn replace(&mut self, claim: Claim) -> Option<Claim> {
        let old = self.remove(&claim.id)?;
        self.insert(claim);
        Some(old)
    }

    /// Claims per status, in [`ClaimStatus::ALL`] order.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for c in &self.claims {
            counts[c.status as usize] += 1;
        }
        counts
    }

    /// Swaps in another article, claim list and earlier versions at once (an article update,
    /// and its undo); returns the previous ones. Claims are sorted here.
    pub fn replace_article(
        &mut self,
        article: Article,
        mut claims: Vec<Claim>,
        versions: Vec<ArticleVersion>,
    ) -> (Article, Vec<Claim>, Vec<ArticleVersion>) {
        claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        (
            std::mem::replace(&mut self.article, article),
            std::mem::replace(&mut self.claims, claims),
            std::mem::replace(&mut self.earlier_versions, versions),
        )
    }

    /// Number of orphaned claims.
    pub fn orphan_count(&self) -> usize {
        self.claims.iter().filter(|c| c.orphaned).count()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blank_evidence_is_detected() {
        assert!(Evidence::default().is_blank());
        let e = Evidence {
            title: "UNHCR".into(),
            ..Evidence::default()
        };
        assert!(!e.is_blank());
    }

    use super::*;

    fn article(text: &str) -> Article {
        Article::new("t", "", text.to_owned())
    }

    #[test]
    fn new_claim_takes_quote_and_context_in_chars() {
        let a = article("🇱🇾 Libya is not to blame, he said.");
        let claim = Claim::new(&a, Span::new(3, 24), ClaimStatus::Disputed);
        assert_eq!(claim.quote, "Libya is not to blame");
        assert_eq!(claim.prefix, "🇱🇾 ");
        assert_eq!(claim.suffix, ", he said.");
    }

    #[test]
    fn claims_stay_in_text_order() {
        let a = article("one two three four");
        let mut r = Review::new(a.clone());
        r.insert(Claim::new(&a, Span::new(8, 13), ClaimStatus::Asserted));
        r.insert(Claim::new(&a, Span::new(0, 3), ClaimStatus::Disputed));
        r.insert(Claim::new(
            &a,
            Span::new(0, 7),
            ClaimStatus::UnderInvestigation,
        ));
        let quotes: Vec<_> = r.claims().iter().map(|c| c.quote.as_str()).collect();
        assert_eq!(quotes, ["one", "one two", "three"]);
        assert_eq!(r.counts(), [1, 1, 1]);
    }

    #[test]
    fn generated_ids_differ() {
        let a = ClaimId::generate();
        let b = ClaimId::generate();
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("c-"));
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        let t = Timestamp::now();
        assert!(t.as_str().ends_with('Z'), "{t:?}");
        assert!(Timestamp::parse(t.as_str()).is_some());
        assert!(Timestamp::parse("yesterday").is_none());
    }

    #[test]
    fn strict_timestamps_are_kept_as_written() {
        for s in [
            "2026-11-28T10:00:00Z",
            "2026-11-28T10:00:00.250Z",
            "2026-11-28T11:00:00+01:00",
            "2026-11-28T00:00:00-14:00",
        ] {
            assert_eq!(Timestamp::parse(s).unwrap().as_str(), s);
        }
    }

    #[test]
    fn loose_timestamps_become_the_same_instant_in_utc() {
        for (loose, strict) in [
            ("2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z"),
            ("2026-11-28t10:00:00z", "2026-11-28T10:00:00Z"),
            ("1990-12-31T23:59:60Z", "1990-12-31T23:59:59Z"),
            ("2026-11-28T10:00:00+20:00", "2026-11-27T14:00:00Z"),
            ("2026-11-28 10:00:00.5+01:00", "2026-11-28T09:00:00.5Z"),
        ] {
            assert_eq!(Timestamp::parse(loose).unwrap().as_str(), strict, "{loose}");
        }
        // A leap second is only valid at the end of a month (UTC).
        assert!(Timestamp::parse("2026-11-28T10:00:60Z").is_none());
    }
}
