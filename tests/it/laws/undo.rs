//! Undoing every recorded change restores what the start showed: the same values, under
//! new stamps (added log entries are withdrawn, not deleted), including the first rewording
//! of a seeded measure and a deadline set over one the plan text gives.

use super::config;
use super::roundtrip::known_plans;
use super::strategies::{BASE, UNITS, task_progress};
use proptest::prelude::*;
use std::collections::BTreeMap;
use workplan::model::{
    Date, HISTORY_LIMIT, History, ItemId, MeasureChange, MeasureView, Plan, Progress, ReplicaId,
    Stamp, Status, Task, TaskId, TaskProgress, TaskState, UnitId, measures, task_state,
    visible_log,
};

/// One edit a user can make in the progress form.
#[derive(Clone, Debug)]
enum Edit {
    Status(Option<Status>),
    Percent(Option<u8>),
    Deadline(Option<Date>),
    Part(usize, Option<Status>),
    AddLog(Date, String),
    CorrectLog(usize, String, bool),
    Withdraw(usize, bool),
    AddMeasure(String),
    Measure(usize, MeasureChange),
}

fn status() -> impl Strategy<Value = Option<Status>> {
    prop::option::of(prop::sample::select(Status::ALL.to_vec()))
}

fn date() -> impl Strategy<Value = Date> {
    (19_000i64..19_800).prop_map(Date::from_days_since_epoch)
}

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["一", "二", " 三 ", "", "召开会议", "改写"]).prop_map(String::from)
}

fn edit() -> impl Strategy<Value = Edit> {
    let change = prop_oneof![
        text().prop_map(MeasureChange::Text),
        any::<bool>().prop_map(MeasureChange::Done),
        any::<bool>().prop_map(MeasureChange::Removed),
    ];
    prop_oneof![
        status().prop_map(Edit::Status),
        prop::option::of(0u8..=100).prop_map(Edit::Percent),
        prop::option::of(date()).prop_map(Edit::Deadline),
        (0..UNITS.len(), status()).prop_map(|(u, s)| Edit::Part(u, s)),
        (date(), text()).prop_map(|(d, t)| Edit::AddLog(d, t)),
        (any::<usize>(), text(), any::<bool>()).prop_map(|(i, t, a)| Edit::CorrectLog(i, t, a)),
        (any::<usize>(), any::<bool>()).prop_map(|(i, w)| Edit::Withdraw(i, w)),
        text().prop_map(Edit::AddMeasure),
        (any::<usize>(), change).prop_map(|(i, c)| Edit::Measure(i, c)),
    ]
}

/// Applies one edit the way the app does; a refused edit changes nothing.
fn apply(task: &Task, tp: &mut TaskProgress, edit: Edit, stamp: &Stamp) {
    let nth = |ids: Vec<ItemId>, i: usize| (!ids.is_empty()).then(|| ids[i % ids.len()].clone());
    let fresh = ItemId(format!("{}.{}.{}", stamp.replica.0, stamp.at, stamp.n));
    let _refused = match edit {
        Edit::Status(s) => {
            tp.set_status(s, stamp);
            Ok(())
        }
        Edit::Percent(p) => {
            tp.set_percent(p, stamp);
            Ok(())
        }
        Edit::Deadline(d) => {
            tp.set_deadline(d, stamp);
            Ok(())
        }
        Edit::Part(u, s) => {
            tp.set_part(UNITS[u], s, stamp);
            Ok(())
        }
        Edit::AddLog(d, t) => tp.add_log(fresh, d, &t, stamp),
        Edit::CorrectLog(i, t, as_author) => match nth(tp.log.keys().cloned().collect(), i) {
            Some(id) => {
                let mut s = stamp.clone();
                if as_author {
                    s.by = tp.log[&id].created.by.clone();
                }
                tp.correct_log(&id, &t, &s)
            }
            None => Ok(()),
        },
        Edit::Withdraw(i, w) => match nth(tp.log.keys().cloned().collect(), i) {
            Some(id) => tp.set_log_withdrawn(&id, w, stamp),
            None => Ok(()),
        },
        Edit::AddMeasure(t) => tp.add_measure(fresh, &t, stamp),
        Edit::Measure(i, change) => {
            // What the form offers: every shown measure, and stored ones that were removed.
            let shown = measures(task, Some(tp));
            let mut offered: Vec<(ItemId, Option<String>)> =
                shown.into_iter().map(|m| (m.id, m.seed)).collect();
            for id in tp.measures.keys() {
                if !offered.iter().any(|(o, _)| o == id) {
                    offered.push((id.clone(), None));
                }
            }
            match offered.get(i % offered.len().max(1)) {
                Some((id, seed)) => tp.update_measure(id, seed.as_deref(), change, stamp),
                None => Ok(()),
            }
        }
    };
}

