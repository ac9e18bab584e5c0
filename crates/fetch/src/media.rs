//! The HTTP `Content-Type`: its media type and `charset` parameter, and whether it names a web
//! page (HTML, XHTML or plain text) or something else (a PDF, an image, a download).

/// A parsed `Content-Type` header value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentType {
    /// The media type in lower case, without parameters (`text/html`).
    pub media_type: String,
    /// The `charset` parameter as given, unquoted and trimmed (`windows-1252`), if any.
    pub charset: Option<String>,
}

/// What kind of web page a response is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebKind {
    /// `text/html` or `application/xhtml+xml`.
    Html,
    /// `text/plain`.
    PlainText,
}

impl ContentType {
    /// Parses a header value such as `text/html; charset="UTF-8"`. `None` when it names no
    /// `type/subtype`.
    pub fn parse(value: &str) -> Option<ContentType> {
        let mut parts = value.split(';');
        let media_type = parts.next()?.trim().to_ascii_lowercase();
        let (kind, sub) = media_type.split_once('/')?;
        if kind.is_empty() || sub.is_empty() || media_type.contains(char::is_whitespace) {
            return None;
        }
        let charset = parts.find_map(|param| {
            let (name, value) = param.split_once('=')?;
            if !name.trim().eq_ignore_ascii_case("charset") {
                return None;
            }
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value)
                .trim();
            (!value.is_empty()).then(|| value.to_owned())
        });
        Some(ContentType {
            media_type,
            charset,
        })
    }

    /// The kind of web page this type names, or `None` for anything else.
    pub fn web_kind(&self) -> Option<WebKind> {
        match self.media_type.as_str() {
            "text/html" | "application/xhtml+xml" => Some(WebKind::Html),
            "text/plain" => Some(WebKind::PlainText),
            _ => None,
        }
    }
}

/// The kind of a response without a `Content-Type`, judged from its first bytes: HTML when it
/// starts (after a byte order mark and whitespace) with `<!doctype html`, `<html`, `<head`,
/// `<body` or `<!--`; plain text when its first 1024 bytes have no NUL byte; else `None`.
pub fn sniff_web_kind(bytes: &[u8]) -> Option<WebKind> {
    let start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start();
    let head: Vec<u8> = start.iter().take(16).map(u8::to_ascii_lowercase).collect();
    let html_starts: [&[u8]; 5] = [b"<!doctype html", b"<html", b"<head", b"<body", b"<!--"];
    if html_starts.iter().any(|s| head.starts_with(s)) {
        return Some(WebKind::Html);
    }
    let first = &bytes[..bytes.len().min(1024)];
    (!first.contains(&0)).then_some(WebKind::PlainText)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ct(value: &str) -> ContentType {
        ContentType::parse(value).unwrap_or_else(|| panic!("{value}"))
    }

    #[test]
    fn media_type_and_charset_are_separated() {
        let c = ct("Text/HTML; Charset=\"windows-1252\"");
        assert_eq!(c.media_type, "text/html");
        assert_eq!(c.charset.as_deref(), Some("windows-1252"));
        let c = ct("text/plain;format=flowed; charset = utf-8 ");
        assert_eq!(c.charset.as_deref(), Some("utf-8"));
        assert_eq!(ct("application/pdf").charset, None);
        assert_eq!(ct("text/html; charset=").charset, None);
        assert_eq!(ContentType::parse("html"), None);
        assert_eq!(ContentType::parse(""), None);
        assert_eq!(ContentType::parse("text/"), None);
    }

    #[test]
    fn only_html_xhtml_and_plain_text_are_web_pages() {
        assert_eq!(ct("text/html").web_kind(), Some(WebKind::Html));
        assert_eq!(ct("application/xhtml+xml").web_kind(), Some(WebKind::Html));
        assert_eq!(ct("text/plain").web_kind(), Some(WebKind::PlainText));
        for other in [
            "application/pdf",
            "image/png",
            "application/octet-stream",
            "text/css",
        ] {
            assert_eq!(ct(other).web_kind(), None, "{other}");
        }
    }

    #[test]
    fn a_response_without_type_is_sniffed() {
        assert_eq!(
            sniff_web_kind(b"\xEF\xBB\xBF \n<!DOCTYPE html><p>x"),
            Some(WebKind::Html)
        );
        assert_eq!(sniff_web_kind(b"<HTML>"), Some(WebKind::Html));
        assert_eq!(sniff_web_kind(b"Just words."), Some(WebKind::PlainText));
        assert_eq!(sniff_web_kind(b"%PDF-1.7\n\0\0"), None);
    }
}
