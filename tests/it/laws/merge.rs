//! Merge laws: commutative, associative, idempotent, never drops a log wording, and copies
//! that went through an import's clock correction still converge.

use super::config;
use super::roundtrip::known_plans;
use super::strategies::{BASE, progress, unit};
use proptest::prelude::*;
use std::collections::HashSet;
use workplan::model::{ChangeValue, Progress, Stamp, TaskProgress};
use workplan::snapshot::{CLOCK_SLACK_MS, Snapshot, check_incoming};

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn merge_is_commutative(a in progress(3), b in progress(3)) {
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in progress(3), b in progress(3), c in progress(3)) {
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in progress(3), b in progress(3)) {
        prop_assert_eq!(merged(&a, &a), a.clone());
        // Merging a copy that is already in changes nothing either.
        let ab = merged(&a, &b);
        prop_assert_eq!(merged(&ab, &a), ab.clone());
        prop_assert_eq!(merged(&ab, &b), ab);
    }

    #[test]
    fn merge_never_drops_a_log_wording(a in progress(3), b in progress(3)) {
        let ab = merged(&a, &b);
        for side in [&a, &b] {
            for (task, tp) in &side.tasks {
                for (id, entry) in &tp.log {
                    let kept = ab.tasks.get(task).and_then(|t| t.log.get(id));
                    prop_assert!(kept.is_some(), "entry {} of task {} dropped", id.0, task);
                    let kept = kept.map(|e| &e.revisions[..]).unwrap_or_default();
                    for r in &entry.revisions {
                        prop_assert!(
                            kept.contains(r),
                            "wording {:?} of entry {} dropped", r.value, id.0
                        );
                    }
                    // Corrections stay in time order, so the last is the latest.
                    prop_assert!(kept.windows(2).all(|w| w[0].stamp <= w[1].stamp));
                }
            }
        }
    }

    /// An importer whose clock runs behind moves the exporter's stamps back; when the
    /// exporter later merges the office's copy, both must still agree.
    #[test]
    fn clock_corrected_copies_converge(a in progress(3), b in progress(3), ahead in 2i64..5) {
        let plan = known_plans()[0].clone();
        let now = BASE - ahead * CLOCK_SLACK_MS;
        let file = Snapshot { saved_at: BASE + 10, plan: plan.clone(), progress: a.clone() };
        let (corrected, report) = check_incoming(&file, &plan, now);
        prop_assert!(report.future_stamps.is_empty());
        let office = merged(&b, &corrected);
        prop_assert_eq!(merged(&a, &office), merged(&office, &a));
        prop_assert_eq!(merged(&corrected, &a), merged(&a, &corrected));
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// A unit's own file (导出本部门) carries every change that unit made last, exactly as the
    /// full file has it, and nothing the full file lacks: merging it gives that unit's fields
    /// the same values as merging the full file.
    #[test]
    fn a_units_share_carries_its_changes(full in progress(3), unit in unit()) {
        let Some(unit) = unit else { return Ok(()) };
        let share = full.only_by(&unit);
        prop_assert_eq!(merged(&full, &share), full.clone(), "the share holds only what the file holds");
        let carried: HashSet<&Stamp> = share.tasks.values().flat_map(TaskProgress::stamps).collect();
        for s in full.tasks.values().flat_map(TaskProgress::stamps) {
            if s.by.as_ref() == Some(&unit) {
                prop_assert!(carried.contains(s), "a change by {} was left out", unit.as_str());
            }
        }
    }

    /// The preview of a file already merged shows nothing to change, and every change it
    /// lists before merging is what the merge then holds.
    #[test]
    fn the_preview_matches_the_merge(local in progress(3), incoming in progress(3)) {
        let after = merged(&local, &incoming);
        prop_assert!(after.diff(&incoming).is_empty());
        let diff = local.diff(&incoming);
        for c in diff.changes.iter().chain(diff.conflicts.iter().filter(|c| c.theirs_wins)) {
            let now = after.tasks.get(&c.task).map(|tp| tp.value(&c.field));
            prop_assert_eq!(now, Some(c.theirs.clone()), "field {:?}", c.field);
        }
        // Every field whose value the merge changes was in the preview.
        let touched = diff.tasks();
        let every = Progress::default().diff(&after);
        for c in &every.changes {
            let before = local.tasks.get(&c.task).map_or(ChangeValue::Unset, |tp| tp.value(&c.field));
            if before != c.theirs {
                prop_assert!(touched.contains(&c.task), "{:?} of task {} changed unseen", c.field, c.task);
            }
        }
        for (task, entry) in &every.new_log {
            let known = local.tasks.get(task).is_some_and(|tp| tp.log.values().any(|e| e.created == entry.created));
            prop_assert!(known || touched.contains(task), "a new log entry of task {} went unseen", task);
        }
    }
}