type Visible = (
    TaskState,
    Vec<MeasureView>,
    Option<Status>,
    Option<u8>,
    BTreeMap<String, Status>,
    Vec<(ItemId, Date, Stamp, String)>,
);

/// What a task shows: its derived state and measures, the values set by hand, and its
/// visible log.
fn visible(task: &Task, plan: &Plan, tp: &TaskProgress) -> Visible {
    let today = Date::new(2023, 7, 1).unwrap_or_else(|| Date::from_days_since_epoch(0));
    let parts = tp
        .parts
        .iter()
        .filter_map(|(u, s)| s.value.map(|v| (u.clone(), v)))
        .collect();
    let log = visible_log(Some(tp))
        .into_iter()
        .map(|(id, e)| (id, e.date, e.created.clone(), e.text().to_string()))
        .collect();
    (
        task_state(task, plan, Some(tp), today),
        measures(task, Some(tp)),
        tp.status.as_ref().and_then(|s| s.value),
        tp.percent.as_ref().and_then(|s| s.value),
        parts,
        log,
    )
}

/// A plan and one of its tasks: the embedded plan's first task (two seeded measures, no
/// deadline in the text) or the first task of a plan whose text gives one.
fn plan_and_task() -> impl Strategy<Value = (Plan, usize)> {
    let with_deadline = known_plans()
        .iter()
        .position(|p| p.tasks.first().is_some_and(|t| t.deadline.is_some()));
    let choices: Vec<usize> = [Some(0), with_deadline].into_iter().flatten().collect();
    prop::sample::select(choices).prop_map(|i| (known_plans()[i].clone(), 0))
}

fn edits() -> impl Strategy<Value = Vec<(Edit, usize)>> {
    prop::collection::vec((edit(), 0..UNITS.len() + 1), 0..(HISTORY_LIMIT + 12))
}

/// Applies `edits` to `start` and records each, undoes all it can, and compares what the
/// task shows with the state before the earliest change still in the history.
fn undo_all(
    plan: &Plan,
    task: &Task,
    start: TaskProgress,
    edits: Vec<(Edit, usize)>,
) -> Result<(), TestCaseError> {
    let id: TaskId = task.id;
    let mut progress = Progress::default();
    *progress.task_mut(id) = start.clone();
    let mut history = History::default();
    // States after each recorded change; the first is the start.
    let mut states = vec![start];
    let stamp = |at: i64, unit: usize| Stamp {
        at,
        n: 0,
        by: UNITS.get(unit).map(|u| UnitId((*u).into())),
        replica: ReplicaId("pc-u".into()),
    };
    for (i, (e, unit)) in edits.into_iter().enumerate() {
        let before = progress.task_mut(id).clone();
        let s = stamp(BASE + 100 + i as i64, unit);
        apply(task, progress.task_mut(id), e, &s);
        let after = progress.task_mut(id).clone();
        if after != before {
            states.push(after.clone());
        }
        history.record(id, before, after);
    }
    let recorded = states.len() - 1;
    prop_assert_eq!(history.undo_len(), recorded.min(HISTORY_LIMIT));
    let mut undone = 0;
    while history
        .undo(&mut progress, &stamp(BASE + 1_000 + undone as i64, 0))
        .is_some()
    {
        undone += 1;
    }
    prop_assert_eq!(undone, recorded.min(HISTORY_LIMIT));
    let target = &states[recorded.saturating_sub(HISTORY_LIMIT)];
    let now = progress.task(id).cloned().unwrap_or_default();
    prop_assert_eq!(visible(task, plan, &now), visible(task, plan, target));
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn undoing_every_change_restores_the_start(
        (plan, t) in plan_and_task(),
        start in task_progress(),
        edits in edits(),
    ) {
        undo_all(&plan, &plan.tasks[t].clone(), start, edits)?;
    }
}
