//! Undo and redo of the last changes, to progress and to the plan. Undoing a progress change is
//! itself a stamped change, so other copies follow it.

use super::plan::Plan;
use super::progress::{Month, Progress, ReportPart, TaskProgress};
use super::stamp::{Stamp, Stamped};
use super::task::TaskId;
use std::collections::VecDeque;

/// How many changes can be undone.
pub const HISTORY_LIMIT: usize = 50;

/// One recorded change: a task's progress before and after, or the plan before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Change {
    Task {
        task: TaskId,
        before: Box<TaskProgress>,
        after: Box<TaskProgress>,
    },
    Plan {
        before: Box<Plan>,
        after: Box<Plan>,
    },
}

/// Which way to step through the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Take back the last change.
    Undo,
    /// Make the last undone change again.
    Redo,
}

/// What the next step in one direction touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// One task's progress.
    Task,
    /// The plan's structure.
    Plan,
}

/// The undo and redo stacks: progress changes and plan edits in one order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    undo: VecDeque<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a progress change; clears the redo stack; keeps the last [`HISTORY_LIMIT`].
    pub fn record(&mut self, task: TaskId, before: TaskProgress, after: TaskProgress) {
        if before != after {
            self.push(Change::Task {
                task,
                before: Box::new(before),
                after: Box::new(after),
            });
        }
    }

    /// Records a plan edit.
    pub fn record_plan(&mut self, before: Plan, after: Plan) {
        if before != after {
            self.push(Change::Plan {
                before: Box::new(before),
                after: Box::new(after),
            });
        }
    }

    fn push(&mut self, change: Change) {
        self.undo.push_back(change);
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

    fn top(&self, dir: Direction) -> Option<&Change> {
        match dir {
            Direction::Undo => self.undo.back(),
            Direction::Redo => self.redo.last(),
        }
    }

    fn pop(&mut self, dir: Direction) -> Option<Change> {
        match dir {
            Direction::Undo => self.undo.pop_back(),
            Direction::Redo => self.redo.pop(),
        }
    }

    fn file(&mut self, dir: Direction, change: Change) {
        match dir {
            Direction::Undo => self.redo.push(change),
            Direction::Redo => self.undo.push_back(change),
        }
    }

    /// What the next step in `dir` touches, if there is one.
    pub fn next(&self, dir: Direction) -> Option<StepKind> {
        self.top(dir).map(|c| match c {
            Change::Task { .. } => StepKind::Task,
            Change::Plan { .. } => StepKind::Plan,
        })
    }

    /// Steps a progress change: restores the values under a new stamp. `None` when the next
    /// step is not a progress change.
    pub fn step_task(
        &mut self,
        dir: Direction,
        progress: &mut Progress,
        stamp: &Stamp,
    ) -> Option<TaskId> {
        let Some(Change::Task {
            task,
            before,
            after,
        }) = self.top(dir)
        else {
            return None;
        };
        let (from, to) = match dir {
            Direction::Undo => (after, before),
            Direction::Redo => (before, after),
        };
        progress.task_mut(*task).apply_diff(from, to, stamp);
        let task = *task;
        let change = self.pop(dir)?;
        self.file(dir, change);
        Some(task)
    }

    /// Steps a plan edit. False when the next step is not a plan edit.
    pub fn step_plan(&mut self, dir: Direction, plan: &mut Plan) -> bool {
        let Some(Change::Plan { before, after }) = self.top(dir) else {
            return false;
        };
        *plan = match dir {
            Direction::Undo => (**before).clone(),
            Direction::Redo => (**after).clone(),
        };
        if let Some(change) = self.pop(dir) {
            self.file(dir, change);
        }
        true
    }

    /// Undoes the last change if it was a progress change.
    pub fn undo(&mut self, progress: &mut Progress, stamp: &Stamp) -> Option<TaskId> {
        self.step_task(Direction::Undo, progress, stamp)
    }

    /// Redoes the last undone change if it was a progress change.
    pub fn redo(&mut self, progress: &mut Progress, stamp: &Stamp) -> Option<TaskId> {
        self.step_task(Direction::Redo, progress, stamp)
    }
}

fn value<T: Clone>(f: &Option<Stamped<T>>) -> Option<T> {
    f.as_ref().map(|s| s.value.clone())
}

impl TaskProgress {
    /// Applies the difference between `from` and `to` to `self`, stamped now: every field that
    /// differs between the two is set to its value in `to`; fields the change did not touch
    /// (for example another tab's edits since) are left alone. Items missing from `to` are
    /// removed or withdrawn, never deleted; log wordings are appended, never replaced.
    pub fn apply_diff(&mut self, from: &TaskProgress, to: &TaskProgress, stamp: &Stamp) {
        if value(&from.status) != value(&to.status) {
            self.set_status(value(&to.status).flatten(), stamp);
        }
        if value(&from.percent) != value(&to.percent) {
            self.set_percent(value(&to.percent).flatten(), stamp);
        }
        if value(&from.deadline) != value(&to.deadline) {
            self.set_deadline(value(&to.deadline).flatten(), stamp);
        }
        let units = from.parts.keys().chain(to.parts.keys());
        for unit in units {
            let want = to.parts.get(unit).and_then(|p| p.value);
            if from.parts.get(unit).and_then(|p| p.value) != want {
                self.set_part(unit, want, stamp);
            }
        }
        let ids = from.measures.keys().chain(to.measures.keys());
        for id in ids {
            let (Some(m), old) = (self.measures.get_mut(id), from.measures.get(id)) else {
                continue;
            };
            let new = to.measures.get(id);
            let text = |x: Option<&super::progress::Measure>| x.map(|m| m.text.value.clone());
            let done = |x: Option<&super::progress::Measure>| x.is_some_and(|m| m.done.value);
            let removed = |x: Option<&super::progress::Measure>| {
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
                |x: Option<&super::progress::LogEntry>| x.is_none_or(|e| e.withdrawn.value);
            if withdrawn(old) != withdrawn(new) {
                e.withdrawn = Stamped::new(withdrawn(new), stamp);
            }
        }
        self.apply_report_diff(from, to, stamp);
    }

    /// The monthly reports' part of [`TaskProgress::apply_diff`]: a part whose text differs
    /// is set to its text in `to` (a part `to` never had is cleared).
    fn apply_report_diff(&mut self, from: &TaskProgress, to: &TaskProgress, stamp: &Stamp) {
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
                if text(from) != want && text(self) != want {
                    // `want` was a valid text of this report: within the length limit.
                    let _ = self.set_report(month, &unit, part, &want, stamp);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
