//! The article pipeline with the built-in model: sentences, speakers, exclusions, reasons.

use super::*;
use claimdesk_model::transcript::Role;

/// A debate excerpt written for these tests (not a real transcript).
const DEBATE: &str = "\
MODERATOR: Good evening and welcome to the second debate. Senator, your plan costs $2 trillion. How will you pay for it?
SEN. HOLLIS: Thank you. Our plan is paid for. Under our law the deficit fell by 40 percent since 2012, and unemployment is at 3.9 percent.
(APPLAUSE)
MODERATOR: Governor, your response?
Gov. Marsh: I think we can do better for every family.
It is great to be here tonight.
MODERATOR: Is crime rising?
SEN. HOLLIS: Violent crime rose 5 percent last year, according to the FBI.
";

fn text_of(span: Span, text: &str) -> String {
    text.chars().skip(span.start).take(span.len()).collect()
}

#[test]
fn debate_sentences_know_their_speakers_and_exclusions() {
    let model = Model::builtin();
    let scores = score_article(DEBATE, model);
    let t = scores.transcript.as_ref().expect("a transcript");
    assert_eq!(t.speakers[0].role, Role::Moderator);
    let rows: Vec<(String, Option<&str>, Option<Exclusion>)> = scores
        .sentences
        .iter()
        .map(|s| (text_of(s.span, DEBATE), scores.speaker_name(s), s.excluded))
        .collect();
    let find = |start: &str| {
        rows.iter()
            .find(|r| r.0.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {rows:#?}"))
    };
    assert_eq!(
        rows[0].0, "Good evening and welcome to the second debate.",
        "label cut off"
    );
    assert_eq!(find("Good evening").2, Some(Exclusion::Moderator));
    assert_eq!(
        find("Senator, your plan costs").2,
        None,
        "a moderator asserting a figure"
    );
    assert_eq!(find("How will you pay").2, Some(Exclusion::Moderator));
    assert_eq!(find("(APPLAUSE)").2, Some(Exclusion::StageDirection));
    assert_eq!(find("Under our law").1, Some("SEN. HOLLIS"));
    assert_eq!(find("It is great").1, Some("Gov. Marsh"));
}

#[test]
fn suggestions_rank_the_factual_claims_first_with_reasons() {
    let model = Model::builtin();
    let scores = score_article(DEBATE, model);
    let all = scores.suggestions(DEBATE, model, 0.0, &[]);
    assert!(
        all.windows(2).all(|w| w[0].score >= w[1].score),
        "best first"
    );
    let top: Vec<String> = all
        .iter()
        .take(2)
        .map(|s| text_of(s.span, DEBATE))
        .collect();
    assert!(
        top.iter().any(|t| t.starts_with("Under our law")),
        "{top:?}"
    );
    assert!(
        top.iter().any(|t| t.starts_with("Violent crime rose")),
        "{top:?}"
    );
    assert_eq!(all[0].speaker.as_deref(), Some("SEN. HOLLIS"));
    assert!(!all[0].reasons.is_empty());
    for s in &all {
        assert!(
            !text_of(s.span, DEBATE).starts_with("How will"),
            "moderator question suggested"
        );
        for r in &s.reasons {
            assert!(
                !features::is_stop_word(&r.text.to_lowercase()),
                "{:?}",
                r.text
            );
            assert!(r.weight > 0.0);
        }
    }
    let chat = all
        .iter()
        .find(|s| text_of(s.span, DEBATE).starts_with("It is great"))
        .expect("scored");
    assert!(chat.score < all[0].score);
    let suggested = scores.suggestions(DEBATE, model, DEFAULT_THRESHOLD, &[]);
    assert!(suggested.len() < all.len() && !suggested.is_empty());
    assert!(suggested.iter().all(|s| s.score >= DEFAULT_THRESHOLD));
}

#[test]
fn claims_already_marked_are_not_suggested_again() {
    let model = Model::builtin();
    let scores = score_article(DEBATE, model);
    let best = scores.suggestions(DEBATE, model, 0.0, &[])[0].span;
    let claim = Span::new(best.start + 3, best.start + 8);
    let again = scores.suggestions(DEBATE, model, 0.0, &[claim]);
    assert!(again.iter().all(|s| s.span != best));
}

#[test]
fn sample_article_scores_every_sentence_deterministically() {
    let text = include_str!("../../../assets/sample-article.txt");
    let model = Model::builtin();
    let a = score_article(text, model);
    let b = score_article(text, model);
    assert!(a.transcript.is_none());
    assert_eq!(a.sentences, b.sentences);
    let spans: Vec<Span> = a.sentences.iter().map(|s| s.span).collect();
    assert_eq!(spans, claimdesk_model::sentences::sentence_spans(text));
    assert!(
        a.sentences
            .iter()
            .all(|s| (0.0..=1.0).contains(&s.score) && s.excluded.is_none())
    );
}

#[test]
fn context_counts_in_transcripts_and_not_in_prose() {
    let model = Model::builtin();
    let text = "HOST: Welcome back. What happened this year?\nSMITH: Murders rose 40 percent in 2016, the worst rise since 1968. Way up.\nHOST: And your view?\nJONES: Thank you so much. Way up.\nHOST: Thanks to you both.\n";
    let way_up = |scores: &ArticleScores| -> Vec<f32> {
        scores
            .sentences
            .iter()
            .filter(|s| text_of(s.span, text) == "Way up.")
            .map(|s| s.score)
            .collect()
    };
    let with = score_article(text, model);
    assert!(with.transcript.is_some());
    let alone = score_article_with(text, model, Context::NONE);
    let (w, a) = (way_up(&with), way_up(&alone));
    assert_eq!(a[0], a[1], "alone, the same words score the same");
    assert!(w[0] > w[1], "after a claim it scores higher: {w:?}");
    let claim = |scores: &ArticleScores| {
        scores
            .sentences
            .iter()
            .find(|s| text_of(s.span, text).starts_with("Murders"))
            .map(|s| s.score)
            .unwrap()
    };
    assert!(claim(&with) >= w[0], "the claim itself still ranks first");

    let prose = include_str!("../../../assets/sample-article.txt");
    for s in score_article(prose, model).sentences {
        assert_eq!(
            s.score,
            model.score(&text_of(s.span, prose)),
            "prose: alone"
        );
    }
}
