//! Precomputed per-task data that keeps filtering thousands of tasks cheap on every keystroke.
//!
//! Search text ([`SearchText`]) depends on the plan only, [`ProgressText`] on plan and
//! progress, both read only while searching; states ([`StateCache`]) on plan, progress and
//! today; the unit facet's values live in [`PlanFacts`] (plan only).

use crate::model::derive::{measures, visible_log};
use crate::model::text::normalize;
use crate::model::{Plan, PlanFacts, Progress, StateCache, Task, TaskId, TaskProgress};
use std::collections::HashMap;

/// Whether a task's progress adds searchable text (measures or log entries).
pub(super) fn has_extra(progress: Option<&TaskProgress>) -> bool {
    progress.is_some_and(|p| !p.measures.is_empty() || !p.log.is_empty())
}

/// The searchable text a task's progress adds: its current measures (once any is recorded)
/// and its visible log entries, each normalized, one per line.
pub(super) fn extra_fields(task: &Task, p: &TaskProgress) -> Vec<String> {
    let mut fields = Vec::new();
    if !p.measures.is_empty() {
        fields.extend(measures(task, Some(p)).iter().map(|m| normalize(&m.text)));
    }
    if !p.log.is_empty() {
        fields.extend(
            visible_log(Some(p))
                .iter()
                .map(|(_, e)| normalize(e.text())),
        );
    }
    fields
}

/// Each task's title and body, normalized for search. Depends on the plan only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchText {
    by_task: HashMap<TaskId, String>,
}

impl SearchText {
    /// Normalizes every task's title and body once.
    pub fn build(plan: &Plan) -> SearchText {
        let by_task = plan.tasks.iter().map(|t| (t.id, base_text(t))).collect();
        SearchText { by_task }
    }

    /// The normalized title and body of a task (joined by a line break, which no term contains).
    pub fn get(&self, id: TaskId) -> Option<&str> {
        self.by_task.get(&id).map(String::as_str)
    }
}

/// A task's title and body, normalized, joined by a line break.
pub(super) fn base_text(task: &Task) -> String {
    format!("{}\n{}", normalize(&task.title), normalize(&task.body))
}

/// The normalized measures and log text of every task whose progress has any, joined by line
/// breaks (which no search term contains).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgressText {
    by_task: HashMap<TaskId, String>,
}

impl ProgressText {
    /// Normalizes the progress text of every task once.
    pub fn build(plan: &Plan, progress: &Progress) -> ProgressText {
        let by_task = plan
            .tasks
            .iter()
            .filter_map(|t| {
                let p = progress.task(t.id).filter(|p| has_extra(Some(p)))?;
                Some((t.id, extra_fields(t, p).join("\n")))
            })
            .collect();
        ProgressText { by_task }
    }

    /// The progress text of a task, if its progress has any.
    pub fn get(&self, id: TaskId) -> Option<&str> {
        self.by_task.get(&id).map(String::as_str)
    }
}

/// The caches, borrowed together.
#[derive(Clone, Copy, Debug)]
pub struct FilterCache<'a> {
    /// Plan-derived task data.
    pub facts: &'a PlanFacts,
    /// Derived task states.
    pub states: &'a StateCache,
    /// Normalized task and progress text; `None` when not searching (matching then
    /// derives what it needs).
    pub search: Option<(&'a SearchText, &'a ProgressText)>,
}
