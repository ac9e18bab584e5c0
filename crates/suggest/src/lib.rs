//! Check-worthiness suggestions (issue 12): which sentences of an article are worth checking,
//! and why. Offline: a small logistic regression over words and number-aware features, trained
//! by `cargo run --release --example train_suggester` (see docs/suggestions.md).
//!
//! [`score_article`] splits the article into sentences ([`claimdesk_model::sentences`]), detects a
//! transcript ([`claimdesk_model::transcript`]) to know who speaks, and scores every sentence;
//! In a transcript a sentence's score also counts its neighbours' ([`Context`]).
//! [`ArticleScores::suggestions`] picks those at or above a threshold, best first, with reasons.

mod context;
pub mod datasets;
mod detmath;
pub mod evaluate;
pub mod features;
pub mod from_reviews;
mod lbfgs;
mod model;
pub mod train;
mod weights_file;

pub use context::Context;
pub use model::{Model, PrecisionRow, Reason, precision_at};
pub use weights_file::{FORMAT_VERSION, ModelError};

use claimdesk_model::Span;
use claimdesk_model::sentences::sentence_spans;
use claimdesk_model::text::CharIndex;
use claimdesk_model::transcript::{Role, Transcript, detect_transcript, is_stage_direction};

/// The threshold used when none is given: the class-balanced decision point.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// How many reasons a suggestion carries.
pub const REASONS: usize = 3;

/// Every sentence of an article with its score, and the transcript if one was detected.
#[derive(Clone, Debug)]
pub struct ArticleScores {
    /// Sentences in text order.
    pub sentences: Vec<ScoredSentence>,
    /// Speakers and turns, when the article is a transcript.
    pub transcript: Option<Transcript>,
}

/// One sentence and what the model makes of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredSentence {
    /// The sentence in chars, without a leading speaker label.
    pub span: Span,
    /// Score in `0..=1` (in a transcript, blended with the neighbours' scores).
    pub score: f32,
    /// Index into the transcript's speakers.
    pub speaker: Option<usize>,
    /// Why the sentence is never suggested whatever its score, if so.
    pub excluded: Option<Exclusion>,
}

/// Why a sentence is not offered as a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// "(APPLAUSE)", "[CROSSTALK]".
    StageDirection,
    /// A moderator's or questioner's question, or a moderator's sentence with no number, year,
    /// percentage or amount in it.
    Moderator,
}

impl Exclusion {
    /// Short text for listings.
    pub fn label(self) -> &'static str {
        match self {
            Exclusion::StageDirection => "stage direction",
            Exclusion::Moderator => "moderator",
        }
    }
}

/// A suggested sentence: where, how likely, why, and who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The sentence in chars.
    pub span: Span,
    /// Score in `0..=1`.
    pub score: f32,
    /// The words and features that raised the score most.
    pub reasons: Vec<Reason>,
    /// The speaker's name in a transcript.
    pub speaker: Option<String>,
}

/// Splits `text` into sentences, detects a transcript, and scores every sentence with `model`;
/// in a transcript, with the neighbours counted as [`Context::SPEECH`] says.
pub fn score_article(text: &str, model: &Model) -> ArticleScores {
    score_article_with(text, model, Context::SPEECH)
}

/// [`score_article`] with other context weights for transcripts (`Context::NONE`: every
/// sentence alone, as in prose). For evaluation and comparison.
pub fn score_article_with(text: &str, model: &Model, speech: Context) -> ArticleScores {
    let transcript = detect_transcript(text);
    let sentences = article_sentences(text, transcript.as_ref());
    let mut alone = Vec::with_capacity(sentences.len());
    let mut excluded = Vec::with_capacity(sentences.len());
    for s in &sentences {
        let vector = features::features(s.text, model.bits);
        alone.push(detmath::sigmoid(model.logit(&vector)) as f32);
        let moderator = s.speaker.is_some_and(|k| {
            transcript
                .as_ref()
                .is_some_and(|t| t.speakers[k].role == Role::Moderator)
        });
        let asserts_fact = vector.dense[..4].iter().any(|&x| x > 0.0);
        excluded.push(if is_stage_direction(s.text) {
            Some(Exclusion::StageDirection)
        } else if moderator && (s.text.trim_end().ends_with('?') || !asserts_fact) {
            Some(Exclusion::Moderator)
        } else {
            None
        });
    }
    let context = if transcript.is_some() {
        speech
    } else {
        Context::NONE
    };
    let counts: Vec<bool> = excluded.iter().map(Option::is_none).collect();
    let scores = context.blend(&alone, &counts);
    let sentences = sentences
        .into_iter()
        .zip(scores.into_iter().zip(excluded))
        .map(|(s, (score, excluded))| ScoredSentence {
            span: s.span,
            score,
            speaker: s.speaker,
            excluded,
        })
        .collect();
    ArticleScores {
        sentences,
        transcript,
    }
}

impl ArticleScores {
    /// Sentences scoring at least `threshold`, not excluded and not overlapping any of `skip`
    /// (claims already marked), best first, each with its reasons.
    pub fn suggestions(
        &self,
        text: &str,
        model: &Model,
        threshold: f32,
        skip: &[Span],
    ) -> Vec<Suggestion> {
        let index = CharIndex::new(text);
        let mut picked: Vec<&ScoredSentence> = self
            .sentences
            .iter()
            .filter(|s| s.excluded.is_none() && s.score >= threshold)
            .filter(|s| !skip.iter().any(|c| c.overlaps(s.span)))
            .collect();
        picked.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.span.start.cmp(&b.span.start))
        });
        picked
            .into_iter()
            .map(|s| Suggestion {
                span: s.span,
                score: s.score,
                reasons: model.reasons(index.slice(text, s.span.start, s.span.end), REASONS),
                speaker: self.speaker_name(s).map(str::to_owned),
            })
            .collect()
    }

    /// The name of the sentence's speaker, in a transcript.
    pub fn speaker_name(&self, s: &ScoredSentence) -> Option<&str> {
        let t = self.transcript.as_ref()?;
        s.speaker.map(|k| t.speakers[k].name.as_str())
    }
}

/// A sentence of the article with its text and speaker.
pub(crate) struct ArticleSentence<'t> {
    pub span: Span,
    pub text: &'t str,
    pub speaker: Option<usize>,
}

/// The sentences of `text` with speaker labels cut off the first sentence of each turn.
pub(crate) fn article_sentences<'t>(
    text: &'t str,
    transcript: Option<&Transcript>,
) -> Vec<ArticleSentence<'t>> {
    let index = CharIndex::new(text);
    sentence_spans(text)
        .into_iter()
        .filter_map(|mut span| {
            let turn = transcript.and_then(|t| t.turn_at(span.start));
            if let Some(turn) =
                turn.filter(|t| t.label.start <= span.start && span.start < t.body.start)
            {
                span.start = turn.body.start;
            }
            let slice = index.slice(text, span.start, span.end);
            (span.start < span.end && slice.chars().any(char::is_alphanumeric)).then(|| {
                ArticleSentence {
                    span,
                    text: slice,
                    speaker: turn.map(|t| t.speaker),
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
