//! Three-way merges: clean, conflicting, deleted on one side and edited on the other, the
//! article changed on one side or both, and resolving a conflict (one edit list, undoable).

use super::*;
use ClaimStatus::{Asserted as A, Disputed as D, UnderInvestigation as I};
use claimdesk_model::history::History;
use claimdesk_model::status_history::{Recording, record};
use claimdesk_model::{Article, Claim, ClaimId, ClaimStatus, Timestamp};

const TEXT: &str = "Crime fell. Taxes rose. They wrote on the blackboard.";

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn claim(article: &Article, id: &str, needle: &str, status: ClaimStatus) -> Claim {
    let mut c = crate::compare::test_claim(article, id, needle, status);
    c.created = at("2026-11-30T08:00:00Z");
    c.modified = c.created.clone();
    c
}

fn base() -> Review {
    let article = Article::new("t", "", TEXT.into());
    let claims = vec![
        claim(&article, "c1", "Crime fell", I),
        claim(&article, "c2", "Taxes rose", I),
    ];
    Review::with_claims(article, claims)
}

/// `review` with claim `id` changed by `change`, stamped by `by` at `when`.
fn edited(
    review: &Review,
    id: &str,
    by: &str,
    when: &str,
    change: impl FnOnce(&mut Claim),
) -> Review {
    let mut r = review.clone();
    let old = r.claim(&ClaimId(id.into())).unwrap().clone();
    let mut new = old.clone();
    change(&mut new);
    new.modified = at(when);
    record(Some(&old), &mut new, by, &at(when), Recording::NewEntry);
    r.replace(new);
    r
}

/// Resolves `m`'s first conflict by taking theirs, as one undo step of the returned history.
fn take_theirs(m: &mut Review) -> History {
    let edits = resolve_edits(m, 0, Take::Theirs).unwrap();
    let mut h = History::default();
    h.apply(m, "take theirs", edits, None, std::time::Instant::now())
        .unwrap();
    h
}

fn get<'r>(r: &'r Review, id: &str) -> &'r Claim {
    r.claim(&ClaimId(id.into())).unwrap()
}

