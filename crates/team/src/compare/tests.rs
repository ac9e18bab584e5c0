//! Each figure against values worked out by hand (the arithmetic is in the comments and in
//! docs/agreement.md's worked example, which is this first review pair).

use super::*;
use ClaimStatus::{Asserted as A, Disputed as D, UnderInvestigation as I};
use claimdesk_model::{Article, Claim};

const TEXT: &str = "Crime fell. Taxes rose. They wrote on the blackboard.";

fn claim(article: &Article, id: &str, needle: &str, status: ClaimStatus) -> Claim {
    test_claim(article, id, needle, status)
}

fn review(claims: &[(&str, &str, ClaimStatus)]) -> Review {
    let article = Article::new("t", "", TEXT.into());
    let claims = claims
        .iter()
        .map(|&(id, needle, status)| claim(&article, id, needle, status))
        .collect();
    Review::with_claims(article, claims)
}

/// Analyst A and analyst B, each with their own ids: they agree on two claims and differ on
/// the third's extent ("the blackboard" / "blackboard") and status.
fn pair() -> (Review, Review) {
    let a = review(&[
        ("a1", "Crime fell", D),
        ("a2", "Taxes rose", A),
        ("a3", "the blackboard", D),
    ]);
    let b = review(&[
        ("b1", "Crime fell", D),
        ("b2", "Taxes rose", A),
        ("b3", "blackboard", A),
    ]);
    (a, b)
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() < 1e-9
}

#[test]
fn exact_matching_would_report_perfect_agreement_falsely() {
    let (a, b) = pair();
    // Exact spans pair only a1-b1 and a2-b2 (both agreeing): p_o = 1, p_e = ½·½ + ½·½ = ½,
    // kappa = (1 − ½) / (1 − ½) = 1, although the analysts disagree on the third claim.
    let exact = match_claims(a.claims(), b.claims(), MatchRule::ExactSpan);
    assert_eq!(exact.pairs.len(), 2);
    let k = agreement::cohen_kappa(&status_pairs(&a, &b, &exact));
    assert_eq!(k.kappa, Some(1.0));
    // Overlap matching pairs "the blackboard" with "blackboard" (Jaccard 10/14 ≈ 0.71):
    // p_o = 2/3; A: D 2/3, A 1/3; B: D 1/3, A 2/3; p_e = 2/9 + 2/9 = 4/9;
    // kappa = (2/3 − 4/9) / (1 − 4/9) = (2/9) / (5/9) = 0.4.
    let c = compare(&a, &b).unwrap();
    assert_eq!(c.matching.pairs.len(), 3);
    assert!(c.matching.pairs.iter().all(|p| p.2 == MatchedBy::Overlap));
    assert!(close(c.kappa.observed, 2.0 / 3.0));
    assert!(close(c.kappa.expected, 4.0 / 9.0));
    assert!(close(c.kappa.kappa.unwrap(), 0.4), "{:?}", c.kappa);
}

#[test]
fn span_scores_exact_and_overlapping() {
    let (a, b) = pair();
    let c = compare(&a, &b).unwrap();
    // Exact: 2 of B's 3 spans are A's, 2 of A's 3 are B's.
    assert!(close(c.span_exact.precision, 2.0 / 3.0));
    assert!(close(c.span_exact.recall, 2.0 / 3.0));
    assert!(close(c.span_exact.f1, 2.0 / 3.0));
    // Overlapping: every span shares characters with one on the other side.
    assert_eq!(
        (
            c.span_overlapping.precision,
            c.span_overlapping.recall,
            c.span_overlapping.f1
        ),
        (1.0, 1.0, 1.0)
    );
    // B marks one more claim A does not have: precision drops, recall stays.
    let mut b2 = b.clone();
    b2.insert(claim(&b.article, "b4", "They wrote", I));
    let c = compare(&a, &b2).unwrap();
    assert!(close(c.span_overlapping.precision, 3.0 / 4.0));
    assert_eq!(c.span_overlapping.recall, 1.0);
    assert!(close(c.span_overlapping.f1, 2.0 * 0.75 / 1.75));
    assert_eq!(
        c.matching.only_b,
        [2],
        "\"They wrote\" comes before \"blackboard\""
    );
}

#[test]
fn character_alpha_by_hand() {
    let (a, b) = pair();
    let c = compare(&a, &b).unwrap();
    // 53 chars, 2 coders: n = 106 values. "the " (4 chars: D vs none) and "blackboard"
    // (10 chars: D vs A) disagree: 14 units, Σ_{c≠k} o_ck = 28.
    // Label totals: none 19 + 23 = 42, D 24 + 10 = 34, A 10 + 20 = 30.
    // alpha = 1 − (n − 1)·28 / (n² − Σ n_c²) = 1 − 105·28 / (11236 − 3820) = 1 − 2940/7416.
    assert_eq!(c.char_alpha.units, 53);
    assert_eq!(c.char_alpha.disagreeing, 14);
    assert!(close(c.char_alpha.alpha.unwrap(), 1.0 - 2940.0 / 7416.0));
    // Identical reviews: alpha 1.
    let same = compare(&a, &a).unwrap();
    assert_eq!(same.char_alpha.alpha, Some(1.0));
    assert_eq!(same.span_exact.f1, 1.0);
}

