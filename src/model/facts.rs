//! What the plan alone determines about its tasks, derived once per plan: normalized search
//! text, the facts each task's state needs, and the values of the unit facet.

use super::derive::TaskFacts;
use super::filter::unit_options;
use super::plan::Plan;
use super::task::TaskId;
use super::text::normalize;
use std::collections::HashMap;

/// One task's plan-derived data.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    text: String,
    facts: TaskFacts,
}

/// Plan-derived data of every task. Depends on the plan only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFacts {
    by_task: HashMap<TaskId, Entry>,
    unit_options: Vec<String>,
}

impl PlanFacts {
    /// Derives everything once.
    pub fn build(plan: &Plan) -> PlanFacts {
        let year = plan.year();
        let by_task = plan
            .tasks
            .iter()
            .map(|t| {
                let text = format!("{}\n{}", normalize(&t.title), normalize(&t.body));
                let facts = TaskFacts::in_year(t, plan, year);
                (t.id, Entry { text, facts })
            })
            .collect();
        PlanFacts {
            by_task,
            unit_options: unit_options(plan),
        }
    }

    /// The normalized title and body of a task (joined by a line break, which no term contains).
    pub fn text(&self, id: TaskId) -> Option<&str> {
        self.by_task.get(&id).map(|e| e.text.as_str())
    }

    /// What a task's state needs from the plan.
    pub fn task(&self, id: TaskId) -> Option<&TaskFacts> {
        self.by_task.get(&id).map(|e| &e.facts)
    }

    /// The values of the unit facet ([`unit_options`]).
    pub fn unit_options(&self) -> &[String] {
        &self.unit_options
    }
}
