//! Walking every stamp a task's progress records, to compare, count or correct them.

use super::{Stamp, TaskProgress};

impl TaskProgress {
    /// Every stamp recorded in this task.
    pub fn stamps(&self) -> impl Iterator<Item = &Stamp> {
        let fields = [
            self.status.as_ref().map(|s| &s.stamp),
            self.percent.as_ref().map(|s| &s.stamp),
            self.deadline.as_ref().map(|s| &s.stamp),
        ];
        let parts = self.parts.values().map(|p| &p.stamp);
        let measures = self
            .measures
            .values()
            .flat_map(|m| [&m.text.stamp, &m.done.stamp, &m.removed.stamp]);
        let log = self.log.values().flat_map(|e| {
            e.revisions
                .iter()
                .map(|r| &r.stamp)
                .chain([&e.withdrawn.stamp])
        });
        let reports = self
            .reports
            .values()
            .flat_map(|units| units.values().flat_map(|r| r.stamps()));
        fields
            .into_iter()
            .flatten()
            .chain(parts)
            .chain(measures)
            .chain(log)
            .chain(reports)
    }

    /// Calls `f` on every stamp recorded in this task, mutably (for clock corrections).
    pub fn for_each_stamp_mut(&mut self, mut f: impl FnMut(&mut Stamp)) {
        for s in [
            self.status.as_mut().map(|s| &mut s.stamp),
            self.percent.as_mut().map(|s| &mut s.stamp),
            self.deadline.as_mut().map(|s| &mut s.stamp),
        ]
        .into_iter()
        .flatten()
        {
            f(s);
        }
        for p in self.parts.values_mut() {
            f(&mut p.stamp);
        }
        for m in self.measures.values_mut() {
            for s in [
                &mut m.created,
                &mut m.text.stamp,
                &mut m.done.stamp,
                &mut m.removed.stamp,
            ] {
                f(s);
            }
        }
        for e in self.log.values_mut() {
            f(&mut e.created);
            f(&mut e.withdrawn.stamp);
            for r in &mut e.revisions {
                f(&mut r.stamp);
            }
        }
        for units in self.reports.values_mut() {
            for s in units.values_mut().flat_map(|r| r.stamps_mut()) {
                f(s);
            }
        }
    }
}
