//! One small page per rule (issue 17): chrome words, inline elements, choosing the article by
//! content, section fronts, pages without `<article>`, page facts, MathML and `<code>`.

use super::*;

/// A paragraph of prose long enough to score (commas and more than 100 characters).
fn prose(topic: &str) -> String {
    format!(
        "<p>The report on {topic}, published on Sunday, says that the ministry, the coast guard \
         and the department all knew, and that nobody acted on what they knew for months.</p>"
    )
}

#[test]
fn keeps_article_text_and_drops_chrome() {
    let page = extract(&format!(
        r#"<!doctype html><html><head><title>T | Site</title>
        <meta property="og:title" content="Real title">
        <link rel="canonical" href="https://news.example/a">
        <meta property="article:published_time" content="2017-11-26T10:00:00Z">
        <style>p{{}}</style><script>var x = "<p>no</p>";</script></head>
        <body><nav><a href="/">Home</a></nav><header>Site header</header>
        <div class="ad-slot">Buy now</div>
        <article><h1>Headline</h1><p>First   paragraph,<br>second line.</p>
        <!-- a comment -->{}<ul><li>One</li><li>Two</li></ul>
        <blockquote>Quoted &amp; kept</blockquote><p hidden>secret</p>
        <div style="display: none">gone</div><footer>Share this</footer></article>
        <footer>© Site</footer></body></html>"#,
        prose("migrants")
    ));
    assert!(
        page.text
            .starts_with("Headline\n\nFirst paragraph,\nsecond line.\n\nThe report"),
        "{}",
        page.text
    );
    assert!(
        page.text.ends_with("One\n\nTwo\n\nQuoted & kept\n"),
        "{}",
        page.text
    );
    for gone in [
        "Home",
        "Site header",
        "Buy now",
        "secret",
        "gone",
        "Share this",
        "©",
    ] {
        assert!(!page.text.contains(gone), "{gone} in {}", page.text);
    }
    assert_eq!(page.meta.title.as_deref(), Some("Real title"));
    assert_eq!(
        page.meta.canonical_url.as_deref(),
        Some("https://news.example/a")
    );
    assert_eq!(page.meta.published.as_deref(), Some("2017-11-26"));
}

