//! What a Word or OpenDocument file says about itself: title, author, date and language from
//! `docProps/core.xml` (Word) or `meta.xml` (OpenDocument).

use crate::DocumentFacts;
use crate::ReadError;

use super::xml::{Element, Ns, Visit, Visitor, walk};

/// The properties a reader asks for, by element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Property {
    Title,
    Creator,
    InitialCreator,
    Created,
    Modified,
    Language,
}

/// Collects the text of the property elements.
#[derive(Default)]
struct Collector {
    current: Option<Property>,
    found: Vec<(Property, String)>,
}

impl Visitor for Collector {
    fn open(&mut self, e: &Element) -> Visit {
        self.current = match (e.ns, e.local) {
            (Ns::DublinCore, "title") => Some(Property::Title),
            (Ns::DublinCore, "creator") => Some(Property::Creator),
            (Ns::Meta, "initial-creator") => Some(Property::InitialCreator),
            (Ns::DublinTerms, "created") | (Ns::Meta, "creation-date") => Some(Property::Created),
            (Ns::DublinTerms, "modified") | (Ns::DublinCore, "date") => Some(Property::Modified),
            (Ns::DublinCore, "language") => Some(Property::Language),
            _ => None,
        };
        if let Some(p) = self.current {
            self.found.push((p, String::new()));
        }
        Visit::Enter
    }

    fn close(&mut self, _: Ns, _: &str) {
        self.current = None;
    }

    fn text(&mut self, text: &str) {
        if self.current.is_some()
            && let Some((_, value)) = self.found.last_mut()
        {
            value.push_str(text);
        }
    }
}

/// The facts in a properties part (`core.xml` or `meta.xml`). The author is the document's
/// first author (OpenDocument's initial creator, else its creator); the date is when it was
/// created, else last modified.
pub(crate) fn read_properties(
    xml: &[u8],
    part: &str,
    kind: &'static str,
) -> Result<DocumentFacts, ReadError> {
    let mut collector = Collector::default();
    walk(xml, part, kind, &mut collector)?;
    let first = |wanted: &[Property], accept: fn(&str) -> bool| {
        wanted.iter().find_map(|w| {
            collector
                .found
                .iter()
                .filter(|(p, _)| p == w)
                .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .find(|v| !v.is_empty() && accept(v))
        })
    };
    let any = |_: &str| true;
    Ok(DocumentFacts {
        title: first(&[Property::Title], any),
        author: first(&[Property::InitialCreator, Property::Creator], any),
        date: first(&[Property::Created, Property::Modified], is_iso_date),
        language: first(&[Property::Language], any),
    })
}

/// True for an ISO 8601 date or date-time: `YYYY-MM-DD`, maybe followed by `T…`.
fn is_iso_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && (b.len() == 10 || b[10] == b'T')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_core_properties() {
        let xml = br#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title> Budget   2024 </dc:title><dc:creator>Ana Ruiz</dc:creator><cp:lastModifiedBy>Bob</cp:lastModifiedBy><dcterms:created>2024-03-01T09:00:00Z</dcterms:created><dcterms:modified>2024-03-02T09:00:00Z</dcterms:modified></cp:coreProperties>"#;
        let facts = read_properties(xml, "core.xml", "t").unwrap();
        assert_eq!(facts.title.as_deref(), Some("Budget 2024"));
        assert_eq!(facts.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(facts.date.as_deref(), Some("2024-03-01T09:00:00Z"));
        assert_eq!(facts.language, None);
    }

    #[test]
    fn opendocument_meta_and_bad_dates() {
        let xml = br#"<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title></dc:title><meta:initial-creator>Ana</meta:initial-creator><dc:creator>Bob</dc:creator><meta:creation-date>last tuesday</meta:creation-date><dc:date>2024-05-06T07:08:09.123456789</dc:date><dc:language>fr-FR</dc:language></office:meta></office:document-meta>"#;
        let facts = read_properties(xml, "meta.xml", "t").unwrap();
        assert_eq!(facts.title, None);
        assert_eq!(facts.author.as_deref(), Some("Ana"));
        assert_eq!(
            facts.date.as_deref(),
            Some("2024-05-06T07:08:09.123456789"),
            "the creation date is unreadable: the last change's date instead"
        );
        assert_eq!(facts.language.as_deref(), Some("fr-FR"));
        assert!(is_iso_date("2024-05-06"));
        assert!(!is_iso_date("2024-5-6"));
    }
}
