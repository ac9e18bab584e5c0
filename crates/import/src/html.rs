//! Saved web pages: the readable text of the article, with the page's title, address,
//! publication date, byline and writing direction. Parsed with html5ever (through `scraper`),
//! as a browser would, with the nesting depth bounded ([`parse`]).
//!
//! The article is chosen by its content, as reader modes do ([`score`], [`select`]); page
//! chrome is recognised by tag, visibility, ARIA role, class/id words ([`chrome`]) and by
//! content (mostly links, forms, galleries: [`text`]); the page facts come from JSON-LD,
//! `<meta>` tags and the document ([`meta`]). Every rule is listed in `docs/import.md`.

pub mod chrome;
mod lead_in;
pub mod meta;
pub mod parse;
pub mod score;
pub mod select;
pub mod text;

use encoding_rs::Encoding;

use super::PageMeta;
use score::{Analysis, Rules};

/// The extracted article.
#[derive(Debug, Default)]
pub struct Page {
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// Title, canonical URL, date, byline, direction.
    pub meta: PageMeta,
    /// Notes for the user (what was left out, flattened or guessed).
    pub notes: Vec<String>,
}

/// Below this many characters, the first reading is thought to have missed the article and
/// the page is read again without the chrome-by-name rules; the longer reading wins.
const SHORT_ARTICLE_CHARS: usize = 500;

/// Extracts the article text and the page facts from an HTML document.
pub fn extract(html: &str) -> Page {
    let parsed = parse::parse_document(html);
    let doc = &parsed.doc;
    let mut meta = meta::page_meta(doc);
    let mut notes = Vec::new();
    let (written, whole_body, attempt) = read_article(doc);
    if attempt > 0 {
        notes.push(
            "The page's article could not be told apart from its menus and links with \
             confidence; more of the page than usual was imported."
                .to_owned(),
        );
    }
    if meta.byline.is_none() {
        meta.byline = written.byline;
    }
    let mut text = written.text;
    if !written.has_h1
        && let Some(title) = meta.title.as_deref().filter(|t| !t.trim().is_empty())
        && !text.starts_with(title)
    {
        // No headline in the article part: start with the page title so the text reads whole.
        text = if text.is_empty() {
            format!("{title}\n")
        } else {
            format!("{title}\n\n{text}")
        };
    }
    if written.left_out > 0 || !whole_body {
        notes.push(format!(
            "Only the part of the page that reads as the article was imported: menus, links, \
         forms, hidden parts and other page furniture were left out{}.",
            if written.left_out > 0 {
                format!(
                    " ({} blocks inside the article among them)",
                    written.left_out
                )
            } else {
                String::new()
            }
        ));
    }
    if parsed.flattened > 0 {
        notes.push(format!(
            "The page nests its elements more than {} deep; {} tags below that depth were \
             flattened (their text is kept).",
            parse::MAX_DEPTH,
            parsed.flattened
        ));
    }
    if parsed.over_budget > 0 {
        notes.push(format!(
            "The page has more than {} elements; the {} tags after that were flattened \
             (their text is kept, in one block).",
            parse::MAX_ELEMENTS,
            parsed.over_budget
        ));
    }
    Page { text, meta, notes }
}

/// Reads the article with all rules, then, while the text is shorter than
/// [`SHORT_ARTICLE_CHARS`], with fewer rules ([`Rules::ATTEMPTS`]); the first long enough
/// reading or else the longest wins. Returns it, whether it is the whole body, and which
/// attempt it was.
fn read_article(doc: &scraper::Html) -> (text::Written, bool, usize) {
    let mut best: Option<(text::Written, bool, usize)> = None;
    for (attempt, rules) in Rules::ATTEMPTS.into_iter().enumerate() {
        let analysis = Analysis::new(doc, rules);
        let parts = select::article_parts(&analysis);
        let whole_body = parts.is_empty() || parts == [analysis.body()];
        let written = text::write_parts(&analysis, &parts);
        let len = written.text.chars().count();
        if len >= SHORT_ARTICLE_CHARS {
            return (written, whole_body, attempt);
        }
        if best
            .as_ref()
            .is_none_or(|b| b.0.text.chars().count() < len && widens(&b.0.text, &written.text))
        {
            best = Some((written, whole_body, attempt));
        }
    }
    best.expect("at least one attempt")
}

/// True if `wider` keeps most (half or more) of the paragraphs of `narrow`: a reading with
/// fewer rules replaces a short one only when it adds to it, not when it reads something
/// else (a cookie banner longer than a short post).
fn widens(narrow: &str, wider: &str) -> bool {
    let paragraphs: Vec<&str> = narrow
        .split("\n\n")
        .filter(|p| p.trim().len() >= 20)
        .collect();
    let kept = paragraphs
        .iter()
        .filter(|p| wider.contains(p.trim()))
        .count();
    kept * 2 >= paragraphs.len()
}

/// The page's bytes without stray NUL bytes. Browsers ignore a NUL inside a page; a few of
/// them (a broken template) must not make a saved page read as a binary file. Many NULs (a
/// UTF-16 file without a byte order mark, a real binary) are left for the decoder to refuse.
pub fn without_stray_nuls(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let nuls = bytes.iter().filter(|b| **b == 0).count();
    if nuls == 0 || nuls * 100 > bytes.len() {
        return std::borrow::Cow::Borrowed(bytes);
    }
    std::borrow::Cow::Owned(bytes.iter().copied().filter(|b| *b != 0).collect())
}

/// The encoding a page declares in `<meta charset>` or `http-equiv` Content-Type, looked for in
/// its first 4 KB as the HTML standard's prescan does (roughly). UTF-16 declarations are
/// ignored, as browsers do.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let needle = b"charset=";
    let at = lower.windows(needle.len()).position(|w| w == needle)?;
    let rest = &lower[at + needle.len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'>' | b'/' | b'\t' | b'\n'))
        .unwrap_or(rest.len());
    let enc = Encoding::for_label(&rest[..end])?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(enc)
}

#[cfg(test)]
mod tests;
