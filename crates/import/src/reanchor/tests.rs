use super::*;
use claimdesk_model::{ClaimStatus, Review};
use std::time::Instant;

fn review_with(text: &str, quotes: &[&str]) -> Review {
    let article = Article::new("t", "", text.to_owned());
    let claims = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let byte = text.find(q).expect("quote in text");
            let start = article.index().char_of(text, byte);
            let mut c = Claim::new(
                &article,
                Span::new(start, start + q.chars().count()),
                ClaimStatus::Disputed,
            );
            c.id = ClaimId(format!("c{i}"));
            c
        })
        .collect();
    Review::with_claims(article, claims)
}

fn outcome<'p>(plan: &'p UpdatePlan, id: &str) -> &'p Outcome {
    &plan
        .get(&ClaimId(id.into()))
        .expect("claim in plan")
        .outcome
}

#[test]
fn unchanged_claims_follow_an_insertion_before_them() {
    let r = review_with(
        "The ministry said the reports were lies.",
        &["reports were lies"],
    );
    let plan = reanchor(&r, "Yesterday, 🇱🇾 the ministry said the reports were lies.");
    let Outcome::Unchanged { span } = outcome(&plan, "c0") else {
        panic!("{:?}", plan.claims)
    };
    let new = Article::new("t", "", plan.new_text.clone());
    assert_eq!(new.slice(span.start, span.end), "reports were lies");
    assert_eq!(span.start, 36);
}

#[test]
fn same_text_is_all_unchanged() {
    let r = review_with("One two three.", &["two"]);
    let plan = reanchor(&r, "One two three.");
    assert!(plan.is_same_text());
    assert_eq!(plan.counts().unchanged, 1);
    let updated = apply(&r, &plan, false);
    assert!(updated.earlier_versions.is_empty(), "no new version");
}

#[test]
fn moved_paragraph_is_found_once() {
    let text = "First paragraph about the coast guard.\n\nSecond paragraph: migrants were held in Tripoli.\n";
    let r = review_with(text, &["migrants were held in Tripoli"]);
    let new = "Second paragraph: migrants were held in Tripoli.\n\nA new lead.\n\nFirst paragraph about the coast guard.\n";
    let plan = reanchor(&r, new);
    let o = outcome(&plan, "c0");
    assert!(
        matches!(o, Outcome::Unchanged { .. } | Outcome::Moved { .. }),
        "{o:?}"
    );
    let updated = apply(&r, &plan, false);
    let c = &updated.claims()[0];
    assert!(!c.orphaned);
    assert_eq!(
        updated.article.slice(c.span.start, c.span.end),
        "migrants were held in Tripoli"
    );
}

#[test]
fn edited_quote_is_changed_with_a_word_diff_and_waits_for_acceptance() {
    let r = review_with(
        "Intro. The official said the reports were lies and fabrications, and left. End.",
        &["the reports were lies and fabrications"],
    );
    let plan = reanchor(
        &r,
        "Intro. The official said the reports were exaggerated fabrications, and left. End.",
    );
    let Outcome::Changed { candidate, diff } = outcome(&plan, "c0") else {
        panic!("{:?}", plan.claims)
    };
    assert_eq!(candidate.quote, "the reports were exaggerated fabrications");
    assert!(candidate.score >= MIN_SCORE && candidate.score < 1.0);
    assert!(
        diff.iter()
            .any(|w| w.kind == ChangeKind::Removed && w.text.contains("lies"))
    );
    assert!(
        diff.iter()
            .any(|w| w.kind == ChangeKind::Added && w.text.contains("exaggerated"))
    );
    // Not accepted: kept as an orphan with the old quote.
    let kept = apply(&r, &plan, false);
    assert!(kept.claims()[0].orphaned);
    assert_eq!(
        kept.claims()[0].quote,
        "the reports were lies and fabrications"
    );
    // Accepted: re-anchored on the new words.
    let accepted = apply(&r, &plan, true);
    let c = &accepted.claims()[0];
    assert!(!c.orphaned);
    assert_eq!(c.quote, "the reports were exaggerated fabrications");
    assert_eq!(accepted.earlier_versions.len(), 1);
    assert_eq!(accepted.earlier_versions[0].text, r.article.text());
    assert_eq!(accepted.earlier_versions[0].sha256, r.article.sha256());
}

