//! A corpus of hostile payloads (script tags, formula injection, `javascript:` URLs in their
//! disguises, Markdown tricks, emoji and bidi controls) run through every export format.

use claimdesk_testkit as common;

use claimdesk_model::Review;
use claimdesk_reports::{ExportFormat, export};
use common::{HOSTILE, hostile_review};
use scraper::{Html, Selector};
use serde_json::Value;

fn out(review: &Review, format: ExportFormat) -> String {
    String::from_utf8(export(review, format).unwrap().bytes).unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn every_format_exports_the_corpus_deterministically() {
    let r = hostile_review();
    for f in ExportFormat::ALL {
        let a = export(&r, f).unwrap();
        assert_eq!(a, export(&r, f).unwrap(), "{f}");
        assert!(!a.bytes.is_empty());
    }
}

#[test]
fn html_shows_payloads_only_as_text() {
    let r = hostile_review();
    let html = out(&r, ExportFormat::Html);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let forbidden = html
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t');
    assert_eq!(forbidden, None, "HTML forbids control characters");
    assert_eq!(
        doc.select(&sel(
            "script, img, svg, iframe, object, embed, form, base, link"
        ))
        .count(),
        0
    );
    for el in doc.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "event handler attribute {name}={value}"
            );
            if name == "href" {
                assert!(
                    value.starts_with('#') || value.starts_with("http"),
                    "{value}"
                );
            }
        }
    }
    assert_eq!(
        doc.select(&sel("a[href^=http]")).count(),
        0,
        "every URL in the corpus is hostile"
    );
    let article = doc.select(&sel(".article-text")).next().unwrap();
    let text: String = article.text().collect();
    for payload in HOSTILE {
        assert!(
            text.contains(payload.trim_start()),
            "{payload:?} is not shown as text"
        );
    }
    for c in r.claims() {
        let marks = sel(&format!(
            "mark[data-claim=\"{}\"]",
            c.id.as_str().replace('"', "\\\"")
        ));
        let joined: String = article.select(&marks).flat_map(|m| m.text()).collect();
        assert_eq!(joined, c.quote);
    }
    // Unsafe URLs are shown, as text, beside the source.
    assert!(
        doc.select(&sel(".unsafe code"))
            .any(|c| c.text().any(|t| t.contains("javascript:alert(6)")))
    );
}

#[test]
fn markdown_lets_no_syntax_through() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let md = out(&hostile_review(), ExportFormat::Markdown);
    let mut text = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML passed: {h:?}"),
            Event::InlineMath(m) | Event::DisplayMath(m) => panic!("math passed: {m:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link passed: {dest_url}"),
            Event::Start(
                t @ (Tag::Image { .. } | Tag::Table(_) | Tag::Strikethrough | Tag::CodeBlock(_)),
            ) => {
                panic!("{t:?} passed")
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    for payload in [
        "<script>alert(1)</script>",
        "[click](javascript:alert(5))",
        "**bold** _em_ `code`",
        "=HYPERLINK(",
    ] {
        assert!(text.contains(payload), "{payload:?} is not shown as text");
    }
    // Headings are only ours: "# heading" from the article is text.
    let headings = md.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(
        headings,
        md.lines()
            .filter(|l| l.starts_with("# Fact") || l.starts_with("## ") || l.starts_with("### "))
            .count()
    );
}

#[test]
fn csv_neutralises_formulas_and_reads_back() {
    let r = hostile_review();
    let bytes = export(&r, ExportFormat::Csv).unwrap().bytes;
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let quote_col = rdr
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "quote")
        .expect("a quote column");
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), r.claims().len());
    for (row, c) in rows.iter().zip(r.claims()) {
        for cell in row.iter() {
            let first = cell.chars().next();
            assert!(
                !matches!(
                    first,
                    Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0')
                ),
                "{cell:?}"
            );
        }
        let quote = row[quote_col]
            .strip_prefix('\'')
            .filter(|_| c.quote.starts_with(['=', '+', '-', '@', '\t']))
            .unwrap_or(&row[quote_col]);
        assert_eq!(quote, c.quote);
    }
}

#[test]
fn json_exports_parse_and_cannot_break_out_of_a_script_element() {
    let r = hostile_review();
    for f in [ExportFormat::ClaimReview, ExportFormat::WebAnnotation] {
        let text = out(&r, f);
        assert!(
            !text.contains('<') && !text.contains('>'),
            "{f}: raw angle brackets"
        );
        let v: Value = serde_json::from_str(&text).unwrap();
        let mut urls = Vec::new();
        collect_urls(&v, &mut urls);
        for u in urls {
            assert!(
                u.starts_with("https://")
                    || u.starts_with("http://")
                    || u.starts_with('#')
                    || u.starts_with("urn:claimdesk:"),
                "{f}: {u}"
            );
        }
    }
    let wa: Value = serde_json::from_str(&out(&r, ExportFormat::WebAnnotation)).unwrap();
    let chars: Vec<char> = r.article.text().chars().collect();
    for a in wa["first"]["items"].as_array().unwrap() {
        let sel = a["target"]["selector"].as_array().unwrap();
        let (s, e) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            sel[0]["exact"].as_str().unwrap()
        );
    }
}

/// Values of keys that hold links: `url`, `id`, `source`, `sameAs`.
fn collect_urls(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                if let (true, Some(s)) = (
                    matches!(k.as_str(), "url" | "id" | "source" | "sameAs"),
                    val.as_str(),
                ) {
                    out.push(s.to_owned());
                }
                collect_urls(val, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_urls(x, out)),
        _ => {}
    }
}

#[test]
#[ignore = "writes the corpus exports to $CLAIMDESK_DUMP_DIR (default /tmp) as claimdesk-hostile.*"]
fn dump_corpus_exports() {
    let r = hostile_review();
    let dir = std::env::var_os("CLAIMDESK_DUMP_DIR").unwrap_or_else(|| "/tmp".into());
    for f in ExportFormat::ALL {
        std::fs::write(
            std::path::Path::new(&dir).join(format!("claimdesk-hostile.{}", f.name())),
            export(&r, f).unwrap().bytes,
        )
        .unwrap();
    }
}
