//! Unit tests for progress edits, merging, and derived state.

use super::*;
use crate::model::{ReplicaId, UnitId, summarise, task_state};
use crate::parse::parse_plan;

fn stamp(at: i64, by: &str) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: Some(UnitId(by.into())),
        replica: ReplicaId("r1".into()),
    }
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid date")
}

fn plan() -> crate::model::Plan {
    parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan
}

#[test]
fn parts_derive_the_status_unless_set_explicitly() {
    let plan = plan();
    let task = &plan.tasks[7]; // four named units
    let today = day(2023, 7, 1);
    let mut p = TaskProgress::default();
    assert_eq!(
        task_state(task, &plan, Some(&p), today).status,
        Status::NotStarted
    );
    p.set_part("办公室", Some(Status::Done), &stamp(1, "办公室"));
    assert_eq!(
        task_state(task, &plan, Some(&p), today).status,
        Status::InProgress
    );
    for u in [
        "普法与依法治理科",
        "执法监督与法制审查科",
        "行政复议与应诉科",
    ] {
        p.set_part(u, Some(Status::Done), &stamp(2, u));
    }
    assert_eq!(
        task_state(task, &plan, Some(&p), today).status,
        Status::Done
    );
    p.set_part("办公室", Some(Status::Lagging), &stamp(3, "办公室"));
    assert_eq!(
        task_state(task, &plan, Some(&p), today).status,
        Status::Lagging
    );
    p.set_status(Some(Status::InProgress), &stamp(4, "普法与依法治理科"));
    let st = task_state(task, &plan, Some(&p), today);
    assert_eq!((st.status, st.status_explicit), (Status::InProgress, true));
    p.set_status(None, &stamp(5, "普法与依法治理科"));
    assert_eq!(
        task_state(task, &plan, Some(&p), today).status,
        Status::Lagging
    );
}

#[test]
fn group_parts_expand_to_known_members() {
    let plan = plan();
    let parts = crate::model::part_statuses(&plan.tasks[0], &plan, None);
    let units: Vec<&str> = parts.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(
        units.len(),
        9,
        "7 offices and 2 judicial offices: {units:?}"
    );
    assert!(units.contains(&"文源司法所") && units.contains(&"办公室"));
}

#[test]
fn measures_move_the_percent_unless_set_by_hand() {
    let plan = plan();
    let task = &plan.tasks[0];
    let today = day(2023, 7, 1);
    let mut p = TaskProgress::default();
    let seeds = crate::model::measures(task, None);
    assert_eq!(seeds.len(), 2, "{seeds:?}");
    let first = &seeds[0];
    p.update_measure(
        &first.id,
        first.seed.as_deref(),
        MeasureChange::Done(true),
        &stamp(1, "办公室"),
    )
    .expect("seeded measure");
    let st = task_state(task, &plan, Some(&p), today);
    assert_eq!((st.percent, st.status), (50, Status::InProgress));
    p.set_percent(Some(80), &stamp(2, "办公室"));
    assert_eq!(task_state(task, &plan, Some(&p), today).percent, 80);
    p.set_percent(None, &stamp(3, "办公室"));
    assert_eq!(task_state(task, &plan, Some(&p), today).percent, 50);
    p.add_measure(ItemId("r1.4.1".into()), "新举措", &stamp(4, "办公室"))
        .expect("added");
    assert_eq!(task_state(task, &plan, Some(&p), today).percent, 33);
    assert_eq!(
        p.add_measure(ItemId("x".into()), "  ", &stamp(5, "办公室")),
        Err(ProgressError::EmptyText)
    );
}

#[test]
fn overdue_uses_the_injected_today() {
    let plan = plan();
    let task = &plan.tasks[0];
    let mut p = TaskProgress::default();
    p.set_deadline(Some(day(2023, 9, 30)), &stamp(1, "办公室"));
    assert!(!task_state(task, &plan, Some(&p), day(2023, 9, 30)).overdue);
    assert!(task_state(task, &plan, Some(&p), day(2023, 10, 1)).overdue);
    p.set_status(Some(Status::Done), &stamp(2, "办公室"));
    assert!(!task_state(task, &plan, Some(&p), day(2023, 10, 1)).overdue);
}

#[test]
fn log_is_append_only_and_corrected_by_its_author() {
    let mut p = TaskProgress::default();
    let id = ItemId("r1.1.1".into());
    p.add_log(id.clone(), day(2023, 7, 1), "召开会议", &stamp(1, "办公室"))
        .expect("added");
    assert_eq!(
        p.correct_log(&id, "改写", &stamp(2, "普法与依法治理科")),
        Err(ProgressError::NotAuthor)
    );
    p.correct_log(&id, "召开专题会议", &stamp(3, "办公室"))
        .expect("author corrects");
    let e = &p.log[&id];
    assert_eq!(e.text(), "召开专题会议");
    assert_eq!(e.revisions.len(), 2);
    assert_eq!(e.revisions[0].value, "召开会议");
}

