//! A source cited for or against a claim.

use serde::{Deserialize, Serialize};

use crate::extra::Extra;

/// One source cited for or against a claim. Every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// Where the source is; shown as a link only if it is http or https.
    pub url: String,
    /// The source's title.
    pub title: String,
    /// The relevant passage, quoted.
    pub excerpt: String,
    /// When the source was consulted (a date such as `2026-11-28`), as the analyst typed it.
    pub accessed: String,
    /// The analyst's note on the source.
    pub note: String,
    /// Unknown fields of this entry, preserved.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Evidence {
    /// True if no field is filled in.
    pub fn is_blank(&self) -> bool {
        [
            &self.url,
            &self.title,
            &self.excerpt,
            &self.accessed,
            &self.note,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_evidence_is_detected() {
        assert!(Evidence::default().is_blank());
        let e = Evidence {
            title: "UNHCR".into(),
            ..Evidence::default()
        };
        assert!(!e.is_blank());
    }
}
