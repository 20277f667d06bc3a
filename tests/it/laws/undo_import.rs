//! 撤销导入 laws: right after an import it gives back exactly the earlier progress; after
//! changes made here since, it keeps every one of them, and leaves alone the tasks the import
//! did not touch.

use super::config;
use super::strategies::{BASE, progress};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};
use workplan::model::{PlanId, Progress, ReplicaId, Stamp, TaskProgress};
use workplan::snapshot::{ImportBackup, PlanBackup};

/// When the import ran: after every stamp the strategies make.
const IMPORT_AT: i64 = BASE + 1_000;

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

/// `changes` as if made in the browser `here` after the import: each distinct stamp becomes a
/// distinct stamp of `here`, later than the import, in the same order.
fn made_here_later(changes: &Progress, here: &ReplicaId) -> Progress {
    let key = |s: &Stamp| {
        (
            s.at,
            s.n,
            s.replica.0.clone(),
            s.by.as_ref().map(|u| u.0.clone()),
        )
    };
    let mut keys = Vec::new();
    for tp in changes.tasks.values() {
        tp.clone().for_each_stamp_mut(|s| keys.push(key(s)));
    }
    keys.sort();
    keys.dedup();
    let at: BTreeMap<_, i64> = keys
        .into_iter()
        .enumerate()
        .map(|(i, k)| (k, IMPORT_AT + 1 + i as i64))
        .collect();
    let mut out = changes.clone();
    for tp in out.tasks.values_mut() {
        tp.for_each_stamp_mut(|s| {
            s.at = at[&key(s)];
            s.replica = here.clone();
        });
    }
    out
}

fn backup(before: &Progress, after: &Progress) -> ImportBackup {
    ImportBackup {
        at: IMPORT_AT,
        files: vec!["b.json".into()],
        plans: vec![PlanBackup::between(
            PlanId("p".into()),
            "计划".into(),
            before,
            after,
        )],
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn undoing_right_after_an_import_gives_back_the_earlier_progress(local in progress(3), incoming in progress(3)) {
        let here = ReplicaId("here-pc".into());
        let after = merged(&local, &incoming);
        let b = backup(&local, &after);
        let mut undone = after.clone();
        let kept = b.plans[0].restore(&mut undone, &b.made_since(&here));
        prop_assert_eq!(kept, 0);
        prop_assert_eq!(undone, local);
    }

    #[test]
    fn undoing_keeps_every_change_made_here_since(local in progress(3), incoming in progress(3), later in progress(3)) {
        let here = ReplicaId("here-pc".into());
        let after = merged(&local, &incoming);
        let b = backup(&local, &after);
        let later = made_here_later(&later, &here);
        let now = merged(&after, &later);
        let mut undone = now.clone();
        b.plans[0].restore(&mut undone, &b.made_since(&here));
        let kept: HashSet<&Stamp> = undone.tasks.values().flat_map(TaskProgress::stamps).collect();
        for s in now.tasks.values().flat_map(TaskProgress::stamps) {
            if s.replica == here {
                prop_assert!(kept.contains(s), "a change made here since the import was lost: {:?}", s);
            }
        }
        for (id, tp) in &now.tasks {
            if !b.plans[0].tasks.contains_key(id) {
                prop_assert_eq!(undone.tasks.get(id), Some(tp), "task {} was not imported", id);
            }
        }
    }
}