#[test]
fn an_article_container_with_a_chrome_word_is_kept() {
    // Blogger's "widget Blog", a paywall class on <body>, a layout class with "sidebar".
    for (body, container) in [
        ("", r#"<div class="widget Blog" id="Blog1">"#),
        (r#" class="paywall""#, "<div>"),
        ("", r#"<div class="l-sidebar-fixed">"#),
        ("", r#"<div id="sharing-with-others">"#),
    ] {
        let page = extract(&format!(
            "<title>T</title><body{body}><div class=\"sidebar\"><a href=/>Home</a></div>\
             {container}{}{}{}</div></body>",
            prose("the budget"),
            prose("the election"),
            prose("the courts")
        ));
        for topic in ["the budget", "the election", "the courts"] {
            assert!(page.text.contains(topic), "{container}: {}", page.text);
        }
        assert!(!page.text.contains("Home"), "{container}: {}", page.text);
    }
}

#[test]
fn a_popup_link_inside_a_sentence_keeps_its_words() {
    let page = extract(&format!(
        r#"<body><article><p>I am a man. The nature of my <a class="popup" href="/x">work
        as a scrivener</a> for the last thirty years has brought me into contact with an
        interesting and somewhat <span class="share-widget ad">singular</span> set of men.</p>
        {}</article></body>"#,
        prose("scriveners")
    ));
    assert!(
        page.text.contains(
            "The nature of my work as a scrivener for the last thirty years has brought me into \
             contact with an interesting and somewhat singular set of men."
        ),
        "{}",
        page.text
    );
}

#[test]
fn the_article_is_chosen_by_content_not_by_the_article_tag() {
    // A related-item card is an <article> too; the real text is in a plain <div>.
    let page = extract(&format!(
        r#"<body><div class="story-body">{}{}{}</div>
        <aside><article class="card"><h3>Read next</h3><p>Another story</p></article></aside>
        <div><article><a href="/one">Teaser one</a></article></div></body>"#,
        prose("floods"),
        prose("the dam"),
        prose("the rescue")
    ));
    assert!(page.text.contains("the rescue"), "{}", page.text);
    assert!(!page.text.contains("Teaser one"), "{}", page.text);
    assert!(!page.text.contains("Another story"), "{}", page.text);
}

#[test]
fn a_section_front_keeps_its_stories_not_its_menus() {
    let teasers: String = (0..6)
        .map(|n| {
            format!(
                "<article class=\"teaser\"><h2><a href=\"/s{n}\">Story {n}</a></h2>\
                 <p>Summary {n} of the story, with enough words to read as a paragraph of \
                 text, and a comma or two, so that it scores.</p></article>"
            )
        })
        .collect();
    let menu: String = (0..12)
        .map(|n| format!("<li><a href=\"/section{n}\">Section {n}</a></li>"))
        .collect();
    let page = extract(&format!(
        "<body><div class=\"menu-wrap\"><ul>{menu}</ul></div><main>{teasers}</main></body>"
    ));
    assert!(
        page.text.contains("Summary 0") && page.text.contains("Summary 5"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Section 3"), "{}", page.text);
}

#[test]
fn a_page_without_article_or_main_drops_link_lists_and_comments() {
    let links: String = (0..10)
        .map(|n| format!("<li><a href=\"/m{n}\">Most read headline number {n}</a></li>"))
        .collect();
    let page = extract(&format!(
        r#"<body><div id="top"><a href="/">Home</a> <a href="/news">News</a></div>
        <div id="wrap"><div class="col">{}{}{}
        <div class="most-read"><h3>Most read</h3><ul>{links}</ul></div></div>
        <div id="comments"><h3>Comments</h3><p>I disagree with this article, strongly, and I
        will say so at length, because comments are long and have commas, like this.</p></div>
        </div></body>"#,
        prose("power cuts"),
        prose("the grid"),
        prose("prices")
    ));
    assert!(page.text.contains("prices"), "{}", page.text);
    for gone in ["Most read", "headline number", "I disagree", "Home"] {
        assert!(!page.text.contains(gone), "{gone} in {}", page.text);
    }
}

#[test]
fn title_loses_the_site_name_and_a_page_without_title_has_none() {
    let page = extract(
        r#"<head><title>Obama admits gun laws are his biggest frustration - BBC News</title>
        <meta property="og:site_name" content="BBC News"></head><body><p>x</p></body>"#,
    );
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Obama admits gun laws are his biggest frustration")
    );
    let page = extract("<head><title>Lorem ipsum dolor sit amet – My website</title></head>");
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Lorem ipsum dolor sit amet")
    );
    // Too little would remain: the title stays whole.
    let page = extract("<head><title>Mozilla - Wikipedia</title></head>");
    assert_eq!(page.meta.title.as_deref(), Some("Mozilla - Wikipedia"));
    assert_eq!(
        extract("<body><p>No title here.</p></body>").meta.title,
        None
    );
}

#[test]
fn json_ld_gives_headline_date_and_authors() {
    let page = extract(
        r#"<html dir="rtl" lang="ar"><head><title>Other - Site</title>
        <script type="application/ld+json"><![CDATA[{"@graph": [{"@type": "WebSite"},
        {"@type": "NewsArticle", "headline": "The headline", "datePublished":
        "2015-07-24T05:36:09+01:00", "author": [{"name": "A. Writer"}, {"name": "B. Writer"}],
        "publisher": {"name": "Site"}}]}]]></script>
        <meta property="article:published_time" content="2001-01-01"></head><body></body></html>"#,
    );
    assert_eq!(page.meta.title.as_deref(), Some("The headline"));
    assert_eq!(page.meta.published.as_deref(), Some("2015-07-24"));
    assert_eq!(page.meta.byline.as_deref(), Some("A. Writer, B. Writer"));
    assert_eq!(page.meta.site_name.as_deref(), Some("Site"));
    assert_eq!(page.meta.direction.as_deref(), Some("rtl"));
    assert_eq!(page.meta.language.as_deref(), Some("ar"));
    let page = extract(r#"<body><p>x</p><time datetime="2020-09-21">Sept 21</time></body>"#);
    assert_eq!(page.meta.published.as_deref(), Some("2020-09-21"));
}

#[test]
fn mathml_and_code_are_kept_as_text_inside_the_sentence() {
    let page = extract(&format!(
        "<body><article><p>When <math><semantics><mi>a</mi><mo>≠</mo><mn>0</mn>\
         <annotation encoding=\"application/x-tex\">a \\neq 0</annotation></semantics></math>, \
         call <code>solve(a)</code> twice.</p>{}</article></body>",
        prose("algebra")
    ));
    assert!(
        page.text.contains("When a≠0, call solve(a) twice."),
        "{}",
        page.text
    );
    assert!(!page.text.contains("neq"), "{}", page.text);
}

#[test]
fn the_byline_block_is_page_facts_not_text() {
    let page = extract(&format!(
        r#"<body><article><h1>Headline</h1><div class="byline">By Jane Doe</div>{}{}</article>
        </body>"#,
        prose("taxes"),
        prose("spending")
    ));
    assert!(!page.text.contains("Jane Doe"), "{}", page.text);
    assert!(page.text.contains("spending"));
}

#[test]
fn javascript_canonical_is_ignored_and_deep_nesting_is_flattened() {
    let deep = format!(
        "<link rel=canonical href='javascript:alert(1)'>{}x{}",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let page = extract(&deep);
    assert_eq!(page.meta.canonical_url, None);
    assert!(page.text.contains('x'));
    assert!(
        page.notes.iter().any(|n| n.contains("flattened")),
        "{:?}",
        page.notes
    );
}

#[test]
fn declared_charset_is_found() {
    assert_eq!(
        declared_charset(b"<meta charset=\"windows-1251\">").map(|e| e.name()),
        Some("windows-1251")
    );
    assert_eq!(
        declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>")
            .map(|e| e.name()),
        Some("windows-1252")
    );
    assert_eq!(declared_charset(b"<p>none</p>"), None);
}

#[test]
fn a_wider_reading_replaces_a_short_one_only_when_it_keeps_its_paragraphs() {
    let short = "A short post about the harbour.\n\nIt has two paragraphs of real text.";
    let wider = format!("Menu line here and there.\n\n{short}\n\nA footer line of the page.");
    assert!(widens(short, &wider));
    let banner = "We use cookies to improve your experience on this site. Accept all cookies.";
    assert!(!widens(short, banner));
}