#[test]
fn merge_keeps_the_newer_field_and_every_revision() {
    let id = ItemId("r1.1.1".into());
    let mut a = TaskProgress::default();
    a.add_log(id.clone(), day(2023, 7, 1), "一", &stamp(1, "办公室"))
        .expect("added");
    let mut b = a.clone();
    a.set_status(Some(Status::Done), &stamp(5, "办公室"));
    b.set_status(Some(Status::Lagging), &stamp(3, "办公室"));
    b.set_percent(Some(40), &stamp(4, "办公室"));
    b.correct_log(&id, "二", &stamp(6, "办公室"))
        .expect("corrected");
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba, "merge is order-independent");
    assert_eq!(ab.status.as_ref().and_then(|s| s.value), Some(Status::Done));
    assert_eq!(ab.percent.as_ref().and_then(|s| s.value), Some(40));
    assert_eq!(ab.log[&id].revisions.len(), 2);
}

#[test]
fn summary_aggregates_percent_and_counts() {
    let plan = plan();
    let today = day(2023, 7, 1);
    let mut progress = Progress::default();
    progress
        .task_mut(plan.tasks[0].id)
        .set_status(Some(Status::Done), &stamp(1, "办公室"));
    progress
        .task_mut(plan.tasks[1].id)
        .set_percent(Some(50), &stamp(1, "办公室"));
    let states: Vec<_> = plan
        .tasks
        .iter()
        .take(3)
        .map(|t| task_state(t, &plan, progress.task(t.id), today))
        .collect();
    let s = summarise(&states);
    assert_eq!(s.total, 3);
    assert_eq!(s.by_status, [1, 1, 1, 0]);
    assert_eq!(s.percent, 50);
}

#[test]
fn refused_measure_edit_changes_nothing() {
    let plan = plan();
    let seed = &crate::model::measures(&plan.tasks[0], None)[0];
    let mut p = TaskProgress::default();
    let refused = p.update_measure(
        &seed.id,
        seed.seed.as_deref(),
        MeasureChange::Text("  ".into()),
        &stamp(1, "办公室"),
    );
    assert_eq!(refused, Err(ProgressError::EmptyText));
    assert_eq!(p, TaskProgress::default());
}

#[test]
fn text_over_the_limit_is_refused_before_anything_changes() {
    let mut t = TaskProgress::default();
    let long = "字".repeat(crate::model::MAX_TEXT_CHARS + 1);
    let stamp = Stamp {
        at: 1,
        n: 0,
        by: None,
        replica: crate::model::ReplicaId("r".into()),
    };
    let date = crate::model::Date::new(2023, 7, 1).expect("date");
    assert_eq!(
        t.add_log(crate::model::ItemId("r.1".into()), date, &long, &stamp),
        Err(ProgressError::TooLong(crate::model::MAX_TEXT_CHARS + 1))
    );
    assert_eq!(t, TaskProgress::default());
}

#[test]
fn ticking_a_seeded_measure_is_one_change_made_now() {
    let plan = plan();
    let seeds = crate::model::measures(&plan.tasks[0], None);
    let first = &seeds[0];
    let mut progress = Progress::default();
    progress
        .task_mut(plan.tasks[0].id)
        .update_measure(
            &first.id,
            first.seed.as_deref(),
            MeasureChange::Done(true),
            &stamp(1_700_000_000_000, "办公室"),
        )
        .expect("seeded measure");
    let me = ReplicaId("r1".into());
    // The wording from the plan text (time 0) is no change of this copy's.
    assert_eq!(progress.changes_by_after(&me, i64::MIN), 1);
    assert_eq!(
        progress.earliest_change_by_after(&me, i64::MIN),
        Some(1_700_000_000_000)
    );
    assert_eq!(progress.changes_by_after(&me, 1_700_000_000_000), 0);
}

#[test]
fn changes_after_a_time_are_counted_with_the_latest() {
    let mut p = Progress::default();
    assert_eq!(p.changes_after(100), None);
    p.task_mut(TaskId(1))
        .set_status(Some(Status::Done), &stamp(50, "办公室"));
    p.task_mut(TaskId(2))
        .set_percent(Some(20), &stamp(300, "办公室"));
    p.task_mut(TaskId(3))
        .set_percent(Some(30), &stamp(200, "办公室"));
    assert_eq!(p.changes_after(100), Some((2, 300)));
    assert_eq!(p.changes_after(300), None);
}

#[test]
fn merging_another_version_leaves_out_a_number_that_names_another_task() {
    let ours = plan();
    let mut theirs = ours.clone();
    theirs.tasks[2].title = "另一项任务".into();
    theirs.tasks[2].body = "完全不同的内容".into();
    let other_task = theirs.tasks[2].id;
    let mut other = Progress::default();
    other
        .task_mut(other_task)
        .set_status(Some(Status::Done), &stamp(5, "办公室"));
    other
        .task_mut(TaskId(1))
        .set_status(Some(Status::Lagging), &stamp(5, "办公室"));
    let mut mine = Progress::default();
    assert_eq!(mine.merge_same_tasks(&ours, &other, &theirs), [other_task]);
    assert!(mine.task(other_task).is_none());
    assert!(mine.task(TaskId(1)).is_some(), "the same task merges");
}
