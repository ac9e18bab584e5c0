//! Every input kind of issue 6 has a fixture written for these tests (core/tests/fixtures/import):
//! a saved news page, Windows-1252, UTF-16 LE and BE, Markdown, Arabic, emoji and combining marks.

use claimdesk_testkit as common;

use claimdesk_import::{
    ArticleKind, EncodingSource, ImportOptions, Imported, import_article, import_article_file,
};
use claimdesk_model::text::{CharIndex, snap_to_graphemes, word_at};
use claimdesk_model::{Claim, ClaimStatus, Span};
use common::test_file;

fn import(name: &str) -> Imported {
    import_article(
        &test_file(&format!("fixtures/import/{name}")),
        &ImportOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn saved_news_page_keeps_the_article_and_drops_the_chrome() {
    let i = import("news-page.html");
    let text = i.review.article.text();
    assert_eq!(i.kind, ArticleKind::Html);
    assert_eq!(i.encoding, "UTF-8");
    assert_eq!(
        text,
        "Libya denies abuse of migrants in detention centres\n\n\
         The Chief of the Anti-Illegal Immigration Department, Mohammed Besher, said on Sunday \
         that the reports were lies and fabrications.\n\n\
         He added that “Libya is not to blame for the displacement of thousands of persons from \
         their homelands”, and that the department is ready to cooperate.\n\n\
         What the United Nations says\n\n\
         The detention system for migrants in Libya is broken beyond repair.\n\n\
         The UN listed three concerns:\n\n\
         overcrowding in the centres,\n\n\
         lack of food and water,\n\n\
         reports of forced labour.\n"
    );
    for gone in [
        "Injected",
        "dataLayer",
        "JSON-LD",
        "World",
        "cookies",
        "ADVERTISEMENT",
        "Hidden",
        "Share on",
        "Filed under",
        "Related",
        "Newsletter",
        "©",
        "Google Tag",
    ] {
        assert!(!text.contains(gone), "{gone} leaked into the text");
    }
    let r = &i.review;
    assert_eq!(
        r.article.title,
        "Libya denies abuse of migrants in detention centres"
    );
    assert_eq!(
        r.article.source,
        "https://observer.example/news/libya-denies-abuse"
    );
    assert_eq!(
        r.details.article_url,
        "https://observer.example/news/libya-denies-abuse"
    );
    assert_eq!(r.details.article_published, "2017-11-26");
    assert!(
        i.notes.iter().any(|n| n.contains("furniture")),
        "{:?}",
        i.notes
    );
    // The author line is a page fact, not article text.
    assert_eq!(
        r.details.extra["article_byline"],
        "By Staff Reporter · 26 November 2017"
    );
    assert!(
        i.notes
            .iter()
            .any(|n| n == "Byline: By Staff Reporter · 26 November 2017")
    );
}

#[test]
fn windows_1252_with_curly_quotes_and_em_dash() {
    let i = import("windows-1252.txt");
    assert_eq!(i.encoding, "windows-1252");
    assert_eq!(i.encoding_source, EncodingSource::Guessed);
    assert_eq!(
        i.review.article.text(),
        "“Lies and fabrications,” said the department’s chief — a claim the UN disputes.\n\n\
         Café owners in Tripoli said the résumé of the minister was ‘naïve’; prices rose \
         20\u{a0}% to €4,000.\n"
    );
    // The user can override the guess.
    let latin2 = import_article(
        &test_file("fixtures/import/windows-1252.txt"),
        &ImportOptions {
            encoding: Some("iso-8859-2".into()),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(latin2.encoding, "ISO-8859-2");
    assert_eq!(latin2.encoding_source, EncodingSource::Override);
    assert_ne!(latin2.review.article.text(), i.review.article.text());
}

#[test]
fn utf16_le_and_be_with_bom() {
    let le = import("utf16-le.txt");
    let be = import("utf16-be.txt");
    assert_eq!(le.encoding, "UTF-16LE");
    assert_eq!(be.encoding, "UTF-16BE");
    let expected = "Libya denies abuse of migrants.\n\nThe reports were “lies and fabrications”, \
                    he said — ليبيا 🇱🇾.\n";
    assert_eq!(le.review.article.text(), expected);
    assert_eq!(be.review.article.text(), expected);
}

#[test]
fn markdown_post_loses_its_syntax() {
    let i = import("post.md");
    assert_eq!(i.kind, ArticleKind::Markdown);
    assert_eq!(
        i.review.article.text(),
        "Four claims about the coast guard\n\n\
         The ministry said the boats were intercepted near Misrata on Sunday, and that no one \
         was hurt.\n\n\
         The claims\n\n\
         The coast guard saved 400 people.\n\
         Every boat was overloaded.\n\
         nested detail with inline code\n\n\
         A spokesperson said: \"We follow the rules.\"\n\n\
         figures: 400 rescued, 12 boats\n\n\
         See the full report for details.\n"
    );
    assert_eq!(
        i.review.article.title,
        "Fact check: four claims about the coast guard"
    );
    assert_eq!(i.review.details.article_published, "2018-03-02");
}

#[test]
fn arabic_article_offsets_are_code_points() {
    let r = import_article_file(&test_file("fixtures/import/arabic.txt")).unwrap();
    let text = r.article.text();
    let quote = "التقارير كانت أكاذيب وافتراءات";
    let byte = text.find(quote).unwrap();
    let start = r.article.index().char_of(text, byte);
    let claim = Claim::new(
        &r.article,
        Span::new(start, start + quote.chars().count()),
        ClaimStatus::Disputed,
    );
    assert_eq!(claim.quote, quote);
    assert_eq!(start, text[..byte].chars().count());
    // Word selection works on Arabic words.
    let (a, b) = word_at(text, r.article.index(), start + 2);
    assert_eq!(r.article.slice(a, b), "التقارير");
}

#[test]
fn emoji_flags_and_combining_marks_are_never_split() {
    let r = import_article_file(&test_file("fixtures/import/emoji-flags.txt")).unwrap();
    let text = r.article.text();
    let idx = CharIndex::new(text);
    // Every char offset snaps to a boundary that keeps whole grapheme clusters.
    let flag = text.chars().position(|c| c == '\u{1F1F1}').unwrap();
    assert_eq!(
        snap_to_graphemes(text, &idx, flag + 1, flag + 1),
        (flag, flag + 2)
    );
    let family = text.chars().position(|c| c == '👨').unwrap();
    let (a, b) = snap_to_graphemes(text, &idx, family + 2, family + 3);
    assert_eq!(idx.slice(text, a, b), "👨‍👩‍👧‍👦");
    let accent = text.chars().position(|c| c == '\u{301}').unwrap();
    let (a, b) = snap_to_graphemes(text, &idx, accent, accent);
    assert_eq!(idx.slice(text, a, b), "e\u{301}");
    let wave = text.chars().position(|c| c == '👋').unwrap();
    let (a, b) = snap_to_graphemes(text, &idx, wave + 1, wave + 1);
    assert_eq!(idx.slice(text, a, b), "👋🏽");
    let keycap = text.chars().position(|c| c == '1').unwrap();
    let (a, b) = snap_to_graphemes(text, &idx, keycap + 1, keycap + 2);
    assert_eq!(idx.slice(text, a, b), "1️⃣");
    // A claim over them keeps the exact text through a save and load.
    let (s, _) = snap_to_graphemes(text, &idx, flag, flag);
    let end = text.chars().position(|c| c == ':').unwrap();
    let claim = Claim::new(&r.article, Span::new(s, end), ClaimStatus::Asserted);
    assert_eq!(claim.quote, "🇱🇾 and Germany 🇩🇪");
    let mut review = r.clone();
    review.insert(claim);
    let json = claimdesk_model::format::to_json(&review);
    let again = claimdesk_model::format::load_str(&json).unwrap();
    assert!(again.warnings.is_empty());
    assert_eq!(again.review.claims()[0].quote, "🇱🇾 and Germany 🇩🇪");
}
