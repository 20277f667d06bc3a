//! Undo and redo of the last changes. Undoing is itself a stamped change, so other copies follow it.

use super::progress::{Progress, TaskProgress};
use super::stamp::{Stamp, Stamped};
use super::task::TaskId;
use std::collections::VecDeque;

/// How many changes can be undone.
pub const HISTORY_LIMIT: usize = 50;

/// One recorded change: a task's progress before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Change {
    task: TaskId,
    before: TaskProgress,
    after: TaskProgress,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    undo: VecDeque<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a change; clears the redo stack; keeps the last [`HISTORY_LIMIT`].
    pub fn record(&mut self, task: TaskId, before: TaskProgress, after: TaskProgress) {
        if before == after {
            return;
        }
        self.undo.push_back(Change { task, before, after });
        while self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Number of changes that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of changes that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Undoes the last change by restoring the earlier values under a new stamp.
    pub fn undo(&mut self, progress: &mut Progress, stamp: &Stamp) -> Option<TaskId> {
        let change = self.undo.pop_back()?;
        progress.task_mut(change.task).restore(&change.before, stamp);
        let task = change.task;
        self.redo.push(change);
        Some(task)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self, progress: &mut Progress, stamp: &Stamp) -> Option<TaskId> {
        let change = self.redo.pop()?;
        progress.task_mut(change.task).restore(&change.after, stamp);
        let task = change.task;
        self.undo.push_back(change);
        Some(task)
    }
}

fn same<T: PartialEq>(a: &Option<Stamped<T>>, b: &Option<Stamped<T>>) -> bool {
    a.as_ref().map(|s| &s.value) == b.as_ref().map(|s| &s.value)
}

impl TaskProgress {
    /// Brings every field whose value differs from `target` back to `target`'s value, stamped now.
    /// Items `target` lacks are removed or withdrawn, never deleted; log wordings are appended.
    pub fn restore(&mut self, target: &TaskProgress, stamp: &Stamp) {
        if !same(&self.status, &target.status) {
            self.set_status(target.status.as_ref().and_then(|s| s.value), stamp);
        }
        if !same(&self.percent, &target.percent) {
            self.set_percent(target.percent.as_ref().and_then(|s| s.value), stamp);
        }
        if !same(&self.deadline, &target.deadline) {
            self.set_deadline(target.deadline.as_ref().and_then(|s| s.value), stamp);
        }
        let units: Vec<String> = self.parts.keys().cloned().collect();
        for unit in units {
            let want = target.parts.get(&unit).and_then(|p| p.value);
            if self.parts.get(&unit).and_then(|p| p.value) != want {
                self.set_part(&unit, want, stamp);
            }
        }
        for (id, m) in self.measures.iter_mut() {
            let (text, done, removed) = match target.measures.get(id) {
                Some(t) => (t.text.value.clone(), t.done.value, t.removed.value),
                None => (m.text.value.clone(), false, !id.0.starts_with("seed-")),
            };
            if m.text.value != text {
                m.text = Stamped::new(text, stamp);
            }
            if m.done.value != done {
                m.done = Stamped::new(done, stamp);
            }
            if m.removed.value != removed {
                m.removed = Stamped::new(removed, stamp);
            }
        }
        for (id, e) in self.log.iter_mut() {
            let (text, withdrawn) = match target.log.get(id) {
                Some(t) => (t.text().to_string(), t.withdrawn.value),
                None => (e.text().to_string(), true),
            };
            if e.text() != text {
                e.revisions.push(Stamped::new(text, stamp));
            }
            if e.withdrawn.value != withdrawn {
                e.withdrawn = Stamped::new(withdrawn, stamp);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, ItemId, ReplicaId, Status};

    fn stamp(at: i64) -> Stamp {
        Stamp { at, by: None, replica: ReplicaId("r".into()) }
    }

    fn edit(p: &mut Progress, h: &mut History, at: i64, f: impl FnOnce(&mut TaskProgress, &Stamp)) {
        let before = p.task_mut(TaskId(1)).clone();
        f(p.task_mut(TaskId(1)), &stamp(at));
        let after = p.task_mut(TaskId(1)).clone();
        h.record(TaskId(1), before, after);
    }

    #[test]
    fn undo_and_redo_restore_values_with_new_stamps() {
        let (mut p, mut h) = (Progress::default(), History::default());
        edit(&mut p, &mut h, 1, |t, s| t.set_status(Some(Status::Done), s));
        edit(&mut p, &mut h, 2, |t, s| t.set_percent(Some(30), s));
        assert_eq!(h.undo(&mut p, &stamp(3)), Some(TaskId(1)));
        let t = p.task(TaskId(1)).expect("task");
        assert_eq!(t.percent.as_ref().map(|s| (s.value, s.stamp.at)), Some((None, 3)));
        assert_eq!(t.status.as_ref().and_then(|s| s.value), Some(Status::Done));
        h.undo(&mut p, &stamp(4));
        assert_eq!(p.task(TaskId(1)).and_then(|t| t.status.as_ref()).and_then(|s| s.value), None);
        assert_eq!(h.undo(&mut p, &stamp(5)), None);
        h.redo(&mut p, &stamp(6));
        h.redo(&mut p, &stamp(7));
        let t = p.task(TaskId(1)).expect("task");
        assert_eq!(t.percent.as_ref().and_then(|s| s.value), Some(30));
        assert_eq!(h.redo_len(), 0);
    }

    #[test]
    fn undoing_a_log_entry_withdraws_it() {
        let (mut p, mut h) = (Progress::default(), History::default());
        let id = ItemId("r.1".into());
        let date = Date::new(2023, 7, 1).expect("date");
        edit(&mut p, &mut h, 1, |t, s| t.add_log(id.clone(), date, "记录", s).expect("added"));
        h.undo(&mut p, &stamp(2));
        let e = &p.task(TaskId(1)).expect("task").log[&id];
        assert!(e.withdrawn.value);
        assert_eq!(e.text(), "记录", "the wording is kept");
    }

    #[test]
    fn keeps_only_the_last_fifty() {
        let (mut p, mut h) = (Progress::default(), History::default());
        for i in 0..60 {
            edit(&mut p, &mut h, i, |t, s| t.set_percent(Some((i % 100) as u8), s));
        }
        assert_eq!(h.undo_len(), HISTORY_LIMIT);
    }
}
