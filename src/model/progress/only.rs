//! A share of a copy: the fields whose latest change passes a test of its stamp. One unit's
//! share (导出本部门) is every field whose latest change that unit made; an import is undone
//! keeping this browser's changes made after it.
//!
//! Merging a share gives the same value as merging the whole copy for each field in it,
//! because each such field travels with its stamp unchanged. A measure travels whole when any
//! of its fields passes; a log entry when it was written, revised or withdrawn so.

use super::{Progress, TaskProgress};
use crate::model::stamp::{Stamp, Stamped};
use crate::model::unit::UnitId;

fn keep<T: Clone>(field: &Option<Stamped<T>>, by: &impl Fn(&Stamp) -> bool) -> Option<Stamped<T>> {
    field.as_ref().filter(|s| by(&s.stamp)).cloned()
}

impl TaskProgress {
    /// The fields `unit` changed last; `None` when there are none.
    pub fn only_by(&self, unit: &UnitId) -> Option<TaskProgress> {
        self.only_where(|s| s.by.as_ref() == Some(unit))
    }

    /// The fields whose latest change passes `by`; `None` when there are none.
    pub fn only_where(&self, by: impl Fn(&Stamp) -> bool) -> Option<TaskProgress> {
        let by = &by;
        let mut share = TaskProgress {
            status: keep(&self.status, by),
            percent: keep(&self.percent, by),
            deadline: keep(&self.deadline, by),
            ..TaskProgress::default()
        };
        share.parts = self
            .parts
            .iter()
            .filter(|(_, p)| by(&p.stamp))
            .map(|(k, p)| (k.clone(), p.clone()))
            .collect();
        share.measures = self
            .measures
            .iter()
            .filter(|(_, m)| {
                [&m.text.stamp, &m.done.stamp, &m.removed.stamp]
                    .into_iter()
                    .any(by)
            })
            .map(|(k, m)| (k.clone(), m.clone()))
            .collect();
        share.log = self
            .log
            .iter()
            .filter(|(_, e)| {
                by(&e.created) || by(&e.withdrawn.stamp) || e.revisions.iter().any(|r| by(&r.stamp))
            })
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect();
        for (month, units) in &self.reports {
            for (name, report) in units {
                let mine = super::UnitReport {
                    progress: keep(&report.progress, by),
                    problems: keep(&report.problems, by),
                    next: keep(&report.next, by),
                };
                if mine != super::UnitReport::default() {
                    share
                        .reports
                        .entry(*month)
                        .or_default()
                        .insert(name.clone(), mine);
                }
            }
        }
        (share != TaskProgress::default()).then_some(share)
    }
}

impl Progress {
    /// The share of this copy that `unit` changed last, for its own small export file.
    pub fn only_by(&self, unit: &UnitId) -> Progress {
        Progress {
            tasks: self
                .tasks
                .iter()
                .filter_map(|(id, tp)| tp.only_by(unit).map(|share| (*id, share)))
                .collect(),
        }
    }
}
