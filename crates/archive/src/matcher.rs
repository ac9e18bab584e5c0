//! One search session: BM25's candidates for a text, re-ranked by the model of [`super::rerank`].
//! A session keeps what it has read — each claim's stored fields and analysed words, each word's
//! rarity — so the many searches of an article scan read and analyse each claim once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use tantivy::query::BooleanQuery;
use tantivy::schema::{Field, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::ArchiveError;
use super::bm25::{candidates, same_score};
use super::profile::{Profile, Vocabulary, WordId};
use super::query::clean_query;
use super::record::ArchivedClaim;
use super::rerank::{CANDIDATES, Candidate, FEATURES, WEIGHTS, features, idf, probability};
use super::schema::Fields;
use super::search::ArchiveSearcher;

/// Claims kept in a session's memory at most; past it the cache starts again (a scan of a huge
/// article over a huge archive stays bounded).
const CACHED_CLAIMS: usize = 50_000;
/// Candidates fetched beyond those wanted, so that equal scores at the cut are ordered too.
const TIE_MARGIN: usize = 15;

/// An archived claim as read from the index, with its analysed words.
pub(crate) struct Entry {
    pub claim: ArchivedClaim,
    pub source: PathBuf,
    text: Profile,
    headline: Profile,
}

/// A candidate after re-ranking.
#[derive(Clone)]
pub(crate) struct Ranked {
    /// The model's probability that this is the claim checked.
    pub probability: f32,
    /// Its BM25 score.
    pub bm25: f32,
    /// The claim.
    pub entry: Rc<Entry>,
    /// What the model saw.
    pub features: [f32; FEATURES],
}

/// The candidates for one text, best first, and the BM25 query (for snippets).
pub(crate) struct Ranking {
    pub ranked: Vec<Ranked>,
    pub query: Option<BooleanQuery>,
}

/// A search session over one snapshot of the index.
pub(crate) struct Matcher {
    pub searcher: Searcher,
    fields: Fields,
    analyser: TextAnalyzer,
    vocabulary: Vocabulary,
    /// Each word's idf by id; NaN until looked up.
    idf: Vec<f32>,
    entries: HashMap<DocAddress, Rc<Entry>>,
}

impl Matcher {
    /// A session on the searcher's current snapshot.
    pub fn new(owner: &ArchiveSearcher) -> Result<Self, ArchiveError> {
        let analyser = owner
            .index
            .tokenizer_for_field(owner.fields.text)
            .map_err(ArchiveError::other)?;
        Ok(Self {
            searcher: owner.reader.searcher(),
            fields: owner.fields,
            analyser,
            vocabulary: Vocabulary::default(),
            idf: Vec::new(),
            entries: HashMap::new(),
        })
    }

    /// BM25's candidates for `text` (a claim, a sentence, a tweet), re-ranked, best first: at
    /// least `wanted` of them if there are so many. None if the text has fewer than
    /// `min_words` words other than stop words.
    pub fn rank(
        &mut self,
        text: &str,
        wanted: usize,
        min_words: usize,
    ) -> Result<Ranking, ArchiveError> {
        let cleaned = clean_query(text);
        let query = Profile::of(&cleaned, &mut self.analyser, &mut self.vocabulary);
        if query.words.is_empty() || query.words.len() < min_words {
            return Ok(Ranking {
                ranked: Vec::new(),
                query: None,
            });
        }
        let count = CANDIDATES.max(wanted.saturating_add(TIE_MARGIN));
        let terms: Vec<&str> = query
            .words
            .iter()
            .map(|&w| self.vocabulary.word(w))
            .collect();
        let (top, bm25_query) = candidates(&self.searcher, self.fields, &terms, count)?;
        let best_bm25 = top.iter().map(|t| t.0).fold(0.0, f32::max);
        let mut ranked = Vec::with_capacity(top.len());
        for &(bm25, address) in &top {
            let entry = self.entry(address)?;
            self.learn_idf(&query);
            self.learn_idf(&entry.text);
            self.learn_idf(&entry.headline);
            // Equal BM25 scores share a rank, whatever order tantivy gave them in.
            let rank = top
                .iter()
                .filter(|t| same_score(t.0) > same_score(bm25))
                .count();
            let candidate = Candidate {
                bm25,
                best_bm25,
                rank,
                query: &query,
                text: &entry.text,
                headline: &entry.headline,
            };
            let idf = &self.idf;
            let features = features(&candidate, &|w: WordId| idf[w as usize]);
            ranked.push(Ranked {
                probability: probability(&features, &WEIGHTS),
                bm25,
                entry,
                features,
            });
        }
        ranked.sort_by(order);
        Ok(Ranking {
            ranked,
            query: Some(bm25_query),
        })
    }

    /// The claim at `address`, read and analysed once per session.
    fn entry(&mut self, address: DocAddress) -> Result<Rc<Entry>, ArchiveError> {
        if let Some(entry) = self.entries.get(&address) {
            return Ok(Rc::clone(entry));
        }
        if self.entries.len() >= CACHED_CLAIMS {
            self.entries.clear();
        }
        let doc: TantivyDocument = self.searcher.doc(address).map_err(ArchiveError::other)?;
        let claim = claim_of(self.fields, &doc);
        let entry = Rc::new(Entry {
            text: Profile::of(&claim.text, &mut self.analyser, &mut self.vocabulary),
            headline: Profile::of(&claim.headline, &mut self.analyser, &mut self.vocabulary),
            source: PathBuf::from(text_field(&doc, self.fields.source)),
            claim,
        });
        self.entries.insert(address, Rc::clone(&entry));
        Ok(entry)
    }

    /// Looks up the idf of the profile's words not seen before.
    fn learn_idf(&mut self, profile: &Profile) {
        self.idf.resize(self.vocabulary.len(), f32::NAN);
        let docs = self.searcher.num_docs();
        for &w in &profile.words {
            if self.idf[w as usize].is_nan() {
                let term = Term::from_field_text(self.fields.text, self.vocabulary.word(w));
                let freq = self.searcher.doc_freq(&term).unwrap_or(0);
                self.idf[w as usize] = idf(freq, docs);
            }
        }
    }
}

/// Best first: by probability, then BM25, then what the claims are (equal scores are ordered
/// the same way whatever segments the index was written in).
fn order(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    let p = |r: &Ranked| (f64::from(r.probability) * 1e5).round() as i64;
    p(b).cmp(&p(a))
        .then(same_score(b.bm25).cmp(&same_score(a.bm25)))
        .then_with(|| a.entry.claim.claim_id.cmp(&b.entry.claim.claim_id))
        .then_with(|| a.entry.claim.text.cmp(&b.entry.claim.text))
        .then_with(|| a.entry.source.cmp(&b.entry.source))
}

fn claim_of(f: Fields, doc: &TantivyDocument) -> ArchivedClaim {
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

fn text_field(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}
