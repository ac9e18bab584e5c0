//! Searching the claims by text: every word of the query must start a word of the claim's
//! quote, claimant, note, verdict, summary or sources. Case-insensitive and accent-insensitive
//! for Latin script ("cafe" finds "Café"), through tantivy's lower-casing and ASCII folding (the
//! same text analysis the archive uses). Claims are folded once per change of the review, not
//! per keystroke.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream,
};

use claimdesk_model::Claim;

/// A claim's searchable text, folded: " word word …" (each word after a space).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoldedClaim(String);

/// A parsed query: its folded words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    words: Vec<String>,
}

impl ClaimQuery {
    /// Parses what the user typed.
    pub fn new(query: &str) -> Self {
        let mut words = Vec::new();
        fold_words(&mut analyzer(), query, |w| words.push(format!(" {w}")));
        Self { words }
    }

    /// True if the query has no word (everything matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True if every word of the query starts some word of `claim`.
    pub fn matches(&self, claim: &FoldedClaim) -> bool {
        self.words.iter().all(|w| claim.0.contains(w.as_str()))
    }
}

/// Folds the searchable fields of every claim, in order.
pub fn fold_claims(claims: &[Claim]) -> Vec<FoldedClaim> {
    let mut analyzer = analyzer();
    claims
        .iter()
        .map(|claim| {
            let mut out = String::new();
            for field in searchable_fields(claim) {
                fold_words(&mut analyzer, field, |w| {
                    out.push(' ');
                    out.push_str(w);
                });
            }
            FoldedClaim(out)
        })
        .collect()
}

/// The fields the search looks at.
fn searchable_fields(claim: &Claim) -> impl Iterator<Item = &str> {
    let own = [
        claim.quote.as_str(),
        &claim.claimant,
        &claim.note,
        &claim.verdict,
        &claim.summary,
    ];
    let sources = claim.evidence.iter().flat_map(|e| {
        [
            e.url.as_str(),
            e.title.as_str(),
            e.excerpt.as_str(),
            e.note.as_str(),
        ]
    });
    own.into_iter().chain(sources)
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn fold_words(analyzer: &mut TextAnalyzer, text: &str, mut each: impl FnMut(&str)) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        each(&stream.token().text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk_model::{Article, ClaimStatus, Evidence, Span};

    fn claim(quote: &str) -> Claim {
        let article = Article::new("t", "t", format!("{quote} and more"));
        let n = quote.chars().count();
        Claim::new(&article, Span::new(0, n), ClaimStatus::Asserted)
    }

    #[test]
    fn words_match_at_word_starts_ignoring_case_and_accents() {
        let mut a = claim("The Café owners agreed");
        a.claimant = "Mohammed Besher".into();
        let mut b = claim("Libya is not to blame");
        b.evidence.push(Evidence {
            url: "https://example.org/Report".into(),
            title: "Ministère des Affaires".into(),
            ..Evidence::default()
        });
        b.verdict = "Misleading".into();
        let folded = fold_claims(&[a, b]);
        let hits = |q: &str| {
            let q = ClaimQuery::new(q);
            folded.iter().map(|f| q.matches(f)).collect::<Vec<_>>()
        };
        assert_eq!(hits("cafe"), [true, false]);
        assert_eq!(hits("CAFÉ own"), [true, false]);
        assert_eq!(hits("besh"), [true, false], "claimant, by prefix");
        assert_eq!(hits("ministere"), [false, true], "a source's title");
        assert_eq!(hits("report"), [false, true], "a source's URL");
        assert_eq!(
            hits("mislead libya"),
            [false, true],
            "verdict and quote together"
        );
        assert_eq!(hits("afe"), [false, false], "not inside a word");
        assert_eq!(hits("libya cafe"), [false, false], "every word must match");
        assert!(ClaimQuery::new("  ").is_empty());
    }
}