/// hypothesis/client#7571: the claimed sentence is removed; a look-alike sentence elsewhere
/// must not capture the claim, however similar it is, even with --accept-changed.
#[test]
fn removed_sentence_is_not_captured_by_a_look_alike_7571() {
    let claimed = "The ministry said the reports of abuse were lies.";
    let look_alike = "The ministry said the reports of abuse were false.";
    let far = format!(
        "{claimed} Officials gave no figures.\n\nMore text about the coast guard.\n\n{look_alike}\n"
    );
    let adjacent = format!("Lead. {claimed} {look_alike} Tail.\n");
    let before_it = format!("Lead. {look_alike} {claimed} Tail.\n");
    for old in [far, adjacent, before_it] {
        let r = review_with(&old, &[claimed]);
        let new = old.replacen(claimed, "", 1);
        let plan = reanchor(&r, &new);
        let o = outcome(&plan, "c0");
        assert!(matches!(o, Outcome::Orphaned { .. }), "{old:?}: {o:?}");
        let updated = apply(&r, &plan, true);
        let c = &updated.claims()[0];
        assert!(c.orphaned, "kept as an orphan");
        assert_eq!(c.quote, claimed, "with its old quote");
        // And it stays an orphan when the file is loaded again.
        let again =
            claimdesk_model::format::load_str(&claimdesk_model::format::to_json(&updated)).unwrap();
        assert!(again.review.claims()[0].orphaned);
    }
}

/// The same with an identical copy elsewhere that the old article already had.
#[test]
fn removed_sentence_is_not_captured_by_an_old_identical_copy_far_away() {
    let claimed = "Libya bears no responsibility.";
    let old = format!("{claimed} Some words here.\n\nOther words there.\n\nAnd: {claimed}\n");
    let article = Article::new("t", "", old.clone());
    let mut c = Claim::new(&article, Span::new(0, 30), ClaimStatus::Disputed);
    c.id = ClaimId("c0".into());
    let r = Review::with_claims(article, vec![c]);
    let new = old.replacen(&format!("{claimed} "), "", 1);
    let plan = reanchor(&r, &new);
    assert!(
        matches!(outcome(&plan, "c0"), Outcome::Orphaned { .. }),
        "{:?}",
        plan.claims
    );
}

#[test]
fn several_exact_places_use_context_or_are_ambiguous() {
    let r = review_with(
        "He said no. She said no to that. They said yes.",
        &["She said no"],
    );
    // The quote now appears twice in new text; the stored prefix/suffix pick one.
    let plan = reanchor(
        &r,
        "New: She said no too. He said no. She said no to that. They said yes.",
    );
    let o = outcome(&plan, "c0");
    let (Outcome::Unchanged { span } | Outcome::Moved { span }) = o else {
        panic!("{o:?}")
    };
    assert_eq!(span.start, 34);

    // An orphan's quote comes back twice, in different words around: ambiguous.
    let article = Article::new("t", "", "Alpha. Omega.".to_owned());
    let mut c = Claim::new(&article, Span::new(0, 5), ClaimStatus::Disputed);
    c.id = ClaimId("c0".into());
    c.quote = "The claim is here".into();
    c.orphaned = true;
    let r = Review::with_claims(article, vec![c]);
    let plan = reanchor(
        &r,
        "Alpha. X: The claim is here; Y: The claim is here; Omega.",
    );
    assert!(
        matches!(outcome(&plan, "c0"), Outcome::Ambiguous { candidates } if candidates.len() == 2),
        "{:?}",
        plan.claims
    );
    // Ambiguous: applied only with a choice.
    let kept = apply(&r, &plan, true);
    assert!(kept.claims()[0].orphaned);
    let mut d = Decisions::default();
    d.choices.insert(ClaimId("c0".into()), Choice::Candidate(1));
    let chosen = apply_with(&r, &plan, &d, Timestamp::now());
    assert!(!chosen.claims()[0].orphaned);
    assert_eq!(chosen.claims()[0].quote, "The claim is here");
}

#[test]
fn two_close_edited_candidates_are_ambiguous() {
    let r = review_with(
        "Start. The coast guard intercepted four boats near Misrata. End.",
        &["The coast guard intercepted four boats near Misrata"],
    );
    let plan = reanchor(
        &r,
        "Start. The coast guard intercepted five boats near Misrata. The coast guard intercepted six boats near Misrata. End.",
    );
    assert!(
        matches!(outcome(&plan, "c0"), Outcome::Ambiguous { .. }),
        "{:?}",
        plan.claims
    );
}

