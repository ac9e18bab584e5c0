//! The real binary: `claimdesk suggest` and `claimdesk train-suggester` on articles and reviews
//! written for these tests.

use std::path::Path;

use crate::harness::{Dir, claimdesk};
use claimdesk_model::format::save_file;
use claimdesk_model::{Article, Claim, ClaimStatus, Review, Span};
use claimdesk_suggest::Model;
use serde_json::Value;

/// A debate excerpt written for these tests (not a real transcript).
const DEBATE: &str = "\
MODERATOR: Good evening and welcome. How will you pay for your plan?
SEN. HOLLIS: Thank you. Under our law the deficit fell by 40 percent since 2012, and unemployment is at 3.9 percent.
(APPLAUSE)
MODERATOR: Governor, your response?
GOV. MARSH: I think we can do better for every family. Violent crime rose 5 percent last year.
MODERATOR: Is that true?
SEN. HOLLIS: No. Crime fell in 2019, according to the FBI.
";

fn chars_of(text: &str, needle: &str) -> Span {
    let start = text[..text.find(needle).expect(needle)].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// A review of `text` with a claim on each of `claims`.
fn write_review(path: &Path, text: &str, claims: &[&str]) {
    let article = Article::new("debate.txt", "", text.to_owned());
    let claims = claims
        .iter()
        .map(|q| Claim::new(&article, chars_of(text, q), ClaimStatus::UnderInvestigation))
        .collect();
    save_file(path, &Review::with_claims(article, claims)).unwrap();
}

#[test]
fn suggest_lists_the_claims_worth_checking_best_first() {
    let dir = Dir::new();
    let article = dir.write("debate.txt", DEBATE);
    let text = claimdesk(["suggest"]).arg(&article).stdout();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("[SEN. HOLLIS] Under our law the deficit fell"),
        "{text}"
    );
    assert!(
        lines[0].contains("40 percent") || lines[0].contains("since 2012"),
        "reasons: {text}"
    );
    assert!(
        text.contains("[GOV. MARSH] Violent crime rose 5 percent"),
        "{text}"
    );
    assert!(
        !text.contains("How will you pay"),
        "a moderator's question: {text}"
    );
    assert!(!text.contains("APPLAUSE"), "{text}");
    assert!(!text.contains("Thank you."), "{text}");
    let summary = lines.last().unwrap();
    assert!(
        summary.contains("sentences suggested at threshold 0.50, expected precision"),
        "{summary}"
    );
    let score: f32 = lines[0].split_whitespace().next().unwrap().parse().unwrap();
    assert!((0.5..=1.0).contains(&score));
}

