//! The merge preview's rules: what counts as a change, a stale value, or a conflict.

use super::*;
use crate::model::{ReplicaId, Status, TaskId, UnitId};

fn stamp(at: i64, by: &str, replica: &str) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: Some(UnitId(by.into())),
        replica: ReplicaId(replica.into()),
    }
}

fn with_status(at: i64, by: &str, replica: &str, s: Status) -> Progress {
    let mut p = Progress::default();
    p.task_mut(TaskId(1))
        .set_status(Some(s), &stamp(at, by, replica));
    p
}

#[test]
fn a_newer_value_is_a_change_an_older_one_nothing() {
    let local = with_status(10, "办公室", "office", Status::InProgress);
    let newer = with_status(20, "甲科", "pc-a", Status::Done);
    let d = local.diff(&newer);
    // No change in common: both sides set the field independently.
    assert_eq!(d.conflicts.len(), 1);
    assert!(d.conflicts[0].theirs_wins);
    // The office took in pc-a's file (status at 5, a log entry at 6), then changed the
    // status at 10; pc-a's next file still has the old status and a new percent.
    let mut shared = with_status(5, "甲科", "pc-a", Status::NotStarted);
    let day = crate::model::Date::new(2023, 7, 1).expect("date");
    shared
        .task_mut(TaskId(1))
        .add_log(ItemId("l".into()), day, "会议", &stamp(6, "甲科", "pc-a"))
        .expect("log");
    let mut theirs = shared.clone();
    shared.merge(&local);
    theirs
        .task_mut(TaskId(1))
        .set_percent(Some(50), &stamp(30, "甲科", "pc-a"));
    let only_local_newer = shared.diff(&theirs);
    assert!(
        only_local_newer.conflicts.is_empty(),
        "{only_local_newer:?}"
    );
    assert_eq!(only_local_newer.changes.len(), 1, "the percent is new here");
    assert_eq!(only_local_newer.changes[0].field, Field::Percent);
}

#[test]
fn both_sides_changing_since_they_agreed_is_a_conflict() {
    let base = with_status(5, "甲科", "pc-a", Status::NotStarted);
    let mut office = base.clone();
    office
        .task_mut(TaskId(1))
        .set_status(Some(Status::Lagging), &stamp(30, "办公室", "office"));
    let mut unit = base.clone();
    unit.task_mut(TaskId(1))
        .set_status(Some(Status::Done), &stamp(20, "甲科", "pc-a"));
    let d = office.diff(&unit);
    assert_eq!(d.conflicts.len(), 1);
    let c = &d.conflicts[0];
    assert_eq!(
        (c.ours.clone(), c.theirs.clone()),
        (
            ChangeValue::Status(Some(Status::Lagging)),
            ChangeValue::Status(Some(Status::Done))
        )
    );
    assert!(!c.theirs_wins, "the office's later change stays");
    assert!(d.is_empty(), "so merging changes nothing here");
    // The same value on both sides is no conflict.
    let mut same = base.clone();
    same.task_mut(TaskId(1))
        .set_status(Some(Status::Lagging), &stamp(25, "甲科", "pc-a"));
    assert!(office.diff(&same).conflicts.is_empty());
}

#[test]
fn new_log_entries_and_report_parts_are_listed() {
    let local = Progress::default();
    let mut theirs = Progress::default();
    let s = stamp(10, "甲科", "pc-a");
    let tp = theirs.task_mut(TaskId(2));
    tp.add_log(
        ItemId("pc-a.10.1".into()),
        crate::model::Date::new(2023, 7, 1).expect("date"),
        "召开会议",
        &s,
    )
    .expect("log");
    tp.set_report(
        Month::parse("2023-07").expect("month"),
        "甲科",
        ReportPart::Next,
        "继续",
        &s,
    )
    .expect("report");
    let d = local.diff(&theirs);
    assert_eq!(d.new_log.len(), 1);
    assert_eq!(d.changes.len(), 1);
    assert!(matches!(&d.changes[0].field, Field::Report(_, u, ReportPart::Next) if u == "甲科"));
    assert_eq!(d.tasks(), vec![TaskId(2)]);
}

#[test]
fn values_that_show_as_nothing_on_both_sides_and_withdrawn_records_are_not_listed() {
    let local = Progress::default();
    let mut theirs = Progress::default();
    let s = stamp(10, "甲科", "pc-a");
    let tp = theirs.task_mut(TaskId(3));
    tp.set_status(None, &s);
    tp.set_percent(None, &s);
    tp.set_report(
        Month::parse("2023-07").expect("month"),
        "甲科",
        ReportPart::Problems,
        "",
        &s,
    )
    .expect("report");
    let id = ItemId("pc-a.10.1".into());
    let date = crate::model::Date::new(2023, 7, 1).expect("date");
    tp.add_log(id.clone(), date, "写错了", &s).expect("log");
    tp.log.get_mut(&id).expect("entry").withdrawn = Stamped::new(true, &stamp(11, "甲科", "pc-a"));
    let d = local.diff(&theirs);
    assert_eq!(d, ProgressDiff::default(), "nothing shows different: {d:?}");
    assert!(d.is_empty());

    theirs
        .task_mut(TaskId(3))
        .set_percent(Some(40), &stamp(12, "甲科", "pc-a"));
    let d = local.diff(&theirs);
    assert_eq!(
        d.changes.len(),
        1,
        "a value that shows is still listed: {d:?}"
    );
    assert_eq!(d.changes[0].theirs, ChangeValue::Percent(Some(40)));
}

#[test]
fn a_ticked_seeded_measure_is_one_change() {
    let local = Progress::default();
    let mut theirs = Progress::default();
    let id = ItemId("seed-1-1".into());
    theirs
        .task_mut(TaskId(1))
        .update_measure(
            &id,
            Some("开展培训"),
            crate::model::MeasureChange::Done(true),
            &stamp(10, "甲科", "pc-a"),
        )
        .expect("seeded measure");
    let d = local.diff(&theirs);
    let fields: Vec<&Field> = d.changes.iter().map(|c| &c.field).collect();
    assert_eq!(
        fields,
        [&Field::MeasureDone(id)],
        "its wording is the plan's: {d:?}"
    );
}
