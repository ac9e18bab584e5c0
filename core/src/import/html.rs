//! Saved web pages: the readable text of the article, with the page's title, canonical address
//! and publication date. Parsed with html5ever (through `scraper`), as a browser would.
//!
//! Kept: headings, paragraphs, list items, block quotes, table cells, figure captions and
//! preformatted text, each as a paragraph. Dropped: scripts, styles, templates, forms, frames,
//! navigation, page header/footer/aside chrome, comments, hidden elements (`hidden`,
//! `aria-hidden="true"`, `display:none`), and blocks whose class or id marks them as ads,
//! share bars, newsletters, cookie banners or related links. `<article>` (the longest one) or
//! `<main>` is preferred to the whole body when the page has one.

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node, Selector};

use super::{Blocks, PageMeta, date_part};

/// The extracted article.
#[derive(Debug, Default)]
pub struct Page {
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// Title, canonical URL, date.
    pub meta: PageMeta,
    /// Notes for the user (what was dropped).
    pub notes: Vec<String>,
}

/// Elements whose whole content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "aside", "form", "button", "select",
    "option", "textarea", "input", "label", "iframe", "frame", "frameset", "object", "embed",
    "svg", "math", "canvas", "video", "audio", "dialog", "menu", "link", "meta",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "caption",
    "td",
    "th",
    "tr",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "address",
    "hr",
    "details",
    "summary",
    "center",
];

/// Class or id words that mark page furniture rather than article text.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsored",
    "promo",
    "banner",
    "cookie",
    "cookies",
    "newsletter",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "subscribe",
    "subscription",
    "paywall",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "widget",
    "outbrain",
    "taboola",
    "popup",
    "modal",
];

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
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

/// Extracts the article text and the page facts from an HTML document.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let meta = page_meta(&doc);
    let mut notes = Vec::new();
    let root = choose_root(&doc);
    let inside_article = root.value().name() != "body" && root.value().name() != "html";
    let mut blocks = Blocks::default();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    let mut dropped_furniture = 0usize;
    let mut has_h1 = false;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if is_dropped(el, name, inside_article) {
                            if name != "script" && name != "style" && name != "link" {
                                dropped_furniture += 1;
                            }
                            skip = Some(node.id());
                            continue;
                        }
                        if name == "h1" {
                            has_h1 = true;
                        }
                        if name == "br" {
                            blocks.line_break();
                        } else if name == "pre" {
                            blocks.end_block();
                            pre_depth += 1;
                        } else if BLOCKS.contains(&name) {
                            blocks.end_block();
                        } else if name == "img" {
                            // Images are not text; their alt text is not the article's.
                        }
                    }
                    Node::Text(t) => {
                        if pre_depth > 0 {
                            blocks.raw(t);
                        } else {
                            blocks.text(t);
                        }
                    }
                    // Comments, doctype, processing instructions: never text.
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                        blocks.end_block();
                    } else if BLOCKS.contains(&name) {
                        blocks.end_block();
                    }
                }
            }
        }
    }
    let mut text = blocks.finish();
    if !has_h1 && let Some(title) = meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
        // No headline in the article part: start with the page title so the text reads whole.
        if !text.starts_with(title) {
            text = if text.is_empty() {
                format!("{title}\n")
            } else {
                format!("{title}\n\n{text}")
            };
        }
    }
    if dropped_furniture > 0 {
        notes.push(format!(
            "Page furniture was left out ({dropped_furniture} navigation, form, hidden, ad or \
             share blocks); only the article's text was imported."
        ));
    }
    Page { text, meta, notes }
}