#[test]
fn different_claims_changed_merge_clean_with_histories_united() {
    let b = base();
    let ours = edited(&b, "c1", "Ana", "2026-11-30T10:00:00Z", |c| c.status = D);
    let mut theirs = edited(&b, "c2", "Bo", "2026-11-30T09:00:00Z", |c| {
        c.verdict = "True".into()
    });
    theirs = edited(&theirs, "c1", "Bo", "2026-11-30T09:30:00Z", |c| {
        c.note = "see IOM".into()
    });
    let article = theirs.article.clone();
    theirs.insert(claim(&article, "c3", "blackboard", A));
    let m = merge(&b, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(get(&m, "c1").status, D);
    assert_eq!(get(&m, "c1").note, "see IOM");
    assert_eq!(get(&m, "c2").verdict, "True");
    assert_eq!(get(&m, "c3").status, A, "added on their side");
    // Ana's status change is in c1's history (Bo's note is no status or verdict change); c2
    // has Bo's verdict entry.
    assert_eq!(get(&m, "c1").history.len(), 1);
    assert_eq!(get(&m, "c2").history[0].by, "Bo");
}

#[test]
fn both_changing_one_status_is_a_conflict_naming_both_and_still_a_valid_review() {
    let b = base();
    let ours = edited(&b, "c1", "Ana", "2026-11-30T10:00:00Z", |c| c.status = D);
    let theirs = edited(&b, "c1", "Bo", "2026-11-30T09:00:00Z", |c| c.status = A);
    let m = merge(&b, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(
        (c.field.as_str(), c.claim.as_ref().unwrap().as_str()),
        ("status", "c1")
    );
    assert_eq!(
        (c.ours.value.as_str(), c.ours.by.as_str()),
        (Some("disputed"), "Ana")
    );
    assert_eq!(
        (c.theirs.value.as_str(), c.theirs.by.as_str()),
        (Some("asserted"), "Bo")
    );
    assert_eq!(c.describe(), "status: Disputed (Ana) / Asserted (Bo)");
    assert_eq!(get(&m, "c1").status, D, "ours meanwhile");
    let who: Vec<_> = get(&m, "c1")
        .history
        .iter()
        .map(|e| e.by.as_str())
        .collect();
    assert_eq!(who, ["Bo", "Ana"], "both histories, by time");
    // The file round-trips with its conflict.
    let loaded = claimdesk_model::format::load_str(&claimdesk_model::format::to_json(&m)).unwrap();
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.review.conflicts, m.conflicts);
}

#[test]
fn taking_theirs_resolves_in_one_undoable_step() {
    let b = base();
    let ours = edited(&b, "c1", "Ana", "2026-11-30T10:00:00Z", |c| c.status = D);
    let theirs = edited(&b, "c1", "Bo", "2026-11-30T09:00:00Z", |c| c.status = A);
    let mut m = merge(&b, &ours, &theirs);
    let mut h = take_theirs(&mut m);
    assert!(m.conflicts.is_empty());
    assert_eq!(get(&m, "c1").status, A);
    assert!(
        !claimdesk_model::format::to_json(&m).contains("\"conflicts\""),
        "saves clean"
    );
    h.undo(&mut m);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(get(&m, "c1").status, D);
}

#[test]
fn deleted_on_one_side_and_edited_on_the_other_keeps_the_claim_as_a_conflict() {
    let b = base();
    let mut ours = b.clone();
    ours.remove(&ClaimId("c1".into()));
    ours.remove(&ClaimId("c2".into()));
    let theirs = edited(&b, "c1", "Bo", "2026-11-30T09:00:00Z", |c| c.status = D);
    let m = merge(&b, &ours, &theirs);
    assert!(
        m.claim(&ClaimId("c2".into())).is_none(),
        "deleted, untouched there: gone"
    );
    assert_eq!(get(&m, "c1").status, D, "the edited claim is kept");
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.field, "deleted");
    assert!(c.ours.value.is_null());
    assert_eq!(c.theirs.by, "Bo");
    // Taking ours (the deletion) removes the claim.
    let edits = resolve_edits(&m, 0, Take::Ours).unwrap();
    let mut r = m.clone();
    for e in edits {
        e.apply(&mut r).unwrap();
    }
    assert!(r.claim(&ClaimId("c1".into())).is_none());
    assert!(r.conflicts.is_empty());
}

#[test]
fn article_changed_on_one_side_is_taken_and_the_other_sides_claims_follow() {
    let b = base();
    // They corrected the text (a word inserted before both claims) and re-anchored.
    let new_text = format!("Officially, {TEXT}");
    let mut theirs = claimdesk_import::reanchor::apply(
        &b,
        &claimdesk_import::reanchor::reanchor(&b, &new_text),
        false,
    );
    theirs.replace(Claim {
        ..get(&theirs, "c2").clone()
    });
    // We marked a new claim on the old text and changed c1's status.
    let mut ours = edited(&b, "c1", "Ana", "2026-11-30T10:00:00Z", |c| c.status = D);
    let article = ours.article.clone();
    ours.insert(claim(&article, "c3", "blackboard", A));
    let m = merge(&b, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.article.text(), new_text);
    assert_eq!(
        m.earlier_versions.len(),
        1,
        "their update kept the old text"
    );
    for c in m.claims() {
        assert!(!c.orphaned, "{}", c.id);
        assert_eq!(
            m.article.slice(c.span.start, c.span.end),
            c.quote,
            "{}",
            c.id
        );
    }
    assert_eq!(get(&m, "c1").status, D);
    assert_eq!(get(&m, "c3").span.start, 12 + 42);
}

