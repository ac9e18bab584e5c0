//! The page's facts: title (without the site's name), address, publication date, byline, site
//! name, writing direction and language. Sources, most trusted first: JSON-LD (schema.org
//! `Article` and its kinds), `<meta>` tags (Open Graph, Dublin Core, Twitter, Parse.ly,
//! `itemprop`), then the document itself (`<title>`, `<time>`, `rel=author`).

use std::collections::HashMap;

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::super::{PageMeta, date_part};

/// Reads the page facts from a parsed document.
pub fn page_meta(doc: &Html) -> PageMeta {
    let facts = Facts::collect(doc);
    let json = facts.json_ld.as_ref();
    let site_name = json
        .and_then(|j| j.publisher.clone())
        .or_else(|| facts.meta_value(&["og:site_name", "application-name"]));
    let meta_title = json.and_then(|j| j.headline.clone()).or_else(|| {
        facts.meta_value(&[
            "dc:title",
            "dcterm:title",
            "og:title",
            "twitter:title",
            "parsely-title",
        ])
    });
    let title = match meta_title {
        Some(t) => Some(t),
        None => facts
            .title
            .as_deref()
            .map(|t| title_without_hierarchy(t, &facts.h1s)),
    }
    .map(|t| without_site_name(&t, site_name.as_deref()))
    .filter(|t| !t.is_empty());
    let published = json
        .and_then(|j| j.published.clone())
        .or_else(|| {
            facts.meta_value(&[
                "article:published_time",
                "datepublished",
                "parsely-pub-date",
                "dc.date.issued",
                "dc.date",
                "dcterm:created",
                "date",
            ])
        })
        .or_else(|| facts.time.clone())
        .and_then(|d| date_part(&d));
    let byline = json
        .and_then(|j| j.author.clone())
        .or_else(|| facts.meta_value(&["author", "dc:creator", "parsely-author"]))
        .or_else(|| {
            facts
                .meta_value(&["article:author"])
                .filter(|a| !a.contains("://"))
        })
        .or_else(|| facts.rel_author.clone());
    let canonical = facts
        .canonical
        .clone()
        .or_else(|| facts.meta_value(&["og:url"]))
        .filter(|u| url::Url::parse(u).is_ok_and(|u| matches!(u.scheme(), "http" | "https")));
    PageMeta {
        title,
        canonical_url: canonical,
        published,
        byline,
        site_name,
        direction: facts.direction,
        language: facts.language,
    }
}

/// Everything read from the document in one pass.
#[derive(Default)]
struct Facts {
    /// `<meta>` values by lower-cased `property`, `name` or `itemprop` (first one wins).
    meta: HashMap<String, String>,
    title: Option<String>,
    h1s: Vec<String>,
    canonical: Option<String>,
    time: Option<String>,
    rel_author: Option<String>,
    direction: Option<String>,
    language: Option<String>,
    json_ld: Option<JsonLd>,
}

impl Facts {
    fn collect(doc: &Html) -> Facts {
        let mut facts = Facts::default();
        let root = doc.root_element();
        facts.direction = attr(root, "dir").map(|d| d.to_ascii_lowercase());
        facts.language = attr(root, "lang");
        for node in doc.tree.nodes() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            facts.read_element(el);
        }
        facts
    }

    fn read_element(&mut self, el: ElementRef) {
        match el.value().name() {
            "meta" => {
                let content = attr(el, "content");
                for key in ["property", "name", "itemprop"] {
                    if let (Some(k), Some(v)) = (attr(el, key), content.clone()) {
                        for k in k.split_whitespace() {
                            self.meta.entry(k.to_ascii_lowercase()).or_insert(v.clone());
                        }
                    }
                }
            }
            "title" if self.title.is_none() && !inside_svg(el) => {
                self.title = Some(collapsed_text(el)).filter(|t| !t.is_empty());
            }
            "h1" => self.h1s.push(collapsed_text(el)),
            "link" if self.canonical.is_none() => {
                let rel = el.value().attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    self.canonical = attr(el, "href");
                }
            }
            "time" if self.time.is_none() => self.time = attr(el, "datetime"),
            "script" if self.json_ld.is_none() => {
                let kind = el
                    .value()
                    .attr("type")
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                if kind == "application/ld+json" {
                    let text: String = el.text().collect();
                    self.json_ld = JsonLd::parse(&text);
                }
            }
            "body" => {
                if self.direction.is_none() {
                    self.direction = attr(el, "dir").map(|d| d.to_ascii_lowercase());
                }
            }
            _ => {}
        }
        let is_author_link = el.value().attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        }) || el
            .value()
            .attr("itemprop")
            .is_some_and(|p| p.trim() == "author");
        if self.rel_author.is_none() && is_author_link && el.value().name() != "meta" {
            let text = collapsed_text(el);
            if !text.is_empty() && text.chars().count() < 100 {
                self.rel_author = Some(text);
            }
        }
    }

    fn meta_value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.meta.get(*k).cloned())
    }
}

