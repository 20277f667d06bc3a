//! Precomputed per-task data that keeps filtering thousands of tasks cheap on every keystroke.
//!
//! Search text depends on the plan only; states ([`StateCache`]) on plan, progress and today.

use crate::model::text::normalize;
use crate::model::{Plan, StateCache, TaskId};
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

/// Both caches, borrowed together.
#[derive(Clone, Copy, Debug)]
pub struct FilterCache<'a> {
    /// Normalized task text.
    pub text: &'a SearchText,
    /// Derived task states.
    pub states: &'a StateCache,
}
