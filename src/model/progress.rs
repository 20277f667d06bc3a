//! Per-task progress (进展): status, percent, deadline, unit parts, measures, log. Every field is stamped.

use super::date::Date;
use super::stamp::{ItemId, Stamp, Stamped};
use super::status::Status;
use super::task::TaskId;
use crate::model::order;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Progress of every task, by task id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Tasks that have any recorded progress.
    pub tasks: BTreeMap<TaskId, TaskProgress>,
}

/// A checklist item (举措). Seeded items have ids `seed-<task>-<n>` and are stored only once touched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// When it was created (for ordering user-added items).
    pub created: Stamp,
    /// Its wording.
    pub text: Stamped<String>,
    /// Whether it is done.
    pub done: Stamped<bool>,
    /// Whether it was removed (kept as a tombstone so merges agree).
    pub removed: Stamped<bool>,
    /// For a measure seeded from the task text: that wording, so that undoing the first
    /// change to it can bring it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
}

/// A dated progress note (进展记录). Append-only: corrections add revisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The date the note speaks of.
    pub date: Date,
    /// Who wrote it and when.
    pub created: Stamp,
    /// Every wording, oldest first; the last is current.
    pub revisions: Vec<Stamped<String>>,
    /// Withdrawn entries stay, hidden, so nothing is lost.
    pub withdrawn: Stamped<bool>,
}

impl LogEntry {
    /// The current wording.
    pub fn text(&self) -> &str {
        self.revisions.last().map_or("", |r| r.value.as_str())
    }
}

/// The recorded progress of one task. `None` fields were never set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskProgress {
    /// Explicit status; `Some(None)` means it was cleared back to derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Stamped<Option<Status>>>,
    /// Percentage set by hand; `Some(None)` means back to automatic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Stamped<Option<u8>>>,
    /// 完成时限.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Stamped<Option<Date>>>,
    /// Each responsible unit's own part, by unit name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: BTreeMap<String, Stamped<Option<Status>>>,
    /// Measures that were added or touched.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub measures: BTreeMap<ItemId, Measure>,
    /// Progress log.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub log: BTreeMap<ItemId, LogEntry>,
    /// Each unit's monthly three-part report.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reports: Reports,
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
    /// No such log entry or measure.
    NoSuchItem(ItemId),
    /// Only the unit that wrote a log entry may correct it.
    NotAuthor,
    /// Empty text where text is required.
    EmptyText,
    /// Text over [`MAX_TEXT_CHARS`] characters (the count is given).
    TooLong(usize),
}

impl TaskProgress {
    /// Sets (or with `None` clears) the explicit status.
    pub fn set_status(&mut self, status: Option<Status>, stamp: &Stamp) {
        self.status = Some(Stamped::new(status, stamp));
    }

    /// Sets (or with `None` returns to automatic) the percentage, clamped to 0–100.
    pub fn set_percent(&mut self, percent: Option<u8>, stamp: &Stamp) {
        self.percent = Some(Stamped::new(percent.map(|p| p.min(100)), stamp));
    }

    /// Sets or clears the deadline.
    pub fn set_deadline(&mut self, deadline: Option<Date>, stamp: &Stamp) {
        self.deadline = Some(Stamped::new(deadline, stamp));
    }

    /// Sets one unit's own part.
    pub fn set_part(&mut self, unit: &str, status: Option<Status>, stamp: &Stamp) {
        self.parts
            .insert(unit.to_string(), Stamped::new(status, stamp));
    }

    /// The latest stamp of any change in this task.
    pub fn last_change(&self) -> Option<&Stamp> {
        self.stamps().max()
    }
}

impl Progress {
    /// The progress of a task (empty if nothing was recorded).
    pub fn task(&self, id: TaskId) -> Option<&TaskProgress> {
        self.tasks.get(&id)
    }

