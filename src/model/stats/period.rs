//! The reporting period and the units that have not reported in it (未报送), with the
//! copyable reminder (催办) text.
//!
//! A period is a span of local calendar days, a month by default. Stamps are UTC ms, so the
//! window needs the local time zone: [`not_reported`] takes `tz_offset_minutes` (minutes
//! east of UTC, 480 for 北京时间) and counts reports stamped from local 00:00 of the first
//! day up to, not including, local 00:00 of the day after the last.

use super::distinct;
use super::matrix::{kind_of, order_key, units_of};
use super::time::local_day_start_ms;
use crate::model::date::Date;
use crate::model::order;
use crate::model::plan::Plan;
use crate::model::progress::{Progress, TaskProgress};
use crate::model::task::TaskId;
use crate::model::unit::{Responsible, UnitId};

/// A reporting period: local calendar days from `start` to `end`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

impl Period {
    /// The calendar month `date` falls in.
    pub fn month_of(date: Date) -> Period {
        let first = Date::new(date.year(), date.month(), 1).unwrap_or(date);
        let last = (28..=31)
            .rev()
            .find_map(|d| Date::new(date.year(), date.month(), d))
            .unwrap_or(date);
        Period {
            start: first,
            end: last,
        }
    }

    /// Whether `date` is one of its days.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Its first moment as stamp time: local 00:00 of `start`.
    pub fn start_ms(&self, tz_offset_minutes: i32) -> i64 {
        local_day_start_ms(self.start, tz_offset_minutes)
    }

    /// Just after its last moment as stamp time: local 00:00 of the day after `end`.
    pub fn end_ms(&self, tz_offset_minutes: i32) -> i64 {
        let next = Date::from_days_since_epoch(self.end.days_since_epoch() + 1);
        local_day_start_ms(next, tz_offset_minutes)
    }

    /// How it reads in a notice: `2023年7月` for a whole month, else
    /// `2023年7月1日至2023年7月15日`.
    pub fn label(&self) -> String {
        if *self == Period::month_of(self.start) {
            format!("{}年{}月", self.start.year(), self.start.month())
        } else {
            format!("{}至{}", self.start.to_chinese(), self.end.to_chinese())
        }
    }
}

/// The units (expanded as in the unit matrix, in its row order) that answer for at least one
/// of the given tasks but reported on none of them in `period`.
///
/// A unit has reported when, within the period's window, on one of the given tasks: it wrote
/// a log entry (`created.by`), its own part (keyed by its name) was set, or any field was
/// stamped `by` it. A group row (a group with no known members) counts reports by its own
/// name or by any unit of its kind.
pub fn not_reported(
    plan: &Plan,
    progress: &Progress,
    ids: &[TaskId],
    period: &Period,
    tz_offset_minutes: i32,
) -> Vec<Responsible> {
    let window = (
        period.start_ms(tz_offset_minutes),
        period.end_ms(tz_offset_minutes),
    );
    let mut answerable: Vec<Responsible> = Vec::new();
    let mut reported: Vec<Responsible> = Vec::new();
    for id in distinct(ids) {
        let Some(task) = plan.task(id) else { continue };
        let tp = progress.task(id);
        for unit in units_of(plan, task) {
            if tp.is_some_and(|tp| has_reported(plan, tp, &unit, window))
                && !reported.contains(&unit)
            {
                reported.push(unit.clone());
            }
            if !answerable.contains(&unit) {
                answerable.push(unit);
            }
        }
    }
    answerable.retain(|u| !reported.contains(u));
    let kinds = plan.units.kinds();
    order::sort_by_cached_key(&mut answerable, |u| {
        order_key(plan, &kinds, u, &kind_of(plan, u))
    });
    answerable
}

/// Whether `unit` reported on this task within `[from, to)` ms.
fn has_reported(
    plan: &Plan,
    tp: &TaskProgress,
    unit: &Responsible,
    (from, to): (i64, i64),
) -> bool {
    let within = |at: i64| from <= at && at < to;
    let is_unit = |name: &str| match unit {
        Responsible::Unit(id) => id.as_str() == name,
        Responsible::Group(g) => g == name || plan.units.covers(unit, &UnitId(name.to_string())),
    };
    let by_unit = |by: &Option<UnitId>| by.as_ref().is_some_and(|b| is_unit(b.as_str()));
    let logged = tp
        .log
        .values()
        .any(|e| within(e.created.at) && by_unit(&e.created.by));
    let part = tp
        .parts
        .iter()
        .any(|(name, p)| within(p.stamp.at) && is_unit(name));
    let stamped = tp.stamps().any(|s| within(s.at) && by_unit(&s.by));
    logged || part || stamped
}

/// The reminder (催办) text for the units that have not reported, ready to copy into a
/// message: `以下单位尚未报送2023年7月工作进展：A、B。请于2023年8月5日前报送。`
/// Without a due date it asks for the report 尽快; with no units it says all have reported.
pub fn reminder_text(units: &[Responsible], period: &Period, due: Option<Date>) -> String {
    let label = period.label();
    if units.is_empty() {
        return format!("{label}工作进展各单位均已报送。");
    }
    let names: Vec<&str> = units.iter().map(Responsible::label).collect();
    let when = match due {
        Some(d) => format!("请于{}前报送。", d.to_chinese()),
        None => "请尽快报送。".to_string(),
    };
    format!(
        "以下单位尚未报送{label}工作进展：{}。{when}",
        names.join("、")
    )
}

#[cfg(test)]
mod tests;
