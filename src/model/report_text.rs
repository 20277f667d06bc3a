//! The plain-text report (报送文本) of one unit for one month, ready to paste into an email
//! or a WPS document.
//!
//! Layout:
//! ```text
//! 办公室2023年7月重点工作任务进展情况
//!
//! 一、坚持党的全面领导
//! 1. 任务标题（牵头）
//! 状态：推进中；进度：60%；完成时限：2023-06-30
//! 进展情况：……
//! 存在问题：……
//! 下一步措施：……
//! ```
//! Tasks are those the unit answers for (groups expanded as everywhere), in plan order,
//! under their section's heading; a part the unit did not write reads `（未填写）`.

use super::derive::answerable_units;
use super::plan::Plan;
use super::progress::{Month, Progress, ReportPart};
use super::states::StateCache;
use super::stats::section_heading;
use super::task::Role;
use super::unit::{Responsible, UnitId};

/// What a part the unit did not write reads.
pub const NOT_WRITTEN: &str = "（未填写）";

/// The heading word of each part.
pub fn part_label(part: ReportPart) -> &'static str {
    match part {
        ReportPart::Progress => "进展情况",
        ReportPart::Problems => "存在问题",
        ReportPart::Next => "下一步措施",
    }
}

/// The report text of `unit` for `month` over every task it answers for.
pub fn report_text(
    plan: &Plan,
    progress: &Progress,
    states: &StateCache,
    unit: &UnitId,
    month: Month,
) -> String {
    let me = Responsible::Unit(unit.clone());
    let mut out = format!("{}{}重点工作任务进展情况\n", unit, month.to_chinese());
    let mut section = None;
    let mut count = 0;
    for task in &plan.tasks {
        if !answerable_units(plan, task.unit_names()).contains(&me) {
            continue;
        }
        count += 1;
        if section != Some(task.section) {
            section = Some(task.section);
            out.push('\n');
            out.push_str(&section_heading(plan, task.section));
            out.push('\n');
        }
        let leads = task
            .units
            .iter()
            .any(|a| a.role == Role::Lead && plan.units.resolve(&a.name) == me);
        let number = plan.task_number(task.id).unwrap_or_default();
        out.push_str(&format!(
            "{number}. {}{}\n",
            task.title,
            if leads { "（牵头）" } else { "" }
        ));
        if let Some(state) = states.get(task.id) {
            let deadline = match state.deadline {
                Some(d) => d.to_string(),
                None => task.deadline.clone().unwrap_or_else(|| "未定".into()),
            };
            out.push_str(&format!(
                "状态：{}；进度：{}%；完成时限：{deadline}\n",
                state.status.label(),
                state.percent
            ));
        }
        let report = progress
            .task(task.id)
            .and_then(|tp| tp.report(month, unit.as_str()));
        for part in ReportPart::ALL {
            let text = report.map_or("", |r| r.text(part));
            let text = if text.is_empty() { NOT_WRITTEN } else { text };
            out.push_str(&format!("{}：{text}\n", part_label(part)));
        }
    }
    if count == 0 {
        out.push_str("\n本部门在本计划中没有承担的任务。\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReplicaId, Stamp, TaskId};
    use crate::parse::parse_plan;

    #[test]
    fn lists_the_units_tasks_with_their_three_parts() {
        let plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        let unit = UnitId("办公室".into());
        let mine: Vec<TaskId> = plan
            .tasks
            .iter()
            .filter(|t| {
                answerable_units(&plan, t.unit_names()).contains(&Responsible::Unit(unit.clone()))
            })
            .map(|t| t.id)
            .collect();
        assert!(
            !mine.is_empty(),
            "办公室 answers for some tasks of the 2023 plan"
        );
        let month = Month::parse("2023-07").expect("month");
        let mut progress = Progress::default();
        let stamp = Stamp {
            at: 1,
            n: 0,
            by: Some(unit.clone()),
            replica: ReplicaId("r".into()),
        };
        let tp = progress.task_mut(mine[0]);
        tp.set_report(
            month,
            "办公室",
            ReportPart::Progress,
            "已召开专题会议",
            &stamp,
        )
        .expect("ok");
        tp.set_report(month, "办公室", ReportPart::Next, "继续推进", &stamp)
            .expect("ok");
        let states = StateCache::build(
            &plan,
            &progress,
            crate::model::Date::new(2023, 7, 20).expect("date"),
        );
        let text = report_text(&plan, &progress, &states, &unit, month);
        assert!(text.starts_with("办公室2023年7月重点工作任务进展情况\n"));
        assert!(
            text.contains("进展情况：已召开专题会议\n存在问题：（未填写）\n下一步措施：继续推进\n")
        );
        assert_eq!(text.matches("进展情况：").count(), mine.len());
        let first = plan.task(mine[0]).expect("task");
        let number = plan.task_number(mine[0]).expect("number");
        assert!(text.contains(&format!("{number}. {}", first.title)));
    }
}
