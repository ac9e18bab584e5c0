//! What counts as page chrome: elements never read (scripts, forms, hidden parts, landmarks)
//! and the class/id words that mark menus, ads, share bars, comment threads and the like.
//! The words only ever apply to block-level elements outside paragraphs, and never to
//! `html`, `body`, `article` or `main`: a word match alone must not cut words out of a
//! sentence or drop the article (see `docs/import.md`).

use scraper::node::Element;

/// Elements that start and end a paragraph.
pub const BLOCKS: &[&str] = &[
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
    "form",
    "fieldset",
    "body",
    "html",
];

/// Elements whose whole content is never article text.
pub const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "aside",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "label",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "canvas",
    "video",
    "audio",
    "dialog",
    "menu",
    "link",
    "meta",
    "annotation",
    "annotation-xml",
];

/// Elements that live inside a line of text. A class or id word never removes them.
pub const INLINE: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "big",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "font",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
    "var",
    "wbr",
    "br",
    "img",
    "math",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "mrow",
    "msup",
    "msub",
    "mfrac",
    "msqrt",
    "mroot",
    "semantics",
    "nobr",
];

/// Elements that hold running text: class/id words never apply inside them.
pub const PARAGRAPHS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"];

/// Class or id words that mark page chrome rather than article text (split at spaces, `-`
/// and `_`, compared without case).
pub const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "agegate",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "community",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "pager",
    "paywall",
    "popup",
    "promo",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "supplemental",
    "taboola",
    "widget",
];

/// Chrome words that also mark a class word they start (`relatedposts`, `sidebarwidget`,
/// `socialmedia`). Words like `comment` or `share` are not here: `commentary` and `shareholder`
/// are content.
pub const CHROME_PREFIXES: &[&str] = &[
    "related",
    "sidebar",
    "social",
    "sponsor",
    "advert",
    "newsletter",
    "breadcrumb",
    "outbrain",
    "taboola",
    "disqus",
    "cookie",
    "subscribe",
];

/// Words that mark comment threads: a thread is never kept for holding much text.
pub const COMMENT_WORDS: &[&str] = &["comment", "comments", "disqus", "replies", "remark"];

/// Class or id words (and word starts) that name a picture's caption or credit line.
pub const CAPTION_PREFIXES: &[&str] = &["caption", "figcaption", "credit", "copyright"];

/// True if the element's class or id names a caption or a picture credit.
pub fn is_caption_name(el: &Element) -> bool {
    !el.attrs.is_empty() && has_prefix(el, CAPTION_PREFIXES)
}

/// Class or id words that say "this is the content": an element with one of them is not
/// dropped for a chrome word (`widget Blog`, `content sidebar-fixed`).
pub const CONTENT_WORDS: &[&str] = &[
    "article", "body", "column", "content", "entry", "main", "mathjax", "post", "story", "text",
    "blog", "hentry",
];

/// Words that raise (positive) or lower (negative) a block's score as the article's container.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];
const NEGATIVE_WORDS: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "comments",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "byline",
    "author",
    "ad",
    "ads",
];

/// True for elements that are never article text: the [`DROPPED`] tags, hidden elements and
/// ARIA landmarks of navigation.
pub fn never_text(el: &Element) -> bool {
    if DROPPED.contains(&el.name()) {
        return true;
    }
    if el.attrs.is_empty() {
        return false; // most elements: no attribute to look up (each lookup interns its name)
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
    el.attr("role").is_some_and(|role| {
        matches!(
            role.trim(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
        )
    })
}

/// True if the element's class or id marks it as chrome and nothing protects it. `in_text` is
/// true inside a paragraph or heading, where names never remove anything.
pub fn chrome_by_name(el: &Element, in_text: bool) -> bool {
    let name = el.name();
    if name == "form" && !in_text {
        // Search boxes and sign-up forms are chrome; a form that wraps the whole page (ASP.NET
        // pages, an unclosed search form) is kept by its size, as any block is.
        return true;
    }
    if in_text
        || el.attrs.is_empty()
        || INLINE.contains(&name)
        || matches!(name, "html" | "body" | "article" | "main")
        || PARAGRAPHS.contains(&name)
    {
        return false;
    }
    (has_word(el, CHROME_WORDS) || has_prefix(el, CHROME_PREFIXES)) && !has_word(el, CONTENT_WORDS)
}

/// True if the element's class or id marks a comment thread.
pub fn is_comment_thread(el: &Element) -> bool {
    has_word(el, COMMENT_WORDS)
}

/// +25 for each of class and id that says "content", −25 for each that says "chrome".
pub fn class_weight(el: &Element) -> i32 {
    let mut weight = 0;
    if el.attrs.is_empty() {
        return weight;
    }
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        if words_of(value).any(|w| NEGATIVE_WORDS.contains(&w.as_str())) {
            weight -= 25;
        }
        if words_of(value).any(|w| POSITIVE_WORDS.contains(&w.as_str())) {
            weight += 25;
        }
    }
    weight
}

fn has_word(el: &Element, list: &[&str]) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .any(|value| words_of(value).any(|w| list.contains(&w.as_str())))
}

fn has_prefix(el: &Element, list: &[&str]) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .any(|value| words_of(value).any(|w| list.iter().any(|p| w.starts_with(p))))
}

fn words_of(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty() && w.len() <= 24)
        .map(str::to_ascii_lowercase)
}
