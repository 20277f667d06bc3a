//! The automatic backup an import keeps before it merges (导入前备份): the earlier progress
//! of every task the import changed, per plan, so that 撤销导入 restores what was there, and
//! keeps what this browser changed on those tasks since. Only changed tasks are kept, so a
//! backup stays small next to the progress itself.

use super::SnapshotError;
use super::versioned::{self, Kind};
use crate::model::{PlanId, Progress, ReplicaId, Stamp, TaskId, TaskProgress};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A stored import backup.
pub const IMPORT_BACKUP: Kind = Kind {
    format: "workplan-import-backup",
    first: 1,
    migrations: &[],
};

/// One plan's tasks as they were before an import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanBackup {
    /// The plan.
    pub plan: PlanId,
    /// Its title then.
    pub title: String,
    /// Each task the import changed, as it was (`None`: it had no progress).
    pub tasks: BTreeMap<TaskId, Option<TaskProgress>>,
}

impl PlanBackup {
    /// What `before` held of every task whose progress differs in `after`.
    pub fn between(plan: PlanId, title: String, before: &Progress, after: &Progress) -> PlanBackup {
        let mut tasks = BTreeMap::new();
        for (id, tp) in &after.tasks {
            let old = before.tasks.get(id);
            if old != Some(tp) {
                tasks.insert(*id, old.cloned());
            }
        }
        for (id, tp) in &before.tasks {
            if !after.tasks.contains_key(id) {
                tasks.insert(*id, Some(tp.clone()));
            }
        }
        PlanBackup { plan, title, tasks }
    }

    /// Puts every kept task back as it was, merged with the fields whose latest change passes
    /// `later` (this browser's changes since the import: see [`ImportBackup::made_since`]), so
    /// that undoing an import undoes only the import. Returns how many tasks kept such changes.
    pub fn restore(&self, progress: &mut Progress, later: &impl Fn(&Stamp) -> bool) -> usize {
        let mut kept = 0;
        for (id, old) in &self.tasks {
            let since = progress.tasks.get(id).and_then(|now| now.only_where(later));
            kept += usize::from(since.is_some());
            let task = match (old, since) {
                (Some(tp), Some(since)) => {
                    let mut tp = tp.clone();
                    tp.merge(&since);
                    Some(tp)
                }
                (old, since) => old.clone().or(since),
            };
            match task {
                Some(tp) => progress.tasks.insert(*id, tp),
                None => progress.tasks.remove(id),
            };
        }
        kept
    }
}

/// What one import changed, kept so it can be undone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportBackup {
    /// When the import ran (ms).
    pub at: i64,
    /// The files merged, by name.
    pub files: Vec<String>,
    /// The plans they changed.
    pub plans: Vec<PlanBackup>,
}

impl ImportBackup {
    /// Whether a stamp is of a change made in the browser `here` since the import: those stay
    /// when it is undone.
    pub fn made_since<'a>(&self, here: &'a ReplicaId) -> impl Fn(&Stamp) -> bool + 'a {
        let at = self.at;
        move |s| &s.replica == here && s.at >= at
    }

    /// Whether `later` touched a plan this import touched: undoing this one first would take
    /// away what `later` brought in too, with no backup of it.
    pub fn shares_a_plan_with(&self, later: &ImportBackup) -> bool {
        self.plans
            .iter()
            .any(|p| later.plans.iter().any(|q| q.plan == p.plan))
    }

    /// How many tasks it would put back.
    pub fn task_count(&self) -> usize {
        self.plans.iter().map(|p| p.tasks.len()).sum()
    }
}

/// Encodes an import backup for its key.
pub fn encode_import_backup(backup: &ImportBackup) -> String {
    versioned::encode(&IMPORT_BACKUP, backup, false)
}

