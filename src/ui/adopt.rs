//! 采用文件中的计划: a file or copy whose plan differs in structure from this copy's (the
//! office's edited plan reaching a unit) can replace it, as one undoable plan edit; its
//! progress is then previewed for merging, new tasks included.

use super::import::show;
use super::notice::NoticeAction;
use super::state::{AppState, NoticeKind};
use crate::model::{Plan, PlanDiff, TaskId};
use crate::snapshot::Snapshot;
use leptos::prelude::*;

/// How many task titles a notice names before it says "等".
const NAMED: usize = 3;

/// `“a”、“b”等 5 项`: the titles of `ids` in `plan`.
fn titles(plan: &Plan, ids: &[TaskId]) -> String {
    let named: Vec<String> = ids
        .iter()
        .filter_map(|id| plan.task(*id))
        .take(NAMED)
        .map(|t| format!("“{}”", t.title))
        .collect();
    match ids.len() {
        n if n > NAMED => format!("{}等 {n} 项", named.join("、")),
        n => format!("{} {n} 项", named.join("、")),
    }
}

/// What taking `theirs` in place of `ours` changes, in words.
fn plan_diff_words(ours: &Plan, theirs: &Plan, diff: &PlanDiff) -> String {
    let mut parts = Vec::new();
    if !diff.added.is_empty() {
        parts.push(format!("新增{}", titles(theirs, &diff.added)));
    }
    if !diff.removed.is_empty() {
        parts.push(format!("删除{}", titles(ours, &diff.removed)));
    }
    if !diff.changed.is_empty() {
        parts.push(format!("{} 项任务的内容有改动", diff.changed.len()));
    }
    if !diff.replaced.is_empty() {
        parts.push(format!(
            "编号相同的{}换成了另一项任务",
            titles(ours, &diff.replaced)
        ));
    }
    if diff.other {
        parts.push("标题、部分、顺序或单位设置有改动".into());
    }
    parts.join("；")
}

/// What taking `theirs` in place of `ours` would change, in words, when it is worth offering:
/// `None` when they read alike, or when `theirs` is of a lower revision and adds no task —
/// an older version of this one (a unit's file that went out before the office edited the
/// plan). A plan with tasks this copy lacks is offered whatever its revision.
pub fn plan_offer(ours: &Plan, theirs: &Plan) -> Option<String> {
    let diff = ours.structure_diff(theirs);
    let newer = theirs.revision >= ours.revision || !diff.added.is_empty();
    (!diff.is_empty() && newer).then(|| plan_diff_words(ours, theirs, &diff))
}

impl AppState {
    /// Offers the plan `incoming` carries when it differs from this copy's `ours`.
    pub(super) fn offer_plan(&self, name: &str, ours: &Plan, incoming: &Snapshot) {
        let Some(words) = plan_offer(ours, &incoming.plan) else {
            return;
        };
        self.notify_with(
            NoticeKind::Info,
            format!(
                "“{name}”中的《{}》与本机的计划结构不同（{}）。如果它是最新的计划（例如办公室修改后发来的），可以采用它：本机的进展保留，刷新页面前原来的计划可用“撤销”恢复；进展中只有本机计划里有的任务会被合并。",
                incoming.plan.title, words
            ),
            Some(NoticeAction::AdoptPlan(Box::new(incoming.clone()), name.to_string())),
        );
    }

    /// Takes the plan `incoming` carries in place of this copy's, as one step of undo, then
    /// previews merging its progress. Refused when a number of this copy with progress names
    /// another task in the file: that progress would show under the wrong task.
    pub fn adopt_plan(&self, incoming: Snapshot, name: &str) {
        let id = incoming.plan.id.clone();
        self.switch_plan(&id);
        if self.plan.with_untracked(|p| p.id != id) {
            return;
        }
        let before = self.plan.get_untracked();
        let diff = before.structure_diff(&incoming.plan);
        // A number the file gives a task that this copy's plan has as another task, or no
        // longer has (deleted, its progress kept): progress here under it that the file does
        // not know of is another task's. (Progress the file has too is its task's own, say
        // after the plan taken was undone.)
        let clash: Vec<TaskId> = diff
            .replaced
            .iter()
            .chain(&diff.added)
            .copied()
            .filter(|t| {
                let theirs = incoming.progress.task(*t);
                self.progress.with_untracked(|p| {
                    p.task(*t).is_some_and(|tp| {
                        tp.stamps()
                            .any(|s| !theirs.is_some_and(|o| o.stamps().any(|x| x == s)))
                    })
                })
            })
            .collect();
        if !clash.is_empty() {
            self.notify(
                NoticeKind::Warning,
                format!(
                    "没有采用“{name}”中的计划：文件中的{}在本机的同一编号下存有另一项任务（或已删除的任务）的进展，采用后这些进展会显示在别的任务下。请让发出文件的一方核对这些任务后重新导出。没有做任何改动。",
                    titles(&incoming.plan, &clash)
                ),
            );
            return;
        }
        let words = plan_diff_words(&before, &incoming.plan, &diff);
        let mut after = incoming.plan.clone();
        // A number of this copy's plan that the file's lacks is retired like a deleted one.
        after.retire_task_ids_of(&before);
        self.plan.set(after.clone());
        self.history.update(|h| h.record_plan(before, after));
        self.notify(
            NoticeKind::Info,
            format!("已采用“{name}”中的计划（{words}）。刷新页面前，原来的计划可用“撤销”（Ctrl+Z）恢复。"),
        );
        show(*self, self.prepare_snapshots(name, vec![incoming]));
    }
}

#[cfg(test)]
mod tests {
    use super::plan_offer;
    use crate::parse::parse_plan;

    #[test]
    fn only_a_plan_of_no_lower_revision_is_offered() {
        let ours = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        assert_eq!(plan_offer(&ours, &ours.clone()), None, "alike");
        let mut theirs = ours.clone();
        theirs.tasks.pop();
        theirs.revision = 3;
        let said = plan_offer(&ours, &theirs).expect("a newer version is offered");
        assert!(said.contains("删除"), "{said}");
        let mut replaced = theirs.clone();
        replaced.tasks[0].title = "另一项任务".into();
        replaced.tasks[0].body = "完全不同的内容".into();
        let said = plan_offer(&ours, &replaced).expect("offered");
        assert!(
            said.contains("换成了另一项任务") && !said.contains("内容有改动"),
            "{said}"
        );
        let mut edited = ours.clone();
        edited.revision = 4;
        assert_eq!(
            plan_offer(&edited, &theirs),
            None,
            "an older version is not"
        );
        let mut adding = ours.clone();
        let mut new = adding.tasks[0].clone();
        new.id = crate::model::TaskId(20);
        new.title = "新增的任务".into();
        adding.tasks.push(new);
        assert!(
            plan_offer(&edited, &adding).is_some(),
            "one that adds a task is, whatever its revision"
        );
    }
}
