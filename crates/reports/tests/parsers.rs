//! Every export of the sample review read back by a real parser: HTML by html5ever (scraper),
//! CSV by the csv crate, JSON-LD by serde_json with every ClaimReview field checked, Web
//! Annotation selectors resolved against the article, Markdown by a CommonMark parser.

use claimdesk_testkit as common;

use claimdesk_model::{ClaimStatus, Review};
use claimdesk_reports::{ExportFormat, export};
use common::sample_review;
use scraper::{Html, Selector};
use serde_json::Value;

fn text_of(review: &Review, format: ExportFormat) -> String {
    String::from_utf8(export(review, format).unwrap().bytes).unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn html_marks_cover_each_claim_exactly() {
    let review = sample_review();
    let doc = Html::parse_document(&text_of(&review, ExportFormat::Html));
    assert!(
        doc.errors.is_empty(),
        "html5ever parse errors: {:?}",
        doc.errors
    );
    assert_eq!(doc.select(&sel("script")).count(), 0);
    let csp = doc
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .unwrap();
    assert!(
        csp.value()
            .attr("content")
            .unwrap()
            .contains("default-src 'none'")
    );
    // Concatenating the text of each claim's marks in the article gives back its quote.
    let article = doc.select(&sel(".article-text")).next().unwrap();
    for c in review.claims() {
        let marks = sel(&format!("mark[data-claim=\"{}\"]", c.id));
        let found: Vec<_> = article.select(&marks).collect();
        if c.orphaned {
            assert!(found.is_empty(), "an orphan is not drawn in the text");
            continue;
        }
        assert!(!found.is_empty(), "{} has no mark", c.id);
        for m in &found {
            assert_eq!(m.value().attr("data-status"), Some(c.status.as_str()));
        }
        let joined: String = found.iter().flat_map(|m| m.text()).collect::<String>();
        // Nested marks of the same claim never occur, so the text is counted once per piece.
        assert_eq!(joined, c.quote, "{}", c.id);
    }
    // The article text is intact once marks and references are removed.
    let plain = text_without_refs(article);
    assert_eq!(plain, review.article.text());
}

#[test]
fn html_has_legend_summary_details_and_orphans() {
    let review = sample_review();
    let doc = Html::parse_document(&text_of(&review, ExportFormat::Html));
    assert_eq!(
        doc.select(&sel(".summary tbody tr")).count(),
        review.claims().len()
    );
    assert_eq!(doc.select(&sel(".legend li")).count(), 3);
    assert_eq!(doc.select(&sel(".orphans article.claim")).count(), 1);
    assert_eq!(
        doc.select(&sel("article.claim")).count(),
        review.claims().len()
    );
    for c in review.claims() {
        let section = sel(&format!("#claim-{}", c.id));
        assert_eq!(doc.select(&section).count(), 1, "{}", c.id);
    }
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap();
        assert!(
            href.starts_with('#') || href.starts_with("https://"),
            "{href}"
        );
    }
    // Nested marks: claim 4 lies inside claim 3 somewhere.
    assert!(
        doc.select(&sel(
            "mark[data-claim=c-000000000003] > mark[data-claim=c-000000000004]"
        ))
        .next()
        .is_some()
    );
}

#[test]
fn csv_reads_back_with_one_row_per_claim() {
    let review = sample_review();
    let bytes = export(&review, ExportFormat::Csv).unwrap().bytes;
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "id",
            "status",
            "verdict",
            "summary",
            "start",
            "end",
            "quote",
            "claimant",
            "claim_date",
            "note",
            "sources",
            "created",
            "modified",
            "last_change_by",
            "last_change_reason"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), review.claims().len());
    for (row, c) in rows.iter().zip(review.claims()) {
        assert_eq!(&row[0], c.id.as_str());
        assert_eq!(&row[1], c.status.as_str());
        assert_eq!(&row[3], c.summary);
        assert_eq!(&row[6], c.quote);
        assert_eq!(&row[8], c.claim_date);
        if !c.orphaned {
            let (s, e): (usize, usize) = (row[4].parse().unwrap(), row[5].parse().unwrap());
            assert_eq!(review.article.slice(s, e), c.quote);
        }
    }
    assert!(rows[0][10].contains("https://www.ohchr.org/"));
}