/// Decodes a stored import backup.
pub fn decode_import_backup(text: &str) -> Result<ImportBackup, SnapshotError> {
    versioned::decode(&IMPORT_BACKUP, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn stamp(at: i64) -> Stamp {
        crate::model::stats::testkit::stamp(at, None)
    }

    #[test]
    fn restoring_gives_back_exactly_the_earlier_progress() {
        let mut before = Progress::default();
        before
            .task_mut(TaskId(1))
            .set_status(Some(Status::Lagging), &stamp(1));
        before.task_mut(TaskId(2)).set_percent(Some(30), &stamp(1));
        let mut after = before.clone();
        after
            .task_mut(TaskId(1))
            .set_status(Some(Status::Done), &stamp(2));
        after.task_mut(TaskId(3)).set_percent(Some(50), &stamp(2));
        let backup = ImportBackup {
            at: 9,
            files: vec!["a.json".into()],
            plans: vec![PlanBackup::between(
                PlanId("p".into()),
                "计划".into(),
                &before,
                &after,
            )],
        };
        assert_eq!(backup.task_count(), 2, "only the changed tasks are kept");
        let decoded = decode_import_backup(&encode_import_backup(&backup)).expect("decodes");
        assert_eq!(decoded, backup);
        let mut restored = after.clone();
        let here = ReplicaId("here".into());
        decoded.plans[0].restore(&mut restored, &decoded.made_since(&here));
        assert_eq!(restored, before);
    }

    #[test]
    fn undoing_keeps_what_this_browser_changed_since() {
        let here = ReplicaId("here".into());
        let mine = |at: i64| Stamp {
            replica: here.clone(),
            ..stamp(at)
        };
        let mut before = Progress::default();
        before.task_mut(TaskId(1)).set_percent(Some(30), &mine(1));
        let mut after = before.clone();
        // The import (another browser's stamps, older than the import) …
        after
            .task_mut(TaskId(1))
            .set_status(Some(Status::Done), &stamp(5));
        after.task_mut(TaskId(1)).set_percent(Some(80), &stamp(5));
        after
            .task_mut(TaskId(2))
            .set_status(Some(Status::Lagging), &stamp(5));
        let backup = ImportBackup {
            at: 10,
            files: vec!["b.json".into()],
            plans: vec![PlanBackup::between(
                PlanId("p".into()),
                "计划".into(),
                &before,
                &after,
            )],
        };
        // … then this browser changes task 1's status, and task 3, none of them imported.
        let mut now = after.clone();
        now.task_mut(TaskId(1))
            .set_status(Some(Status::InProgress), &mine(12));
        now.task_mut(TaskId(3)).set_percent(Some(10), &mine(13));
        let kept = backup.plans[0].restore(&mut now, &backup.made_since(&here));
        assert_eq!(kept, 1, "task 1 kept a later change");
        let one = now.task(TaskId(1)).expect("task 1");
        assert_eq!(
            one.status.as_ref().map(|s| s.value),
            Some(Some(Status::InProgress)),
            "the later status stays"
        );
        assert_eq!(
            one.percent.as_ref().map(|s| s.value),
            Some(Some(30)),
            "the imported 80 % is undone"
        );
        assert!(now.task(TaskId(2)).is_none(), "task 2 had nothing before");
        assert!(
            now.task(TaskId(3)).is_some(),
            "a task the import did not touch stays"
        );
    }

    #[test]
    fn an_import_shares_a_plan_with_another_only_when_both_touched_it() {
        let backup = |plans: &[&str]| ImportBackup {
            at: 1,
            files: vec![],
            plans: plans
                .iter()
                .map(|p| {
                    PlanBackup::between(
                        PlanId((*p).into()),
                        String::new(),
                        &Progress::default(),
                        &Progress::default(),
                    )
                })
                .collect(),
        };
        assert!(backup(&["a", "b"]).shares_a_plan_with(&backup(&["b"])));
        assert!(!backup(&["a"]).shares_a_plan_with(&backup(&["b"])));
        assert!(!backup(&[]).shares_a_plan_with(&backup(&["a"])));
    }
}
