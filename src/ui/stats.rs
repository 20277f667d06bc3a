//! What the statistics and the lights read from the store: the counted tasks (those the
//! filter lets through), the light rules, and links from a count to the filtered list.

use super::state::{AppState, PAGE_SIZE};
use crate::model::{Filter, Light, LightRules, Responsible, Status, TaskId, light};
use leptos::prelude::*;

/// Which column of the matrix a count is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// One status.
    Status(Status),
    /// 逾期.
    Overdue,
    /// 合计.
    Total,
}

impl AppState {
    /// The tasks the filter lets through, in plan order (tracked).
    pub fn counted(&self) -> Vec<TaskId> {
        self.matching
            .with(|m| m.iter().map(|(_, id)| *id).collect())
    }

    /// The light rules of the shown plan (tracked).
    pub fn light_rules(&self) -> LightRules {
        let id = self.plan.with(|p| p.id.0.clone());
        self.settings.with(|s| LightRules {
            warn_days: s.warn_days,
            start: s.pace_start.get(&id).copied(),
            pace_tolerance: 0,
        })
    }

    /// A task's light today (tracked).
    pub fn light_of(&self, id: TaskId) -> Light {
        let rules = self.light_rules();
        let start = self.plan.with(|p| rules.start_for(p));
        let today = self.today.get();
        self.states.with(|c| {
            c.get(id)
                .map_or(Light::None, |s| light(s, &rules, start, today))
        })
    }

    /// The filter a matrix count stands for: the current one, narrowed to `unit` and the
    /// column.
    pub fn filter_for(&self, unit: &Responsible, column: Column) -> Filter {
        let mut f = self.filter.get_untracked();
        f.units = [unit.label().to_string()].into_iter().collect();
        match column {
            Column::Status(s) => f.statuses = [s].into_iter().collect(),
            Column::Overdue => f.overdue = true,
            Column::Total => {}
        }
        f
    }

    /// Shows the task list under `filter`.
    pub fn show_filtered(&self, filter: Filter) {
        self.limit.set(PAGE_SIZE);
        self.filter.set(filter);
        self.stats.set(false);
    }
}