#[test]
fn claimreview_has_every_required_field() {
    let review = sample_review();
    let v: Value = serde_json::from_str(&text_of(&review, ExportFormat::ClaimReview)).unwrap();
    let items = v.as_array().unwrap();
    let with_verdict: Vec<_> = review
        .claims()
        .iter()
        .filter(|c| c.status != ClaimStatus::UnderInvestigation)
        .collect();
    assert_eq!(items.len(), with_verdict.len());
    for (item, c) in items.iter().zip(with_verdict) {
        assert_eq!(item["@context"], "https://schema.org");
        assert_eq!(item["@type"], "ClaimReview");
        let reviewed = item["claimReviewed"].as_str().unwrap();
        assert!(
            !reviewed.is_empty() && reviewed.chars().count() < 75,
            "{reviewed}"
        );
        assert_ne!(reviewed, c.verdict, "claimReviewed is never the verdict");
        assert_eq!(item["reviewRating"]["@type"], "Rating");
        assert_eq!(item["reviewRating"]["alternateName"], c.verdict.as_str());
        let url = item["url"].as_str().unwrap();
        assert_eq!(
            url,
            format!(
                "https://factcheck.example.org/2026/libya-migrants#claim-{}",
                c.id
            )
        );
        assert_eq!(item["itemReviewed"]["@type"], "Claim");
        assert_eq!(
            item["itemReviewed"]["appearance"]["url"],
            "https://www.libyaobserver.ly/news/example"
        );
        assert!(item["itemReviewed"]["datePublished"].is_string());
        assert_eq!(item["author"][0]["name"], "Claimdesk Fact Check");
        assert_eq!(item["author"][1]["name"], "Amal Haddad");
        assert_eq!(item["datePublished"], "2026-11-28");
        if !c.claimant.is_empty() {
            assert_eq!(item["itemReviewed"]["author"]["name"], c.claimant.as_str());
        }
    }
    assert_eq!(
        items[0]["claimReviewed"],
        "Reports of abuse of migrants in Libya are fabricated"
    );
}

#[test]
fn webannotation_selectors_resolve_to_the_quotes() {
    let review = sample_review();
    let v: Value = serde_json::from_str(&text_of(&review, ExportFormat::WebAnnotation)).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), review.claims().len());
    assert_eq!(v["total"], items.len());
    // Code points, as the Web Annotation model says: index the text as a Vec<char>.
    let chars: Vec<char> = review.article.text().chars().collect();
    for (a, c) in items.iter().zip(review.claims()) {
        assert_eq!(a["type"], "Annotation");
        let motivation = if c.status == ClaimStatus::UnderInvestigation {
            "questioning"
        } else {
            "assessing"
        };
        assert_eq!(a["motivation"], motivation);
        let target = &a["target"];
        assert_eq!(
            target["source"]["id"],
            "https://www.libyaobserver.ly/news/example"
        );
        let selectors = target["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        assert_eq!(quote["exact"], c.quote.as_str());
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector");
        match position {
            None => assert!(c.orphaned),
            Some(p) => {
                let (s, e) = (
                    p["start"].as_u64().unwrap() as usize,
                    p["end"].as_u64().unwrap() as usize,
                );
                let at: String = chars[s..e].iter().collect();
                assert_eq!(at, quote["exact"].as_str().unwrap());
                let prefix: String = chars
                    [s.saturating_sub(quote["prefix"].as_str().unwrap().chars().count())..s]
                    .iter()
                    .collect();
                assert_eq!(prefix, quote["prefix"].as_str().unwrap());
            }
        }
        let bodies = a["body"].as_array().unwrap();
        assert!(
            bodies
                .iter()
                .any(|b| b["purpose"] == "tagging" && b["value"] == c.status.as_str())
        );
        for e in c.evidence.iter().filter(|e| !e.url.is_empty()) {
            assert!(
                bodies
                    .iter()
                    .any(|b| b["purpose"] == "linking" && b["source"] == e.url.as_str())
            );
        }
    }
}

#[test]
fn markdown_has_no_raw_html_and_only_web_links() {
    use pulldown_cmark::{Event, Parser, Tag};
    let md = text_of(&sample_review(), ExportFormat::Markdown);
    let mut links = 0;
    for event in Parser::new(&md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML passed: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                links += 1;
                assert!(dest_url.starts_with("https://"), "{dest_url}");
            }
            Event::Start(Tag::Image { .. }) => panic!("an image in the report"),
            _ => {}
        }
    }
    assert!(links >= 3);
}

/// The text of an element and its descendants, leaving out the `<sup>` claim references.
fn text_without_refs(el: scraper::ElementRef) -> String {
    let mut out = String::new();
    for child in el.children() {
        if let Some(t) = child.value().as_text() {
            out.push_str(t);
        } else if let Some(e) =
            scraper::ElementRef::wrap(child).filter(|e| e.value().name() != "sup")
        {
            out.push_str(&text_without_refs(e));
        }
    }
    out
}
