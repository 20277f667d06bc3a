//! Undo and redo: values come back with new stamps, an undone log entry is withdrawn, other
//! edits stay, and only the last fifty steps are kept.

use super::*;
use crate::model::{Date, ItemId, ReplicaId, Status};

fn stamp(at: i64) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: None,
        replica: ReplicaId("r".into()),
    }
}

fn edit(p: &mut Progress, h: &mut History, at: i64, f: impl FnOnce(&mut TaskProgress, &Stamp)) {
    let before = p.task_mut(TaskId(1)).clone();
    f(p.task_mut(TaskId(1)), &stamp(at));
    let after = p.task_mut(TaskId(1)).clone();
    h.record(TaskId(1), before, after);
}

#[test]
fn undo_and_redo_restore_values_with_new_stamps() {
    let (mut p, mut h) = (Progress::default(), History::default());
    edit(&mut p, &mut h, 1, |t, s| {
        t.set_status(Some(Status::Done), s)
    });
    edit(&mut p, &mut h, 2, |t, s| t.set_percent(Some(30), s));
    assert_eq!(h.undo(&mut p, &stamp(3)), Some(TaskId(1)));
    let t = p.task(TaskId(1)).expect("task");
    assert_eq!(
        t.percent.as_ref().map(|s| (s.value, s.stamp.at)),
        Some((None, 3))
    );
    assert_eq!(t.status.as_ref().and_then(|s| s.value), Some(Status::Done));
    h.undo(&mut p, &stamp(4));
    assert_eq!(
        p.task(TaskId(1))
            .and_then(|t| t.status.as_ref())
            .and_then(|s| s.value),
        None
    );
    assert_eq!(h.undo(&mut p, &stamp(5)), None);
    h.redo(&mut p, &stamp(6));
    h.redo(&mut p, &stamp(7));
    let t = p.task(TaskId(1)).expect("task");
    assert_eq!(t.percent.as_ref().and_then(|s| s.value), Some(30));
    assert_eq!(h.redo_len(), 0);
}

#[test]
fn undoing_a_log_entry_withdraws_it() {
    let (mut p, mut h) = (Progress::default(), History::default());
    let id = ItemId("r.1".into());
    let date = Date::new(2023, 7, 1).expect("date");
    edit(&mut p, &mut h, 1, |t, s| {
        t.add_log(id.clone(), date, "记录", s).expect("added")
    });
    h.undo(&mut p, &stamp(2));
    let e = &p.task(TaskId(1)).expect("task").log[&id];
    assert!(e.withdrawn.value);
    assert_eq!(e.text(), "记录", "the wording is kept");
}

#[test]
fn undo_leaves_other_edits_alone() {
    let (mut p, mut h) = (Progress::default(), History::default());
    edit(&mut p, &mut h, 1, |t, s| {
        t.set_status(Some(Status::Done), s)
    });
    p.task_mut(TaskId(1)).set_percent(Some(70), &stamp(2)); // another tab, not in this history
    h.undo(&mut p, &stamp(3));
    let t = p.task(TaskId(1)).expect("task");
    assert_eq!(t.status.as_ref().and_then(|s| s.value), None);
    assert_eq!(t.percent.as_ref().and_then(|s| s.value), Some(70));
}

#[test]
fn keeps_only_the_last_fifty() {
    let (mut p, mut h) = (Progress::default(), History::default());
    for i in 0..60 {
        edit(&mut p, &mut h, i, |t, s| {
            t.set_percent(Some((i % 100) as u8), s)
        });
    }
    assert_eq!(h.undo_len(), HISTORY_LIMIT);
}

