//! The three-way rule every merged field follows — changed on one side only: that side's;
//! changed identically on both: once; changed differently on both: the field's own rule (a
//! conflict that keeps ours, a union, the later time) — and the conflicts it records.

use std::collections::{BTreeMap, BTreeSet};

use claimdesk_model::merge_conflict::{ConflictSide, MergeConflict};
use claimdesk_model::{ClaimId, Extra};
use serde_json::Value;

/// `ours` unless only theirs changed it (then `theirs`); when both changed it differently,
/// `both` decides. `base` is `None` when there is no common ancestor (a claim both sides
/// added with one id): then anything that differs counts as changed on both sides.
pub(super) fn pick<T, B>(base: Option<&B>, ours: T, theirs: T, both: impl FnOnce(T, T) -> T) -> T
where
    T: PartialEq + PartialEq<B>,
    B: ?Sized,
{
    let unchanged = |v: &T| base.is_some_and(|b| v == b);
    if ours == theirs || unchanged(&theirs) {
        ours
    } else if unchanged(&ours) {
        theirs
    } else {
        both(ours, theirs)
    }
}

/// Two maps merged key by key with [`pick`]: a key added, changed or removed on one side only
/// is that side's; `both` decides a key both sides changed differently (`None`: removed).
pub(super) fn by_key<K: Ord + Clone, V: PartialEq + Clone>(
    base: Option<&BTreeMap<K, V>>,
    ours: BTreeMap<K, V>,
    theirs: BTreeMap<K, V>,
    mut both: impl FnMut(&K, Option<V>, Option<V>) -> Option<V>,
) -> BTreeMap<K, V> {
    pick(base, ours, theirs, |mut ours, mut theirs| {
        let keys: BTreeSet<K> = ours.keys().chain(theirs.keys()).cloned().collect();
        let mut out = BTreeMap::new();
        for key in keys {
            let was = base.and_then(|b| b.get(&key)).cloned();
            let (o, t) = (ours.remove(&key), theirs.remove(&key));
            if let Some(v) = pick(Some(&was), o, t, |o, t| both(&key, o, t)) {
                out.insert(key, v);
            }
        }
        out
    })
}

/// Two lists merged as sets of entries: an entry either side added is in, one either side
/// removed is out; ours in their order, then their additions.
pub(super) fn as_sets<T: PartialEq>(base: &[T], ours: Vec<T>, theirs: Vec<T>) -> Vec<T> {
    pick(Some(base), ours, theirs, |ours, theirs| {
        let mut out: Vec<T> = Vec::with_capacity(ours.len() + theirs.len());
        for x in ours {
            if !base.contains(&x) || theirs.contains(&x) {
                out.push(x);
            }
        }
        for x in theirs {
            if !base.contains(&x) && !out.contains(&x) {
                out.push(x);
            }
        }
        out
    })
}

/// Where the conflicts of one claim, or of the review itself, are recorded, with whom each
/// side's values are from.
pub(super) struct Place<'c> {
    /// The claim; `None` for the review's own fields.
    pub claim: Option<ClaimId>,
    /// Who set our values, and who set theirs.
    pub by: (String, String),
    /// Where conflicts go.
    pub conflicts: &'c mut Vec<MergeConflict>,
}

