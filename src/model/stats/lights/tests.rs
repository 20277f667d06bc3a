//! The light rules at the edges of their dates.

use super::*;
use crate::model::stats::testkit::{Kit, date, ids};

fn state(status: Status, percent: u8, deadline: Option<Date>, today: Date) -> TaskState {
    TaskState {
        status,
        status_explicit: true,
        percent,
        percent_manual: true,
        deadline,
        overdue: is_overdue(status, deadline, today),
    }
}

const TODAY: (i32, u8, u8) = (2023, 6, 15);

fn today() -> Date {
    date(TODAY.0, TODAY.1, TODAY.2)
}

/// The light of an in-progress task at `percent` due on `deadline`, pace from 1 January.
fn at(percent: u8, deadline: Date, rules: &LightRules) -> Light {
    let s = state(Status::InProgress, percent, Some(deadline), today());
    light(&s, rules, Some(date(2023, 1, 1)), today())
}

#[test]
fn deadline_window_edges() {
    let rules = LightRules::default();
    assert_eq!(
        at(100, date(2023, 6, 15), &rules),
        Light::Yellow,
        "due today"
    );
    assert_eq!(
        at(100, date(2023, 6, 22), &rules),
        Light::Yellow,
        "today + 7"
    );
    assert_eq!(
        at(100, date(2023, 6, 23), &rules),
        Light::Green,
        "today + 8"
    );
    assert_eq!(
        at(100, date(2023, 6, 14), &rules),
        Light::Red,
        "day after deadline"
    );
    let done = state(Status::Done, 100, Some(date(2023, 6, 14)), today());
    assert_eq!(light(&done, &rules, None, today()), Light::Green);
    let narrow = LightRules {
        warn_days: 0,
        ..LightRules::default()
    };
    assert_eq!(at(100, date(2023, 6, 15), &narrow), Light::Yellow);
    assert_eq!(at(100, date(2023, 6, 16), &narrow), Light::Green);
}

#[test]
fn pace_edges() {
    // 1 Jan → 23 Jun is 173 days; 15 Jun is day 165: 95.4% → 95.
    assert_eq!(
        expected_percent(date(2023, 1, 1), date(2023, 6, 23), today()),
        95
    );
    let rules = LightRules::default();
    assert_eq!(at(95, date(2023, 6, 23), &rules), Light::Green, "on pace");
    assert_eq!(at(94, date(2023, 6, 23), &rules), Light::Yellow, "behind");
    let lenient = LightRules {
        pace_tolerance: 1,
        ..LightRules::default()
    };
    assert_eq!(at(94, date(2023, 6, 23), &lenient), Light::Green);
    assert_eq!(at(93, date(2023, 6, 23), &lenient), Light::Yellow);
    // 364-day span, day 182: exactly half.
    let (start, end) = (date(2023, 1, 1), date(2023, 12, 31));
    assert_eq!(expected_percent(start, end, date(2023, 7, 2)), 50);
    assert_eq!(
        expected_percent(start, end, end),
        100,
        "100% at the deadline"
    );
    assert_eq!(expected_percent(start, end, date(2024, 1, 1)), 100);
}

#[test]
fn start_edges() {
    let end = date(2023, 12, 31);
    assert_eq!(
        expected_percent(end, end, date(2023, 12, 30)),
        0,
        "start = deadline"
    );
    assert_eq!(expected_percent(end, end, end), 100);
    let late_start = date(2023, 7, 1);
    assert_eq!(
        expected_percent(late_start, end, today()),
        0,
        "before start"
    );
    assert_eq!(expected_percent(late_start, end, late_start), 0);
    let s = state(Status::NotStarted, 0, Some(end), today());
    let rules = LightRules::default();
    assert_eq!(light(&s, &rules, Some(late_start), today()), Light::Green);
    assert_eq!(light(&s, &rules, Some(end), today()), Light::Green);
    assert_eq!(
        light(&s, &rules, Some(date(2023, 1, 1)), today()),
        Light::Yellow
    );
    assert_eq!(
        light(&s, &rules, None, today()),
        Light::Green,
        "no start: pace not judged"
    );
}

#[test]
fn tasks_without_deadline_are_neutral_unless_done() {
    let rules = LightRules::default();
    let open = state(Status::Lagging, 0, None, today());
    assert_eq!(
        light(&open, &rules, Some(date(2023, 1, 1)), today()),
        Light::None
    );
    let done = state(Status::Done, 100, None, today());
    assert_eq!(
        light(&done, &rules, Some(date(2023, 1, 1)), today()),
        Light::Green
    );
}

#[test]
fn lights_over_the_plan_use_its_year_and_the_given_ids() {
    let mut kit = Kit::plan_2023();
    kit.set_deadline(1, 2023, 6, 14);
    kit.set_deadline(2, 2023, 6, 20);
    kit.set_deadline(3, 2023, 12, 31);
    kit.set_percent(3, 40);
    kit.set_deadline(4, 2023, 12, 31);
    kit.set_percent(4, 50);
    kit.set_status(5, Status::Done);
    let rules = LightRules::default();
    assert_eq!(rules.start_for(&kit.plan), Some(date(2023, 1, 1)));
    let got = lights(
        &kit.plan,
        &kit.states(),
        &ids([1, 2, 3, 4, 5, 6, 2]),
        &rules,
        kit.today,
    );
    let want = [
        (1, Light::Red),
        (2, Light::Yellow),
        (3, Light::Yellow),
        (4, Light::Green),
        (5, Light::Green),
        (6, Light::None),
    ];
    let want: Vec<(TaskId, Light)> = want.iter().map(|(i, l)| (TaskId(*i), *l)).collect();
    assert_eq!(
        got, want,
        "15 Jun is 45% of the year: 40% is behind, 50% is not"
    );
}