#[test]
fn undo_and_redo_cover_monthly_report_parts() {
    use crate::model::{Month, ReportPart};
    let (mut p, mut h) = (Progress::default(), History::default());
    let month = Month::parse("2023-07").expect("month");
    let text = |p: &Progress, part| {
        p.task(TaskId(1))
            .and_then(|t| t.report(month, "普法科"))
            .map_or(String::new(), |r| r.text(part).to_string())
    };
    edit(&mut p, &mut h, 1, |t, s| {
        t.set_report(month, "普法科", ReportPart::Progress, "已完成培训", s)
            .expect("set")
    });
    edit(&mut p, &mut h, 2, |t, s| {
        t.set_report(month, "普法科", ReportPart::Next, "继续推进", s)
            .expect("set")
    });
    assert_eq!(h.undo(&mut p, &stamp(3)), Some(TaskId(1)));
    assert_eq!(text(&p, ReportPart::Next), "");
    assert_eq!(text(&p, ReportPart::Progress), "已完成培训");
    h.undo(&mut p, &stamp(4));
    assert_eq!(text(&p, ReportPart::Progress), "");
    // Cleared with a newer stamp, not deleted: a merge with an older copy keeps it cleared.
    let part = p
        .task(TaskId(1))
        .and_then(|t| t.report(month, "普法科"))
        .and_then(|r| r.progress.clone());
    assert_eq!(
        part.map(|s| (s.value, s.stamp.at)),
        Some((String::new(), 4))
    );
    assert_eq!(h.undo_len(), 0);
    h.redo(&mut p, &stamp(5));
    h.redo(&mut p, &stamp(6));
    assert_eq!(text(&p, ReportPart::Progress), "已完成培训");
    assert_eq!(text(&p, ReportPart::Next), "继续推进");
}

#[test]
fn undo_keeps_what_another_window_wrote_since() {
    let (mut p, mut h) = (Progress::default(), History::default());
    let month = crate::model::Month::parse("2026-11").expect("month");
    let problems = crate::model::ReportPart::Problems;
    edit(&mut p, &mut h, 1, |t, s| {
        t.set_status(Some(Status::Done), s);
        t.set_report(month, "办公室", problems, "W1", s)
            .expect("within the limit");
    });
    // Another window rewrites the report and sets the status, after this change.
    let t = p.task_mut(TaskId(1));
    t.set_report(month, "办公室", problems, "W2（重要）", &stamp(2))
        .expect("within the limit");
    t.set_status(Some(Status::Lagging), &stamp(2));
    assert_eq!(
        h.step_task(Direction::Undo, &mut p, &stamp(3)),
        Some((TaskId(1), 2)),
        "both fields are counted as kept"
    );
    let t = p.task(TaskId(1)).expect("task");
    assert_eq!(
        t.report(month, "办公室").map(|r| r.text(problems)),
        Some("W2（重要）")
    );
    assert_eq!(
        t.status.as_ref().and_then(|s| s.value),
        Some(Status::Lagging)
    );
}

#[test]
fn a_plan_step_over_a_plan_changed_since_is_refused_and_task_numbers_stay_retired() {
    let seed = crate::parse::parse_plan(crate::DEFAULT_PLAN_TEXT)
        .expect("parses")
        .plan;
    let mut h = History::default();
    let mut plan = seed.clone();
    plan.apply(crate::model::PlanEdit::AddTask {
        section: crate::model::SectionId(1),
        after: None,
        title: "新增".into(),
    })
    .expect("added");
    h.record_plan(seed.clone(), plan.clone());
    // Undone here: the added task's number 20 is not given out again.
    assert_eq!(
        h.step_plan(Direction::Undo, &mut plan),
        Some(PlanStep::Stepped)
    );
    assert_eq!(plan.tasks.len(), seed.tasks.len());
    assert_eq!(plan.next_task_id(), TaskId(21));
    // Redone, then another window renames the plan: undo would overwrite it.
    assert_eq!(
        h.step_plan(Direction::Redo, &mut plan),
        Some(PlanStep::Stepped)
    );
    plan.title = "另一个窗口改的标题".into();
    assert_eq!(
        h.step_plan(Direction::Undo, &mut plan),
        Some(PlanStep::Stale)
    );
    assert_eq!(plan.title, "另一个窗口改的标题", "nothing is overwritten");
    assert_eq!(h.undo_len(), 0, "the plan edits left the history");
}
