//! The HTML Standard's prescan (§13.2.3.2, "prescan a byte stream to determine its encoding"):
//! the `<meta charset>` or `<meta http-equiv=content-type content="…; charset=…">` in the first
//! 1024 bytes of a page, skipping comments, other tags and their attributes as a browser does.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes of a page the prescan looks at.
pub const PRESCAN_BYTES: usize = 1024;

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The encoding the page's first 1024 bytes declare in a `<meta>` tag, as the HTML Standard's
/// prescan finds it: a UTF-16 declaration means UTF-8 and `x-user-defined` means windows-1252,
/// as in browsers. `None` when nothing usable is declared.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let input = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut pos = 0;
    while pos < input.len() {
        let rest = &input[pos..];
        if rest.starts_with(b"<!--") {
            pos += 2 + find(&rest[2..], b"-->")? + 3;
        } else if starts_with_meta(rest) {
            let (found, next) = meta_element(input, pos + 5)?;
            if let Some(encoding) = found {
                return Some(encoding);
            }
            pos = next;
        } else if starts_tag(rest) {
            pos += rest
                .iter()
                .position(|&b| is_space(b) || b == b'>')
                .unwrap_or(rest.len());
            while let Some((_, _, next)) = attribute(input, pos)? {
                pos = next;
            }
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += find(rest, b">")? + 1;
        } else {
            pos += 1;
        }
    }
    None
}

/// `<meta` followed by a space or `/`, in any case.
fn starts_with_meta(rest: &[u8]) -> bool {
    rest.len() >= 6
        && rest[..5].eq_ignore_ascii_case(b"<meta")
        && (is_space(rest[5]) || rest[5] == b'/')
}

/// `<` or `</` followed by a letter: the start of some other tag.
fn starts_tag(rest: &[u8]) -> bool {
    let after = if rest.starts_with(b"</") { 2 } else { 1 };
    rest.first() == Some(&b'<') && rest.get(after).is_some_and(u8::is_ascii_alphabetic)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads the attributes of a `<meta>` element starting at `pos`. Returns the encoding it
/// declares (if it declares one that counts) and where scanning goes on; `None` when the input
/// ends first.
fn meta_element(input: &[u8], mut pos: usize) -> Option<(Option<&'static Encoding>, usize)> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value, next)) = attribute(input, pos)? {
        pos = next;
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(label) = charset_in_content(&value) {
                    charset = Some(Encoding::for_label(label));
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let counts = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    let encoding = charset.flatten().filter(|_| counts).map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else if e == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            e
        }
    });
    Some((encoding, pos))
}

/// An attribute's name and value (in lower case) and the position after it.
type Attribute = (Vec<u8>, Vec<u8>, usize);

/// One attribute at `pos` (the standard's "get an attribute"): `Some(None)` when the tag ends,
/// `None` when the input ends first.
fn attribute(input: &[u8], mut pos: usize) -> Option<Option<Attribute>> {
    while is_space(*input.get(pos)?) || input[pos] == b'/' {
        pos += 1;
    }
    if input[pos] == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    loop {
        let b = *input.get(pos)?;
        match b {
            b'=' if !name.is_empty() => {
                pos += 1;
                return attribute_value(input, pos, name).map(Some);
            }
            b'/' | b'>' => return Some(Some((name, Vec::new(), pos))),
            _ if is_space(b) => break,
            _ => name.push(b.to_ascii_lowercase()),
        }
        pos += 1;
    }
    while is_space(*input.get(pos)?) {
        pos += 1;
    }
    if input[pos] != b'=' {
        return Some(Some((name, Vec::new(), pos)));
    }
    attribute_value(input, pos + 1, name).map(Some)
}

/// The value after `=` (quoted or not); `None` when the input ends first.
fn attribute_value(input: &[u8], mut pos: usize, name: Vec<u8>) -> Option<Attribute> {
    while is_space(*input.get(pos)?) {
        pos += 1;
    }
    let mut value = Vec::new();
    let first = input[pos];
    if first == b'"' || first == b'\'' {
        pos += 1;
        loop {
            let b = *input.get(pos)?;
            pos += 1;
            if b == first {
                return Some((name, value, pos));
            }
            value.push(b.to_ascii_lowercase());
        }
    }
    if first == b'>' {
        return Some((name, value, pos));
    }
    loop {
        let b = *input.get(pos)?;
        if is_space(b) || b == b'>' {
            return Some((name, value, pos));
        }
        value.push(b.to_ascii_lowercase());
        pos += 1;
    }
}

/// The label after `charset=` in a `content` value (the standard's "extract a character
/// encoding from a meta element"); the value is already in lower case.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        pos += find(&content[pos..], b"charset")? + b"charset".len();
        let mut at = pos;
        while content.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        if content.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while content.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        let rest = &content[at..];
        return match rest.first()? {
            &q @ (b'"' | b'\'') => {
                let end = rest[1..].iter().position(|&b| b == q)?;
                Some(&rest[1..1 + end])
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                Some(&rest[..end])
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(html: &str) -> Option<&'static str> {
        meta_charset(html.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn meta_charset_and_http_equiv_are_found() {
        assert_eq!(name("<meta charset=iso-8859-2>"), Some("ISO-8859-2"));
        assert_eq!(name("<META CHARSET='Shift_JIS'>"), Some("Shift_JIS"));
        assert_eq!(
            name(
                "<html><head><meta http-equiv=\"Content-Type\" \
                 content=\"text/html; charset=windows-1251\"></head>"
            ),
            Some("windows-1251")
        );
        assert_eq!(
            name("<meta content='text/html;charset = \"koi8-r\"' http-equiv=content-type>"),
            Some("KOI8-R")
        );
    }

    #[test]
    fn a_content_charset_without_http_equiv_does_not_count() {
        assert_eq!(name("<meta content=\"text/html; charset=koi8-r\">"), None);
        assert_eq!(
            name("<meta name=description content=\"charset=koi8-r\">"),
            None
        );
    }

    #[test]
    fn comments_other_tags_and_attribute_values_are_skipped() {
        assert_eq!(
            name("<!-- <meta charset=koi8-r> --><meta charset=windows-1253>"),
            Some("windows-1253")
        );
        assert_eq!(
            name("<title x='<meta charset=koi8-r>'>t</title><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(name("<p>charset=koi8-r</p>"), None);
        assert_eq!(name("<!--><meta charset=big5>"), Some("Big5"));
    }

    #[test]
    fn utf16_means_utf8_unknown_labels_are_passed_over() {
        assert_eq!(name("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(name("<meta charset=x-user-defined>"), Some("windows-1252"));
        assert_eq!(
            name("<meta charset=klingon><meta charset=euc-kr>"),
            Some("EUC-KR")
        );
        assert_eq!(name("<meta charset=a charset=euc-jp>"), None, "first wins");
    }

    #[test]
    fn only_the_first_1024_bytes_count_and_cut_input_ends_quietly() {
        let late = format!("{}<meta charset=koi8-r>", " ".repeat(PRESCAN_BYTES));
        assert_eq!(name(&late), None);
        let early = format!("{}<meta charset=koi8-r>", " ".repeat(900));
        assert_eq!(name(&early), Some("KOI8-R"));
        for cut in [
            "<meta charset=",
            "<meta charset='koi8",
            "<!-- no end",
            "<meta",
            "<a href",
        ] {
            assert_eq!(name(cut), None, "{cut}");
        }
    }
}
