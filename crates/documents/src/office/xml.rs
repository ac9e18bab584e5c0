//! The XML parts of Word and OpenDocument files walked as a stream of elements and text, with
//! namespaces resolved and nesting bounded. A visitor sees each element open and close and
//! the text between, and may skip an element with everything inside it.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::ReadError;

/// Deepest element nesting read; real documents stay far below (tables in tables: ~30).
pub(crate) const MAX_DEPTH: usize = 256;

/// The namespaces the readers look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML (`w:`), transitional or strict.
    Word,
    /// Markup compatibility (`mc:`): `AlternateContent`, `Choice`, `Fallback`.
    Compatibility,
    /// OpenDocument text (`text:`).
    Text,
    /// OpenDocument tables (`table:`).
    Table,
    /// OpenDocument office (`office:`).
    Office,
    /// OpenDocument drawing (`draw:`).
    Draw,
    /// OpenDocument styles (`style:`).
    Style,
    /// OpenDocument metadata (`meta:`).
    Meta,
    /// Dublin Core elements (`dc:`).
    DublinCore,
    /// Dublin Core terms (`dcterms:`).
    DublinTerms,
    /// SVG inside OpenDocument (`svg:`): titles and descriptions of drawings.
    Svg,
    /// Anything else.
    Other,
}

impl Ns {
    fn of(uri: &str) -> Ns {
        match uri {
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::Word,
            "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Compatibility,
            "urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
            "urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
            "urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
            "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
            "urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::Style,
            "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" => Ns::Meta,
            "http://purl.org/dc/elements/1.1/" => Ns::DublinCore,
            "http://purl.org/dc/terms/" => Ns::DublinTerms,
            "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" => Ns::Svg,
            _ => Ns::Other,
        }
    }
}

/// An element as it opens.
pub(crate) struct Element<'a, 'x> {
    /// Its namespace.
    pub ns: Ns,
    /// Its local name (`p`, `tbl`, `note-citation`).
    pub local: &'a str,
    start: &'a BytesStart<'x>,
}

impl Element<'_, '_> {
    /// The value of the attribute with local name `local` (any prefix), unescaped.
    pub fn attr(&self, local: &str) -> Option<String> {
        self.start
            .attributes()
            .with_checks(false)
            .flatten()
            .find(|a| a.key.local_name().as_ref() == local)
            .and_then(|a| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(Cow::into_owned)
            })
    }
}

/// What to do with an element that opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Visit {
    /// Read its content.
    Enter,
    /// Leave it out with everything inside it (no `close` call follows).
    Skip,
}

/// Receives a part's elements and text in document order.
pub(crate) trait Visitor {
    /// An element opens (empty elements open and close).
    fn open(&mut self, element: &Element) -> Visit;
    /// An entered element closes.
    fn close(&mut self, ns: Ns, local: &str);
    /// Character data (references already expanded, line ends normalised).
    fn text(&mut self, text: &str);
}

/// Walks the XML part `part` (for messages) of a `kind` file.
pub(crate) fn walk(
    xml: &[u8],
    part: &str,
    kind: &'static str,
    visitor: &mut impl Visitor,
) -> Result<(), ReadError> {
    let broken = |detail: String| ReadError::Broken { kind, detail };
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let xml = std::str::from_utf8(xml).map_err(|_| broken(format!("{part} is not UTF-8 text")))?;
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut depth = 0usize;
    let mut skip_from: Option<usize> = None;
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| broken(format!("{part} is not well-formed XML ({e})")))?;
        let ns = match ns {
            ResolveResult::Bound(uri) => Ns::of(uri.into_inner()),
            _ => Ns::Other,
        };
        match event {
            Event::Start(start) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(broken(format!(
                        "{part} nests elements more than {MAX_DEPTH} levels deep"
                    )));
                }
                if skip_from.is_none() {
                    let local = start.local_name();
                    let element = Element {
                        ns,
                        local: local.as_ref(),
                        start: &start,
                    };
                    if visitor.open(&element) == Visit::Skip {
                        skip_from = Some(depth);
                    }
                }
            }
            Event::End(end) => {
                match skip_from {
                    Some(d) if d == depth => skip_from = None,
                    Some(_) => {}
                    None => visitor.close(ns, end.local_name().as_ref()),
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) if skip_from.is_none() => visitor.text(&text.xml10_content()),
            Event::CData(data) if skip_from.is_none() => {
                visitor.text(&data.into_inner());
            }
            Event::GeneralRef(reference) if skip_from.is_none() => {
                if let Some(c) = expand_reference(&reference) {
                    let mut buf = [0u8; 4];
                    visitor.text(c.encode_utf8(&mut buf));
                }
            }
            Event::Eof if depth > 0 => {
                return Err(broken(format!("{part} ends before its elements close")));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The character of a predefined entity or character reference; `None` for others (an XML
/// document without a DTD has no others, and DTDs are not read).
fn expand_reference(reference: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c);
    }
    match &**reference {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Trace(Vec<String>);

    impl Visitor for Trace {
        fn open(&mut self, e: &Element) -> Visit {
            self.0.push(format!("<{}:{:?}", e.local, e.attr("val")));
            if e.local == "skip" {
                Visit::Skip
            } else {
                Visit::Enter
            }
        }
        fn close(&mut self, _: Ns, local: &str) {
            self.0.push(format!(">{local}"));
        }
        fn text(&mut self, text: &str) {
            self.0.push(text.to_owned());
        }
    }

    #[test]
    fn elements_text_references_and_skipping() {
        let xml = br#"<?xml version="1.0"?><a xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:b w:val="x &amp; y"/>1 &lt; 2&#x263A;<skip><c>gone</c></skip><![CDATA[<raw>]]></a>"#;
        let mut trace = Trace::default();
        walk(xml, "t.xml", "test", &mut trace).unwrap();
        assert_eq!(
            trace.0,
            [
                "<a:None",
                "<b:Some(\"x & y\")",
                ">b",
                "1 ",
                "<",
                " 2",
                "☺",
                "<skip:None",
                "<raw>",
                ">a"
            ]
        );
    }

    #[test]
    fn malformed_and_deep_xml_are_broken() {
        for xml in [&b"<a><b></a>"[..], b"<a>", b"\xFF\xFE<a/>", b"<a></b>"] {
            let err = walk(xml, "t.xml", "test", &mut Trace::default());
            assert!(
                matches!(err, Err(ReadError::Broken { .. })),
                "{xml:?}: {err:?}"
            );
        }
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        let err = walk(deep.as_bytes(), "t.xml", "test", &mut Trace::default()).unwrap_err();
        assert!(err.to_string().contains("levels deep"), "{err}");
        let ok = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert!(walk(ok.as_bytes(), "t.xml", "test", &mut Trace::default()).is_ok());
    }
}