#[test]
fn article_changed_on_both_sides_is_a_conflict_that_keeps_their_text() {
    let b = base();
    let mut ours = b.clone();
    ours.article = Article::new("t", "", TEXT.replace("rose", "soared"));
    let mut theirs = b.clone();
    theirs.article = Article::new("t", "", TEXT.replace("fell", "dropped"));
    let m = merge(&b, &ours, &theirs);
    assert_eq!(m.article.text(), ours.article.text());
    let c = m.conflicts.iter().find(|c| c.field == "article").unwrap();
    assert_eq!(c.ours.value["sha256"], ours.article.sha256());
    assert_eq!(c.theirs.value["sha256"], theirs.article.sha256());
    let (o, t) = (ours.article.sha256(), theirs.article.sha256());
    assert_eq!(
        c.describe(),
        format!(
            "article: 55 characters, sha256 {}… (unknown) / 56 characters, sha256 {}… (unknown)",
            &o[..8],
            &t[..8]
        )
    );
    assert_eq!(
        m.earlier_versions.last().unwrap().text,
        theirs.article.text()
    );
}

#[test]
fn a_span_both_sides_changed_is_a_conflict_and_taking_theirs_moves_the_claim() {
    let b = base();
    let article = b.article.clone();
    let span_of = |needle: &str| {
        let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
        claimdesk_model::Span::new(start, start + needle.chars().count())
    };
    let ours = edited(&b, "c2", "Ana", "2026-11-30T10:00:00Z", |c| {
        c.anchor_to(&article, span_of("Taxes rose."))
    });
    let theirs = edited(&b, "c2", "Bo", "2026-11-30T09:00:00Z", |c| {
        c.anchor_to(&article, span_of("Taxes"))
    });
    let mut m = merge(&b, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, "span");
    assert_eq!(get(&m, "c2").quote, "Taxes rose.", "ours meanwhile");
    take_theirs(&mut m);
    assert!(m.conflicts.is_empty());
    assert_eq!(
        (get(&m, "c2").span, get(&m, "c2").quote.as_str()),
        (span_of("Taxes"), "Taxes")
    );
    // A recorded span whose quote is no longer at that place is not taken.
    let mut stale = merge(&b, &ours, &theirs);
    stale.conflicts[0].theirs.value["quote"] = "Crime".into();
    assert!(
        resolve_edits(&stale, 0, Take::Theirs).is_none(),
        "the conflict stays"
    );
}

#[test]
fn team_sides_change_a_tenth_each_and_conflict_on_every_hundredth() {
    let base = claimdesk_model::synthetic::large_review(20_000, 300);
    let (ours, theirs) = claimdesk_model::synthetic::team_sides(&base, 30);
    assert_eq!(ours.claims().len(), base.claims().len() + 30);
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.claims().len(), base.claims().len() + 60);
    assert_eq!(merged.conflicts.len(), 3, "claims 1, 101, 201");
    assert!(merged.conflicts.iter().all(|c| c.field == "status"));
}

