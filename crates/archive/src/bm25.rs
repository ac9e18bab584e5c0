//! BM25's candidates: the claims sharing words with the query, over the claim text and, with
//! less weight, the fact-check's headline (English stemming, stop words left out); when no word
//! matches exactly, the longer words again with one typo allowed.

use std::collections::HashSet;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Searcher, Term};

use super::ArchiveError;
use super::schema::Fields;

/// Weight of a match in the fact-check's headline, relative to one in the claim text.
const HEADLINE_BOOST: f32 = 0.6;
/// Words at least this long are also looked up with one typo when nothing matches exactly.
const FUZZY_MIN_CHARS: usize = 5;

/// The `count` best claims for the analysed words `terms` by BM25, and the query that found
/// them (for snippets). Nothing for no words.
pub(crate) fn candidates(
    searcher: &Searcher,
    fields: Fields,
    terms: &[&str],
    count: usize,
) -> Result<(Vec<(f32, DocAddress)>, BooleanQuery), ArchiveError> {
    let collector = TopDocs::with_limit(count.max(1)).order_by_score();
    let query = exact_query(fields, terms);
    let top = searcher
        .search(&query, &collector)
        .map_err(ArchiveError::other)?;
    if !top.is_empty() {
        return Ok((top, query));
    }
    // Nothing matches exactly: a typo ("vacine") may be why.
    let query = fuzzy_query(fields, terms);
    let top = searcher
        .search(&query, &collector)
        .map_err(ArchiveError::other)?;
    Ok((top, query))
}

/// Every distinct word in the claim text or, with less weight, in the headline. (A bonus
/// for words side by side as in the query lowered MAP@5 on the CLEF tweets: README.)
fn exact_query(f: Fields, terms: &[&str]) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut seen = HashSet::new();
    for term in terms.iter().filter(|t| seen.insert(**t)) {
        clauses.push((Occur::Should, term_query(f.text, term, 1.0)));
        clauses.push((Occur::Should, term_query(f.headline, term, HEADLINE_BOOST)));
    }
    BooleanQuery::new(clauses)
}

/// The longer words of the query, each with one edit allowed, in the claim text; a claim
/// scores the number of them it has (fuzzy matches are not ranked by BM25).
fn fuzzy_query(f: Fields, terms: &[&str]) -> BooleanQuery {
    let mut seen = HashSet::new();
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .filter(|t| t.chars().count() >= FUZZY_MIN_CHARS && seen.insert(**t))
        .map(|t| {
            let term = Term::from_field_text(f.text, t);
            let fuzzy: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term, 1, true));
            (Occur::Should, fuzzy)
        })
        .collect();
    BooleanQuery::new(clauses)
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

/// A score with its last bits dropped: the same claim can score a rounding error apart
/// depending on the order tantivy sums its clauses in, which depends on the segments.
pub(crate) fn same_score(score: f32) -> i64 {
    (f64::from(score) * 1e3).round() as i64
}
