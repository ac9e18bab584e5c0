//! Edits to a review and their undo/redo history.
//!
//! Every change to a review is an [`Edit`]; applying one returns its inverse, which is what the
//! history keeps. Typing in a text field becomes one undo step per pause, not per character.

use std::time::{Duration, Instant};

use crate::article::{Article, ArticleVersion};
use crate::claim::{Claim, ClaimId};
use crate::details::ReviewDetails;
use crate::extra::Extra;
use crate::fields::TypingKey;
use crate::review::Review;
use crate::suggestion_decision::SuggestionDecision;

/// One primitive change to a review.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a claim.
    Insert(Claim),
    /// Remove the claim with this id.
    Remove(ClaimId),
    /// Replace the claim with the same id.
    Replace(Claim),
    /// Replace the review's details (reviewer, organisation, URLs).
    SetDetails(ReviewDetails),
    /// Replace the list of decisions about suggested sentences.
    SetSuggestionDecisions(Vec<SuggestionDecision>),
    /// Replace the list of merge conflicts still to resolve.
    SetConflicts(Vec<crate::merge_conflict::MergeConflict>),
    /// Replace the review's unknown top-level fields (resolving a merge conflict over one).
    SetExtra(Extra),
    /// Replace the article's title, source and unknown fields; its text stays (resolving a
    /// merge conflict over one of them).
    SetArticleInfo {
        /// The new title.
        title: String,
        /// The new source.
        source: String,
        /// The new unknown fields of the `article` object.
        extra: Extra,
    },
    /// Swap the whole article, all claims and the earlier versions at once: an article update
    /// (see `claimdesk_import::reanchor`). Its inverse holds the previous three, so the update is one
    /// undoable step.
    ReplaceArticle {
        /// The new article.
        article: Box<Article>,
        /// The claims re-anchored to it.
        claims: Vec<Claim>,
        /// Earlier versions, the replaced text last.
        versions: Vec<ArticleVersion>,
    },
}

/// An edit named a claim that is not in the review.
#[derive(Debug, thiserror::Error)]
#[error("no claim with id {0}")]
pub struct MissingClaim(pub ClaimId);

impl Edit {
    /// Applies the edit and returns the edit that undoes it.
    pub fn apply(self, review: &mut Review) -> Result<Edit, MissingClaim> {
        match self {
            Edit::Insert(claim) => {
                let id = claim.id.clone();
                review.insert(claim);
                Ok(Edit::Remove(id))
            }
            Edit::Remove(id) => review.remove(&id).map(Edit::Insert).ok_or(MissingClaim(id)),
            Edit::Replace(claim) => {
                let id = claim.id.clone();
                review
                    .replace(claim)
                    .map(Edit::Replace)
                    .ok_or(MissingClaim(id))
            }
            Edit::SetDetails(details) => Ok(Edit::SetDetails(std::mem::replace(
                &mut review.details,
                details,
            ))),
            Edit::SetSuggestionDecisions(decisions) => Ok(Edit::SetSuggestionDecisions(
                std::mem::replace(&mut review.suggestion_decisions, decisions),
            )),
            Edit::SetConflicts(conflicts) => Ok(Edit::SetConflicts(std::mem::replace(
                &mut review.conflicts,
                conflicts,
            ))),
            Edit::SetExtra(extra) => {
                Ok(Edit::SetExtra(std::mem::replace(&mut review.extra, extra)))
            }
            Edit::SetArticleInfo {
                title,
                source,
                extra,
            } => {
                let a = &mut review.article;
                Ok(Edit::SetArticleInfo {
                    title: std::mem::replace(&mut a.title, title),
                    source: std::mem::replace(&mut a.source, source),
                    extra: std::mem::replace(&mut a.extra, extra),
                })
            }
            Edit::ReplaceArticle {
                article,
                claims,
                versions,
            } => {
                let (article, claims, versions) =
                    review.replace_article(*article, claims, versions);
                Ok(Edit::ReplaceArticle {
                    article: Box::new(article),
                    claims,
                    versions,
                })
            }
        }
    }
}

/// Steps of the same key closer together than this merge into one undo step.
pub const COALESCE_PAUSE: Duration = Duration::from_millis(1000);

struct Step {
    label: String,
    /// Edits that undo (or, on the redo stack, redo) the step, in application order.
    edits: Vec<Edit>,
    coalesce: Option<TypingKey>,
    at: Instant,
    before: u64,
    after: u64,
}

/// The undo and redo stacks, and a revision number that tells whether the review differs from
/// what was last saved.
#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    next_revision: u64,
    saved_revision: u64,
}

