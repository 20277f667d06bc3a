//! What the UI shows for a task, derived from the plan and recorded progress: status, percent, overdue.

use super::date::Date;
use super::deadline::resolve_deadline;
use super::order;
use super::plan::Plan;
use super::progress::{LogEntry, TaskProgress};
use super::stamp::ItemId;
use super::status::{Status, is_overdue};
use super::task::{Task, TaskId};
use super::unit::Responsible;
use std::sync::Arc;

/// A measure as shown: seeded or added, with its current state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureView {
    /// Its id.
    pub id: ItemId,
    /// Current wording.
    pub text: String,
    /// Checked.
    pub done: bool,
    /// Seeded from the task body (the seed text is needed to store its first change).
    pub seed: Option<String>,
}

/// Everything derived about one task: small and cheap to copy, so that deriving every task's
/// state after a change stays fast. Measures and parts are listed by [`measures`] and
/// [`part_statuses`] where they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskState {
    /// Effective status.
    pub status: Status,
    /// Whether someone set the status explicitly.
    pub status_explicit: bool,
    /// Effective percentage, 0–100.
    pub percent: u8,
    /// Whether the percentage was set by hand.
    pub percent_manual: bool,
    /// Deadline.
    pub deadline: Option<Date>,
    /// Deadline passed and not done.
    pub overdue: bool,
}

/// What a task's state needs from the plan alone, derived once per plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskFacts {
    /// The units expected to report a part ([`expected_parts`]), shared by tasks naming the
    /// same units.
    pub parts: Arc<[String]>,
    /// How many measures the task body seeds (its sentences).
    pub seeds: usize,
    /// The deadline the plan text sets.
    pub deadline: Option<Date>,
}

impl TaskFacts {
    /// Derives the facts of `task` in `plan`.
    pub fn of(task: &Task, plan: &Plan) -> TaskFacts {
        TaskFacts::with_parts(task, expected_parts(task, plan).into(), plan.year())
    }

    /// [`TaskFacts::of`], given the task's [`expected_parts`] and the plan's year.
    pub fn with_parts(task: &Task, parts: Arc<[String]>, year: Option<i32>) -> TaskFacts {
        TaskFacts {
            parts,
            seeds: task.body_sentence_count(),
            deadline: task
                .deadline
                .as_deref()
                .and_then(|text| resolve_deadline(text, year)),
        }
    }
}

/// The id of the `n`-th seeded measure of a task; equal in every copy.
pub fn seed_measure_id(task: TaskId, n: usize) -> ItemId {
    ItemId(format!("seed-{}-{}", task.0, n + 1))
}

