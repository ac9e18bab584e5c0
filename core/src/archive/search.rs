//! Searching the archive: BM25 over the claim text and the fact-check's headline (English
//! stemming), with a bonus for words that follow each other as in the query.

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::{SnippetGenerator, collapse_overlapped_ranges};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use super::ArchiveError;
use super::query::clean_query;
use super::record::ArchivedClaim;
use super::schema::Fields;

/// Weight of a match in the fact-check's headline, relative to one in the claim text.
const HEADLINE_BOOST: f32 = 0.6;
/// Weight of two query words found side by side in the claim text.
const PHRASE_BOOST: f32 = 0.3;
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
        let query = self.query(&terms);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(ArchiveError::other)?;
        let mut snippets = SnippetGenerator::create(&searcher, &query, self.fields.text)
            .map_err(ArchiveError::other)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(ArchiveError::other)?;
            let claim = self.claim_of(&doc);
            let snippet = snippet_of(&snippets, &claim.text);
            hits.push(SearchHit {
                score,
                source: PathBuf::from(text_field(&doc, self.fields.source)),
                claim,
                snippet,
            });
        }
        Ok(hits)
    }

    /// The distinct analysed words of the query, in order.
    fn terms(&self, text: &str) -> Result<Vec<String>, ArchiveError> {
        let mut analyser = self
            .index
            .tokenizer_for_field(self.fields.text)
            .map_err(ArchiveError::other)?;
        let mut stream = analyser.token_stream(text);
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push(token.text.clone());
        }
        Ok(terms)
    }

    /// Every word in the claim text or the headline, and each pair of neighbours as a phrase.
    fn query(&self, terms: &[String]) -> BooleanQuery {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen = HashSet::new();
        for term in terms.iter().filter(|t| seen.insert(t.as_str())) {
            clauses.push((Occur::Should, term_query(f.text, term, 1.0)));
            clauses.push((Occur::Should, term_query(f.headline, term, HEADLINE_BOOST)));
        }
        let mut pairs = HashSet::new();
        for pair in terms.windows(2).filter(|p| p[0] != p[1]) {
            if pairs.insert((pair[0].as_str(), pair[1].as_str())) {
                let phrase = PhraseQuery::new(vec![
                    Term::from_field_text(f.text, &pair[0]),
                    Term::from_field_text(f.text, &pair[1]),
                ]);
                let boosted = BoostQuery::new(Box::new(phrase), PHRASE_BOOST);
                clauses.push((Occur::Should, Box::new(boosted)));
            }
        }
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
