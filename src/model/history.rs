//! Undo and redo of the last changes, to progress and to the plan. Undoing a progress change is
//! itself a stamped change, so other copies follow it.

use super::plan::Plan;
use super::progress::{Progress, TaskProgress};
use super::stamp::Stamp;
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

/// What stepping a plan edit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanStep {
    /// The plan is as it was before (undo) or after (redo) the edit.
    Stepped,
    /// The plan changed since, elsewhere; nothing was stepped.
    Stale,
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
    ) -> Option<(TaskId, usize)> {
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
        let kept = progress.task_mut(*task).apply_diff(from, to, stamp);
        let task = *task;
        let change = self.pop(dir)?;
        self.file(dir, change);
        Some((task, kept))
    }

    /// Steps a plan edit; `None` when the next step is not one. A plan changed since the
    /// step (in another window, by an import) is left as it is: the step would overwrite
    /// that change, so it and every other plan edit (they all lead from a state that is
    /// gone) leave the history, and [`PlanStep::Stale`] says so. A task number in use
    /// before the step stays retired after it, so no new task takes it.
    pub fn step_plan(&mut self, dir: Direction, plan: &mut Plan) -> Option<PlanStep> {
        let Some(Change::Plan { before, after }) = self.top(dir) else {
            return None;
        };
        let (from, to) = match dir {
            Direction::Undo => (after, before),
            Direction::Redo => (before, after),
        };
        if !from.same_content(plan) {
            let is_task = |c: &Change| matches!(c, Change::Task { .. });
            self.undo.retain(is_task);
            self.redo.retain(is_task);
            return Some(PlanStep::Stale);
        }
        let left = std::mem::replace(plan, (**to).clone());
        plan.retire_task_ids_of(&left);
        if let Some(change) = self.pop(dir) {
            self.file(dir, change);
        }
        Some(PlanStep::Stepped)
    }

    /// Undoes the last change if it was a progress change.
    pub fn undo(&mut self, progress: &mut Progress, stamp: &Stamp) -> Option<TaskId> {
        self.step_task(Direction::Undo, progress, stamp)
            .map(|(task, _)| task)
    }

    /// Redoes the last undone change if it was a progress change.
    pub fn redo(&mut self, progress: &mut Progress, stamp: &Stamp) -> Option<TaskId> {
        self.step_task(Direction::Redo, progress, stamp)
            .map(|(task, _)| task)
    }
}

mod diff;

#[cfg(test)]
mod tests;