fn is_dropped(el: &scraper::node::Element, name: &str, inside_article: bool) -> bool {
    if DROPPED.contains(&name) {
        return true;
    }
    // A page's own header and footer are chrome; an article's header holds its headline.
    if !inside_article && (name == "header" || name == "footer") {
        return true;
    }
    if inside_article && name == "footer" {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = el.attr("role")
        && matches!(
            role.trim(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog"
        )
    {
        return true;
    }
    let marks_furniture = |value: &str| {
        value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    };
    el.attr("class").is_some_and(marks_furniture) || el.attr("id").is_some_and(marks_furniture)
}

/// The part of the page that holds the article: the longest `<article>`, else `<main>` or
/// `[role=main]`, else the body.
fn choose_root(doc: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef| e.text().map(|t| t.trim().len()).sum::<usize>();
    if let Some(sel) = selector("article")
        && let Some(best) = doc.select(&sel).max_by_key(text_len)
        && text_len(&best) > 0
    {
        return best;
    }
    for css in ["main", "[role=main]", "body"] {
        if let Some(sel) = selector(css)
            && let Some(found) = doc.select(&sel).next()
        {
            return found;
        }
    }
    doc.root_element()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

fn page_meta(doc: &Html) -> PageMeta {
    let title = first_attr(doc, r#"meta[property="og:title"]"#, "content").or_else(|| {
        let sel = selector("title")?;
        let t = doc.select(&sel).next()?.text().collect::<String>();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        (!t.is_empty()).then_some(t)
    });
    let canonical = first_attr(doc, r#"link[rel~="canonical"]"#, "href")
        .or_else(|| first_attr(doc, r#"meta[property="og:url"]"#, "content"))
        .filter(|u| url::Url::parse(u).is_ok_and(|u| matches!(u.scheme(), "http" | "https")));
    let published = first_attr(doc, r#"meta[property="article:published_time"]"#, "content")
        .or_else(|| first_attr(doc, r#"meta[itemprop="datePublished"]"#, "content"))
        .or_else(|| first_attr(doc, r#"meta[name="date"]"#, "content"))
        .or_else(|| first_attr(doc, "time[datetime]", "datetime"))
        .and_then(|d| date_part(&d));
    PageMeta {
        title,
        canonical_url: canonical,
        published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_text_and_drops_chrome() {
        let page = extract(
            r#"<!doctype html><html><head><title>T | Site</title>
            <meta property="og:title" content="Real title">
            <link rel="canonical" href="https://news.example/a">
            <meta property="article:published_time" content="2017-11-26T10:00:00Z">
            <style>p{}</style><script>var x = "<p>no</p>";</script></head>
            <body><nav><a href="/">Home</a></nav><header>Site header</header>
            <div class="ad-slot">Buy now</div>
            <article><h1>Headline</h1><p>First   paragraph,<br>second line.</p>
            <!-- a comment --><ul><li>One</li><li>Two</li></ul>
            <blockquote>Quoted &amp; kept</blockquote><p hidden>secret</p>
            <div style="display: none">gone</div><footer>Share this</footer></article>
            <footer>© Site</footer></body></html>"#,
        );
        assert_eq!(
            page.text,
            "Headline\n\nFirst paragraph,\nsecond line.\n\nOne\n\nTwo\n\nQuoted & kept\n"
        );
        assert_eq!(page.meta.title.as_deref(), Some("Real title"));
        assert_eq!(
            page.meta.canonical_url.as_deref(),
            Some("https://news.example/a")
        );
        assert_eq!(page.meta.published.as_deref(), Some("2017-11-26"));
    }

    #[test]
    fn without_article_uses_body_and_title() {
        let page = extract("<title>Only title</title><body><p>Body text</p></body>");
        assert_eq!(page.text, "Only title\n\nBody text\n");
        assert_eq!(page.meta.canonical_url, None);
    }

    #[test]
    fn javascript_canonical_is_ignored_and_deep_nesting_is_fine() {
        let deep = format!(
            "<link rel=canonical href='javascript:alert(1)'>{}x{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let page = extract(&deep);
        assert_eq!(page.meta.canonical_url, None);
        assert!(page.text.contains('x'));
    }

    #[test]
    fn declared_charset_is_found() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">").map(|e| e.name()),
            Some("windows-1251")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>"
            )
            .map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(declared_charset(b"<p>none</p>"), None);
    }
}
