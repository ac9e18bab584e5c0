//! Claimdesk's model: a review of an article — the article text, the claims marked in it and
//! what a review keeps beside them — with the text offsets and anchors that tie claims to the
//! text, the `.claimdesk` file format, the edit history (undo/redo) and the status table.
//!
//! **Architecture invariant:** this crate is the bottom layer. It depends on serde and small
//! text and time libraries only: no GUI, no typst, no tantivy, no HTML or Markdown parser. Every
//! other Claimdesk crate depends on it; it depends on none of them. The types a review stores
//! (status changes, suggestion decisions, merge conflicts) are defined here, not in the crates
//! that make them.
//!
//! Offsets everywhere are Unicode scalar values (Rust `char`s) into the normalised article text,
//! half-open `[start, end)`.

pub mod anchor;
pub mod article;
pub mod atomic;
pub mod bidi;
pub mod claim;
pub mod details;
pub mod evidence;
pub mod extra;
pub mod fields;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub mod history;
pub mod media_time;
pub mod merge_conflict;
pub mod motion;
pub mod origin;
pub mod review;
pub mod sentences;
pub mod span;
pub mod status;
pub mod status_change;
pub mod status_history;
pub mod suggestion_decision;
#[doc(hidden)]
pub mod synthetic;
pub mod text;
pub mod timestamp;
pub mod transcript;
pub mod verdict;

pub use article::{Article, ArticleParts, ArticleVersion, sha256_hex};
pub use claim::{CONTEXT_CHARS, Claim, ClaimId};
pub use details::ReviewDetails;
pub use evidence::Evidence;
pub use extra::Extra;
pub use merge_conflict::MergeConflict;
pub use origin::{ArticleOrigin, MediaTime};
pub use review::{Review, ReviewParts};
pub use span::Span;
pub use status::ClaimStatus;
pub use timestamp::Timestamp;