#[test]
fn suggest_json_all_on_a_review_gives_offsets_into_the_article() {
    let dir = Dir::new();
    let review = dir.join("debate.claimdesk");
    write_review(&review, DEBATE, &["Violent crime rose"]);
    let out = claimdesk(["suggest"])
        .arg(&review)
        .args(["--json", "--all"])
        .stdout();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["model"], "built-in");
    let speakers = v["speakers"].as_array().unwrap();
    assert_eq!(speakers[0]["name"], "MODERATOR");
    assert_eq!(speakers[0]["moderator"], true);
    assert_eq!(speakers[1]["moderator"], false);
    let sentences = v["sentences"].as_array().unwrap();
    let chars: Vec<char> = DEBATE.chars().collect();
    for s in sentences {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[a..b].iter().collect::<String>(),
            s["text"].as_str().unwrap()
        );
        let score = s["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    let find = |start: &str| {
        sentences
            .iter()
            .find(|s| s["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("{start} listed"))
    };
    assert_eq!(find("Violent crime")["excluded"], "already a claim");
    assert_eq!(find("Violent crime")["suggested"], false);
    assert_eq!(find("How will you pay")["excluded"], "moderator");
    assert_eq!(find("(APPLAUSE)")["excluded"], "stage direction");
    assert_eq!(find("Under our law")["suggested"], true);
    assert_eq!(find("Under our law")["speaker"], "SEN. HOLLIS");
    assert!(
        !find("Under our law")["reasons"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let plain = claimdesk(["suggest"])
        .arg(&review)
        .args(["--threshold", "0"])
        .stdout();
    assert!(
        !plain.contains("Violent crime"),
        "a marked claim is not suggested again"
    );
}

#[test]
fn suggest_rejects_bad_input_with_one_line() {
    let dir = Dir::new();
    let article = dir.write("a.txt", DEBATE);
    let bogus = dir.write("model.bin", b"not a model");
    let a = article.to_str().unwrap();
    for (args, expect) in [
        (
            vec!["suggest", a, "--threshold", "1.5"],
            "not between 0 and 1",
        ),
        (
            vec!["suggest", a, "--model", bogus.to_str().unwrap()],
            "not a Claimdesk suggestion model",
        ),
        (vec!["suggest", "/nonexistent/x.txt"], "x.txt"),
    ] {
        let err = claimdesk(&args).assert_exit_code(1);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("claimdesk: ") && err.contains(expect),
            "{err}"
        );
    }
}

/// Reviews whose claims are on sentences with figures, for training.
fn write_training_reviews(dir: &Path) {
    let articles = [
        (
            "a",
            "The mayor spoke on Monday. Crime fell 12 percent in 2019. She thanked the police. Taxes rose by $300 for each family. It was a sunny day.",
            &["Crime fell 12 percent", "Taxes rose by $300"][..],
        ),
        (
            "b",
            "Good morning to all of you. Exports grew to $5 billion last year. We are happy to be here. Unemployment is at 4 percent. Thank you.",
            &["Exports grew", "Unemployment is at 4 percent"][..],
        ),
        (
            "c",
            "Let me be clear. The deficit doubled since 2010. I love this town. Wages rose 3 percent in 2021. See you soon.",
            &["The deficit doubled", "Wages rose 3 percent"][..],
        ),
        (
            "d",
            "Hello everyone. Prices climbed 8 percent in 2022. What a crowd. Jobs grew by 200,000 in May. God bless.",
            &["Prices climbed", "Jobs grew by 200,000"][..],
        ),
        (
            "e",
            "It is good to see you. Emissions dropped 10 percent since 2005. We will keep going. Rents rose $150 a month. Goodnight.",
            &["Emissions dropped", "Rents rose $150"][..],
        ),
    ];
    std::fs::create_dir(dir.join("sub")).unwrap();
    for (name, text, claims) in articles {
        let folder = if name == "e" {
            dir.join("sub")
        } else {
            dir.to_owned()
        };
        write_review(&folder.join(format!("{name}.claimdesk")), text, claims);
    }
    std::fs::write(dir.join("notes.txt"), "not a review").unwrap();
}

#[test]
fn train_suggester_learns_from_reviews_reproducibly() {
    let dir = Dir::new();
    let reviews = dir.join("reviews");
    std::fs::create_dir(&reviews).unwrap();
    write_training_reviews(&reviews);
    let m1 = dir.join("m1.bin");
    let m2 = dir.join("m2.bin");
    let text = claimdesk(["train-suggester"])
        .arg(&reviews)
        .arg("-o")
        .arg(&m1)
        .stdout();
    assert!(
        text.contains("learned from 5 reviews: 25 sentences, 10 overlapping a claim"),
        "{text}"
    );
    assert!(text.contains("built-in model"), "{text}");
    claimdesk(["train-suggester"])
        .arg(&reviews)
        .arg("-o")
        .arg(&m2)
        .stdout();
    assert_eq!(
        std::fs::read(&m1).unwrap(),
        std::fs::read(&m2).unwrap(),
        "same reviews, same model"
    );
    let model = Model::load(&m1).unwrap();
    assert!(
        model.score("Inflation climbed 6 percent in 2023.")
            > model.score("Hello and thank you all.")
    );

    let tuned = dir.join("tuned.bin");
    claimdesk(["train-suggester"])
        .arg(&reviews)
        .arg("-o")
        .arg(&tuned)
        .arg("--from-builtin")
        .stdout();
    assert_ne!(std::fs::read(&tuned).unwrap(), std::fs::read(&m1).unwrap());

    let article = dir.write("debate.txt", DEBATE);
    let used = claimdesk(["suggest"])
        .arg(&article)
        .arg("--model")
        .arg(&tuned)
        .arg("--json")
        .stdout();
    let v: Value = serde_json::from_str(&used).unwrap();
    assert_eq!(v["model"], tuned.to_str().unwrap());
}

#[test]
fn train_suggester_refuses_what_it_cannot_learn_from() {
    let dir = Dir::new();
    let out_model = dir.join("m.bin");
    let o = out_model.to_str().unwrap();
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let no_claims = dir.join("no-claims.claimdesk");
    write_review(&no_claims, DEBATE, &[]);
    let text_file = dir.write("a.txt", DEBATE);
    for (input, expect) in [
        (empty.to_str().unwrap(), "no reviews"),
        (
            no_claims.to_str().unwrap(),
            "need check-worthy and other sentences",
        ),
        (text_file.to_str().unwrap(), "not a review"),
    ] {
        let err = claimdesk(["train-suggester", input, "-o", o]).assert_exit_code(1);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expect), "{err}");
    }
    assert!(!out_model.exists(), "nothing written on failure");
}
