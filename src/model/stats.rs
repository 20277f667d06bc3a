//! Reporting-cycle statistics over a chosen set of tasks: unit × status matrix, per-section
//! figures, traffic lights, who has not reported, what changed, and completion over time.
//!
//! Every function takes the task ids to count, so the current filter applies: what the
//! office sees is what it counts and exports. An id not in the plan is skipped; an id given
//! twice counts once.

mod changes;
mod lights;
mod matrix;
mod period;
mod sections;
mod series;
#[cfg(test)]
pub(crate) mod testkit;
mod time;

pub use changes::{Changed, TaskChange, changes_since};
pub use lights::{Light, LightRules, expected_percent, light, lights};
pub use matrix::{MatrixColumn, StatusMatrix, UnitRow, drill_down, unit_matrix, units_of};
pub use period::{Period, not_reported, reminder_text};
pub use sections::{SectionStats, section_heading, section_stats};
pub use series::{SeriesPoint, Step, completion_series};
pub use time::{local_date, local_date_time, local_day_start_ms};

use super::derive::TaskState;
use super::states::StateCache;
use super::status::Status;
use super::task::TaskId;
use std::collections::HashSet;

/// Task counts by status, with the overdue count beside them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tasks per status, in [`Status::ALL`] order (未启动, 推进中, 已完成, 滞后).
    pub by_status: [usize; 4],
    /// Overdue tasks (逾期); each is also counted under its status.
    pub overdue: usize,
    /// Tasks counted (the sum of `by_status`).
    pub total: usize,
}

impl Counts {
    /// Counts one more task in this state.
    pub fn add(&mut self, state: &TaskState) {
        self.by_status[status_index(state.status)] += 1;
        self.overdue += usize::from(state.overdue);
        self.total += 1;
    }

    /// The count for one status.
    pub fn status(&self, status: Status) -> usize {
        self.by_status[status_index(status)]
    }

    /// Done tasks as a share of all counted tasks, in percent, rounded half up (0 when empty).
    pub fn percent_done(&self) -> u8 {
        let done = self.status(Status::Done);
        ((done * 100 + self.total / 2).checked_div(self.total)).unwrap_or(0) as u8
    }
}

/// Counts the given tasks (each once; ids without a derived state are skipped).
pub fn count(states: &StateCache, ids: &[TaskId]) -> Counts {
    let mut counts = Counts::default();
    for state in distinct(ids).into_iter().filter_map(|id| states.get(id)) {
        counts.add(state);
    }
    counts
}

fn status_index(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(0)
}

/// The given ids without repeats, in first-given order.
fn distinct(ids: &[TaskId]) -> Vec<TaskId> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}