/// The facts of the page's schema.org article, from `<script type="application/ld+json">`.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn parse(text: &str) -> Option<JsonLd> {
        let value: Value = serde_json::from_str(text.trim()).ok()?;
        let article = find_article(&value)?;
        let text_of = |key: &str| {
            article
                .get(key)
                .and_then(Value::as_str)
                .map(collapse)
                .filter(|s| !s.is_empty())
        };
        Some(JsonLd {
            headline: text_of("headline").or_else(|| text_of("name")),
            published: text_of("datePublished"),
            author: article
                .get("author")
                .and_then(names)
                .filter(|s| !s.is_empty()),
            publisher: article
                .get("publisher")
                .and_then(names)
                .filter(|s| !s.is_empty()),
        })
    }
}

/// The first object typed as an article (`Article`, `NewsArticle`, `BlogPosting`, …) in a
/// JSON-LD value (arrays and `@graph` included).
fn find_article(value: &Value) -> Option<&Value> {
    const KINDS: &[&str] = &[
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "SocialMediaPosting",
        "LiveBlogPosting",
        "WebPage",
    ];
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                let typed = match map.get("@type") {
                    Some(Value::String(t)) => KINDS.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| KINDS.contains(&t))),
                    _ => false,
                };
                if typed {
                    return Some(v);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

/// A person or organisation as text: a string, `{"name": …}`, or a list of them joined by ", ".
fn names(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(collapse(s)),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(collapse),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

/// Separators that page titles put between the headline and the site's name (with spaces
/// around them).
const SEPARATORS: &[&str] = &["|", "-", "–", "—", "\\", "/", ">", "»", "·", "::"];

/// Removes the site's own name when the title starts or ends with it, next to a separator
/// (`Headline - BBC News`, `BBC News | Headline`).
fn without_site_name(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    let Some(site) = site.map(collapse).filter(|s| !s.is_empty() && *s != title) else {
        return title;
    };
    for sep in SEPARATORS {
        if let Some(head) = title.strip_suffix(&format!(" {sep} {site}")) {
            return head.trim().to_owned();
        }
        if let Some(tail) = title.strip_prefix(&format!("{site} {sep} ")) {
            return tail.trim().to_owned();
        }
    }
    title
}

/// A `<title>` without its last part after a separator (usually the site or section), unless
/// too little would remain; as reader modes do.
fn title_without_hierarchy(title: &str, h1s: &[String]) -> String {
    let title = collapse(title);
    let words = |s: &str| s.split_whitespace().count();
    let parts = split_at_separators(&title);
    if parts.len() > 1 {
        let last_sep = parts[parts.len() - 2].1;
        let head = title[..last_sep].trim();
        let candidate = if words(head) >= 3 {
            head.to_owned()
        } else {
            title[parts[0].1..].trim().to_owned()
        };
        let without_separators = parts.iter().map(|p| words(p.0)).sum::<usize>();
        let hierarchical = parts.iter().any(|p| matches!(p.2, "\\" | "/" | ">" | "»"));
        let n = words(&candidate);
        if n <= 4 && (!hierarchical || n != without_separators.saturating_sub(1)) {
            return title;
        }
        return candidate;
    }
    if title.chars().count() > 150 || title.chars().count() < 15 {
        if let [only] = h1s {
            if !only.is_empty() {
                return only.clone();
            }
        }
    }
    title
}

/// Splits `title` at ` SEP ` separators: (part text, byte offset where the separator starts in
/// `title` — or where the part ends for the last one, separator).
fn split_at_separators(title: &str) -> Vec<(&str, usize, &'static str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < title.len() {
        let rest = &title[i..];
        let found = rest.strip_prefix(' ').and_then(|after| {
            SEPARATORS
                .iter()
                .find(|s| after.starts_with(*s) && after[s.len()..].starts_with(' '))
        });
        if let Some(sep) = found {
            parts.push((&title[start..i], i, *sep));
            i += sep.len() + 2;
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    parts.push((&title[start..], title.len(), ""));
    parts
}

fn attr(el: ElementRef, name: &str) -> Option<String> {
    el.value()
        .attr(name)
        .map(collapse)
        .filter(|v| !v.is_empty())
}

fn collapsed_text(el: ElementRef) -> String {
    collapse(&el.text().collect::<String>())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn inside_svg(el: ElementRef) -> bool {
    el.ancestors().any(|a| match a.value() {
        Node::Element(e) => e.name() == "svg",
        _ => false,
    })
}