impl Place<'_> {
    /// One field by [`pick`]; changed differently on both sides: ours kept, and conflict
    /// `field` recorded with both values as `value` writes them.
    pub fn field<T: PartialEq>(
        &mut self,
        field: &str,
        base: Option<&T>,
        ours: T,
        theirs: T,
        value: impl Fn(&T) -> Value,
    ) -> T {
        pick(base, ours, theirs, |ours, theirs| {
            self.conflict(field, value(&ours), value(&theirs));
            ours
        })
    }

    /// A text field: [`Place::field`] with the text as the recorded value.
    pub fn text(
        &mut self,
        field: &str,
        base: Option<&String>,
        ours: String,
        theirs: String,
    ) -> String {
        self.field(field, base, ours, theirs, |s| Value::from(s.as_str()))
    }

    /// Unknown fields, key by key like known ones: a key both sides changed differently is
    /// conflict `{prefix}KEY` with ours kept (a removed key is recorded as `null`).
    pub fn extra(
        &mut self,
        prefix: &str,
        base: Option<&Extra>,
        ours: Extra,
        theirs: Extra,
    ) -> Extra {
        by_key(base, ours, theirs, |key, ours, theirs| {
            let shown = |v: &Option<Value>| v.clone().unwrap_or(Value::Null);
            self.conflict(&format!("{prefix}{key}"), shown(&ours), shown(&theirs));
            ours
        })
    }

    /// Records conflict `field` with these values.
    pub fn conflict(&mut self, field: &str, ours: Value, theirs: Value) {
        self.conflicts.push(MergeConflict {
            claim: self.claim.clone(),
            field: field.to_owned(),
            ours: ConflictSide {
                value: ours,
                by: self.by.0.clone(),
            },
            theirs: ConflictSide {
                value: theirs,
                by: self.by.1.clone(),
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick_conflict(b: Option<i32>, o: i32, t: i32) -> (i32, bool) {
        let mut both = false;
        let v = pick(b.as_ref(), o, t, |o, _| {
            both = true;
            o
        });
        (v, both)
    }

    #[test]
    fn pick_takes_the_changed_side_and_calls_both_only_when_both_changed() {
        assert_eq!(pick_conflict(Some(1), 1, 1), (1, false));
        assert_eq!(pick_conflict(Some(1), 2, 1), (2, false), "ours changed");
        assert_eq!(pick_conflict(Some(1), 1, 3), (3, false), "theirs changed");
        assert_eq!(pick_conflict(Some(1), 4, 4), (4, false), "same change once");
        assert_eq!(pick_conflict(Some(1), 2, 3), (2, true));
        assert_eq!(pick_conflict(None, 2, 3), (2, true), "no ancestor");
        assert_eq!(pick_conflict(None, 2, 2), (2, false));
    }

    #[test]
    fn maps_merge_key_by_key_including_removals() {
        let m = |pairs: &[(&str, i32)]| -> BTreeMap<String, i32> {
            pairs.iter().map(|&(k, v)| (k.to_owned(), v)).collect()
        };
        let base = m(&[("a", 1), ("b", 1), ("c", 1), ("d", 1)]);
        // Ours: a changed, b removed, e added. Theirs: c changed, d changed, d also by ours.
        let ours = m(&[("a", 2), ("c", 1), ("d", 5), ("e", 1)]);
        let theirs = m(&[("a", 1), ("b", 1), ("c", 3), ("d", 6)]);
        let mut both = Vec::new();
        let out = by_key(Some(&base), ours, theirs, |k, o, t| {
            both.push((k.clone(), o, t));
            o
        });
        assert_eq!(out, m(&[("a", 2), ("c", 3), ("d", 5), ("e", 1)]));
        assert_eq!(both, [("d".to_owned(), Some(5), Some(6))]);
    }

    #[test]
    fn sets_keep_additions_of_both_and_drop_removals_of_either() {
        let base = vec![1, 2, 3];
        assert_eq!(
            as_sets(&base, vec![1, 2, 3, 4], vec![2, 3, 5]),
            [2, 3, 4, 5]
        );
        assert_eq!(as_sets(&base, vec![3, 2, 1], base.clone()), [3, 2, 1]);
        assert_eq!(as_sets(&[], vec![1, 2], vec![2, 3]), [1, 2, 3]);
    }

    #[test]
    fn an_extra_key_changed_differently_is_a_conflict_named_by_its_key() {
        let mut conflicts = Vec::new();
        let mut place = Place {
            claim: None,
            by: ("Ana".into(), "Bo".into()),
            conflicts: &mut conflicts,
        };
        let e = |pairs: &[(&str, Value)]| -> Extra {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect()
        };
        let base = e(&[("x", 1.into()), ("y", 1.into())]);
        let ours = e(&[("x", 2.into())]);
        let theirs = e(&[("x", 3.into()), ("y", 1.into()), ("z", true.into())]);
        let out = place.extra("extra.", Some(&base), ours, theirs);
        assert_eq!(out, e(&[("x", 2.into()), ("z", true.into())]));
        assert_eq!(conflicts.len(), 1);
        let c = &conflicts[0];
        assert_eq!((c.field.as_str(), c.claim.is_none()), ("extra.x", true));
        assert_eq!(
            (&c.ours.value, &c.theirs.value),
            (&Value::from(2), &Value::from(3))
        );
        assert_eq!((c.ours.by.as_str(), c.theirs.by.as_str()), ("Ana", "Bo"));
    }
}
