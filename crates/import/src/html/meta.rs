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
    let mut facts = Facts::collect(doc);
    if let (Some(j), Some(t)) = (facts.json_ld.as_mut(), facts.title.as_deref()) {
        j.choose_title(&title_without_hierarchy(t, &facts.h1s, &facts.h2s));
    } else if let Some(j) = facts.json_ld.as_mut() {
        j.choose_title("");
    }
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
            .map(|t| title_without_hierarchy(t, &facts.h1s, &facts.h2s)),
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
    h2s: Vec<String>,
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
            "h2" => self.h2s.push(collapsed_text(el)),
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
            "body" if self.direction.is_none() => {
                self.direction = attr(el, "dir").map(|d| d.to_ascii_lowercase());
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
    /// The title chosen from `name` and `headline` (see [`JsonLd::title`]).
    headline: Option<String>,
    name: Option<String>,
    headline_only: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn parse(text: &str) -> Option<JsonLd> {
        let text = text.trim();
        let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
        let text = text.strip_suffix("]]>").unwrap_or(text);
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
            headline: None,
            name: text_of("name"),
            headline_only: text_of("headline"),
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

impl JsonLd {
    /// `name` and `headline` should agree; some sites put their own name in one of them.
    /// The one that resembles the page's `<title>` wins; `name` when both or neither do.
    fn choose_title(&mut self, page_title: &str) {
        self.headline = match (self.name.take(), self.headline_only.take()) {
            (Some(name), Some(headline)) if name != headline => {
                let name_matches = similarity(&name, page_title) > 0.75;
                let headline_matches = similarity(&headline, page_title) > 0.75;
                Some(if headline_matches && !name_matches {
                    headline
                } else {
                    name
                })
            }
            (Some(name), _) => Some(name),
            (None, headline) => headline,
        };
    }
}

/// How much of `b`'s words `a` has (1.0: all of them), by length of the words.
fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .take(200)
            .map(str::to_owned)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let unique_len = unique
        .iter()
        .map(|t| t.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let all_len = tb
        .iter()
        .map(|t| t.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    1.0 - unique_len as f64 / all_len as f64
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

/// A `<title>` without its last part after a separator (usually the site or section), or
/// the part after a colon, unless too little would remain; as reader modes do.
fn title_without_hierarchy(title: &str, h1s: &[String], h2s: &[String]) -> String {
    let original = collapse(title);
    let words = |s: &str| s.split_whitespace().count();
    let parts = split_at_separators(&original);
    let mut hierarchical = false;
    let candidate = if parts.len() > 1 {
        hierarchical = parts.iter().any(|p| matches!(p.2, "\\" | "/" | ">" | "»"));
        let head = original[..parts[parts.len() - 2].1].trim();
        if words(head) >= 3 {
            head.to_owned()
        } else {
            let first = &parts[0];
            original[first.1 + first.2.len() + 2..].trim().to_owned()
        }
    } else if let Some((before, _)) = original.split_once(": ")
        && !h1s.iter().chain(h2s).any(|h| *h == original)
    {
        let after_last = original.rsplit(':').next().unwrap_or("").trim();
        if words(after_last) < 3 {
            original[before.len() + 1..].trim().to_owned()
        } else if words(before) > 5 {
            original.clone()
        } else {
            after_last.to_owned()
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        match h1s {
            [only] if !only.is_empty() => only.clone(),
            _ => original.clone(),
        }
    } else {
        original.clone()
    };
    let n = words(&candidate);
    let without_separators = parts.iter().map(|p| words(p.0)).sum::<usize>();
    if n <= 4 && (!hierarchical || n + 1 != without_separators) {
        return original;
    }
    candidate
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
