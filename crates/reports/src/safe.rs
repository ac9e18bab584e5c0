//! Neutralising hostile text for each output format: HTML escaping, http(s)-only links decided
//! by a real URL parser, Markdown escaping, spreadsheet formula neutralising, JSON for `<script>`.

use url::Url;

/// Escapes `& < > " '` so the text is inert in HTML element content and quoted attributes, and
/// replaces the code points HTML forbids (controls other than tab and newlines,
/// noncharacters) with U+FFFD.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || is_noncharacter(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xfdd0..=0xfdef).contains(&n) || n & 0xfffe == 0xfffe
}

/// The URL, normalised by the `url` crate, if it is an absolute `http` or `https` URL with a
/// host; `None` for anything else (`javascript:` in any disguise, `data:`, relative paths…).
pub fn http_url(raw: &str) -> Option<Url> {
    let url = Url::parse(raw.trim()).ok()?;
    let web = matches!(url.scheme(), "http" | "https");
    (web && url.host_str().is_some_and(|h| !h.is_empty())).then_some(url)
}

/// The HTML id of a claim's section: `claim-` and the id with every char outside
/// `[A-Za-z0-9-]` written as `_` and its UTF-8 bytes in hex, so different ids stay different.
pub fn anchor_id(claim_id: &str) -> String {
    let mut out = String::from("claim-");
    for c in claim_id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("_{b:02x}"));
            }
        }
    }
    out
}

/// Backslash-escapes every char that could start Markdown syntax (CommonMark and GitHub's
/// extensions: emphasis, code, links, raw HTML, entities, tables, strikethrough, math), and at
/// the start of a line also block markers (`#`, `>`, `-`, `+`, `=`, `1.`). Newlines become
/// spaces: callers lay out lines themselves.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut at_line_start = true;
    let mut digits_run = false;
    for c in text.chars() {
        match c {
            '\n' | '\r' => {
                out.push(' ');
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if digits_run => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        digits_run = (at_line_start || digits_run) && c.is_ascii_digit();
        at_line_start = at_line_start && (c == ' ' || c == '\t');
    }
    out
}

/// A CSV cell a spreadsheet shows as text: a leading `'` when the text starts with `=`, `+`,
/// `-`, `@`, tab, carriage return, line feed or NUL (OWASP CSV injection).
pub fn csv_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// JSON text made safe to embed in `<script type="application/ld+json">`: `<`, `>`, `&` and
/// the JavaScript line separators are written as `\uXXXX` escapes (still the same JSON value).
pub fn json_for_html(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    let mut rest = json;
    // Copy runs of ordinary text whole; only `<`, `>`, `&` and U+2028/2029 (which start with
    // the byte 0xE2) need a look.
    while let Some(i) = rest
        .bytes()
        .position(|b| matches!(b, b'<' | b'>' | b'&' | 0xE2))
    {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or_default();
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_pass_whatever_the_disguise() {
        for bad in [
            "javascript:alert(1)",
            " JaVa\tScRiPt:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "/relative/path",
            "//example.org/x",
            "http://",
            "",
        ] {
            assert!(http_url(bad).is_none(), "{bad:?} passed");
        }
        assert_eq!(
            http_url(" https://example.org/a b?q=<x> ")
                .map(String::from)
                .as_deref(),
            Some("https://example.org/a%20b?q=%3Cx%3E")
        );
        assert!(http_url("HTTP://EXAMPLE.ORG").is_some());
    }

    #[test]
    fn html_escapes_all_five() {
        assert_eq!(
            escape_html(r#"<a href='x'>&"</a>"#),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
    }

    #[test]
    fn html_replaces_forbidden_code_points() {
        assert_eq!(
            escape_html("a\u{1}b\u{7f}c\u{85}d\u{fffe}\te\n"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}\te\n"
        );
    }

    #[test]
    fn anchor_ids_are_tokens_and_distinct() {
        assert_eq!(anchor_id("c-0a1b"), "claim-c-0a1b");
        assert_eq!(anchor_id("a b"), "claim-a_20b");
        assert_ne!(anchor_id("a_20b"), anchor_id("a b"));
        assert_eq!(anchor_id("é"), "claim-_c3_a9");
    }

    #[test]
    fn markdown_escapes_syntax() {
        assert_eq!(escape_markdown("# Title"), "\\# Title");
        assert_eq!(escape_markdown("a-b"), "a-b");
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("12. x"), "12\\. x");
        assert_eq!(escape_markdown("v1. x"), "v1. x");
        assert_eq!(escape_markdown("<script>"), "\\<script\\>");
        assert_eq!(
            escape_markdown("[x](javascript:y)"),
            "\\[x\\](javascript:y)"
        );
        assert_eq!(escape_markdown("a\nb"), "a b");
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_neutralised() {
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", "\0x"] {
            assert!(csv_cell(f).starts_with('\''), "{f:?}");
        }
        assert_eq!(csv_cell("Libya"), "Libya");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn json_cannot_close_a_script_element() {
        let j = json_for_html(r#"{"a":"</script><b>&"}"#);
        assert!(!j.contains('<') && !j.contains('>') && !j.contains('&'));
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["a"], "</script><b>&");
    }
}
