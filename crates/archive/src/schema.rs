//! The search index's fields and how their text is analysed.

use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// The version of the index layout. Bump it on any change of fields or text analysis: an index
/// of another version is rebuilt from the sources.
pub(crate) const SCHEMA_VERSION: u64 = 1;

/// The English analyser: words, lower case, Snowball stemming ("vaccines" finds "vaccine").
pub(crate) const ENGLISH: &str = "en_stem";

/// The fields of one archived claim in the index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    pub text: Field,
    pub headline: Field,
    pub verdict: Field,
    pub claimant: Field,
    pub organisation: Field,
    pub date: Field,
    pub url: Field,
    pub claim_id: Field,
    /// The source file's path, untokenised: how a changed file's claims are deleted.
    pub source: Field,
}

/// The schema and its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let searchable = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ENGLISH)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        text: b.add_text_field("text", searchable.clone()),
        headline: b.add_text_field("headline", searchable),
        verdict: b.add_text_field("verdict", STORED),
        claimant: b.add_text_field("claimant", STORED),
        organisation: b.add_text_field("organisation", STORED),
        date: b.add_text_field("date", STORED),
        url: b.add_text_field("url", STORED),
        claim_id: b.add_text_field("claim_id", STORED),
        source: b.add_text_field("source", STRING | STORED),
    };
    (b.build(), fields)
}
