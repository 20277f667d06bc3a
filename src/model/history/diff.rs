//! Stepping one task's progress from one recorded state to another: only the fields the
//! change touched, and only where nothing changed them since.

use crate::model::progress::{Month, ReportPart, TaskProgress};
use crate::model::stamp::{Stamp, Stamped};

fn value<T: Clone>(f: &Option<Stamped<T>>) -> Option<T> {
    f.as_ref().map(|s| s.value.clone())
}

impl TaskProgress {
    /// Applies the difference between `from` and `to` to `self`, stamped now: every field that
    /// differs between the two is set to its value in `to`; fields the change did not touch
    /// (for example another tab's edits since) are left alone, and so is a field the change
    /// did touch that was changed again since (in another window): the number of those is
    /// returned. Items missing from `to` are removed or withdrawn, never deleted; log
    /// wordings are appended, never replaced.
    pub fn apply_diff(&mut self, from: &TaskProgress, to: &TaskProgress, stamp: &Stamp) -> usize {
        let mut kept = 0;
        // A field steps when it still holds what the change left; one holding a third value
        // (set elsewhere since) is kept and counted.
        let mut step = |now_old: bool, now_new: bool| {
            kept += usize::from(!now_old && !now_new);
            now_old
        };
        let (old, new) = (value(&from.status).flatten(), value(&to.status).flatten());
        if old != new
            && step(
                value(&self.status).flatten() == old,
                value(&self.status).flatten() == new,
            )
        {
            self.set_status(new, stamp);
        }
        let (old, new) = (value(&from.percent).flatten(), value(&to.percent).flatten());
        if old != new
            && step(
                value(&self.percent).flatten() == old,
                value(&self.percent).flatten() == new,
            )
        {
            self.set_percent(new, stamp);
        }
        let (old, new) = (
            value(&from.deadline).flatten(),
            value(&to.deadline).flatten(),
        );
        if old != new
            && step(
                value(&self.deadline).flatten() == old,
                value(&self.deadline).flatten() == new,
            )
        {
            self.set_deadline(new, stamp);
        }
        let units: Vec<_> = from.parts.keys().chain(to.parts.keys()).cloned().collect();
        for unit in units {
            let want = to.parts.get(&unit).and_then(|p| p.value);
            let old = from.parts.get(&unit).and_then(|p| p.value);
            let now = self.parts.get(&unit).and_then(|p| p.value);
            if old != want && step(now == old, now == want) {
                self.set_part(&unit, want, stamp);
            }
        }
        let ids = from.measures.keys().chain(to.measures.keys());
        for id in ids {
            let (Some(m), old) = (self.measures.get_mut(id), from.measures.get(id)) else {
                continue;
            };
            let new = to.measures.get(id);
            let text =
                |x: Option<&crate::model::progress::Measure>| x.map(|m| m.text.value.clone());
            let done =
                |x: Option<&crate::model::progress::Measure>| x.is_some_and(|m| m.done.value);
            let removed = |x: Option<&crate::model::progress::Measure>| {
                x.map_or(!id.0.starts_with("seed-"), |m| m.removed.value)
            };
            // A seeded measure missing from `to` had its wording from the task text.
            let seeded = || old.and_then(|o| o.seed.clone());
            let want = text(new).or_else(|| new.is_none().then(seeded).flatten());
            if let Some(t) = want.filter(|t| text(old).as_ref() != Some(t)) {
                m.text = Stamped::new(t, stamp);
            }
            if done(old) != done(new) {
                m.done = Stamped::new(done(new), stamp);
            }
            if removed(old) != removed(new) {
                m.removed = Stamped::new(removed(new), stamp);
            }
        }
        let ids = from.log.keys().chain(to.log.keys());
        for id in ids {
            let (Some(e), old) = (self.log.get_mut(id), from.log.get(id)) else {
                continue;
            };
            let new = to.log.get(id);
            if let (Some(o), Some(n)) = (old, new)
                && o.text() != n.text()
                && e.text() != n.text()
            {
                e.revisions.push(Stamped::new(n.text().to_string(), stamp));
            }
            let withdrawn =
                |x: Option<&crate::model::progress::LogEntry>| x.is_none_or(|e| e.withdrawn.value);
            if withdrawn(old) != withdrawn(new) {
                e.withdrawn = Stamped::new(withdrawn(new), stamp);
            }
        }
        kept + self.apply_report_diff(from, to, stamp)
    }

    /// The monthly reports' part of [`TaskProgress::apply_diff`]: a part whose text differs
    /// is set to its text in `to` (a part `to` never had is cleared), unless it was rewritten
    /// since; returns how many were.
    fn apply_report_diff(
        &mut self,
        from: &TaskProgress,
        to: &TaskProgress,
        stamp: &Stamp,
    ) -> usize {
        let mut kept = 0;
        let keys = from.reports.iter().chain(&to.reports);
        let keys: Vec<(Month, String)> = keys
            .flat_map(|(month, units)| units.keys().map(|u| (*month, u.clone())))
            .collect();
        for (month, unit) in keys {
            for part in ReportPart::ALL {
                let text = |t: &TaskProgress| {
                    t.report(month, &unit)
                        .map_or(String::new(), |r| r.text(part).to_string())
                };
                let want = text(to);
                if text(from) == want {
                    continue;
                }
                if text(self) != text(from) {
                    kept += usize::from(text(self) != want);
                    continue;
                }
                // `want` was a valid text of this report: within the length limit.
                let _ = self.set_report(month, &unit, part, &want, stamp);
            }
        }
        kept
    }
}