#[test]
fn ids_pair_first_even_when_the_spans_moved_apart() {
    let (a, _) = pair();
    // B kept a1's id (a shared file) but narrowed it to "fell": Jaccard 4/10 < 0.5.
    let b = review(&[("a1", "fell", D), ("b3", "blackboard", D)]);
    let c = compare(&a, &b).unwrap();
    assert_eq!(c.matching.pairs[0], (0, 0, MatchedBy::Id));
    assert_eq!(c.matching.pairs.len(), 2);
    assert_eq!(c.matching.only_a, [1]);
}

#[test]
fn overlap_below_half_is_no_match_and_the_best_overlap_wins() {
    let a = review(&[("a1", "the blackboard", D)]);
    // "on the" shares 3 of 17 chars with "the blackboard": no match. "the black" shares 9 of
    // 14 (0.64) and "blackboard" 10 of 14 (0.71): "blackboard" wins.
    let b = review(&[
        ("b1", "on the", D),
        ("b2", "the black", D),
        ("b3", "blackboard", D),
    ]);
    let c = compare(&a, &b).unwrap();
    assert_eq!(c.matching.pairs, [(0, 2, MatchedBy::Overlap)]);
    assert_eq!(c.matching.only_b, [0, 1]);
    assert!(close(
        matching::jaccard(a.claims()[0].span, b.claims()[1].span),
        9.0 / 14.0
    ));
}

#[test]
fn kappa_is_undefined_when_chance_agreement_is_certain() {
    let a = review(&[("a1", "Crime fell", D), ("a2", "Taxes rose", D)]);
    let c = compare(&a, &a).unwrap();
    assert_eq!(c.kappa.observed, 1.0);
    assert_eq!(c.kappa.expected, 1.0);
    assert_eq!(c.kappa.kappa, None);
}

#[test]
fn different_texts_are_refused_naming_the_difference() {
    let (a, _) = pair();
    let other = Article::new("t", "", TEXT.replace("Taxes rose", "Taxes fell"));
    let b = Review::new(other);
    let err = compare(&a, &b).unwrap_err();
    assert_eq!(err.at, 18);
    assert_eq!(err.a_there, "rose. They wrote on the …");
    let msg = err.to_string();
    assert!(msg.contains("character 18"), "{msg}");
    assert!(msg.contains(&a.article.sha256()[..12]), "{msg}");
}

#[test]
fn marks_say_where_the_reviews_agree_differ_or_have_a_claim_alone() {
    let (a, mut b) = pair();
    let mut b2 = b.claims()[1].clone();
    b2.note = "checked with the budget office".into();
    b2.verdict = "  ".into(); // only space: the same as A's empty verdict
    b.replace(b2);
    let mut a = a;
    let extra_a = claim(&a.article, "a4", "They wrote", I);
    let extra_b = claim(&b.article, "b4", "wrote on", D);
    a.insert(extra_a);
    b.insert(extra_b);
    let c = compare(&a, &b).unwrap();
    let got: Vec<(&str, Agreement)> = marks(&a, &b, &c.matching)
        .into_iter()
        .map(|m| {
            let text = a.article.slice(m.span.start, m.span.end);
            (text, m.agreement)
        })
        .collect();
    // "They wrote" and "wrote on" share 5 of 13 characters (Jaccard < 0.5): not a pair.
    assert_eq!(
        got,
        [
            ("Crime fell", Agreement::Agree),
            ("Taxes rose", Agreement::Differ(vec!["note"])),
            ("They wrote", Agreement::OnlyA),
            ("wrote on", Agreement::OnlyB),
            ("the blackboard", Agreement::Differ(vec!["status"])),
        ]
    );
}

#[test]
fn taking_a_field_copies_exactly_that_field() {
    let (a, b) = pair();
    let mut ours = a.claims()[2].clone();
    let mut theirs = b.claims()[2].clone();
    theirs.claimant = "Mayor".into();
    theirs.evidence = vec![claimdesk_model::Evidence {
        url: "https://example.org/minutes".into(),
        ..Default::default()
    }];
    assert_eq!(
        differing_fields(&ours, &theirs),
        ["status", "claimant", "sources"]
    );
    for field in ["claimant", "sources"] {
        assert!(crate::merge::copy_field(&theirs, &mut ours, field));
    }
    assert_eq!(differing_fields(&ours, &theirs), ["status"]);
    assert_eq!(ours.span, a.claims()[2].span, "the span stays ours");
    assert!(!crate::merge::copy_field(&theirs, &mut ours, "span"));
    assert_eq!(crate::merge::field_shown(&theirs, "sources"), "1 source");
}
