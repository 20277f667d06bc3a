//! Completion over time for a chart: on each day (or week) with a recorded change, how many
//! of the counted tasks were 已完成 by its end.
//!
//! The record keeps only the latest stamp of each field, not its history, so the moment a
//! task became done is approximated by the latest change to a field that decides its status
//! (the status set by hand, percent, unit parts, measures). A done task counts as done from
//! that change's local date on; a task done, reopened and done again counts from the last
//! time. Tasks not done now never count, even if they were done for a while. Stamps at or
//! before 0 ms (the placeholder of untouched seeded measures) carry no time and are skipped.

use super::distinct;
use super::time::local_date;
use crate::model::date::Date;
use crate::model::order;
use crate::model::progress::{Progress, TaskProgress};
use crate::model::states::StateCache;
use crate::model::status::Status;
use crate::model::task::TaskId;

/// How finely the series is bucketed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Step {
    /// One point per local day with a change.
    #[default]
    Day,
    /// One point per week (Monday to Sunday) with a change, dated by its Monday.
    Week,
}

impl Step {
    /// The first day of the bucket `date` falls in.
    pub fn bucket(self, date: Date) -> Date {
        match self {
            Step::Day => date,
            Step::Week => {
                let days = date.days_since_epoch();
                // 1970-01-01 was a Thursday: 3 days after a Monday.
                Date::from_days_since_epoch(days - (days + 3).rem_euclid(7))
            }
        }
    }
}

/// One point of the series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesPoint {
    /// The day, or the Monday of the week.
    pub date: Date,
    /// Tasks done by the end of that day or week.
    pub done: usize,
}

/// The completion series over the given tasks, oldest first: one point per bucket in which
/// any of them has a recorded change (log included). `tz_offset_minutes` as in
/// [`super::local_date`].
pub fn completion_series(
    progress: &Progress,
    states: &StateCache,
    ids: &[TaskId],
    step: Step,
    tz_offset_minutes: i32,
) -> Vec<SeriesPoint> {
    let bucket = |ms: i64| step.bucket(local_date(ms, tz_offset_minutes));
    let mut days: Vec<Date> = Vec::new();
    // The bucket each done task became done in; `None` when no time is known.
    let mut done: Vec<Option<Date>> = Vec::new();
    for id in distinct(ids) {
        let Some(tp) = progress.task(id) else {
            continue;
        };
        days.extend(tp.stamps().map(|s| s.at).filter(|at| *at > 0).map(bucket));
        if states.get(id).is_some_and(|s| s.status == Status::Done) {
            done.push(done_at(tp).map(bucket));
        }
    }
    order::sort(&mut days);
    days.dedup();
    days.into_iter()
        .map(|date| SeriesPoint {
            date,
            done: done.iter().filter(|d| d.is_none_or(|d| d <= date)).count(),
        })
        .collect()
}

/// The latest change (ms) to a field deciding the task's status, if any carries a time.
fn done_at(tp: &TaskProgress) -> Option<i64> {
    let fields = [
        tp.status.as_ref().map(|s| s.stamp.at),
        tp.percent.as_ref().map(|s| s.stamp.at),
    ];
    let parts = tp.parts.values().map(|p| p.stamp.at);
    let measures = tp
        .measures
        .values()
        .flat_map(|m| [m.text.stamp.at, m.done.stamp.at, m.removed.stamp.at]);
    fields
        .into_iter()
        .flatten()
        .chain(parts)
        .chain(measures)
        .filter(|at| *at > 0)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::ItemId;
    use crate::model::stats::testkit::{Kit, date, ids, stamp};
    use crate::model::stats::time::local_day_start_ms;

    const BEIJING: i32 = 480;

    fn at(m: u8, d: u8, hour: i64) -> i64 {
        local_day_start_ms(date(2023, m, d), BEIJING) + hour * 3_600_000
    }

    fn points(series: &[SeriesPoint]) -> Vec<(String, usize)> {
        series
            .iter()
            .map(|p| (p.date.to_string(), p.done))
            .collect()
    }

    #[test]
    fn counts_done_tasks_from_their_last_deciding_change() {
        let mut kit = Kit::plan_2023();
        let p = &mut kit.progress;
        p.task_mut(TaskId(1))
            .set_status(Some(Status::Done), &stamp(at(7, 3, 9), None));
        // Done by percent; the later log entry does not move the date.
        p.task_mut(TaskId(2))
            .set_percent(Some(100), &stamp(at(7, 5, 1), None));
        p.task_mut(TaskId(2))
            .add_log(
                ItemId("a".into()),
                date(2023, 7, 12),
                "完成",
                &stamp(at(7, 12, 9), None),
            )
            .expect("log");
        // In progress: its changes make points but it never counts.
        p.task_mut(TaskId(3))
            .set_percent(Some(50), &stamp(at(7, 4, 9), None));
        // Done, but not among the counted tasks.
        p.task_mut(TaskId(4))
            .set_status(Some(Status::Done), &stamp(at(7, 4, 9), None));
        let states = kit.states();
        let counted = ids([1, 2, 3]);
        let daily = completion_series(&kit.progress, &states, &counted, Step::Day, BEIJING);
        assert_eq!(
            points(&daily),
            [
                ("2023-07-03".to_string(), 1),
                ("2023-07-04".to_string(), 1),
                ("2023-07-05".to_string(), 2),
                ("2023-07-12".to_string(), 2),
            ]
        );
        // 01:00 on 5 July in Beijing is still 4 July in UTC.
        let utc = completion_series(&kit.progress, &states, &counted, Step::Day, 0);
        assert_eq!(
            utc[1],
            SeriesPoint {
                date: date(2023, 7, 4),
                done: 2
            }
        );
        // 3 July 2023 was a Monday; 12 July is in the next week.
        let weekly = completion_series(&kit.progress, &states, &counted, Step::Week, BEIJING);
        assert_eq!(
            points(&weekly),
            [("2023-07-03".to_string(), 2), ("2023-07-10".to_string(), 2)]
        );
        assert_eq!(
            Step::Week.bucket(date(2023, 7, 9)),
            date(2023, 7, 3),
            "Sunday"
        );
        assert_eq!(Step::Week.bucket(date(2023, 7, 10)), date(2023, 7, 10));
        assert!(completion_series(&kit.progress, &states, &ids([5]), Step::Day, 0).is_empty());
    }
}