impl History {
    /// Applies `edits` as one undoable step named `label` ("mark disputed").
    ///
    /// With a `coalesce` key equal to the previous step's, made within [`COALESCE_PAUSE`], the
    /// change joins that step (typing in a note). On error nothing is changed.
    pub fn apply(
        &mut self,
        review: &mut Review,
        label: impl Into<String>,
        edits: Vec<Edit>,
        coalesce: Option<TypingKey>,
        now: Instant,
    ) -> Result<(), MissingClaim> {
        let inverse = apply_all(review, edits)?;
        self.redo.clear();
        self.next_revision += 1;
        let after = self.next_revision;
        let joins = coalesce
            .as_ref()
            .is_some_and(|key| self.continues(key, now));
        if joins && let Some(last) = self.undo.last_mut() {
            // The older inverse already restores the state before the first keystroke; the
            // newer one is applied first when undoing.
            let mut merged = inverse;
            merged.append(&mut last.edits);
            last.edits = merged;
            last.at = now;
            last.after = after;
        } else {
            self.undo.push(Step {
                label: label.into(),
                edits: inverse,
                coalesce,
                at: now,
                before: self.revision,
                after,
            });
        }
        self.revision = after;
        Ok(())
    }

    /// True if a change under `key` made at `now` would join the last undo step (typing on
    /// in the same field within [`COALESCE_PAUSE`]).
    pub fn continues(&self, key: &TypingKey, now: Instant) -> bool {
        self.undo.last().is_some_and(|last| {
            last.coalesce.as_ref() == Some(key)
                && now.duration_since(last.at) < COALESCE_PAUSE
                && last.after == self.revision
        })
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, review: &mut Review) -> Option<String> {
        let step = self.undo.pop()?;
        self.revision = step.before;
        let redo = apply_all(review, step.edits).ok()?;
        let label = step.label.clone();
        self.redo.push(Step {
            edits: redo,
            coalesce: None,
            ..step
        });
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, review: &mut Review) -> Option<String> {
        let step = self.redo.pop()?;
        self.revision = step.after;
        let undo = apply_all(review, step.edits).ok()?;
        let label = step.label.clone();
        self.undo.push(Step {
            edits: undo,
            coalesce: None,
            ..step
        });
        Some(label)
    }

    /// Name of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Name of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Ends the current typing run: the next change starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.coalesce = None;
        }
    }

    /// Records that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.revision;
    }

    /// Records that the current state is *not* what is on disk (a review restored from a
    /// recovery file).
    pub fn mark_modified(&mut self) {
        self.saved_revision = u64::MAX;
    }

    /// True if the review differs from the last saved state.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }
}

