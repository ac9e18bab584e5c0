//! Searching the archive: BM25 over the claim text and the fact-check's headline (English
//! stemming), for the query's words other than English stop words; equal scores are ordered by
//! claim id, so a search gives the same ranking whatever segments the index was written in.

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::{SnippetGenerator, collapse_overlapped_ranges};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use super::ArchiveError;
use super::query::{clean_query, is_stop_word};
use super::record::ArchivedClaim;
use super::schema::Fields;

/// Weight of a match in the fact-check's headline, relative to one in the claim text.
const HEADLINE_BOOST: f32 = 0.6;
/// Matches fetched beyond the limit, so that equal scores at the cut are ordered too.
const TIE_MARGIN: usize = 15;
/// Words at least this long are also looked up with one typo when nothing matches exactly.
const FUZZY_MIN_CHARS: usize = 5;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 300;

/// One match, owned: it can be sent from a search thread to the UI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// BM25 relevance; higher is better. Only comparable within one search.
    pub score: f32,
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
        let terms = self.terms(&clean_query(text))?;
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let candidates = TopDocs::with_limit(limit + TIE_MARGIN).order_by_score();
        let mut query = self.query(&terms);
        let mut top = searcher
            .search(&query, &candidates)
            .map_err(ArchiveError::other)?;
        if top.is_empty() {
            // Nothing matches exactly: a typo ("vacine") may be why.
            query = self.fuzzy_query(&terms);
            top = searcher
                .search(&query, &candidates)
                .map_err(ArchiveError::other)?;
        }
        let wanted: HashSet<&str> = terms.iter().map(String::as_str).collect();
        let mut found = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(ArchiveError::other)?;
            let claim = self.claim_of(&doc);
            let overlap = self.overlap(&wanted, &claim)?;
            let source = PathBuf::from(text_field(&doc, self.fields.source));
            found.push((score, overlap, claim, source));
        }
        // Equal scores are common (tantivy stores field lengths in one byte) and tantivy orders
        // them by document address, which depends on how indexing threads split the segments.
        // Order them by the share of words in common, then by what they are.
        found.sort_by(|a, b| {
            same_score(b.0)
                .cmp(&same_score(a.0))
                .then(b.1.total_cmp(&a.1))
                .then_with(|| a.2.claim_id.cmp(&b.2.claim_id))
                .then_with(|| a.2.text.cmp(&b.2.text))
                .then_with(|| a.3.cmp(&b.3))
        });
        found.truncate(limit);
        let mut snippets = SnippetGenerator::create(&searcher, &query, self.fields.text)
            .map_err(ArchiveError::other)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let hits = found
            .into_iter()
            .map(|(score, _, claim, source)| SearchHit {
                score,
                snippet: snippet_of(&snippets, &claim.text),
                source,
                claim,
            })
            .collect();
        Ok(hits)
    }

    /// The analysed words of the query, in order, without English stop words ("the", "is"):
    /// in a pasted tweet they match nearly every claim and only add noise.
    fn terms(&self, text: &str) -> Result<Vec<String>, ArchiveError> {
        let mut analyser = self
            .index
            .tokenizer_for_field(self.fields.text)
            .map_err(ArchiveError::other)?;
        let mut stream = analyser.token_stream(text);
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            let word = text.get(token.offset_from..token.offset_to).unwrap_or("");
            if !is_stop_word(word) {
                terms.push(token.text.clone());
            }
        }
        Ok(terms)
    }

    /// The cosine of the query's and the claim's sets of words (text and headline): how much of
    /// each the other covers. Only orders equal scores.
    fn overlap(&self, wanted: &HashSet<&str>, claim: &ArchivedClaim) -> Result<f32, ArchiveError> {
        let words = self.terms(&format!("{} {}", claim.text, claim.headline))?;
        let words: HashSet<&str> = words.iter().map(String::as_str).collect();
        let common = wanted.intersection(&words).count() as f32;
        Ok(common / ((wanted.len() * words.len()) as f32).sqrt().max(1.0))
    }

    /// Every distinct word in the claim text or, with less weight, in the headline. (A bonus
    /// for words side by side as in the query lowered MAP@5 on the CLEF tweets: README.)
    fn query(&self, terms: &[String]) -> BooleanQuery {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen = HashSet::new();
        for term in terms.iter().filter(|t| seen.insert(t.as_str())) {
            clauses.push((Occur::Should, term_query(f.text, term, 1.0)));
            clauses.push((Occur::Should, term_query(f.headline, term, HEADLINE_BOOST)));
        }
        BooleanQuery::new(clauses)
    }

    /// The longer words of the query, each with one edit allowed, in the claim text; a claim
    /// scores the number of them it has (fuzzy matches are not ranked by BM25).
    fn fuzzy_query(&self, terms: &[String]) -> BooleanQuery {
        let mut seen = HashSet::new();
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .filter(|t| t.chars().count() >= FUZZY_MIN_CHARS && seen.insert(t.as_str()))
            .map(|t| {
                let term = Term::from_field_text(self.fields.text, t);
                let fuzzy: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term, 1, true));
                (Occur::Should, fuzzy)
            })
            .collect();
        BooleanQuery::new(clauses)
    }

    fn claim_of(&self, doc: &TantivyDocument) -> ArchivedClaim {
        let f = self.fields;
        ArchivedClaim {
            text: text_field(doc, f.text),
            headline: text_field(doc, f.headline),
            verdict: text_field(doc, f.verdict),
            claimant: text_field(doc, f.claimant),
            organisation: text_field(doc, f.organisation),
            date: text_field(doc, f.date),
            url: text_field(doc, f.url),
            claim_id: text_field(doc, f.claim_id),
        }
    }
}

/// A score with its last bits dropped: the same claim can score a rounding error apart
/// depending on the order tantivy sums its clauses in, which depends on the segments.
fn same_score(score: f32) -> i64 {
    (f64::from(score) * 1e3).round() as i64
}

fn term_query(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    let term = TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    );
    if boost == 1.0 {
        Box::new(term)
    } else {
        Box::new(BoostQuery::new(Box::new(term), boost))
    }
}

fn text_field(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
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
