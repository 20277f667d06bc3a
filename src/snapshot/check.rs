//! Checks on an incoming snapshot, all done before anything is merged: size, task ids (and
//! that a task of the same number is the same task), value ranges, text lengths, and clocks
//! that run ahead.
//!
//! A file whose export time lies more than a day ahead of the importer's clock comes from a
//! PC with a wrong clock: its stamps that lie ahead are moved back, keeping their order, so
//! that they end at the newest right-clock stamp the file carries, or, when it carries none,
//! rank below every right-clock stamp. The move does not depend on the import time. In a
//! file from a right clock, a single stamp more than a day ahead is demoted to
//! [`DEMOTED_AT`], so that it ranks below every stamp that is not in the future.

use super::{Snapshot, SnapshotError};
use crate::model::{Date, Month, Plan, Progress, Stamp, TaskId};

/// The largest file imported, in bytes: above the pretty export of everything the browser's
/// storage can hold (a 300-task plan with a year of reports, about 2 million stored
/// characters, exports as about 19 MB), so every export this tool makes imports again.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
pub use crate::model::MAX_TEXT_CHARS;
/// How far ahead of the importer's clock a stamp may lie before it counts as wrong.
pub const CLOCK_SLACK_MS: i64 = 86_400_000;
/// The time a stamp from the future is demoted to.
pub const DEMOTED_AT: i64 = 0;

/// How the stamps of a file from a clock that runs ahead are moved back. The move does not
/// depend on when the file is imported, so importing it again later changes nothing, and
/// it never makes the file's changes newer than what its PC could have known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fix {
    /// The file carries stamps from right clocks, the newest at this time: its PC exported
    /// after that moment, so its own changes are moved to end there.
    Before(i64),
    /// It carries none: its changes rank below every stamp from a right clock, in their own
    /// order (the earliest of them is given).
    Lowest(i64),
}

/// The fix for a file saved at `saved_at`, when that lies beyond `limit` (now plus the slack).
fn clock_fix(progress: &Progress, saved_at: i64, limit: i64) -> Option<Fix> {
    if saved_at <= limit {
        return None;
    }
    let stamps = || progress.tasks.values().flat_map(|t| t.stamps());
    match stamps().map(|s| s.at).filter(|at| *at <= limit).max() {
        Some(newest) => Some(Fix::Before(newest)),
        None => stamps().map(|s| s.at).min().map(Fix::Lowest),
    }
}

/// Refuses a file over [`MAX_IMPORT_BYTES`] before it is parsed.
pub fn check_size(text: &str) -> Result<(), SnapshotError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(SnapshotError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// A value that was left out of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// A percentage over 100.
    Percent(u8),
    /// A text over [`MAX_TEXT_CHARS`] characters.
    LongText(usize),
}

/// What the checks found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Tasks the plan does not have, with their title in the file (empty when the file's
    /// plan lacks them too); their progress was left out.
    pub unknown_tasks: Vec<(TaskId, String)>,
    /// Tasks whose number the plan gives to another task (each side added a task, say): the
    /// number with the file's title and the plan's; their progress was left out.
    pub other_tasks: Vec<(TaskId, String, String)>,
    /// How far the file's clock ran ahead, when its stamps were moved back (ms).
    pub clock_ahead_ms: Option<i64>,
    /// Tasks with stamps still in the future after that; those stamps were demoted.
    pub future_stamps: Vec<TaskId>,
    /// Values out of range, by task; they were left out.
    pub dropped: Vec<(TaskId, Dropped)>,
    /// Units the file names (in parts, reports or as authors) that the plan does not know,
    /// for example one renamed on either side; their data merges all the same.
    pub unknown_units: Vec<String>,
    /// Monthly reports filed under a month still to come on the importer's clock (a PC whose
    /// clock ran ahead), by task; they merge all the same.
    pub future_months: Vec<(TaskId, Month)>,
}

impl CheckReport {
    /// Whether the checks changed anything.
    pub fn is_clean(&self) -> bool {
        *self == CheckReport::default()
    }
}