    /// Mutable progress of a task, created on first use.
    pub fn task_mut(&mut self, id: TaskId) -> &mut TaskProgress {
        self.tasks.entry(id).or_default()
    }

    /// Merges another copy into this one.
    pub fn merge(&mut self, other: &Progress) {
        for (id, tp) in &other.tasks {
            self.tasks.entry(*id).or_default().merge(tp);
        }
    }

    /// Merges `other`, the progress of another version `theirs` of this progress's plan
    /// `ours`, except under a number the two versions give to different tasks (neither
    /// title nor text alike): that progress belongs to another task and stays out. Returns
    /// the numbers left out.
    pub fn merge_same_tasks(
        &mut self,
        ours: &super::plan::Plan,
        other: &Progress,
        theirs: &super::plan::Plan,
    ) -> Vec<TaskId> {
        let mut left_out = Vec::new();
        for (id, tp) in &other.tasks {
            match (ours.task(*id), theirs.task(*id)) {
                (Some(a), Some(b)) if !a.is_same_task(b) => left_out.push(*id),
                _ => self.tasks.entry(*id).or_default().merge(tp),
            }
        }
        left_out
    }

    /// How many tasks' progress differs from `other`'s (tasks this copy has).
    pub fn tasks_differing(&self, other: &Progress) -> usize {
        self.tasks
            .iter()
            .filter(|(id, tp)| other.tasks.get(id) != Some(tp))
            .count()
    }

    /// The latest change anywhere.
    pub fn last_change(&self) -> Option<&Stamp> {
        self.tasks
            .values()
            .filter_map(TaskProgress::last_change)
            .max()
    }

    /// The changes stamped after `limit` (ms), a time still to come on this PC's clock: how
    /// many, and the latest. Some means this clock is slow, or one that made them was fast.
    pub fn changes_after(&self, limit: i64) -> Option<(usize, i64)> {
        let future: Vec<i64> = self
            .tasks
            .values()
            .flat_map(TaskProgress::stamps)
            .map(|s| s.at)
            .filter(|at| *at > limit)
            .collect();
        future.iter().max().map(|latest| (future.len(), *latest))
    }

    /// How many changes `replica` made after `since` (ms): what has not gone into a file.
    /// One change (one stamp) may set several fields; it counts once.
    pub fn changes_by_after(&self, replica: &super::stamp::ReplicaId, since: i64) -> usize {
        let mut seen: Vec<(i64, u32)> = self
            .tasks
            .values()
            .flat_map(TaskProgress::stamps)
            .filter(|s| is_change_by(s, replica, since))
            .map(|s| (s.at, s.n))
            .collect();
        order::sort(&mut seen);
        seen.dedup();
        seen.len()
    }

    /// The time (ms) of the earliest change `replica` made after `since` (ms), if any.
    pub fn earliest_change_by_after(
        &self,
        replica: &super::stamp::ReplicaId,
        since: i64,
    ) -> Option<i64> {
        self.tasks
            .values()
            .flat_map(TaskProgress::stamps)
            .filter(|s| is_change_by(s, replica, since))
            .map(|s| s.at)
            .min()
    }
}

/// Whether `s` stamps a change `replica` made after `since`. A seeded measure's untouched
/// fields carry time 0 (their wording comes from the plan text): not a change anyone made.
fn is_change_by(s: &super::stamp::Stamp, replica: &super::stamp::ReplicaId, since: i64) -> bool {
    s.at > since.max(0) && &s.replica == replica
}

mod change;
mod diff;
mod items;
mod merge;
mod month;
mod only;
mod report;
mod stamps;
pub use change::{Change, ChangeValue, Field};
pub use diff::ProgressDiff;
pub use items::{MAX_TEXT_CHARS, MeasureChange};
pub use merge::Relation;
pub use month::report_months;
pub use report::{Month, ReportPart, Reports, UnitReport};
#[cfg(test)]
mod diff_tests;
#[cfg(test)]
mod tests;
