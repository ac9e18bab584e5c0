//! Fields of a file that this version does not know, kept as they were and written back.

use std::collections::BTreeMap;

/// Fields of a file that this version does not know; kept as they were and written back.
pub type Extra = BTreeMap<String, serde_json::Value>;
