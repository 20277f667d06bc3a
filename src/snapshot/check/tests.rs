//! Import checks: unknown tasks, tasks of one number that differ, ranges, long texts, and wrong clocks.

use super::*;
use crate::model::{Date, ItemId, ReplicaId, ReportPart, Status, UnitId};
use crate::parse::parse_plan;

const DAY: i64 = 86_400_000;
const NOW: i64 = 1_700_000_000_000;
const YEARS_5: i64 = 5 * 365 * DAY;

fn stamp(at: i64, replica: &str) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: Some(UnitId("办公室".into())),
        replica: ReplicaId(replica.into()),
    }
}

fn doc(saved_at: i64) -> Snapshot {
    Snapshot {
        saved_at,
        plan: parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan,
        progress: Progress::default(),
    }
}

#[test]
fn unknown_tasks_are_left_out_and_named() {
    let mut d = doc(NOW);
    d.progress
        .task_mut(TaskId(999))
        .set_status(Some(Status::Done), &stamp(NOW, "a"));
    d.progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Done), &stamp(NOW, "a"));
    let (p, r) = check_incoming(&d, &d.plan, NOW);
    assert_eq!(r.unknown_tasks, vec![(TaskId(999), String::new())]);
    assert!(p.task(TaskId(999)).is_none());
    assert!(p.task(TaskId(2)).is_some());
}

#[test]
fn a_task_the_plan_numbers_alike_but_is_another_is_left_out_and_named() {
    let mut d = doc(NOW);
    let ours = d.plan.clone();
    let mut renamed = ours.task(TaskId(3)).expect("task 3").clone();
    renamed.title = "改过标题的任务三".into();
    let mut other = ours.task(TaskId(5)).expect("task 5").clone();
    other.title = "文件一方新增的任务".into();
    other.body = String::new();
    for t in d.plan.tasks.iter_mut() {
        if t.id == TaskId(3) {
            *t = renamed.clone();
        } else if t.id == TaskId(5) {
            *t = other.clone();
        }
    }
    for id in [3, 5] {
        d.progress
            .task_mut(TaskId(id))
            .set_status(Some(Status::Done), &stamp(NOW, "a"));
    }
    let (p, r) = check_incoming(&d, &ours, NOW);
    assert!(
        p.task(TaskId(3)).is_some(),
        "a renamed task with its text is itself"
    );
    assert!(
        p.task(TaskId(5)).is_none(),
        "another task's progress is left out"
    );
    let title = ours.task(TaskId(5)).expect("task 5").title.clone();
    assert_eq!(
        r.other_tasks,
        vec![(TaskId(5), "文件一方新增的任务".to_string(), title)]
    );
    let (_, same) = check_incoming(&d, &d.plan, NOW);
    assert!(
        same.other_tasks.is_empty(),
        "a file checked against its own plan"
    );
}

#[test]
fn out_of_range_values_are_dropped() {
    let mut d = doc(NOW);
    let t = d.progress.task_mut(TaskId(3));
    t.percent = Some(crate::model::Stamped::new(Some(255), &stamp(NOW, "a")));
    let long = "长".repeat(MAX_TEXT_CHARS + 1);
    // A file written elsewhere (the app itself refuses such a text when typed).
    t.log.insert(
        ItemId("a.1".into()),
        crate::model::LogEntry {
            date: Date::new(2023, 7, 1).expect("date"),
            created: stamp(NOW, "a"),
            revisions: vec![crate::model::Stamped::new(long, &stamp(NOW, "a"))],
            withdrawn: crate::model::Stamped::new(false, &stamp(NOW, "a")),
        },
    );
    let (p, r) = check_incoming(&d, &d.plan, NOW);
    assert_eq!(
        r.dropped,
        vec![
            (TaskId(3), Dropped::Percent(255)),
            (TaskId(3), Dropped::LongText(MAX_TEXT_CHARS + 1))
        ]
    );
    let t = p.task(TaskId(3)).expect("task");
    assert!(t.percent.is_none() && t.log.is_empty());
}

