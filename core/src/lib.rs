//! Claimdesk's core: the review model, text anchors, the project format, imports and exports.
//!
//! **Architecture invariant:** nothing here knows about egui or any GUI. The desktop app, the CLI
//! and the benchmarks all use this crate the same way.
//!
//! Offsets everywhere are Unicode scalar values (Rust `char`s) into the normalised article text,
//! half-open `[start, end)`.

pub mod anchor;
pub mod archive;
pub mod atomic;
pub mod bidi;
pub mod claim_search;
pub mod compare;
pub mod export;
pub mod fields;
pub mod fonts;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub mod history;
pub mod import;
pub mod merge;
pub mod model;
pub mod motion;
pub mod reanchor;
pub mod sentences;
pub mod status;
pub mod status_history;
pub mod suggest;
#[doc(hidden)]
pub mod synthetic;
pub mod text;
pub mod transcript;
pub mod verdict;

pub use model::{
    Article, ArticleVersion, Claim, ClaimId, ClaimStatus, Evidence, Review, ReviewDetails, Span,
};
