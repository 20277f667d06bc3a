//! What the statistics and the lights read from the store: the counted tasks (those the
//! filter lets through), the light rules, and showing the list a count stands for.

use super::state::{AppState, PAGE_SIZE};
use crate::model::{Filter, Light, LightRules, TaskId, light};
use leptos::prelude::*;

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

    /// Shows the task list under `filter`.
    pub fn show_filtered(&self, filter: Filter) {
        self.limit.set(PAGE_SIZE);
        self.filter.set(filter);
        self.stats.set(false);
    }
}
