//! The open review ([`OpenReview`]): a state that exists only while a review is open. It owns
//! the [`Document`] (the review, its file, its history) behind private fields, so applying an
//! edit, undo and redo are the only ways to change the review, and the history is sealed
//! there. Beside it, each feature that belongs to one review keeps its own state in its own
//! module here: the selection and view ([`view`]), find ([`find`]), the claims list and its
//! search ([`claims_list`]), the suggestions listed for this text ([`suggestions`]), "checked
//! before" for the selection ([`checked_before`]), the comparison ([`comparison`]), the
//! article-update review ([`update`]) and autosave's bookkeeping ([`autosave`]).
//!
//! The features' commands are applied by functions that receive `&mut OpenReview` and the few
//! things of the app around it they may use ([`Shared`]); the frame loop unwraps the open
//! review once, in [`crate::app::command`].

pub mod autosave;
pub mod checked_before;
mod claim_search;
pub mod claims;
pub mod claims_list;
pub mod comparison;
pub mod conflicts;
pub mod document;
pub mod edit;
pub mod find;
pub mod navigation;
mod span_set;
pub mod suggestions;
pub mod update;
pub mod view;

use std::sync::Arc;

use claimdesk_model::Review;
use claimdesk_model::transcript::{Transcript, detect_transcript};

use super::notices::Notices;
use super::settings::Settings;
pub use document::{Document, ImportInfo};
pub use view::{Selection, ViewState};

/// What a feature of the open review may use from the app around it: the notices to tell the
/// user something, and the settings (the analyst's name, the suggestion threshold).
pub struct Shared<'a> {
    /// Messages for the user.
    pub notices: &'a mut Notices,
    /// Preferences, read-only.
    pub settings: &'a Settings,
}

/// A review while it is open, and the state of every feature that belongs to it.
pub struct OpenReview {
    doc: Document,
    /// The selection, the selected claim, the picked claims and suggestion, the scroll request.
    pub view: ViewState,
    /// The find bar, when open.
    pub find: Option<find::FindBar>,
    /// The claims list: its status filter and text search, its rows and counts (derived).
    pub claims_list: claims_list::ClaimsList,
    /// The suggestions listed for this text (the worker that scores them is app-wide).
    pub suggestions: suggestions::SuggestionList,
    /// "Checked before": what the archive is searched for and its matches.
    pub checked_before: checked_before::CheckedBefore,
    /// File → Compare with…: the other review and the figures, while shown.
    pub comparison: Option<comparison::ComparisonView>,
    /// File → Update article text…: the review of how the claims follow a new text, while open.
    pub update: Option<Box<update::UpdateReview>>,
    /// When the recovery file was last written, and where.
    pub(crate) autosave: autosave::Autosave,
    /// The transcript of the article, if it is one: (article generation, speakers).
    transcript: Option<(u64, Option<Arc<Transcript>>)>,
}

impl OpenReview {
    /// Opens `doc`: every feature starts afresh.
    pub fn new(doc: Document) -> Self {
        Self {
            doc,
            view: ViewState::default(),
            find: None,
            claims_list: claims_list::ClaimsList::default(),
            suggestions: suggestions::SuggestionList::default(),
            checked_before: checked_before::CheckedBefore::default(),
            comparison: None,
            update: None,
            autosave: autosave::Autosave::default(),
            transcript: None,
        }
    }

    /// The document: the review, its file, its history (read-only).
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The review.
    pub fn review(&self) -> &Review {
        self.doc.review()
    }

    /// The transcript of the article, if it is one (detected once per article text).
    pub fn transcript(&mut self) -> Option<Arc<Transcript>> {
        let generation = self.doc.article_generation();
        match &self.transcript {
            Some((g, t)) if *g == generation => t.clone(),
            _ => {
                let t = detect_transcript(self.doc.review().article.text()).map(Arc::new);
                self.transcript = Some((generation, t.clone()));
                t
            }
        }
    }

    /// Keeps the transcript the suggestion worker found for article text `generation`.
    pub(crate) fn set_transcript(&mut self, generation: u64, t: Option<Transcript>) {
        self.transcript = Some((generation, t.map(Arc::new)));
    }

    /// The speakers of the article, when it is a transcript already detected (in order of
    /// first appearance).
    pub fn speakers(&self) -> Vec<&str> {
        match &self.transcript {
            Some((g, Some(t))) if *g == self.doc.article_generation() => {
                t.speakers.iter().map(|s| s.name.as_str()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Once a frame, before drawing: brings the derived data (the claims list and its search,
    /// the comparison) up to date with the review. A steady frame compares a few numbers.
    pub(crate) fn refresh(&mut self) {
        let Self {
            doc,
            claims_list,
            comparison,
            ..
        } = self;
        claims_list.refresh(doc);
        if let Some(view) = comparison
            && !view.refresh(doc)
        {
            // The article was updated meanwhile: the comparison no longer applies.
            *comparison = None;
        }
    }

    /// True while the article-update review waits for the analyst.
    pub fn update_open(&self) -> bool {
        self.update.is_some()
    }
}