#[test]
fn a_file_from_a_clock_years_ahead_is_moved_back() {
    let mut d = doc(NOW + YEARS_5);
    d.progress.task_mut(TaskId(5)).set_status(
        Some(Status::InProgress),
        &stamp(NOW + YEARS_5 - DAY, "fast"),
    );
    d.progress
        .task_mut(TaskId(6))
        .set_status(Some(Status::Done), &stamp(NOW - 2 * DAY, "right"));
    let (p, r) = check_incoming(&d, &d.plan, NOW);
    assert_eq!(r.clock_ahead_ms, Some(YEARS_5));
    let at = |p: &Progress, id: u32| {
        p.task(TaskId(id))
            .and_then(|t| t.status.as_ref())
            .map(|s| s.stamp.at)
    };
    assert_eq!(
        at(&p, 5),
        Some(NOW - 3 * DAY),
        "ends at the newest right-clock stamp it carries, keeping its distance to the export"
    );
    assert_eq!(
        at(&p, 6),
        Some(NOW - 2 * DAY),
        "a stamp from a right clock stays"
    );
    assert!(r.future_stamps.is_empty());
    let (later, _) = check_incoming(&d, &d.plan, NOW + 30 * DAY);
    assert_eq!(
        later, p,
        "importing the same file later gives the same stamps"
    );
}

#[test]
fn a_file_with_only_wrong_clock_stamps_ranks_below_right_clocks() {
    let mut d = doc(NOW + YEARS_5);
    let t = d.progress.task_mut(TaskId(5));
    t.set_status(
        Some(Status::InProgress),
        &stamp(NOW + YEARS_5 - 2 * DAY, "fast"),
    );
    t.set_percent(Some(40), &stamp(NOW + YEARS_5 - DAY, "fast"));
    let (p, r) = check_incoming(&d, &d.plan, NOW);
    assert!(r.clock_ahead_ms.is_some() && r.future_stamps.is_empty());
    let t = p.task(TaskId(5)).expect("task");
    let status = t.status.as_ref().expect("status").stamp.clone();
    let percent = t.percent.as_ref().expect("percent").stamp.clone();
    assert!(status < percent, "their own order is kept");
    assert!(
        percent < stamp(1_000_000_000, "any"),
        "below any right-clock stamp"
    );
    let (again, _) = check_incoming(&d, &d.plan, NOW + 7 * DAY);
    assert_eq!(again, p, "repeatable");
}

#[test]
fn a_lone_future_stamp_is_demoted() {
    let mut d = doc(NOW);
    d.progress
        .task_mut(TaskId(7))
        .set_status(Some(Status::Done), &stamp(NOW + YEARS_5, "fast"));
    let (p, r) = check_incoming(&d, &d.plan, NOW);
    assert_eq!(r.clock_ahead_ms, None);
    assert_eq!(r.future_stamps, vec![TaskId(7)]);
    let s = p
        .task(TaskId(7))
        .and_then(|t| t.status.clone())
        .expect("kept");
    assert_eq!(s.stamp.at, DEMOTED_AT);
    assert!(
        s.stamp < stamp(1, "any"),
        "ranks below any stamp that is not in the future"
    );
}

#[test]
fn size_is_checked_before_parsing() {
    assert!(check_size("{}").is_ok());
    let big = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        check_size(&big),
        Err(SnapshotError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        })
    );
}

#[test]
fn units_the_plan_does_not_know_are_named() {
    let mut d = doc(NOW);
    let renamed = Stamp {
        by: Some(UnitId("综合办公室".into())),
        ..stamp(NOW, "pc-a")
    };
    let tp = d.progress.task_mut(TaskId(8));
    tp.set_part("综合办公室", Some(Status::Done), &renamed);
    tp.set_part("各司法所", Some(Status::Done), &stamp(NOW, "pc-a"));
    tp.set_status(Some(Status::InProgress), &stamp(NOW, "pc-a"));
    let plan = d.plan.clone();
    let (progress, report) = check_incoming(&d, &plan, NOW);
    assert_eq!(
        report.unknown_units,
        ["综合办公室"],
        "a group and a known unit are fine"
    );
    assert!(
        progress
            .task(TaskId(8))
            .is_some_and(|t| t.parts.contains_key("综合办公室")),
        "its data merges all the same"
    );
}

#[test]
fn reports_under_a_month_still_to_come_are_named_and_kept() {
    // NOW is 2023-11-14: a report for 2024-11 comes from a PC a year ahead.
    let mut d = doc(NOW);
    let later = Month::parse("2024-11").expect("month");
    let this = Month::parse("2023-11").expect("month");
    for (month, task) in [(later, 3), (this, 4)] {
        d.progress
            .task_mut(TaskId(task))
            .set_report(
                month,
                "办公室",
                ReportPart::Progress,
                "已完成",
                &stamp(NOW, "a"),
            )
            .expect("within the limit");
    }
    let (p, r) = check_incoming(&d, &d.plan, NOW);
    assert_eq!(r.future_months, vec![(TaskId(3), later)]);
    assert!(
        p.task(TaskId(3))
            .and_then(|t| t.report(later, "办公室"))
            .is_some(),
        "the report still merges"
    );
}