/// The units `names` make answerable: named units as written, groups expanded to the
/// registry's units of their kind, and a group with no known members as itself. Without
/// repeats, in the order given.
pub fn answerable_units<'a>(
    plan: &Plan,
    names: impl IntoIterator<Item = &'a str>,
) -> Vec<Responsible> {
    let mut out: Vec<Responsible> = Vec::new();
    for name in names {
        let r = plan.units.resolve(name);
        let expanded = match &r {
            Responsible::Group(_) => {
                let members = plan.units.expand(&r);
                if members.is_empty() {
                    vec![r]
                } else {
                    members.into_iter().map(Responsible::Unit).collect()
                }
            }
            Responsible::Unit(_) => vec![r],
        };
        for u in expanded {
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
    out
}

/// The units expected to report a part, lead units first: named units and group labels
/// (see [`answerable_units`]).
pub fn expected_parts(task: &Task, plan: &Plan) -> Vec<String> {
    let names = task.units_lead_first().into_iter().map(|a| a.name.as_str());
    answerable_units(plan, names)
        .iter()
        .map(|r| r.label().to_string())
        .collect()
}

/// The measures of a task: seeds from its body sentences overlaid by recorded changes, then added ones.
pub fn measures(task: &Task, progress: Option<&TaskProgress>) -> Vec<MeasureView> {
    let stored = progress.map(|p| &p.measures);
    let mut out: Vec<MeasureView> = Vec::new();
    for (n, sentence) in task.body_sentences().into_iter().enumerate() {
        let id = seed_measure_id(task.id, n);
        match stored.and_then(|m| m.get(&id)) {
            Some(m) if m.removed.value => {}
            Some(m) => out.push(MeasureView {
                id,
                text: m.text.value.clone(),
                done: m.done.value,
                seed: Some(sentence),
            }),
            None => out.push(MeasureView {
                id,
                text: sentence.clone(),
                done: false,
                seed: Some(sentence),
            }),
        }
    }
    if let Some(stored) = stored {
        let mut added: Vec<_> = stored
            .iter()
            .filter(|(id, m)| !id.0.starts_with("seed-") && !m.removed.value)
            .collect();
        order::sort_by(&mut added, |a, b| a.1.created.cmp(&b.1.created));
        out.extend(added.into_iter().map(|(id, m)| MeasureView {
            id: id.clone(),
            text: m.text.value.clone(),
            done: m.done.value,
            seed: None,
        }));
    }
    out
}

/// The parts each unit reports: (unit, status if reported), lead units first.
pub fn part_statuses(
    task: &Task,
    plan: &Plan,
    progress: Option<&TaskProgress>,
) -> Vec<(String, Option<Status>)> {
    expected_parts(task, plan)
        .into_iter()
        .map(|u| {
            let s = progress.and_then(|p| p.parts.get(&u)).and_then(|s| s.value);
            (u, s)
        })
        .collect()
}

/// Derives the state of a task on `today`.
pub fn task_state(
    task: &Task,
    plan: &Plan,
    progress: Option<&TaskProgress>,
    today: Date,
) -> TaskState {
    task_state_with(task, &TaskFacts::of(task, plan), progress, today)
}

/// Derives the state of a task on `today` from its plan facts.
pub fn task_state_with(
    task: &Task,
    facts: &TaskFacts,
    progress: Option<&TaskProgress>,
    today: Date,
) -> TaskState {
    let reported: Vec<Status> = progress
        .map(|p| {
            facts
                .parts
                .iter()
                .filter_map(|u| p.parts.get(u).and_then(|s| s.value))
                .collect()
        })
        .unwrap_or_default();
    // Untouched measures are the body's seeds, none done.
    let (done, total) = match progress {
        Some(p) if !p.measures.is_empty() => {
            let all = measures(task, Some(p));
            (all.iter().filter(|m| m.done).count(), all.len())
        }
        _ => (0, facts.seeds),
    };
    let explicit = progress
        .and_then(|p| p.status.as_ref())
        .and_then(|s| s.value);
    let manual = progress
        .and_then(|p| p.percent.as_ref())
        .and_then(|s| s.value);
    let from_measures = (total > 0).then(|| ((done * 100 + total / 2) / total) as u8);
    let derived = if reported.is_empty() {
        match manual.or(from_measures) {
            Some(100) => Status::Done,
            Some(p) if p > 0 => Status::InProgress,
            _ => Status::NotStarted,
        }
    } else if reported.len() < facts.parts.len() && Status::combine(&reported) == Status::Done {
        Status::InProgress
    } else {
        Status::combine(&reported)
    };
    let status = explicit.unwrap_or(derived);
    let percent = match (manual, status) {
        (Some(p), _) => p,
        (None, Status::Done) => 100,
        (None, _) => from_measures.unwrap_or(0),
    };
    // A deadline set in the progress form wins; cleared or never set, the plan text's applies.
    let deadline = progress
        .and_then(|p| p.deadline.as_ref())
        .and_then(|d| d.value)
        .or(facts.deadline);
    TaskState {
        status,
        status_explicit: explicit.is_some(),
        percent,
        percent_manual: manual.is_some(),
        deadline,
        overdue: is_overdue(status, deadline, today),
    }
}

/// The visible log of a task, newest date first.
pub fn visible_log(progress: Option<&TaskProgress>) -> Vec<(ItemId, LogEntry)> {
    let mut out: Vec<(ItemId, LogEntry)> = progress
        .map(|p| {
            p.log
                .iter()
                .filter(|(_, e)| !e.withdrawn.value)
                .map(|(i, e)| (i.clone(), e.clone()))
                .collect()
        })
        .unwrap_or_default();
    order::sort_by(&mut out, |a, b| {
        b.1.date.cmp(&a.1.date).then(b.1.created.cmp(&a.1.created))
    });
    out
}

/// Counts and mean percentage over a set of tasks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of tasks.
    pub total: usize,
    /// Tasks per status, in [`Status::ALL`] order.
    pub by_status: [usize; 4],
    /// Overdue tasks.
    pub overdue: usize,
    /// Mean percentage, rounded.
    pub percent: u8,
}

/// Summarises the given task states.
pub fn summarise<'a>(states: impl IntoIterator<Item = &'a TaskState>) -> Summary {
    let mut s = Summary::default();
    let mut sum = 0usize;
    for st in states {
        s.total += 1;
        s.by_status[Status::ALL
            .iter()
            .position(|x| *x == st.status)
            .unwrap_or(0)] += 1;
        s.overdue += usize::from(st.overdue);
        sum += usize::from(st.percent);
    }
    if let Some(mean) = (sum + s.total / 2).checked_div(s.total) {
        s.percent = mean as u8;
    }
    s
}
