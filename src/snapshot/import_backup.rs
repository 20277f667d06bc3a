//! The automatic backup an import keeps before it merges (导入前备份): the earlier progress
//! of every task the import changed, per plan, so that 撤销导入 restores exactly what was
//! there. Only changed tasks are kept, so a backup stays small next to the progress itself.

use super::SnapshotError;
use super::versioned::{self, Kind};
use crate::model::{PlanId, Progress, TaskId, TaskProgress};
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

    /// Puts every kept task back as it was.
    pub fn restore(&self, progress: &mut Progress) {
        for (id, old) in &self.tasks {
            match old {
                Some(tp) => {
                    progress.tasks.insert(*id, tp.clone());
                }
                None => {
                    progress.tasks.remove(id);
                }
            }
        }
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
    use crate::model::{Stamp, Status};

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
        decoded.plans[0].restore(&mut restored);
        assert_eq!(restored, before);
    }
}
