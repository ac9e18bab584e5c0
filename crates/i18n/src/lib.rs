//! Claimdesk in the newsroom's language: the message catalogues of the window and the reports
//! (Project Fluent, one `.ftl` file per language in `locales/`), the list of languages, choosing
//! one from the desktop's locale, and numbers and dates in each language's form.
//!
//! ```
//! use claimdesk_i18n::{Language, Tr};
//! let es = Tr::new(Language::from_tag("es-MX").unwrap());
//! assert_eq!(es.with("report-claim-count", &[("count", 3usize.into())]), "3 afirmaciones");
//! assert_eq!(Tr::new(Language::ENGLISH).text("report-summary"), "Summary");
//! ```
//!
//! **Architecture invariant:** depends on no other Claimdesk crate: the model, the reports and
//! the app all ask it for words. Message ids are string literals in the code (`"report-summary"`),
//! never built with `format!`, so a test can find every id the code uses and check that every
//! catalogue has exactly those (see `tests/catalogues.rs` at the workspace root).
//!
//! Adding a language: one catalogue (`locales/<tag>.ftl`, every message of `en.ftl`), one
//! glossary (`docs/src/glossary/<tag>.md`) and one line in [`language::LANGUAGES`].

mod catalog;
mod dates;
pub mod language;
mod numbers;

pub use catalog::{Arg, Tr, message_ids};
pub use dates::{DateParts, TimeParts};
pub use language::{Direction, LANGUAGES, Language, LanguageInfo, UnknownLanguage};