#[test]
fn rewritten_beyond_recognition_is_orphaned() {
    let r = review_with(
        "Start. The coast guard intercepted four boats near Misrata. End.",
        &["The coast guard intercepted four boats near Misrata"],
    );
    let plan = reanchor(&r, "Start. Weather was calm all week in the region. End.");
    assert!(matches!(
        outcome(&plan, "c0"),
        Outcome::Orphaned {
            reason: OrphanReason::NoGoodMatch(_)
        }
    ));
}

#[test]
fn short_quotes_are_never_matched_approximately() {
    let r = review_with("He denied it firmly.", &["denied it"]);
    let plan = reanchor(&r, "He rejected it firmly.");
    assert!(matches!(
        outcome(&plan, "c0"),
        Outcome::Orphaned {
            reason: OrphanReason::TooShort
        }
    ));
}

#[test]
fn grapheme_clusters_survive_reanchoring() {
    // Flags, a ZWJ family, combining marks, Arabic: spans stay on whole graphemes.
    let text = "🇱🇾 Libya: 👨‍👩‍👧 families, cafe\u{301}s. قال المتحدث إن التقارير كاذبة.";
    let r = review_with(text, &["👨‍👩‍👧 families, cafe\u{301}s", "التقارير كاذبة"]);
    let new = format!("🇩🇪🇱🇾 Update. {text}");
    let plan = reanchor(&r, &new);
    let updated = apply(&r, &plan, false);
    assert_eq!(plan.counts().unchanged, 2, "{:?}", plan.claims);
    for c in updated.claims() {
        assert_eq!(updated.article.slice(c.span.start, c.span.end), c.quote);
        let (a, b) = claimdesk_model::text::snap_to_graphemes(
            updated.article.text(),
            updated.article.index(),
            c.span.start,
            c.span.end,
        );
        assert_eq!((a, b), (c.span.start, c.span.end));
    }
}

#[test]
fn orphans_are_kept_and_refound_only_in_new_text() {
    let text = "One sentence here. Another sentence there.";
    let article = Article::new("t", "", text.to_owned());
    let mut c = Claim::new(&article, Span::new(0, 4), ClaimStatus::Asserted);
    c.quote = "a lost quote from before".into();
    c.orphaned = true;
    c.id = ClaimId("c0".into());
    let r = Review::with_claims(article, vec![c]);
    let plan = reanchor(
        &r,
        "One sentence here. Now: a lost quote from before. Another sentence there.",
    );
    assert!(matches!(outcome(&plan, "c0"), Outcome::Moved { .. }));
    let plan = reanchor(&r, "One sentence here, changed.");
    assert!(matches!(outcome(&plan, "c0"), Outcome::Orphaned { .. }));
    let updated = apply(&r, &plan, true);
    assert!(updated.claims()[0].orphaned);
    assert_eq!(updated.claims()[0].quote, "a lost quote from before");
}

#[test]
fn update_is_one_undoable_edit() {
    use claimdesk_model::history::History;
    let mut r = review_with(
        "The ministry said the reports were lies.",
        &["reports were lies"],
    );
    let before_text = r.article.text().to_owned();
    let before_claims = r.claims().to_vec();
    let plan = reanchor(&r, "Today the ministry said the reports were lies.");
    let edit = update_edit(&r, &plan, &Decisions::default(), Timestamp::now());
    let mut h = History::default();
    h.apply(&mut r, "update article", vec![edit], None, Instant::now())
        .unwrap();
    assert_eq!(
        r.article.text(),
        "Today the ministry said the reports were lies."
    );
    assert_eq!(r.earlier_versions.len(), 1);
    assert_eq!(r.claims()[0].quote, "reports were lies");
    h.undo(&mut r);
    assert_eq!(r.article.text(), before_text);
    assert_eq!(r.claims(), before_claims.as_slice());
    assert!(r.earlier_versions.is_empty());
    h.redo(&mut r);
    assert_eq!(r.earlier_versions.len(), 1);
}

#[test]
fn fit_finds_the_best_window() {
    let q = [1, 2, 3, 4];
    let w = [9, 9, 1, 2, 7, 4, 9, 1, 2, 3, 4, 9];
    let found = fit(&q, &w, 3);
    assert_eq!(found[0], (7, 11, 0));
    assert_eq!(found[1].2, 1);
}