/// Checks `incoming` against `plan` at the importer's time `now_ms`; returns the progress
/// that may be merged and what was left out or corrected.
pub fn check_incoming(incoming: &Snapshot, plan: &Plan, now_ms: i64) -> (Progress, CheckReport) {
    let mut report = CheckReport::default();
    let mut progress = incoming.progress.clone();
    progress.tasks.retain(|id, _| {
        let Some(ours) = plan.task(*id) else {
            let title = incoming
                .plan
                .task(*id)
                .map_or_else(String::new, |t| t.title.clone());
            report.unknown_tasks.push((*id, title));
            return false;
        };
        match incoming.plan.task(*id) {
            Some(theirs) if !theirs.is_same_task(ours) => {
                let titles = (theirs.title.clone(), ours.title.clone());
                report.other_tasks.push((*id, titles.0, titles.1));
                false
            }
            _ => true,
        }
    });
    let limit = now_ms.saturating_add(CLOCK_SLACK_MS);
    let fix = clock_fix(&progress, incoming.saved_at, limit);
    report.clock_ahead_ms = fix.map(|_| incoming.saved_at.saturating_sub(now_ms));
    for (id, tp) in &mut progress.tasks {
        let mut future = false;
        tp.for_each_stamp_mut(|s: &mut Stamp| {
            if s.at <= limit {
                return;
            }
            match fix {
                Some(Fix::Before(newest)) => s.at = newest - (incoming.saved_at - s.at).max(0),
                Some(Fix::Lowest(earliest)) => s.at = DEMOTED_AT + (s.at - earliest).max(0) + 1,
                None => {
                    // Distinct future stamps stay distinct, the same in every copy.
                    s.n = (s.at.rem_euclid(i64::from(u32::MAX))) as u32;
                    s.at = DEMOTED_AT;
                    future = true;
                }
            }
        });
        if future {
            report.future_stamps.push(*id);
        }
        if let Some(p) = tp
            .percent
            .as_ref()
            .and_then(|p| p.value)
            .filter(|p| *p > 100)
        {
            tp.percent = None;
            report.dropped.push((*id, Dropped::Percent(p)));
        }
        let long = |t: &str| Some(t.chars().count()).filter(|n| *n > MAX_TEXT_CHARS);
        tp.measures.retain(|_, m| match long(&m.text.value) {
            Some(n) => {
                report.dropped.push((*id, Dropped::LongText(n)));
                false
            }
            None => true,
        });
        tp.log.retain(
            |_, e| match e.revisions.iter().find_map(|r| long(&r.value)) {
                Some(n) => {
                    report.dropped.push((*id, Dropped::LongText(n)));
                    false
                }
                None => true,
            },
        );
        for report_ in tp.reports.values_mut().flat_map(|units| units.values_mut()) {
            for part in [
                &mut report_.progress,
                &mut report_.problems,
                &mut report_.next,
            ] {
                if let Some(n) = part.as_ref().and_then(|p| long(&p.value)) {
                    report.dropped.push((*id, Dropped::LongText(n)));
                    *part = None;
                }
            }
        }
        tp.reports.retain(|_, units| {
            units.retain(|_, r| *r != crate::model::UnitReport::default());
            !units.is_empty()
        });
    }
    report.unknown_units = unknown_units(&progress, plan);
    let this_month = Month::of(Date::from_days_since_epoch(limit.div_euclid(86_400_000)));
    for (id, tp) in &progress.tasks {
        let later = tp.reports.keys().filter(|m| **m > this_month);
        report.future_months.extend(later.map(|m| (*id, *m)));
    }
    (progress, report)
}

/// The unit names in `progress` that are neither a unit nor a group of `plan`, sorted.
fn unknown_units(progress: &Progress, plan: &Plan) -> Vec<String> {
    let known = |n: &str| plan.units.get(n).is_some() || plan.units.group(n).is_some();
    let mut out = std::collections::BTreeSet::new();
    for tp in progress.tasks.values() {
        let named = tp.parts.keys().map(String::as_str);
        let reporting = tp
            .reports
            .values()
            .flat_map(|u| u.keys().map(String::as_str));
        let authors = tp
            .stamps()
            .filter_map(|s| s.by.as_ref().map(|u| u.as_str()));
        out.extend(named.chain(reporting).chain(authors).filter(|n| !known(n)));
    }
    out.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests;
