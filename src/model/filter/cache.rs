//! Precomputed per-task data that keeps filtering thousands of tasks cheap on every keystroke.

use crate::model::derive::task_state;
use crate::model::text::normalize;
use crate::model::{Date, Plan, Progress, Status, TaskId};
use std::collections::HashMap;

/// Each task's title and body, normalized for search. Depends on the plan only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchText {
    by_task: HashMap<TaskId, String>,
}

impl SearchText {
    /// Normalizes every task's title and body once.
    pub fn build(plan: &Plan) -> SearchText {
        let by_task = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id,
                    format!("{}\n{}", normalize(&t.title), normalize(&t.body)),
                )
            })
            .collect();
        SearchText { by_task }
    }

    /// The normalized title and body of a task (joined by a line break, which no term contains).
    pub fn get(&self, id: TaskId) -> Option<&str> {
        self.by_task.get(&id).map(String::as_str)
    }
}

/// Each task's effective status and overdue flag. Depends on plan, progress and today.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateCache {
    by_task: HashMap<TaskId, (Status, bool)>,
}

impl StateCache {
    /// Derives every task's state once.
    pub fn build(plan: &Plan, progress: &Progress, today: Date) -> StateCache {
        let by_task = plan
            .tasks
            .iter()
            .map(|t| {
                let s = task_state(t, plan, progress.task(t.id), today);
                (t.id, (s.status, s.overdue))
            })
            .collect();
        StateCache { by_task }
    }

    /// The status and overdue flag of a task.
    pub fn get(&self, id: TaskId) -> Option<(Status, bool)> {
        self.by_task.get(&id).copied()
    }
}

/// Both caches, borrowed together.
#[derive(Clone, Copy, Debug)]
pub struct FilterCache<'a> {
    /// Normalized task text.
    pub text: &'a SearchText,
    /// Derived task states.
    pub states: &'a StateCache,
}