#[allow(clippy::needless_range_loop)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Words of the article: each one distinct, so a deleted quote has no identical copy.
    fn word(i: usize) -> String {
        format!("w{i}")
    }

    #[derive(Debug, Clone)]
    enum Change {
        Insert(usize, usize),
        Delete(usize, usize),
        Replace(usize, usize, usize),
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            (0usize..200, 1usize..6).prop_map(|(a, n)| Change::Insert(a, n)),
            (0usize..200, 1usize..12).prop_map(|(a, n)| Change::Delete(a, n)),
            (0usize..200, 1usize..6, 1usize..6).prop_map(|(a, n, k)| Change::Replace(a, n, k)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn edits_keep_unchanged_claims_and_never_capture_deleted_ones(
            n_words in 20usize..120,
            spans in prop::collection::vec((0usize..120, 1usize..8), 1..8),
            changes in prop::collection::vec(change(), 1..5),
        ) {
            let mut words: Vec<String> = (0..n_words).map(word).collect();
            // Sentence punctuation now and then, so tokens differ from words.
            for (i, w) in words.iter_mut().enumerate() {
                if i % 9 == 8 { w.push('.'); }
            }
            let old = words.join(" ");
            let article = Article::new("t", "", old.clone());
            // Claim spans in word units.
            let starts: Vec<usize> = {
                let mut v = vec![0];
                for w in &words { v.push(v.last().unwrap() + w.chars().count() + 1); }
                v
            };
            let mut claims = Vec::new();
            for (k, (s, len)) in spans.iter().enumerate() {
                let s = s % n_words;
                let e = (s + len).min(n_words);
                let span = Span::new(starts[s], starts[e] - 1);
                let mut c = Claim::new(&article, span, ClaimStatus::Disputed);
                c.id = ClaimId(format!("c{k}"));
                claims.push((c, s, e));
            }
            let review = Review::with_claims(article, claims.iter().map(|c| c.0.clone()).collect());
            // Apply the word-level changes; inserted words are new ("n…").
            let mut new_words: Vec<Option<String>> = words.iter().cloned().map(Some).collect();
            let mut touched = vec![false; n_words];
            let mut inserts: Vec<(usize, Vec<String>)> = Vec::new();
            let mut fresh = 0;
            for ch in &changes {
                match *ch {
                    Change::Insert(a, n) => {
                        let a = a % (n_words + 1);
                        let ins = (0..n).map(|_| { fresh += 1; format!("n{fresh}") }).collect();
                        inserts.push((a, ins));
                    }
                    Change::Delete(a, n) => {
                        let a = a % n_words;
                        for i in a..(a + n).min(n_words) { new_words[i] = None; touched[i] = true; }
                    }
                    Change::Replace(a, n, k) => {
                        let a = a % n_words;
                        for i in a..(a + n).min(n_words) { new_words[i] = None; touched[i] = true; }
                        let ins = (0..k).map(|_| { fresh += 1; format!("n{fresh}") }).collect();
                        inserts.push((a, ins));
                    }
                }
            }
            let mut out: Vec<String> = Vec::new();
            // An insertion at a position touches the boundary there.
            let mut boundary_touched = vec![false; n_words + 1];
            for (a, _) in &inserts { boundary_touched[*a] = true; }
            for i in 0..=n_words {
                for (a, ins) in &inserts { if *a == i { out.extend(ins.iter().cloned()); } }
                if i < n_words && let Some(w) = &new_words[i] { out.push(w.clone()); }
            }
            let new = out.join(" ");
            let plan = reanchor(&review, &new);
            let updated = apply(&review, &plan, true);
            for (c, s, e) in &claims {
                let o = &plan.get(&c.id).unwrap().outcome;
                let untouched = (*s..*e).all(|i| !touched[i])
                    && (*s + 1..*e).all(|i| !boundary_touched[i]);
                let got = updated.claim(&c.id).unwrap();
                if untouched {
                    prop_assert!(matches!(o, Outcome::Unchanged { .. }), "{:?} {:?}", c.quote, o);
                }
                if !got.orphaned {
                    // Wherever a claim is attached, its quote is the text there.
                    prop_assert_eq!(updated.article.slice(got.span.start, got.span.end), got.quote.as_str());
                }
                let all_deleted = (*s..*e).all(|i| new_words[i].is_none());
                if all_deleted {
                    // Its words are gone (and inserted words are all new): never attached.
                    prop_assert!(matches!(o, Outcome::Orphaned { .. }), "{:?} {:?}", c.quote, o);
                    prop_assert!(got.orphaned);
                    prop_assert_eq!(&got.quote, &c.quote);
                }
            }
        }
    }
}
