//! What the plan alone determines about its tasks, derived once per plan: the facts each
//! task's state needs and the values of the unit facet.

use super::derive::TaskFacts;
use super::filter::unit_options;
use super::plan::Plan;
use super::task::TaskId;
use std::collections::HashMap;

/// Plan-derived data of every task. Depends on the plan only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFacts {
    by_task: HashMap<TaskId, TaskFacts>,
    unit_options: Vec<String>,
}

impl PlanFacts {
    /// Derives everything once.
    pub fn build(plan: &Plan) -> PlanFacts {
        let year = plan.year();
        let by_task = plan
            .tasks
            .iter()
            .map(|t| (t.id, TaskFacts::in_year(t, plan, year)))
            .collect();
        PlanFacts {
            by_task,
            unit_options: unit_options(plan),
        }
    }

    /// What a task's state needs from the plan.
    pub fn task(&self, id: TaskId) -> Option<&TaskFacts> {
        self.by_task.get(&id)
    }

    /// The values of the unit facet ([`unit_options`]).
    pub fn unit_options(&self) -> &[String] {
        &self.unit_options
    }
}
