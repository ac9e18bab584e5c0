//! Which encoding a fetched page's bytes are in, as far as the page and the server say: the
//! HTML Standard's order (§13.2.3, "determining the character encoding") — a byte order mark,
//! then the HTTP header's `charset`, then a `<meta>` declaration in the first 1024 bytes.
//!
//! When none of them says anything, the importer's own detection decides (valid UTF-8, else a
//! guess), as it does for saved files.

use encoding_rs::Encoding;

use crate::prescan::meta_charset;

/// Where an encoding decision came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte order mark at the start of the bytes (UTF-8, UTF-16LE, UTF-16BE).
    Bom,
    /// The `charset` parameter of the HTTP `Content-Type` header.
    Header,
    /// A `<meta charset>` or `<meta http-equiv=content-type>` in the page's first 1024 bytes.
    Meta,
}

/// An encoding and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharsetDecision {
    /// The encoding (its WHATWG name is `encoding.name()`).
    pub encoding: &'static Encoding,
    /// Who said so.
    pub source: CharsetSource,
}

/// The encoding of HTML bytes: a byte order mark, else the HTTP header's charset (when it is a
/// label the Encoding Standard knows), else a `<meta>` declaration found by the HTML Standard's
/// prescan. `None` when none of them says: the caller detects the encoding itself.
pub fn html_charset(bytes: &[u8], header_charset: Option<&str>) -> Option<CharsetDecision> {
    text_charset(bytes, header_charset).or_else(|| {
        meta_charset(bytes).map(|encoding| CharsetDecision {
            encoding,
            source: CharsetSource::Meta,
        })
    })
}

/// The encoding of plain-text bytes: a byte order mark, else the HTTP header's charset. `None`
/// when neither says.
pub fn text_charset(bytes: &[u8], header_charset: Option<&str>) -> Option<CharsetDecision> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Some(CharsetDecision {
            encoding,
            source: CharsetSource::Bom,
        });
    }
    let encoding = Encoding::for_label(header_charset?.trim().as_bytes())?;
    Some(CharsetDecision {
        encoding,
        source: CharsetSource::Header,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(bytes: &[u8], header: Option<&str>) -> Option<(&'static str, CharsetSource)> {
        html_charset(bytes, header).map(|d| (d.encoding.name(), d.source))
    }

    #[test]
    fn bom_beats_header_beats_meta() {
        let page = b"<meta charset=koi8-r><p>x";
        assert_eq!(decide(page, None), Some(("KOI8-R", CharsetSource::Meta)));
        assert_eq!(
            decide(page, Some("windows-1252")),
            Some(("windows-1252", CharsetSource::Header))
        );
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), page].concat();
        assert_eq!(
            decide(&with_bom, Some("windows-1252")),
            Some(("UTF-8", CharsetSource::Bom))
        );
        assert_eq!(
            decide(b"\xFF\xFE<\0p\0>\0", Some("iso-8859-2")),
            Some(("UTF-16LE", CharsetSource::Bom))
        );
    }

    #[test]
    fn an_unknown_header_label_falls_through_to_the_page() {
        assert_eq!(
            decide(b"<meta charset=iso-8859-7>", Some("no-such-charset")),
            Some(("ISO-8859-7", CharsetSource::Meta))
        );
        assert_eq!(decide(b"<p>nothing declared</p>", Some("")), None);
        assert_eq!(decide(b"<p>nothing declared</p>", None), None);
    }

    #[test]
    fn plain_text_ignores_meta_tags() {
        let text = b"<meta charset=koi8-r> is how a page declares KOI8-R";
        assert_eq!(text_charset(text, None), None);
        assert_eq!(
            text_charset(text, Some(" Latin1 ")).map(|d| d.encoding.name()),
            Some("windows-1252")
        );
    }
}
