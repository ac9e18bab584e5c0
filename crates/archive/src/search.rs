//! Searching the archive: BM25 finds the claims that share words with the query (the claim text
//! and the fact-check's headline, English stemming, stop words left out); a small learned model
//! re-ranks them ([`super::rerank`]) and gives each the probability that it is the claim checked.
//! Equal scores are ordered by claim id, so a search gives the same ranking whatever segments
//! the index was written in.

use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;
use tantivy::snippet::{SnippetGenerator, collapse_overlapped_ranges};
use tantivy::{Index, IndexReader};

use super::ArchiveError;
use super::matcher::{Matcher, Ranked};
use super::record::ArchivedClaim;
use super::schema::Fields;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 300;

/// One match, owned: it can be sent from a search thread to the UI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// BM25 relevance; higher is better. Only comparable within one search.
    pub score: f32,
    /// The re-ranker's probability (0 to 1) that this is the claim checked: comparable across
    /// searches. Matches come best first by it.
    pub confidence: f32,
    /// The claim found.
    #[serde(flatten)]
    pub claim: ArchivedClaim,
    /// The file it came from.
    #[serde(rename = "file")]
    pub source: PathBuf,
    /// The claim text (or part of it) with the matching words marked.
    pub snippet: Snippet,
}

/// A piece of the claim text with highlighted ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The text shown.
    pub text: String,
    /// Matching words: half-open ranges of chars (Unicode scalar values) into `text`, sorted,
    /// not overlapping.
    pub highlights: Vec<Range<usize>>,
}

/// A read-only handle on the archive index: cheap to clone, `Send + Sync`, so a panel can
/// search on a worker thread while the UI goes on.
#[derive(Clone)]
pub struct ArchiveSearcher {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
}

impl ArchiveSearcher {
    /// How many claims the archive holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True if the archive holds no claim.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `limit` best matches for `text` (a claim, a selection, a pasted tweet), best first.
    /// Text with no searchable word gives no match.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>, ArchiveError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut matcher = Matcher::new(self)?;
        let mut ranking = matcher.rank(text, limit, 1)?;
        ranking.ranked.truncate(limit);
        hits(
            &matcher,
            ranking.query.as_ref(),
            ranking.ranked,
            self.fields,
        )
    }

    /// The re-ranker's features of each of BM25's candidates for `text`, in the order BM25
    /// gave them, with the claim's id: what the `archive_retrieval` example trains on.
    #[doc(hidden)]
    pub fn candidate_features(
        &self,
        text: &str,
    ) -> Result<Vec<(String, [f32; crate::rerank::FEATURES])>, ArchiveError> {
        let mut matcher = Matcher::new(self)?;
        let mut ranked = matcher.rank(text, 0, 1)?.ranked;
        ranked.sort_by(|a, b| b.bm25.total_cmp(&a.bm25));
        Ok(ranked
            .into_iter()
            .map(|r| (r.entry.claim.claim_id.clone(), r.features))
            .collect())
    }
}

/// The hits for ranked candidates, with snippets of the words `query` matched.
pub(crate) fn hits(
    matcher: &Matcher,
    query: Option<&tantivy::query::BooleanQuery>,
    ranked: Vec<Ranked>,
    fields: Fields,
) -> Result<Vec<SearchHit>, ArchiveError> {
    let Some(query) = query.filter(|_| !ranked.is_empty()) else {
        return Ok(Vec::new());
    };
    let mut snippets = SnippetGenerator::create(&matcher.searcher, query, fields.text)
        .map_err(ArchiveError::other)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    Ok(ranked
        .into_iter()
        .map(|r| SearchHit {
            score: r.bm25,
            confidence: r.probability,
            snippet: snippet_of(&snippets, &r.entry.claim.text),
            source: r.entry.source.clone(),
            claim: r.entry.claim.clone(),
        })
        .collect())
}

/// The best fragment of `text` with its matching words, in char offsets.
fn snippet_of(generator: &SnippetGenerator, text: &str) -> Snippet {
    let found = generator.snippet(text);
    if found.is_empty() {
        // The match was in the headline only: the start of the claim, nothing marked.
        return Snippet {
            text: text.chars().take(SNIPPET_CHARS).collect(),
            highlights: Vec::new(),
        };
    }
    let fragment = found.fragment();
    let char_at = |byte: usize| fragment[..byte].chars().count();
    Snippet {
        text: fragment.to_owned(),
        highlights: collapse_overlapped_ranges(found.highlighted())
            .iter()
            .map(|r| char_at(r.start)..char_at(r.end))
            .collect(),
    }
}
