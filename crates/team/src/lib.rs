//! Team review: two analysts' reviews of one article compared ([`compare`]: which claims pair
//! up, and agreement figures) and merged ([`merge`]: the three-way merge behind
//! `claimdesk merge` and the git merge driver).
//!
//! **Architecture invariant:** depends only on `claimdesk-model` among Claimdesk crates. A
//! merge never loses a change made on one side only, including fields this version does not
//! know (the `extra` maps).

pub mod compare;
pub mod merge;
