//! Property tests of the merge: random reviews (claims with random fields and unknown keys,
//! details, the article's title and unknown keys, the review's unknown keys, suggestion
//! decisions) and random edits on the two sides (status, texts, sources, span moves, claims
//! added and removed, unknown keys added, changed and removed, details, title, decisions).
//!
//! What holds, checked against the saved file's JSON (an oracle that shares no code with the
//! merge), place by place — a claim field, an unknown key, a detail, the span with its quote:
//! - changed on one side only: the merged review has that side's value;
//! - changed identically on both sides: that value, once;
//! - changed differently on both: ours, and a conflict naming the place — except where the
//!   rule is another: histories are united, `modified` is the later and `created` the earlier,
//!   and a suggestion decision is ours without a conflict;
//! - a claim deleted on one side: gone if the other side left it as it was, else kept as the
//!   other side has it with a `deleted` conflict;
//! - no other conflict; every conflict resolves by taking theirs (the place then has their
//!   value), in one undoable step each;
//! - `merge(x, x, x)`, `merge(b, b, t)` and `merge(b, o, b)` save byte for byte as `x`, `t`
//!   and `o` (claims are kept in text order, so "up to claim order" is exact here).
//!
//! The article text is not edited here (the article tests in `tests.rs` cover it), nor are
//! earlier versions or carried conflicts. Unknown values are never `null`: a conflict records
//! a removed key as `null`, and taking `null` removes the key.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use claimdesk_model::history::History;
use claimdesk_model::status_history::{Recording, record};
use claimdesk_model::suggestion_decision::{DecisionKind, SuggestionDecision};
use claimdesk_model::{
    Article, Claim, ClaimId, ClaimStatus, Evidence, Extra, Review, ReviewDetails, Span, Timestamp,
};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

use super::{Take, merge, resolve_edits};

const TEXT: &str = "Crime fell by 12% in 2025, the minister said. Taxes rose «twice» in Zürich. \
                    Libya is not to blame. They wrote on the blackboard, and the café agreed.";

fn chars() -> usize {
    TEXT.chars().count()
}

