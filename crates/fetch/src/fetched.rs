//! A fetched page: its bytes and the provenance a review keeps (the final address, the time, the
//! SHA-256), the server's `Content-Type`, and the questions an importer asks of it (is it a web
//! page? in which encoding?).

use sha2::{Digest, Sha256};

use crate::charset::{CharsetDecision, html_charset, text_charset};
use crate::media::{ContentType, WebKind, sniff_web_kind};

/// What [`fetch`](crate::fetch) got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The address requested, as normalised from what the user typed
    /// (`https://example.com/story`).
    pub requested: String,
    /// The address the page came from, after redirects (the article's address for the review).
    pub address: String,
    /// Every address that redirected, in order, starting with [`requested`](Self::requested);
    /// empty when the first address answered. The last one redirected to
    /// [`address`](Self::address).
    pub redirects: Vec<String>,
    /// The HTTP status (2xx).
    pub status: u16,
    /// The server's `Content-Type`, if it sent one that parses.
    pub content_type: Option<ContentType>,
    /// The body, decompressed, as the server sent it (not decoded to text).
    pub bytes: Vec<u8>,
    /// When the page was fetched: RFC 3339, UTC, to the second (`2026-05-01T09:30:00Z`).
    pub fetched_at: String,
    /// SHA-256 of [`bytes`](Self::bytes), lower-case hex.
    pub sha256: String,
}

impl Fetched {
    /// The kind of web page this is: from the `Content-Type` (`text/html` and
    /// `application/xhtml+xml` are HTML, `text/plain` is text), or, when the server sent no
    /// type, from the first bytes. `None` for anything else (a PDF, an image, a download).
    pub fn web_kind(&self) -> Option<WebKind> {
        match &self.content_type {
            Some(ct) => ct.web_kind(),
            None => sniff_web_kind(&self.bytes),
        }
    }

    /// True for HTML, XHTML and plain text; false for documents and other files, which the
    /// caller may still accept (see [`Accept::Anything`](crate::Accept::Anything)).
    pub fn is_web_page(&self) -> bool {
        self.web_kind().is_some()
    }

    /// The media type (`text/html`), or `None` when the server sent none.
    pub fn media_type(&self) -> Option<&str> {
        self.content_type.as_ref().map(|ct| ct.media_type.as_str())
    }

    /// The `charset` of the HTTP `Content-Type`, as given.
    pub fn header_charset(&self) -> Option<&str> {
        self.content_type.as_ref()?.charset.as_deref()
    }

    /// The encoding of the bytes as far as the page and the server say: for HTML, a byte order
    /// mark, else the header's charset, else a `<meta>` declaration in the first 1024 bytes
    /// (the HTML Standard's order); for anything else, a byte order mark, else the header's
    /// charset. `None`: nobody says, and the importer detects it (valid UTF-8, else a guess).
    pub fn charset(&self) -> Option<CharsetDecision> {
        match self.web_kind() {
            Some(WebKind::Html) => html_charset(&self.bytes, self.header_charset()),
            _ => text_charset(&self.bytes, self.header_charset()),
        }
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charset::CharsetSource;

    fn page(content_type: Option<&str>, bytes: &[u8]) -> Fetched {
        Fetched {
            requested: "https://example.com/".into(),
            address: "https://example.com/".into(),
            redirects: Vec::new(),
            status: 200,
            content_type: content_type.and_then(ContentType::parse),
            bytes: bytes.to_vec(),
            fetched_at: "2026-05-01T09:30:00Z".into(),
            sha256: sha256_hex(bytes),
        }
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn web_page_or_not_by_type_or_by_first_bytes() {
        assert!(page(Some("text/html"), b"x").is_web_page());
        assert!(!page(Some("application/pdf"), b"%PDF-1.7").is_web_page());
        assert_eq!(
            page(None, b"<!doctype html><p>x").web_kind(),
            Some(WebKind::Html)
        );
        assert!(!page(None, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_web_page());
        assert_eq!(
            page(Some("image/png"), b"x").media_type(),
            Some("image/png")
        );
    }

    #[test]
    fn charset_follows_the_html_order_for_html_only() {
        let html = page(Some("text/html"), b"<meta charset=koi8-r>");
        let decided = html.charset().unwrap();
        assert_eq!(
            (decided.encoding.name(), decided.source),
            ("KOI8-R", CharsetSource::Meta)
        );
        let text = page(Some("text/plain"), b"<meta charset=koi8-r>");
        assert_eq!(text.charset(), None);
        let text = page(Some("text/plain; charset=iso-8859-2"), b"x");
        assert_eq!(text.charset().unwrap().encoding.name(), "ISO-8859-2");
    }
}
