//! The derived state of every task, computed once per change and shared by filters, cards and summaries.

use super::date::Date;
use super::derive::{Summary, TaskFacts, TaskState, summarise, task_state_with};
use super::facts::PlanFacts;
use super::plan::{Plan, SectionId};
use super::progress::Progress;
use super::task::TaskId;
use std::collections::HashMap;

/// Each task's [`TaskState`]. Depends on plan, progress and today.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateCache {
    by_task: HashMap<TaskId, TaskState>,
    by_section: HashMap<SectionId, Summary>,
    all: Summary,
}

impl StateCache {
    /// Derives every task's state once.
    pub fn build(plan: &Plan, progress: &Progress, today: Date) -> StateCache {
        StateCache::from_facts(&PlanFacts::build(plan), plan, progress, today)
    }

    /// Derives every task's state once, from the plan's precomputed facts (see
    /// [`PlanFacts`]), so that a change of progress or today redoes only what depends on them.
    pub fn from_facts(
        facts: &PlanFacts,
        plan: &Plan,
        progress: &Progress,
        today: Date,
    ) -> StateCache {
        let mut by_task = HashMap::with_capacity(plan.tasks.len());
        let mut in_section: HashMap<SectionId, Vec<TaskState>> = HashMap::new();
        for t in &plan.tasks {
            let p = progress.task(t.id);
            let state = match facts.task(t.id) {
                Some(f) => task_state_with(t, f, p, today),
                None => task_state_with(t, &TaskFacts::of(t, plan), p, today),
            };
            if by_task.insert(t.id, state).is_none() {
                in_section.entry(t.section).or_default().push(state);
            }
        }
        let by_section = in_section
            .iter()
            .map(|(s, states)| (*s, summarise(states)))
            .collect();
        let all = summarise(by_task.values());
        StateCache {
            by_task,
            by_section,
            all,
        }
    }

    /// The state of a task.
    pub fn get(&self, id: TaskId) -> Option<&TaskState> {
        self.by_task.get(&id)
    }

    /// Counts and mean percentage of one section, or of the whole plan with `None` (summed
    /// when the states are derived).
    pub fn summary(&self, section: Option<SectionId>) -> Summary {
        match section {
            None => self.all.clone(),
            Some(s) => self.by_section.get(&s).cloned().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReplicaId, Stamp, Status};
    use crate::parse::parse_plan;

    #[test]
    fn summaries_per_section_and_plan() {
        let plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        let today = Date::new(2023, 7, 1).expect("date");
        let stamp = Stamp {
            at: 1,
            n: 0,
            by: None,
            replica: ReplicaId("r".into()),
        };
        let mut progress = Progress::default();
        progress
            .task_mut(TaskId(1))
            .set_status(Some(Status::Done), &stamp);
        progress.task_mut(TaskId(7)).set_percent(Some(50), &stamp);
        let cache = StateCache::build(&plan, &progress, today);
        let first = cache.summary(Some(SectionId(1)));
        assert_eq!(
            (first.total, first.by_status, first.percent),
            (3, [2, 0, 1, 0], 33)
        );
        let all = cache.summary(None);
        assert_eq!((all.total, all.by_status), (19, [17, 1, 1, 0]));
        assert_eq!(all.percent, 8, "(100 + 50) / 19 rounded");
        assert_eq!(
            cache.get(TaskId(7)).map(|s| s.status),
            Some(Status::InProgress)
        );
    }
}
