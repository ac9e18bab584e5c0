//! `claimdesk suggest ARTICLE_OR_REVIEW [--json] [--all] [--threshold T] [--model PATH]`: the
//! sentences worth checking, best first, with score, char offsets, speaker and reasons.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_import::{ImportOptions, import_article};
use claimdesk_model::format::{is_project_path, load_file};
use claimdesk_model::text::CharIndex;
use claimdesk_model::transcript::Role;
use claimdesk_model::{Review, Span};
use claimdesk_suggest::{
    ArticleScores, DEFAULT_THRESHOLD, Model, REASONS, Reason, ScoredSentence, score_article,
};
use serde_json::{Value, json};

/// Arguments of `suggest`.
#[derive(clap::Args)]
pub struct SuggestArgs {
    /// An article (.txt, .html, .md, .pdf, .docx, .odt, .srt, .vtt) or a review (.claimdesk); a
    /// review's claims are not suggested again.
    pub file: PathBuf,
    /// Print a JSON object instead of lines.
    #[arg(long)]
    pub json: bool,
    /// List every sentence in text order with its score, suggested or not (for evaluation).
    #[arg(long)]
    pub all: bool,
    /// Suggest sentences scoring at least T (between 0 and 1).
    #[arg(long, value_name = "T", default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// Use a model made by `claimdesk train-suggester` instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

/// Loads the article (or review) and the model, scores, prints. Errors: one line, exit 1.
pub fn run(args: &SuggestArgs) -> ExitCode {
    if !(0.0..=1.0).contains(&args.threshold) {
        return super::fail(
            &args.file,
            format!("--threshold {} is not between 0 and 1", args.threshold),
        );
    }
    let loaded_model;
    let model = match &args.model {
        None => Model::builtin(),
        Some(path) => match Model::load(path) {
            Ok(m) => {
                loaded_model = m;
                &loaded_model
            }
            Err(e) => return super::fail(path, e),
        },
    };
    let review = match read_review(&args.file) {
        Ok(r) => r,
        Err(e) => return super::fail(&args.file, e),
    };
    let text = review.article.text();
    let claimed: Vec<Span> = review
        .claims()
        .iter()
        .filter(|c| !c.orphaned)
        .map(|c| c.span)
        .collect();
    let scores = score_article(text, model);
    let mut rows = rows(&scores, text, model, args, &claimed);
    for row in &mut rows {
        row.media_start = review.article.media_time_at(row.span.start);
    }
    let precision = model
        .expected_precision(args.threshold)
        .map(|r| r.precision);
    if args.json {
        let speakers: Option<Vec<Value>> = scores.transcript.as_ref().map(|t| {
            t.speakers
                .iter()
                .map(|s| json!({ "name": s.name, "moderator": s.role == Role::Moderator }))
                .collect()
        });
        let out = json!({
            "file": args.file.display().to_string(),
            "model": args.model.as_ref().map_or("built-in".to_owned(), |p| p.display().to_string()),
            "threshold": args.threshold,
            "expected_precision": precision,
            "speakers": speakers,
            "sentences": rows.iter().map(Row::to_json).collect::<Vec<_>>(),
        });
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => return super::fail(&args.file, e),
        }
    } else {
        for r in &rows {
            println!("{}", r.line(args.all));
        }
        let suggested = rows.iter().filter(|r| r.suggested).count();
        let expected = precision.map_or(String::new(), |p| format!(", expected precision {p:.2}"));
        println!(
            "{suggested} of {} sentences suggested at threshold {:.2}{expected}",
            scores.sentences.len(),
            args.threshold
        );
    }
    ExitCode::SUCCESS
}

/// A review file as saved, or an article imported as `claimdesk new` would.
fn read_review(path: &std::path::Path) -> Result<Review, String> {
    if is_project_path(path) {
        load_file(path).map(|l| l.review).map_err(|e| e.to_string())
    } else {
        import_article(path, &ImportOptions::default())
            .map(|i| i.review)
            .map_err(|e| e.to_string())
    }
}

/// One printed sentence.
struct Row {
    span: Span,
    score: f32,
    text: String,
    speaker: Option<String>,
    reasons: Vec<Reason>,
    suggested: bool,
    excluded: Option<&'static str>,
    /// Seconds into the media at which the sentence starts (articles from subtitles).
    media_start: Option<f64>,
}

/// The suggested sentences best first, or with `--all` every sentence in text order.
fn rows(
    scores: &ArticleScores,
    text: &str,
    model: &Model,
    args: &SuggestArgs,
    claimed: &[Span],
) -> Vec<Row> {
    let index = CharIndex::new(text);
    if !args.all {
        return scores
            .suggestions(text, model, args.threshold, claimed)
            .into_iter()
            .map(|s| Row {
                span: s.span,
                score: s.score,
                text: index.slice(text, s.span.start, s.span.end).to_owned(),
                speaker: s.speaker,
                reasons: s.reasons,
                suggested: true,
                excluded: None,
                media_start: None,
            })
            .collect();
    }
    let row = |s: &ScoredSentence| {
        let excluded = s.excluded.map(|e| e.label()).or_else(|| {
            claimed
                .iter()
                .any(|c| c.overlaps(s.span))
                .then_some("already a claim")
        });
        let sentence = index.slice(text, s.span.start, s.span.end);
        Row {
            span: s.span,
            score: s.score,
            text: sentence.to_owned(),
            speaker: scores.speaker_name(s).map(str::to_owned),
            reasons: model.reasons(sentence, REASONS),
            suggested: excluded.is_none() && s.score >= args.threshold,
            excluded,
            media_start: None,
        }
    };
    scores.sentences.iter().map(row).collect()
}

impl Row {
    /// `0.912  120..188  [SPEAKER] text  (reason, reason)`; with `--all`, a leading `*` marks
    /// a suggestion and a trailing `[not suggested: ...]` says why a sentence never is.
    fn line(&self, all: bool) -> String {
        let mark = match (all, self.suggested) {
            (false, _) => "",
            (true, true) => "* ",
            (true, false) => "  ",
        };
        let speaker = self
            .speaker
            .as_ref()
            .map_or(String::new(), |s| format!("[{s}] "));
        let reasons: Vec<&str> = self.reasons.iter().map(|r| r.text.as_str()).collect();
        let reasons = if reasons.is_empty() {
            String::new()
        } else {
            format!("  ({})", reasons.join(", "))
        };
        let excluded = self
            .excluded
            .map_or(String::new(), |e| format!("  [not suggested: {e}]"));
        format!(
            "{mark}{:.3}  {}..{}  {speaker}{}{reasons}{excluded}",
            self.score,
            self.span.start,
            self.span.end,
            self.text.replace('\n', " ")
        )
    }

    fn to_json(&self) -> Value {
        json!({
            "start": self.span.start,
            "end": self.span.end,
            "score": (f64::from(self.score) * 10_000.0).round() / 10_000.0,
            "text": self.text,
            "speaker": self.speaker,
            "reasons": self.reasons.iter().map(|r| json!({
                "text": r.text,
                "weight": (f64::from(r.weight) * 1000.0).round() / 1000.0,
            })).collect::<Vec<_>>(),
            "suggested": self.suggested,
            "excluded": self.excluded,
            "media_start": self.media_start,
        })
    }
}
