//! The window, driven like a user would in egui_kittest: pointer and keys in, the workbench's
//! state and saved files checked. One test binary for every UI suite (one link instead of
//! eleven: each binary carries egui, typst and tantivy); each module is one suite.

#[path = "../common/mod.rs"]
mod common;

mod article_accessibility;
mod caret_page_keys;
mod checked_before;
mod claims_list_keys;
mod review_keys;
mod right_to_left;
mod safety;
mod suggestions;
mod team;
mod workbench;
mod workbench_factcheck;
mod workbench_import;