/// Both sides change every field of the review itself, and an unknown field of a claim, each
/// differently: one conflict per field, named as `MergeConflict::field` says; taking theirs
/// sets each (one undo step each), and undoing gives the merged review back.
#[test]
fn every_review_field_and_unknown_field_conflicts_by_name_and_resolves() {
    use serde_json::json;
    let mut b = base();
    b.details.extra.insert("desk".into(), json!("x"));
    let side = |v: &str, r: &mut Review| {
        let d = &mut r.details;
        for f in [
            &mut d.reviewer,
            &mut d.organisation,
            &mut d.article_url,
            &mut d.article_published,
            &mut d.report_url,
        ] {
            *f = v.to_owned();
        }
        d.extra.insert("desk".into(), json!(v));
        r.article.title = v.to_owned();
        r.article.source = v.to_owned();
        r.article.extra.insert("lang".into(), json!(v));
        r.extra.insert("rating".into(), json!({ "by": v }));
    };
    let mut ours = edited(&b, "c1", "Ana", "2026-11-30T10:00:00Z", |c| {
        c.extra.insert("weight".into(), json!(1));
    });
    side("ours", &mut ours);
    let mut theirs = edited(&b, "c1", "Bo", "2026-11-30T09:00:00Z", |c| {
        c.extra.insert("weight".into(), json!(2));
    });
    side("theirs", &mut theirs);
    theirs.details.extra.remove("desk"); // a removal conflicts with a change too
    let merged = merge(&b, &ours, &theirs);
    let names: Vec<(bool, &str)> = merged
        .conflicts
        .iter()
        .map(|c| (c.claim.is_some(), c.field.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (false, "article.title"),
            (false, "article.source"),
            (false, "article.extra.lang"),
            (true, "extra.weight"),
            (false, "details.reviewer"),
            (false, "details.organisation"),
            (false, "details.article_url"),
            (false, "details.article_published"),
            (false, "details.report_url"),
            (false, "details.extra.desk"),
            (false, "extra.rating"),
        ]
    );
    assert!(merged.conflicts.iter().all(|c| !c.is_article_text()));
    let desk = &merged.conflicts[9];
    assert_eq!(
        (&desk.ours.value, &desk.theirs.value),
        (&json!("ours"), &json!(null))
    );
    assert_eq!(
        desk.describe(),
        "details.extra.desk: ours (ours) / deleted (theirs)"
    );
    assert_eq!(merged.details.reviewer, "ours", "ours meanwhile");

    let mut m = merged.clone();
    let mut h = History::default();
    while !m.conflicts.is_empty() {
        let edits = resolve_edits(&m, 0, Take::Theirs).expect("resolves");
        h.apply(
            &mut m,
            "take theirs",
            edits,
            None,
            std::time::Instant::now(),
        )
        .unwrap();
    }
    let json = claimdesk_model::format::to_json;
    let mut want = theirs.clone();
    want.replace({
        let mut c = get(&merged, "c1").clone();
        c.extra.insert("weight".into(), json!(2));
        c
    });
    assert_eq!(json(&m), json(&want), "every field as theirs");
    while h.undo(&mut m).is_some() {}
    assert_eq!(json(&m), json(&merged));
    // A field this version does not know cannot be taken, only kept as it is.
    m.conflicts[0].field = "article.colour".into();
    assert!(resolve_edits(&m, 0, Take::Theirs).is_none());
    assert_eq!(resolve_edits(&m, 0, Take::AsIs).unwrap().len(), 1);
}

#[test]
fn a_documents_origin_pages_and_times_follow_the_text_merged() {
    let mut b = base();
    b.article = b.article.clone().with_page_starts(vec![0, 12]);
    let new_text = format!("Officially, {TEXT}");
    let mut corrected = Article::new("t", "", new_text).with_page_starts(vec![0, 24]);
    corrected.origin = Some(claimdesk_model::ArticleOrigin {
        file_name: "corrected.pdf".into(),
        sha256: "1a".repeat(32),
    });
    let theirs = claimdesk_import::reanchor::apply(
        &b,
        &claimdesk_import::reanchor::reanchor_article(&b, &corrected),
        false,
    );
    let mut ours = edited(&b, "c1", "Ana", "2026-11-30T10:00:00Z", |c| c.status = D);
    ours.details.media_url = "https://youtu.be/abc".into();
    let m = merge(&b, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.article.page_starts(), [0, 24], "their text, their pages");
    assert_eq!(m.article.origin, corrected.origin);
    assert_eq!(m.details.media_url, "https://youtu.be/abc");
    // Merged the other way round, the text and its pages still come together.
    let m = merge(&b, &theirs, &ours);
    assert_eq!(m.article.page_starts(), [0, 24]);
    assert_eq!(m.article.origin, corrected.origin);
}
