//! Resolving a conflict over a field of the review itself (`claim` is `None`): its details
//! (`details.NAME`, `details.extra.KEY`), the article's title, source and unknown fields
//! (`article.title`, `article.source`, `article.extra.KEY`) and its unknown top-level fields
//! (`extra.KEY`). The article text (`article`) is not set here: the app takes their text
//! through an article update, which re-anchors every claim.

use claimdesk_model::history::Edit;
use claimdesk_model::{Extra, Review, ReviewDetails};
use serde_json::Value;

/// The edit giving the review's own `field` the `value`; `Some(None)` when nothing changes
/// (or the field is the article text), `None` when the field is not one a merge records or
/// the value does not fit it.
pub(super) fn review_edit(review: &Review, field: &str, value: &Value) -> Option<Option<Edit>> {
    if field == "article" {
        return Some(None);
    }
    if let Some(key) = field.strip_prefix("extra.") {
        let mut extra = review.extra.clone();
        set_key(&mut extra, key, value);
        return Some((extra != review.extra).then_some(Edit::SetExtra(extra)));
    }
    if let Some(name) = field.strip_prefix("details.") {
        let mut details = review.details.clone();
        set_detail(&mut details, name, value)?;
        return Some((details != review.details).then_some(Edit::SetDetails(details)));
    }
    let name = field.strip_prefix("article.")?;
    let a = &review.article;
    let (mut title, mut source, mut extra) = (a.title.clone(), a.source.clone(), a.extra.clone());
    match name {
        "title" => value.as_str()?.clone_into(&mut title),
        "source" => value.as_str()?.clone_into(&mut source),
        _ => set_key(&mut extra, name.strip_prefix("extra.")?, value),
    }
    let same = (&title, &source, &extra) == (&a.title, &a.source, &a.extra);
    Some((!same).then_some(Edit::SetArticleInfo {
        title,
        source,
        extra,
    }))
}

/// Sets the detail named `name` as in files (`reviewer`, `extra.KEY`); `None` if there is no
/// such detail or a text detail's value is not a text.
fn set_detail(details: &mut ReviewDetails, name: &str, value: &Value) -> Option<()> {
    if let Some(key) = name.strip_prefix("extra.") {
        set_key(&mut details.extra, key, value);
        return Some(());
    }
    let text = value.as_str()?.to_owned();
    let ReviewDetails {
        reviewer,
        organisation,
        article_url,
        article_published,
        report_url,
        language,
        media_url,
        extra: _, // above
    } = details;
    *match name {
        "reviewer" => reviewer,
        "organisation" => organisation,
        "article_url" => article_url,
        "article_published" => article_published,
        "report_url" => report_url,
        "language" => language,
        "media_url" => media_url,
        _ => return None,
    } = text;
    Some(())
}

/// Sets unknown field `key` to `value`; `null` (how a conflict records a removed field)
/// removes it.
pub(super) fn set_key(extra: &mut Extra, key: &str, value: &Value) {
    if value.is_null() {
        extra.remove(key);
    } else {
        extra.insert(key.to_owned(), value.clone());
    }
}