fn at(day: usize) -> Timestamp {
    Timestamp::parse(&format!("2026-12-{:02}T10:00:00Z", day + 1)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Random reviews

fn text() -> impl Strategy<Value = String> {
    select(vec!["", "a", "Misleading"]).prop_map(str::to_owned)
}

fn value() -> impl Strategy<Value = Value> {
    select(vec![json!(1), json!("s"), json!({"n": [1, 2]})])
}

fn key(keys: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(keys.to_vec()).prop_map(str::to_owned)
}

fn extra(keys: &'static [&'static str]) -> impl Strategy<Value = Extra> {
    prop::collection::btree_map(key(keys), value(), 0..=keys.len())
}

fn evidence() -> impl Strategy<Value = Vec<Evidence>> {
    let entry = (text(), text(), extra(&["e1"])).prop_map(|(url, title, extra)| Evidence {
        url,
        title,
        extra,
        ..Evidence::default()
    });
    prop::collection::vec(entry, 0..3)
}

fn status() -> impl Strategy<Value = ClaimStatus> {
    select(ClaimStatus::ALL.to_vec())
}

fn span() -> impl Strategy<Value = Span> {
    (0..chars() - 1, 1..15usize)
        .prop_map(|(start, len)| Span::new(start, (start + len).min(chars())))
}

/// A claim's random fields (its id is given when it joins a review).
#[derive(Clone, Debug)]
struct ClaimSpec {
    span: Span,
    status: ClaimStatus,
    texts: [String; 5],
    evidence: Vec<Evidence>,
    extra: Extra,
}

fn claim_spec() -> impl Strategy<Value = ClaimSpec> {
    let texts = prop::array::uniform5(text());
    (
        span(),
        status(),
        texts,
        evidence(),
        extra(&["k1", "k2", "k3"]),
    )
        .prop_map(|(span, status, texts, evidence, extra)| ClaimSpec {
            span,
            status,
            texts,
            evidence,
            extra,
        })
}

fn claim(article: &Article, id: &str, spec: &ClaimSpec, when: &Timestamp) -> Claim {
    let mut c = Claim::new(article, spec.span, spec.status);
    c.id = ClaimId(id.to_owned());
    let [verdict, claimant, note, summary, claim_date] = spec.texts.clone();
    (c.verdict, c.claimant, c.note, c.summary, c.claim_date) =
        (verdict, claimant, note, summary, claim_date);
    c.evidence = spec.evidence.clone();
    c.extra = spec.extra.clone();
    c.created = when.clone();
    c.modified = when.clone();
    c
}

/// Three sentences a suggestion decision may be about.
const DECIDED: [(usize, usize); 3] = [(0, 45), (46, 76), (77, 100)];

fn decision(
    article: &Article,
    sentence: usize,
    kind: DecisionKind,
    day: usize,
) -> SuggestionDecision {
    let (start, end) = DECIDED[sentence];
    let mut d = SuggestionDecision::new(article, Span::new(start, end), kind);
    d.decided = at(day);
    d
}

fn kind() -> impl Strategy<Value = DecisionKind> {
    select(vec![DecisionKind::Accepted, DecisionKind::Dismissed])
}

fn base_review() -> impl Strategy<Value = Review> {
    let details = (prop::array::uniform7(text()), extra(&["d1", "d2"]));
    let decisions = prop::collection::btree_map(0..3usize, kind(), 0..3);
    let article = (text(), extra(&["a1", "a2"]));
    let claims = prop::collection::vec(claim_spec(), 0..4);
    (claims, article, details, extra(&["r1", "r2"]), decisions).prop_map(
        |(claims, (title, article_extra), (d, details_extra), extra, decisions)| {
            let mut article = Article::new(title, "", TEXT.to_owned());
            article.extra = article_extra;
            let before = Timestamp::parse("2026-11-30T08:00:00Z").unwrap();
            let claims = claims
                .iter()
                .enumerate()
                .map(|(i, spec)| claim(&article, &format!("b{i}"), spec, &before))
                .collect();
            let mut r = Review::with_claims(article, claims);
            let [
                reviewer,
                organisation,
                article_url,
                article_published,
                report_url,
                language,
                media_url,
            ] = d;
            r.details = ReviewDetails {
                reviewer,
                organisation,
                article_url,
                article_published,
                report_url,
                language,
                media_url,
                extra: details_extra,
            };
            r.extra = extra;
            r.suggestion_decisions = decisions
                .into_iter()
                .map(|(s, k)| decision(&r.article, s, k, 0))
                .collect();
            r
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Random edits

/// One edit on one side. Claims are named by index (modulo the number the side has).
#[derive(Clone, Debug)]
enum Change {
    Status(usize, ClaimStatus),
    Text(usize, usize, String),
    Sources(usize, Vec<Evidence>),
    Move(usize, Span),
    ClaimExtra(usize, String, Option<Value>),
    /// A new claim; `shared`: with an id the other side may add too.
    Add(bool, ClaimSpec),
    Remove(usize),
    Detail(usize, String),
    DetailExtra(String, Option<Value>),
    ReviewExtra(String, Option<Value>),
    ArticleTitle(String),
    ArticleExtra(String, Option<Value>),
    Decide(usize, DecisionKind),
}

/// A change, who made it and on which day (from few, so both sides often make the very same
/// change).
#[derive(Clone, Debug)]
struct Stamped {
    change: Change,
    by: &'static str,
    day: usize,
}

fn change() -> impl Strategy<Value = Change> {
    let i = || 0..4usize;
    let opt = || prop::option::of(value());
    prop_oneof![
        3 => (i(), status()).prop_map(|(i, s)| Change::Status(i, s)),
        3 => (i(), 0..5usize, text()).prop_map(|(i, f, t)| Change::Text(i, f, t)),
        2 => (i(), evidence()).prop_map(|(i, e)| Change::Sources(i, e)),
        2 => (i(), span()).prop_map(|(i, s)| Change::Move(i, s)),
        3 => (i(), key(&["k1", "k2"]), opt()).prop_map(|(i, k, v)| Change::ClaimExtra(i, k, v)),
        2 => (any::<bool>(), claim_spec()).prop_map(|(shared, c)| Change::Add(shared, c)),
        1 => i().prop_map(Change::Remove),
        2 => (0..5usize, text()).prop_map(|(f, t)| Change::Detail(f, t)),
        2 => (key(&["d1", "d2"]), opt()).prop_map(|(k, v)| Change::DetailExtra(k, v)),
        2 => (key(&["r1", "r2"]), opt()).prop_map(|(k, v)| Change::ReviewExtra(k, v)),
        1 => text().prop_map(Change::ArticleTitle),
        2 => (key(&["a1", "a2"]), opt()).prop_map(|(k, v)| Change::ArticleExtra(k, v)),
        1 => (0..3usize, kind()).prop_map(|(s, k)| Change::Decide(s, k)),
    ]
}

fn changes() -> impl Strategy<Value = Vec<Stamped>> {
    let stamped = (change(), select(vec!["Ana", "Bo"]), 0..3usize)
        .prop_map(|(change, by, day)| Stamped { change, by, day });
    prop::collection::vec(stamped, 0..10)
}

/// `base` with `changes` made on side `side` ("o" or "t").
fn edited(base: &Review, side: &str, changes: &[Stamped]) -> Review {
    let mut r = base.clone();
    let mut added = 0;
    for s in changes {
        change_review(&mut r, side, &mut added, s);
    }
    r
}

fn set(extra: &mut Extra, key: &str, value: &Option<Value>) {
    match value {
        Some(v) => extra.insert(key.to_owned(), v.clone()),
        None => extra.remove(key),
    };
}

/// Makes one change; `added` counts the claims this side added, which name them.
fn change_review(r: &mut Review, side: &str, added: &mut usize, s: &Stamped) {
    let when = at(s.day);
    let edit = |r: &mut Review, i: usize, f: &dyn Fn(&mut Claim, &Article)| {
        edit_claim(r, i, s.by, &when, f)
    };
    match &s.change {
        Change::Status(i, st) => edit(r, *i, &|c, _| c.status = *st),
        Change::Text(i, f, t) => edit(r, *i, &|c, _| {
            *[
                &mut c.verdict,
                &mut c.claimant,
                &mut c.note,
                &mut c.summary,
                &mut c.claim_date,
            ][*f] = t.clone()
        }),
        Change::Sources(i, e) => edit(r, *i, &|c, _| c.evidence = e.clone()),
        Change::Move(i, span) => edit(r, *i, &|c, a| c.anchor_to(a, *span)),
        Change::ClaimExtra(i, k, v) => edit(r, *i, &|c, _| set(&mut c.extra, k, v)),
        Change::Add(shared, spec) => {
            let id = format!("{}{added}", if *shared { "n" } else { side });
            *added += 1;
            let mut c = claim(&r.article, &id, spec, &when);
            record(None, &mut c, s.by, &when, Recording::NewEntry);
            if r.claim(&c.id).is_none() {
                r.insert(c);
            }
        }
        Change::Remove(i) => {
            if let Some(id) = nth_id(r, *i) {
                r.remove(&id);
            }
        }
        Change::Detail(f, t) => {
            let d = &mut r.details;
            *[
                &mut d.reviewer,
                &mut d.organisation,
                &mut d.article_url,
                &mut d.article_published,
                &mut d.report_url,
            ][*f] = t.clone();
        }
        Change::DetailExtra(k, v) => set(&mut r.details.extra, k, v),
        Change::ReviewExtra(k, v) => set(&mut r.extra, k, v),
        Change::ArticleTitle(t) => r.article.title = t.clone(),
        Change::ArticleExtra(k, v) => set(&mut r.article.extra, k, v),
        Change::Decide(sentence, k) => {
            let d = decision(&r.article, *sentence, *k, s.day);
            r.suggestion_decisions.retain(|x| x.span != d.span);
            r.suggestion_decisions.push(d);
            r.suggestion_decisions
                .sort_by_key(|d| (d.span.start, d.span.end));
        }
    }
}

fn nth_id(r: &Review, i: usize) -> Option<ClaimId> {
    let n = r.claims().len();
    (n > 0).then(|| r.claims()[i % n].id.clone())
}

/// Changes claim `i` as the app does: stamped, and a status or verdict change recorded in its
/// history. A change that changes nothing is not made.
fn edit_claim(
    r: &mut Review,
    i: usize,
    by: &str,
    when: &Timestamp,
    f: &dyn Fn(&mut Claim, &Article),
) {
    let Some(id) = nth_id(r, i) else {
        return;
    };
    let old = r.claim(&id).unwrap().clone();
    let mut new = old.clone();
    f(&mut new, &r.article);
    if new == old {
        return;
    }
    new.modified = when.clone();
    record(Some(&old), &mut new, by, when, Recording::NewEntry);
    r.replace(new);
}

// ---------------------------------------------------------------------------------------------
// The oracle: a review as places of its saved file

/// How a place merges.
#[derive(Clone, Debug, PartialEq)]
enum Rule {
    /// Both changed differently: ours and this conflict.
    Conflict(String),
    /// Both changed differently: ours, no conflict.
    Ours,
    /// Both changed: every entry of both, once.
    Union,
    /// Both changed: the later (`true`) or earlier time.
    Time(bool),
}

/// The places of one claim (`span` = start, end, quote and orphan flag together; the
/// context is checked apart, as it follows the span), and of the review (`None`).
type Places = BTreeMap<Option<String>, BTreeMap<String, Value>>;

fn places(r: &Review) -> Places {
    let file: Value = serde_json::from_str(&claimdesk_model::format::to_json(r)).unwrap();
    let mut out = Places::new();
    let review = out.entry(None).or_default();
    for (k, v) in file.as_object().unwrap() {
        match (k.as_str(), v) {
            ("claims", _) => {}
            ("details" | "article", Value::Object(o)) => {
                for (f, x) in o {
                    review.insert(format!("{k}/{f}"), x.clone());
                }
            }
            ("suggestion_decisions", Value::Array(a)) => {
                for d in a {
                    review.insert(format!("decision/{}-{}", d["start"], d["end"]), d.clone());
                }
            }
            _ => {
                review.insert(k.clone(), v.clone());
            }
        }
    }
    for c in file["claims"].as_array().unwrap() {
        let mut fields = c.as_object().unwrap().clone();
        let id = fields.remove("id").unwrap().as_str().unwrap().to_owned();
        let span = json!([
            fields.remove("start"),
            fields.remove("end"),
            fields.remove("quote"),
            fields.remove("orphaned")
        ]);
        fields.remove("prefix");
        fields.remove("suffix");
        let mut claim: BTreeMap<String, Value> = fields.into_iter().collect();
        claim.insert("span".into(), span);
        out.insert(Some(id), claim);
    }
    out
}

fn rule(claim: bool, place: &str) -> Rule {
    const TEXTS: [&str; 6] = [
        "status",
        "verdict",
        "summary",
        "claimant",
        "claim_date",
        "note",
    ];
    const DETAILS: [&str; 5] = [
        "reviewer",
        "organisation",
        "article_url",
        "article_published",
        "report_url",
    ];
    let conflict = |s: String| Rule::Conflict(s);
    if claim {
        return match place {
            "span" => conflict("span".into()),
            "evidence" => conflict("sources".into()),
            "history" => Rule::Union,
            "modified" => Rule::Time(true),
            "created" => Rule::Time(false),
            f if TEXTS.contains(&f) => conflict(f.into()),
            f => conflict(format!("extra.{f}")),
        };
    }
    let (object, field) = place.split_once('/').unwrap_or(("", place));
    match (object, field) {
        ("decision", _) => Rule::Ours,
        ("details", f) if DETAILS.contains(&f) => conflict(format!("details.{f}")),
        ("details", f) => conflict(format!("details.extra.{f}")),
        ("article", "title" | "source") => conflict(format!("article.{field}")),
        ("article", "text" | "sha256") => conflict("article".into()),
        ("article", f) => conflict(format!("article.extra.{f}")),
        (_, f) => conflict(format!("extra.{f}")),
    }
}

/// What the merged value must be, and the conflict expected, for one place.
fn expected(
    rule: &Rule,
    b: Option<&Value>,
    o: Option<&Value>,
    t: Option<&Value>,
) -> (Option<Value>, Option<String>) {
    if o == t || t == b {
        return (o.cloned(), None);
    }
    if o == b {
        return (t.cloned(), None);
    }
    match rule {
        Rule::Conflict(name) => (o.cloned(), Some(name.clone())),
        Rule::Ours => (o.cloned(), None),
        Rule::Time(later) => {
            let (o, t) = (o.unwrap(), t.unwrap());
            let first = o.as_str() < t.as_str();
            (Some(if first == *later { t } else { o }.clone()), None)
        }
        Rule::Union => {
            let mut all: Vec<Value> = Vec::new();
            for e in [o, t]
                .into_iter()
                .flatten()
                .flat_map(|v| v.as_array().unwrap())
            {
                if !all.contains(e) {
                    all.push(e.clone());
                }
            }
            (Some(Value::Array(all)), None)
        }
    }
}

/// Histories are compared as sets of entries (the merge orders them by time).
fn same(rule: &Rule, merged: Option<&Value>, want: Option<&Value>) -> bool {
    match (rule, merged, want) {
        (Rule::Union, Some(Value::Array(m)), Some(Value::Array(w))) => {
            m.len() == w.len() && w.iter().all(|e| m.contains(e))
        }
        _ => merged == want,
    }
}

type ConflictName = (Option<String>, String);

/// A claim's places but its times: what deciding "edited or not" looks at.
fn content(places: &BTreeMap<String, Value>) -> Vec<(&String, &Value)> {
    places
        .iter()
        .filter(|(k, _)| !["modified", "created"].contains(&k.as_str()))
        .collect()
}

/// Checks every place of `m` against the rules; returns the conflicts expected.
fn check_places(
    b: &Places,
    o: &Places,
    t: &Places,
    m: &Places,
) -> Result<BTreeSet<ConflictName>, TestCaseError> {
    let mut conflicts = BTreeSet::new();
    let owners: BTreeSet<&Option<String>> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    let none = BTreeMap::new();
    for owner in owners {
        let (bo, oo, to) = (b.get(owner), o.get(owner), t.get(owner));
        let merged = m.get(owner);
        match (oo, to) {
            (Some(oo), Some(to)) => {
                let mo = merged.ok_or_else(|| TestCaseError::fail(format!("{owner:?} lost")))?;
                let bo = bo.unwrap_or(&none);
                let names: BTreeSet<&String> =
                    bo.keys().chain(oo.keys()).chain(to.keys()).collect();
                for place in names {
                    let r = rule(owner.is_some(), place);
                    let (want, conflict) =
                        expected(&r, bo.get(place), oo.get(place), to.get(place));
                    prop_assert!(
                        same(&r, mo.get(place), want.as_ref()),
                        "{owner:?} {place}: merged {:?}, want {want:?} (base {:?}, ours {:?}, theirs {:?})",
                        mo.get(place),
                        bo.get(place),
                        oo.get(place),
                        to.get(place)
                    );
                    conflicts.extend(conflict.map(|c| (owner.clone(), c)));
                }
            }
            (Some(kept), None) | (None, Some(kept)) => {
                let untouched = bo.is_some_and(|bo| content(bo) == content(kept));
                if untouched {
                    prop_assert!(
                        merged.is_none(),
                        "{owner:?}: deleted on one side, untouched on the other"
                    );
                } else {
                    prop_assert_eq!(
                        merged,
                        Some(kept),
                        "{:?}: kept as the side that has it",
                        owner
                    );
                    if bo.is_some() {
                        conflicts.insert((owner.clone(), "deleted".into()));
                    }
                }
            }
            (None, None) => prop_assert!(merged.is_none(), "{owner:?} deleted on both sides"),
        }
    }
    // Nothing the merge made up: every place of the result is on some side (but the list of
    // conflicts).
    for (owner, mo) in m {
        for place in mo.keys().filter(|p| owner.is_some() || *p != "conflicts") {
            let somewhere = [b, o, t]
                .iter()
                .any(|s| s.get(owner).is_some_and(|p| p.contains_key(place)));
            prop_assert!(somewhere, "{owner:?} {place} is on no side");
        }
    }
    Ok(conflicts)
}

fn conflict_names(r: &Review) -> BTreeSet<ConflictName> {
    r.conflicts
        .iter()
        .map(|c| (c.claim.as_ref().map(|id| id.0.clone()), c.field.clone()))
        .collect()
}

/// Every claim's quote is the text at its span, with the context around it.
fn check_anchors(r: &Review) -> Result<(), TestCaseError> {
    for c in r.claims() {
        let mut fresh = c.clone();
        fresh.anchor_to(&r.article, c.span);
        prop_assert_eq!(&fresh, c);
    }
    Ok(())
}

/// Takes theirs for every conflict, one undo step each: each conflicted place then has their
/// value; undoing them all gives the merged review back.
fn check_taking_theirs(
    t: &Places,
    merged: &Review,
    names: &BTreeSet<ConflictName>,
) -> Result<(), TestCaseError> {
    let mut r = merged.clone();
    let mut history = History::default();
    while !r.conflicts.is_empty() {
        let edits = resolve_edits(&r, 0, Take::Theirs);
        let edits = edits
            .ok_or_else(|| TestCaseError::fail(format!("{:?} does not resolve", r.conflicts[0])))?;
        history
            .apply(&mut r, "take theirs", edits, None, Instant::now())
            .unwrap();
    }
    let now = places(&r);
    for (owner, name) in names {
        if name == "deleted" {
            prop_assert_eq!(
                now.contains_key(owner),
                t.contains_key(owner),
                "{:?} deleted",
                owner
            );
            continue;
        }
        let (theirs, resolved) = (&t[owner], &now[owner]);
        for (place, value) in theirs.iter().chain(resolved) {
            if rule(owner.is_some(), place) == Rule::Conflict(name.clone()) {
                prop_assert_eq!(
                    resolved.get(place),
                    theirs.get(place),
                    "{:?} {} took theirs ({:?})",
                    owner,
                    name,
                    value
                );
            }
        }
    }
    while history.undo(&mut r).is_some() {}
    prop_assert_eq!(
        claimdesk_model::format::to_json(&r),
        claimdesk_model::format::to_json(merged)
    );
    Ok(())
}

fn json(r: &Review) -> String {
    claimdesk_model::format::to_json(r)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_change_made_on_one_side_is_lost_and_every_conflict_is_named_and_resolves(
        base in base_review(),
        ours in changes(),
        theirs in changes(),
    ) {
        let (o, t) = (edited(&base, "o", &ours), edited(&base, "t", &theirs));
        let m = merge(&base, &o, &t);
        let (bp, op, tp, mp) = (places(&base), places(&o), places(&t), places(&m));
        let want = check_places(&bp, &op, &tp, &mp)?;
        prop_assert_eq!(conflict_names(&m), want.clone(), "the conflicts, and only those");
        prop_assert_eq!(m.conflicts.len(), want.len(), "each conflict once");
        check_anchors(&m)?;
        check_taking_theirs(&tp, &m, &want)?;
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side_byte_for_byte(
        base in base_review(),
        changes in changes(),
    ) {
        let side = edited(&base, "o", &changes);
        prop_assert_eq!(json(&merge(&base, &base, &base)), json(&base));
        prop_assert_eq!(json(&merge(&side, &side, &side)), json(&side));
        prop_assert_eq!(json(&merge(&base, &base, &side)), json(&side));
        prop_assert_eq!(json(&merge(&base, &side, &base)), json(&side));
    }
}
