//! Undo and redo: one step of the history, to a task's progress (stamped now) or to the
//! plan; what changed elsewhere since is left alone, and the notice says so.

use super::state::{AppState, NoticeKind};
use crate::model::{Direction, PlanStep, StepKind};
use leptos::prelude::*;

impl AppState {
    /// Undoes the last change (to progress or to the plan).
    pub fn undo(&self) {
        self.step_history(Direction::Undo);
    }

    /// Redoes the last undone change.
    pub fn redo(&self) {
        self.step_history(Direction::Redo);
    }

    /// Applies one undo or redo step; a progress step is stamped now. Only the signal the
    /// step touches changes.
    fn step_history(&self, dir: Direction) {
        match self.history.with_untracked(|h| h.next(dir)) {
            Some(StepKind::Task) => {
                let stamp = self.stamp();
                let mut kept = 0;
                self.progress.maybe_update(|p| {
                    let mut stepped = None;
                    self.history
                        .update(|h| stepped = h.step_task(dir, p, &stamp));
                    kept = stepped.map_or(0, |(_, k)| k);
                    stepped.is_some()
                });
                if kept > 0 {
                    let verb = match dir {
                        Direction::Undo => "撤销",
                        Direction::Redo => "重做",
                    };
                    self.notify(
                        NoticeKind::Warning,
                        format!("{verb}时保留了 {kept} 处内容：它们在这次修改之后又在别处（另一个窗口或导入的文件）改过，没有被覆盖。"),
                    );
                }
            }
            Some(StepKind::Plan) => {
                let mut step = None;
                self.plan.maybe_update(|p| {
                    self.history.update(|h| step = h.step_plan(dir, p));
                    step == Some(PlanStep::Stepped)
                });
                if step == Some(PlanStep::Stale) {
                    self.notify(
                        NoticeKind::Warning,
                        "计划在这一步之后又在别处（另一个窗口或导入）改过，撤销或重做会覆盖那些修改，所以没有执行；计划修改的撤销记录已清除。".into(),
                    );
                }
            }
            None => {}
        }
    }
}
