//! The text fields of a claim and of an evidence entry, by name: one command, one editor path
//! and one undo-coalescing key serve them all. Adding a text field to [`Claim`] means adding it
//! here (see ARCHITECTURE.md, "Add a claim field").

use crate::claim::{Claim, ClaimId};
use crate::evidence::Evidence;

/// One free-text field of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimField {
    /// The verdict in words ("False", "Misleading"…).
    Verdict,
    /// Who made the claim.
    Claimant,
    /// When the claim was made.
    ClaimDate,
    /// The short summary for ClaimReview.
    Summary,
    /// The analyst's note.
    Note,
}

impl ClaimField {
    /// All fields, in the order the editor shows them.
    pub const ALL: [ClaimField; 5] = [
        ClaimField::Verdict,
        ClaimField::Claimant,
        ClaimField::ClaimDate,
        ClaimField::Summary,
        ClaimField::Note,
    ];

    /// In words, for undo labels ("claim date").
    pub fn name(self) -> &'static str {
        match self {
            ClaimField::Verdict => "verdict",
            ClaimField::Claimant => "claimant",
            ClaimField::ClaimDate => "claim date",
            ClaimField::Summary => "summary",
            ClaimField::Note => "note",
        }
    }

    /// The field in `claim`.
    pub fn of(self, claim: &mut Claim) -> &mut String {
        match self {
            ClaimField::Verdict => &mut claim.verdict,
            ClaimField::Claimant => &mut claim.claimant,
            ClaimField::ClaimDate => &mut claim.claim_date,
            ClaimField::Summary => &mut claim.summary,
            ClaimField::Note => &mut claim.note,
        }
    }

    /// The field's current text.
    pub fn get(self, claim: &Claim) -> &str {
        match self {
            ClaimField::Verdict => &claim.verdict,
            ClaimField::Claimant => &claim.claimant,
            ClaimField::ClaimDate => &claim.claim_date,
            ClaimField::Summary => &claim.summary,
            ClaimField::Note => &claim.note,
        }
    }
}

/// One text field of an evidence entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceField {
    /// Where the source is.
    Url,
    /// The source's title.
    Title,
    /// The quoted passage.
    Excerpt,
    /// When the source was consulted.
    Accessed,
    /// The analyst's note on it.
    Note,
}

impl EvidenceField {
    /// All fields, in the order the editor shows them.
    pub const ALL: [EvidenceField; 5] = [
        EvidenceField::Url,
        EvidenceField::Title,
        EvidenceField::Excerpt,
        EvidenceField::Accessed,
        EvidenceField::Note,
    ];

    /// A short identifier, used in undo labels.
    pub fn key(self) -> &'static str {
        match self {
            EvidenceField::Url => "url",
            EvidenceField::Title => "title",
            EvidenceField::Excerpt => "excerpt",
            EvidenceField::Accessed => "accessed",
            EvidenceField::Note => "note",
        }
    }

    /// The field in `evidence`.
    pub fn of(self, evidence: &mut Evidence) -> &mut String {
        match self {
            EvidenceField::Url => &mut evidence.url,
            EvidenceField::Title => &mut evidence.title,
            EvidenceField::Excerpt => &mut evidence.excerpt,
            EvidenceField::Accessed => &mut evidence.accessed,
            EvidenceField::Note => &mut evidence.note,
        }
    }

    /// The field's current text.
    pub fn get(self, evidence: &Evidence) -> &str {
        match self {
            EvidenceField::Url => &evidence.url,
            EvidenceField::Title => &evidence.title,
            EvidenceField::Excerpt => &evidence.excerpt,
            EvidenceField::Accessed => &evidence.accessed,
            EvidenceField::Note => &evidence.note,
        }
    }
}

/// What a run of typing edits: undo steps with the same key, made without a pause, merge
/// into one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypingKey {
    /// A text field of a claim.
    Claim(ClaimId, ClaimField),
    /// A text field of a claim's evidence entry (by position).
    Evidence(ClaimId, usize, EvidenceField),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::span::Span;
    use crate::status::ClaimStatus;

    #[test]
    fn every_evidence_field_reads_what_it_writes() {
        let mut e = Evidence::default();
        for f in EvidenceField::ALL {
            *f.of(&mut e) = f.key().to_owned();
        }
        for f in EvidenceField::ALL {
            assert_eq!(f.get(&e), f.key());
        }
    }

    #[test]
    fn every_claim_field_reads_what_it_writes() {
        let article = Article::new("t", "", "Libya is not to blame.".into());
        let mut claim = Claim::new(&article, Span::new(0, 5), ClaimStatus::Disputed);
        for f in ClaimField::ALL {
            *f.of(&mut claim) = f.name().to_owned();
        }
        for f in ClaimField::ALL {
            assert_eq!(f.get(&claim), f.name());
        }
        assert_eq!(claim.claim_date, "claim date");
        assert_eq!(claim.quote, "Libya", "only the text fields change");
    }
}
