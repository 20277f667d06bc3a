//! Traffic lights (红黄绿灯) per task: overdue, due soon or behind pace (序时进度), on track.
//!
//! The rules, in order:
//! 1. 已完成 → green, whatever the dates.
//! 2. Overdue (deadline passed, not done; the same rule as [`crate::model::is_overdue`]) → red.
//! 3. No deadline → [`Light::None`]: open-ended tasks (长期坚持) have no pace to keep, so the
//!    office sees them apart rather than as falsely green.
//! 4. Deadline within `warn_days` days (deadline today up to today + `warn_days`) → yellow.
//! 5. Behind pace → yellow: the reported percent is below the expected percent by more than
//!    `pace_tolerance` points. The expected percent needs a start date (`start`, else
//!    1 January of the plan's year); without one the pace is not judged.
//! 6. Otherwise green.

use super::distinct;
use crate::model::date::Date;
use crate::model::derive::TaskState;
use crate::model::plan::Plan;
use crate::model::states::StateCache;
use crate::model::status::{Status, is_overdue};
use crate::model::task::TaskId;

/// A task's traffic light.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    /// 红灯: overdue.
    Red,
    /// 黄灯: due within the warning window, or behind pace.
    Yellow,
    /// 绿灯: done, or on track.
    Green,
    /// 无时限: not done and without a deadline, so neither late nor on time.
    None,
}

impl Light {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Green => "绿灯",
            Light::None => "无时限",
        }
    }

    /// A stable ASCII key, for CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::None => "none",
        }
    }
}

/// The office's settings for the lights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LightRules {
    /// Yellow when the deadline is at most this many days away (default 7).
    pub warn_days: u32,
    /// When the plan's work began, for the pace; `None` means 1 January of the plan's year.
    pub start: Option<Date>,
    /// Percentage points a task may fall behind the pace before it turns yellow (default 0).
    pub pace_tolerance: u8,
}

impl Default for LightRules {
    fn default() -> LightRules {
        LightRules {
            warn_days: 7,
            start: None,
            pace_tolerance: 0,
        }
    }
}

impl LightRules {
    /// The start date for the pace: the one set, else 1 January of the plan's year.
    pub fn start_for(&self, plan: &Plan) -> Option<Date> {
        self.start
            .or_else(|| plan.year().and_then(|y| Date::new(y, 1, 1)))
    }
}

/// The expected percent (序时进度) on `today` for work from `start` to `deadline`: the
/// elapsed share of the span, rounded down; 0 on or before `start`, 100 on or after
/// `deadline` (so also 100 from the deadline on when `start` is not before it).
pub fn expected_percent(start: Date, deadline: Date, today: Date) -> u8 {
    if today >= deadline {
        return 100;
    }
    if today <= start {
        return 0;
    }
    let span = deadline.days_since_epoch() - start.days_since_epoch();
    let elapsed = today.days_since_epoch() - start.days_since_epoch();
    (elapsed * 100 / span) as u8
}

/// The light of a task in `state` on `today`, with the pace measured from `start`.
pub fn light(state: &TaskState, rules: &LightRules, start: Option<Date>, today: Date) -> Light {
    if state.status == Status::Done {
        return Light::Green;
    }
    if is_overdue(state.status, state.deadline, today) {
        return Light::Red;
    }
    let Some(deadline) = state.deadline else {
        return Light::None;
    };
    let days_left = deadline.days_since_epoch() - today.days_since_epoch();
    if days_left <= i64::from(rules.warn_days) {
        return Light::Yellow;
    }
    let behind = start.is_some_and(|s| {
        let expected = expected_percent(s, deadline, today);
        u16::from(state.percent) + u16::from(rules.pace_tolerance) < u16::from(expected)
    });
    if behind { Light::Yellow } else { Light::Green }
}

/// The light of each given task (each once, in the given order), on `today`.
pub fn lights(
    plan: &Plan,
    states: &StateCache,
    ids: &[TaskId],
    rules: &LightRules,
    today: Date,
) -> Vec<(TaskId, Light)> {
    let start = rules.start_for(plan);
    distinct(ids)
        .into_iter()
        .filter_map(|id| states.get(id).map(|s| (id, light(s, rules, start, today))))
        .collect()
}

#[cfg(test)]
mod tests;
