//! What a task's open panels list, derived where they are shown rather than for every task:
//! its measures and each unit's part.

use super::state::AppState;
use crate::model::{MeasureView, Status, TaskId, measures, part_statuses};
use leptos::prelude::*;

impl AppState {
    /// The measures of a task, seeds first (tracked: plan and progress).
    pub fn measures_of(&self, id: TaskId) -> Vec<MeasureView> {
        self.plan.with(|plan| {
            self.progress.with(|p| {
                plan.task(id)
                    .map(|t| measures(t, p.task(id)))
                    .unwrap_or_default()
            })
        })
    }

    /// The parts each unit reports of a task: (unit, status if reported), lead units first
    /// (tracked: plan and progress).
    pub fn parts_of(&self, id: TaskId) -> Vec<(String, Option<Status>)> {
        self.plan.with(|plan| {
            self.progress.with(|p| {
                plan.task(id)
                    .map(|t| part_statuses(t, plan, p.task(id)))
                    .unwrap_or_default()
            })
        })
    }
}
