//! What changed since a moment: per task, whether its status, its progress or its log did.

use super::distinct;
use crate::model::progress::{Progress, TaskProgress};
use crate::model::task::TaskId;

/// Which parts of a task's record changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// The status set by hand (also when cleared back to derived).
    pub status: bool,
    /// The progress form: percent, deadline, a unit's part, a measure, or a monthly report.
    pub progress: bool,
    /// The log: an entry added, corrected, withdrawn or restored.
    pub log: bool,
}

impl Changed {
    /// Whether anything changed.
    pub fn any(self) -> bool {
        self.status || self.progress || self.log
    }
}

/// One task that changed, what changed, and the time (ms) of its latest change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskChange {
    /// The task.
    pub task: TaskId,
    /// What changed.
    pub changed: Changed,
    /// Its latest change after `since`, ms since the epoch.
    pub last: i64,
}

/// The given tasks (each once, in the given order) with a change stamped after `since` ms.
pub fn changes_since(progress: &Progress, ids: &[TaskId], since: i64) -> Vec<TaskChange> {
    distinct(ids)
        .into_iter()
        .filter_map(|id| {
            let tp = progress.task(id)?;
            let changed = changed_since(tp, since);
            let last = tp.stamps().map(|s| s.at).filter(|at| *at > since).max()?;
            changed.any().then_some(TaskChange {
                task: id,
                changed,
                last,
            })
        })
        .collect()
}

fn changed_since(tp: &TaskProgress, since: i64) -> Changed {
    let after = |at: i64| at > since;
    let status = tp.status.as_ref().is_some_and(|s| after(s.stamp.at));
    let fields = [
        tp.percent.as_ref().map(|s| s.stamp.at),
        tp.deadline.as_ref().map(|s| s.stamp.at),
    ];
    let progress = fields.into_iter().flatten().any(after)
        || tp.parts.values().any(|p| after(p.stamp.at))
        || tp.measures.values().any(|m| {
            [m.text.stamp.at, m.done.stamp.at, m.removed.stamp.at]
                .into_iter()
                .any(after)
        })
        || tp
            .reports
            .values()
            .flat_map(|units| units.values())
            .any(|r| r.stamps().any(|s| after(s.at)));
    let log = tp.log.values().any(|e| {
        after(e.created.at)
            || after(e.withdrawn.stamp.at)
            || e.revisions.iter().any(|r| after(r.stamp.at))
    });
    Changed {
        status,
        progress,
        log,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::ItemId;
    use crate::model::stats::testkit::{date, ids, stamp};
    use crate::model::status::Status;

    #[test]
    fn tells_which_of_the_three_changed() {
        let mut p = Progress::default();
        let old = stamp(100, None);
        let new = stamp(200, Some("办公室"));
        p.task_mut(TaskId(1)).set_status(Some(Status::Done), &new);
        p.task_mut(TaskId(1)).set_percent(Some(10), &old);
        p.task_mut(TaskId(2))
            .set_part("办公室", Some(Status::InProgress), &stamp(150, None));
        let t3 = p.task_mut(TaskId(3));
        t3.add_log(ItemId("a".into()), date(2023, 7, 1), "旧", &old)
            .expect("log");
        t3.correct_log(&ItemId("a".into()), "新", &stamp(300, None))
            .expect("same author");
        t3.update_measure(
            &ItemId("seed-3-1".into()),
            Some("甲"),
            crate::model::MeasureChange::Done(true),
            &stamp(250, None),
        )
        .expect("seed");
        p.task_mut(TaskId(4)).set_deadline(None, &old);
        let got = changes_since(&p, &ids([1, 2, 3, 4, 5, 1]), 100);
        let want = [
            (1, true, false, false, 200),
            (2, false, true, false, 150),
            (3, false, true, true, 300),
        ];
        let got: Vec<(u32, bool, bool, bool, i64)> = got
            .iter()
            .map(|c| {
                let ch = c.changed;
                (c.task.0, ch.status, ch.progress, ch.log, c.last)
            })
            .collect();
        assert_eq!(got, want, "task 4 changed at 100, not after");
        assert!(changes_since(&p, &ids([1, 2, 3]), 300).is_empty());
        assert!(!changes_since(&p, &ids([3]), 299)[0].changed.progress);
    }
}
