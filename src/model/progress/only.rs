//! One unit's share of a copy (导出本部门): every field whose latest change that unit made.
//!
//! Merging the share gives the same value as merging the whole copy for each field the unit
//! changed last in it, because each such field travels with its stamp unchanged. A measure
//! travels whole when the unit changed any of its fields; a log entry when the unit wrote it.

use super::{Progress, TaskProgress};
use crate::model::stamp::{Stamp, Stamped};
use crate::model::unit::UnitId;

fn by(stamp: &Stamp, unit: &UnitId) -> bool {
    stamp.by.as_ref() == Some(unit)
}

fn keep<T: Clone>(field: &Option<Stamped<T>>, unit: &UnitId) -> Option<Stamped<T>> {
    field.as_ref().filter(|s| by(&s.stamp, unit)).cloned()
}

impl TaskProgress {
    /// The fields `unit` changed last; `None` when there are none.
    pub fn only_by(&self, unit: &UnitId) -> Option<TaskProgress> {
        let mut share = TaskProgress {
            status: keep(&self.status, unit),
            percent: keep(&self.percent, unit),
            deadline: keep(&self.deadline, unit),
            ..TaskProgress::default()
        };
        share.parts = self
            .parts
            .iter()
            .filter(|(_, p)| by(&p.stamp, unit))
            .map(|(k, p)| (k.clone(), p.clone()))
            .collect();
        share.measures = self
            .measures
            .iter()
            .filter(|(_, m)| {
                [&m.text.stamp, &m.done.stamp, &m.removed.stamp]
                    .into_iter()
                    .any(|s| by(s, unit))
            })
            .map(|(k, m)| (k.clone(), m.clone()))
            .collect();
        share.log = self
            .log
            .iter()
            .filter(|(_, e)| by(&e.created, unit) || e.revisions.iter().any(|r| by(&r.stamp, unit)))
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect();
        for (month, units) in &self.reports {
            for (name, report) in units {
                let mine = super::UnitReport {
                    progress: keep(&report.progress, unit),
                    problems: keep(&report.problems, unit),
                    next: keep(&report.next, unit),
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
