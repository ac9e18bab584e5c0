//! The review's own parts merged: the article (its text, title, source and unknown fields; its
//! document origin, page starts and media times follow its text), the details, and the
//! suggestion decisions. Each struct is taken apart with every field named,
//! so a new field does not compile until it says how it merges.

use std::collections::BTreeMap;

use claimdesk_model::suggestion_decision::SuggestionDecision;
use claimdesk_model::{
    Article, ArticleParts, ArticleVersion, Extra, ReviewDetails, Timestamp, sha256_hex,
};
use serde_json::json;

use super::three_way::{Place, by_key, pick};

/// The merged article, and their text when both sides changed it differently (then ours
/// stays, conflict `article`, and theirs is kept as an earlier version so nothing is lost).
/// Title and source three-way; unknown fields key by key (`article.extra.KEY`).
pub(super) fn merge_article(
    base: &Article,
    ours: Article,
    theirs: Article,
    at: &mut Place,
) -> (Article, Option<ArticleVersion>) {
    if ours == theirs || &theirs == base {
        return (ours, None);
    }
    if &ours == base {
        return (theirs, None);
    }
    let ArticleParts {
        title,
        source,
        text,
        origin,
        page_starts,
        media_times,
        extra,
    } = ours.into_parts();
    let t = theirs.into_parts();
    // The origin, page starts and media times belong to a text: they follow the text merged.
    let theirs_taken = text == base.text() && t.text != base.text();
    let (origin, page_starts, media_times) = if theirs_taken {
        (t.origin.clone(), t.page_starts, t.media_times)
    } else {
        (origin, page_starts, media_times)
    };
    let mut their_text = None;
    let text = pick(Some(base.text()), text, t.text, |ours, theirs| {
        let describe =
            |s: &str| json!({ "sha256": sha256_hex(s.as_bytes()), "chars": s.chars().count() });
        at.conflict("article", describe(&ours), describe(&theirs));
        their_text = Some(ArticleVersion {
            title: format!("{} (their version, merge conflict)", t.title),
            source: t.source.clone(),
            sha256: sha256_hex(theirs.as_bytes()),
            text: theirs,
            replaced: Timestamp::now(),
            origin: t.origin,
            extra: Extra::new(),
        });
        ours
    });
    let article = Article::from_parts(ArticleParts {
        title: at.text("article.title", Some(&base.title), title, t.title),
        source: at.text("article.source", Some(&base.source), source, t.source),
        text,
        origin,
        page_starts,
        media_times,
        extra: at.extra("article.extra.", Some(&base.extra), extra, t.extra),
    });
    (article, their_text)
}

/// Each detail three-way (`details.NAME`); unknown ones key by key (`details.extra.KEY`).
pub(super) fn merge_details(
    base: &ReviewDetails,
    ours: ReviewDetails,
    theirs: ReviewDetails,
    at: &mut Place,
) -> ReviewDetails {
    let ReviewDetails {
        reviewer,
        organisation,
        article_url,
        article_published,
        report_url,
        language,
        media_url,
        extra,
    } = ours;
    let t = theirs;
    let b = base;
    ReviewDetails {
        reviewer: at.text("details.reviewer", Some(&b.reviewer), reviewer, t.reviewer),
        organisation: at.text(
            "details.organisation",
            Some(&b.organisation),
            organisation,
            t.organisation,
        ),
        article_url: at.text(
            "details.article_url",
            Some(&b.article_url),
            article_url,
            t.article_url,
        ),
        article_published: at.text(
            "details.article_published",
            Some(&b.article_published),
            article_published,
            t.article_published,
        ),
        report_url: at.text(
            "details.report_url",
            Some(&b.report_url),
            report_url,
            t.report_url,
        ),
        language: at.text("details.language", Some(&b.language), language, t.language),
        media_url: at.text(
            "details.media_url",
            Some(&b.media_url),
            media_url,
            t.media_url,
        ),
        extra: at.extra("details.extra.", Some(&b.extra), extra, t.extra),
    }
}

/// Decisions about suggested sentences, sentence by sentence (by span): decided on one side
/// only, that decision; decided differently on both, ours (a decision only keeps a sentence
/// from being suggested again, so it is no conflict). In text order.
pub(super) fn merge_decisions(
    base: &[SuggestionDecision],
    ours: Vec<SuggestionDecision>,
    theirs: Vec<SuggestionDecision>,
) -> Vec<SuggestionDecision> {
    type BySpan = BTreeMap<(usize, usize), SuggestionDecision>;
    let by_span = |v: Vec<SuggestionDecision>| -> BySpan {
        v.into_iter()
            .map(|d| ((d.span.start, d.span.end), d))
            .collect()
    };
    pick(Some(base), ours, theirs, |ours, theirs| {
        let base = by_span(base.to_vec());
        by_key(Some(&base), by_span(ours), by_span(theirs), |_, o, _| o)
            .into_values()
            .collect()
    })
}
