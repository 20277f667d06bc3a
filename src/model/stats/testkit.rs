//! Test fixtures: the embedded 2023 plan with progress recorded at chosen times and units.

use crate::model::date::Date;
use crate::model::plan::Plan;
use crate::model::progress::Progress;
use crate::model::stamp::{ReplicaId, Stamp};
use crate::model::states::StateCache;
use crate::model::status::Status;
use crate::model::task::TaskId;
use crate::model::unit::UnitId;

/// A plan, its progress and the day the states are derived on.
pub struct Kit {
    pub plan: Plan,
    pub progress: Progress,
    pub today: Date,
}

/// Task ids from numbers.
pub fn ids(n: impl IntoIterator<Item = u32>) -> Vec<TaskId> {
    n.into_iter().map(TaskId).collect()
}

/// A date that exists.
pub fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid date")
}

/// A stamp at `at` ms, by `by` if given.
pub fn stamp(at: i64, by: Option<&str>) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: by.map(|b| UnitId(b.to_string())),
        replica: ReplicaId("r".into()),
    }
}

impl Kit {
    /// The embedded 2023 plan, no progress, today 2023-06-15.
    pub fn plan_2023() -> Kit {
        let plan = crate::parse::parse_plan(crate::DEFAULT_PLAN_TEXT)
            .expect("parses")
            .plan;
        Kit {
            plan,
            progress: Progress::default(),
            today: date(2023, 6, 15),
        }
    }

    /// Every task's derived state on `today`.
    pub fn states(&self) -> StateCache {
        StateCache::build(&self.plan, &self.progress, self.today)
    }

    /// Sets a task's status explicitly (stamp at 1 ms, no unit).
    pub fn set_status(&mut self, task: u32, status: Status) {
        self.progress
            .task_mut(TaskId(task))
            .set_status(Some(status), &stamp(1, None));
    }

    /// Sets a task's deadline in the progress form.
    pub fn set_deadline(&mut self, task: u32, y: i32, m: u8, d: u8) {
        self.progress
            .task_mut(TaskId(task))
            .set_deadline(Some(date(y, m, d)), &stamp(1, None));
    }

    /// Sets a task's percentage by hand.
    pub fn set_percent(&mut self, task: u32, percent: u8) {
        self.progress
            .task_mut(TaskId(task))
            .set_percent(Some(percent), &stamp(1, None));
    }
}
