//! What the plan alone determines about its tasks, derived once per plan: the facts each
//! task's state needs and the values of the unit facet.

use super::derive::{TaskFacts, expected_parts};
use super::filter::unit_options;
use super::plan::Plan;
use super::task::TaskId;
use std::collections::HashMap;
use std::sync::Arc;

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
        // Expected parts depend only on the units named (lead first): many tasks share them.
        let mut parts_of: HashMap<Vec<&str>, Arc<[String]>> = HashMap::new();
        let by_task = plan
            .tasks
            .iter()
            .map(|t| {
                let names = t.units_lead_first().into_iter().map(|a| a.name.as_str());
                let parts = parts_of
                    .entry(names.collect())
                    .or_insert_with(|| expected_parts(t, plan).into())
                    .clone();
                (t.id, TaskFacts::with_parts(t, parts, year))
            })
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