/// Applies edits in order; on failure rolls back those already applied.
fn apply_all(review: &mut Review, edits: Vec<Edit>) -> Result<Vec<Edit>, MissingClaim> {
    let mut inverse = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(review) {
            Ok(inv) => inverse.push(inv),
            Err(e) => {
                for inv in inverse.into_iter().rev() {
                    let _ = inv.apply(review);
                }
                return Err(e);
            }
        }
    }
    inverse.reverse();
    Ok(inverse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::span::Span;
    use crate::status::ClaimStatus;

    fn review() -> Review {
        Review::new(Article::new("t", "", "Alpha beta gamma delta".into()))
    }

    #[test]
    fn undo_and_redo_restore_each_state() {
        let mut r = review();
        let mut h = History::default();
        let t = Instant::now();
        let claim = Claim::new(&r.article, Span::new(0, 5), ClaimStatus::Asserted);
        let id = claim.id.clone();
        h.apply(
            &mut r,
            "mark asserted",
            vec![Edit::Insert(claim.clone())],
            None,
            t,
        )
        .unwrap();
        let mut disputed = claim.clone();
        disputed.status = ClaimStatus::Disputed;
        h.apply(
            &mut r,
            "mark disputed",
            vec![Edit::Replace(disputed)],
            None,
            t,
        )
        .unwrap();
        assert!(h.is_dirty());
        assert_eq!(h.undo_label(), Some("mark disputed"));
        assert_eq!(h.undo(&mut r).as_deref(), Some("mark disputed"));
        assert_eq!(r.claim(&id).unwrap().status, ClaimStatus::Asserted);
        h.undo(&mut r);
        assert!(r.claims().is_empty());
        assert!(!h.is_dirty(), "back at the saved (empty) state");
        h.redo(&mut r);
        h.redo(&mut r);
        assert_eq!(r.claim(&id).unwrap().status, ClaimStatus::Disputed);
        assert!(h.redo(&mut r).is_none());
    }

    #[test]
    fn typing_coalesces_until_a_pause() {
        let mut r = review();
        let mut h = History::default();
        let t0 = Instant::now();
        let claim = Claim::new(&r.article, Span::new(0, 5), ClaimStatus::Asserted);
        h.apply(
            &mut r,
            "mark asserted",
            vec![Edit::Insert(claim.clone())],
            None,
            t0,
        )
        .unwrap();
        let mut c = claim.clone();
        for (i, text) in ["a", "ab", "abc"].into_iter().enumerate() {
            c.note = text.into();
            let at = t0 + Duration::from_millis(100 * i as u64);
            h.apply(
                &mut r,
                "edit note",
                vec![Edit::Replace(c.clone())],
                Some(TypingKey::Claim(
                    c.id.clone(),
                    crate::fields::ClaimField::Note,
                )),
                at,
            )
            .unwrap();
        }
        c.note = "abc later".into();
        let later = t0 + Duration::from_secs(5);
        h.apply(
            &mut r,
            "edit note",
            vec![Edit::Replace(c.clone())],
            Some(TypingKey::Claim(
                c.id.clone(),
                crate::fields::ClaimField::Note,
            )),
            later,
        )
        .unwrap();
        h.undo(&mut r);
        assert_eq!(r.claims()[0].note, "abc");
        h.undo(&mut r);
        assert_eq!(r.claims()[0].note, "");
        assert_eq!(h.undo_label(), Some("mark asserted"));
    }

    #[test]
    fn saved_state_is_tracked_across_undo() {
        let mut r = review();
        let mut h = History::default();
        let claim = Claim::new(&r.article, Span::new(0, 5), ClaimStatus::Asserted);
        h.apply(
            &mut r,
            "mark",
            vec![Edit::Insert(claim)],
            None,
            Instant::now(),
        )
        .unwrap();
        h.mark_saved();
        assert!(!h.is_dirty());
        h.undo(&mut r);
        assert!(h.is_dirty());
        h.redo(&mut r);
        assert!(!h.is_dirty());
    }

    #[test]
    fn details_edit_undoes_and_redoes() {
        let mut r = review();
        let mut h = History::default();
        let details = ReviewDetails {
            reviewer: "A. Analyst".into(),
            report_url: "https://example.org/check".into(),
            ..ReviewDetails::default()
        };
        h.apply(
            &mut r,
            "edit review details",
            vec![Edit::SetDetails(details.clone())],
            None,
            Instant::now(),
        )
        .unwrap();
        assert_eq!(r.details, details);
        assert!(h.is_dirty());
        h.undo(&mut r);
        assert_eq!(r.details, ReviewDetails::default());
        assert!(!h.is_dirty());
        h.redo(&mut r);
        assert_eq!(r.details, details);
    }

    #[test]
    fn review_extra_and_article_info_edits_undo_and_leave_the_text_alone() {
        let mut r = review();
        let text_at = r.article.text().as_ptr();
        let mut h = History::default();
        let mut extra = Extra::new();
        extra.insert("rating".into(), serde_json::json!({"scale": 5}));
        let mut article_extra = Extra::new();
        article_extra.insert("lang".into(), serde_json::json!("en"));
        let edits = vec![
            Edit::SetExtra(extra.clone()),
            Edit::SetArticleInfo {
                title: "New title".into(),
                source: "https://example.org/a".into(),
                extra: article_extra.clone(),
            },
        ];
        h.apply(&mut r, "take theirs", edits, None, Instant::now())
            .unwrap();
        assert_eq!(r.extra, extra);
        assert_eq!(
            (r.article.title.as_str(), r.article.source.as_str()),
            ("New title", "https://example.org/a")
        );
        assert_eq!(r.article.extra, article_extra);
        assert_eq!(
            r.article.text().as_ptr(),
            text_at,
            "the text is not swapped"
        );
        h.undo(&mut r);
        assert!(r.extra.is_empty() && r.article.extra.is_empty());
        assert_eq!(r.article.title, review().article.title);
        h.redo(&mut r);
        assert_eq!(r.extra, extra);
        assert_eq!(r.article.title, "New title");
    }

    #[test]
    fn failed_edit_changes_nothing() {
        let mut r = review();
        let mut h = History::default();
        let claim = Claim::new(&r.article, Span::new(0, 5), ClaimStatus::Asserted);
        let err = h.apply(
            &mut r,
            "bad",
            vec![Edit::Insert(claim), Edit::Remove(ClaimId("nope".into()))],
            None,
            Instant::now(),
        );
        assert!(err.is_err());
        assert!(r.claims().is_empty());
        assert!(h.undo_label().is_none());
    }
}
