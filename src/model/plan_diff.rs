//! How two copies of one plan differ in structure: tasks added, removed, changed, or whose
//! number now names another task, and whether anything else (sections, order, wording,
//! units) differs. What a copy edited elsewhere (the office's) would bring.

use super::plan::Plan;
use super::task::{Task, TaskId};

/// The differences of a plan from another copy of it, seen from this copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanDiff {
    /// Tasks the other copy has and this one lacks.
    pub added: Vec<TaskId>,
    /// Tasks this copy has and the other lacks.
    pub removed: Vec<TaskId>,
    /// Tasks of both whose wording, units, deadline or section differ.
    pub changed: Vec<TaskId>,
    /// Numbers that name another task in the other copy (neither title nor text alike).
    pub replaced: Vec<TaskId>,
    /// Whether the title, preamble, sections, task order or unit registry differ.
    pub other: bool,
}

impl PlanDiff {
    /// Whether the two copies are alike.
    pub fn is_empty(&self) -> bool {
        *self == PlanDiff::default()
    }
}

impl Task {
    /// Whether `other` (of another copy, under the same number) is this task: the same title,
    /// or the same non-empty text, so that a task renamed on one side still counts as itself.
    /// A title that only grew or shrank at one end (`开展专项督查` → `开展专项督查行动`,
    /// four characters or more kept) is the same task's too.
    pub fn is_same_task(&self, other: &Task) -> bool {
        let (a, b) = (self.title.trim(), other.title.trim());
        let body = self.body.trim();
        let grown = |long: &str, short: &str| {
            short.chars().count() >= 4 && (long.starts_with(short) || long.ends_with(short))
        };
        a == b || grown(a, b) || grown(b, a) || (!body.is_empty() && body == other.body.trim())
    }
}

impl Plan {
    /// How `theirs`, another copy of this plan, differs from it.
    pub fn structure_diff(&self, theirs: &Plan) -> PlanDiff {
        let mut diff = PlanDiff::default();
        for ours in &self.tasks {
            match theirs.task(ours.id) {
                None => diff.removed.push(ours.id),
                Some(t) if !ours.is_same_task(t) => diff.replaced.push(ours.id),
                Some(t) if t != ours => diff.changed.push(ours.id),
                Some(_) => {}
            }
        }
        diff.added = theirs
            .tasks
            .iter()
            .filter(|t| self.task(t.id).is_none())
            .map(|t| t.id)
            .collect();
        let order = |p: &Plan| p.tasks.iter().map(|t| t.id).collect::<Vec<_>>();
        diff.other = self.title != theirs.title
            || self.preamble != theirs.preamble
            || self.sections != theirs.sections
            || self.units != theirs.units
            || order(self) != order(theirs);
        diff
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_plan;

    fn seed() -> Plan {
        parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan
    }

    #[test]
    fn a_copy_is_alike_and_each_kind_of_change_is_named() {
        let ours = seed();
        assert!(ours.structure_diff(&ours.clone()).is_empty());
        let mut theirs = ours.clone();
        theirs.tasks.retain(|t| t.id != TaskId(19));
        let mut new = theirs.tasks[0].clone();
        new.id = TaskId(20);
        new.title = "新增的任务".into();
        new.body = "新的内容".into();
        theirs.tasks.push(new);
        theirs.tasks[1].deadline = Some("9月底前".into());
        theirs.tasks[2].title = "改名的任务".into();
        theirs.tasks[3].title = "另一项任务".into();
        theirs.tasks[3].body = "完全不同的内容".into();
        let (second, third, fourth) = (theirs.tasks[1].id, theirs.tasks[2].id, theirs.tasks[3].id);
        let diff = ours.structure_diff(&theirs);
        assert_eq!(diff.added, [TaskId(20)]);
        assert_eq!(diff.removed, [TaskId(19)]);
        assert_eq!(
            diff.changed,
            [second, third],
            "a renamed task is still itself"
        );
        assert_eq!(diff.replaced, [fourth]);
        assert!(diff.other, "the order changed with the new task");
    }

    #[test]
    fn a_title_grown_at_one_end_is_the_same_task() {
        let plan = seed();
        let (mut a, mut b) = (plan.tasks[0].clone(), plan.tasks[0].clone());
        a.body.clear();
        b.body.clear();
        a.title = "开展专项督查".into();
        b.title = "开展专项督查行动".into();
        assert!(a.is_same_task(&b) && b.is_same_task(&a));
        b.title = "专项督查".into();
        assert!(a.is_same_task(&b), "shortened at the front");
        b.title = "组织业务培训".into();
        assert!(!a.is_same_task(&b));
        b.title = "开展".into();
        assert!(!a.is_same_task(&b), "too short to tell");
    }
}
