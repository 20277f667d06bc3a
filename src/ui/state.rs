//! The one application store, provided through context.

use crate::model::Plan;
use crate::parse::parse_plan;
use leptos::prelude::*;

/// Everything the UI shares: the plan. Provided once by [`crate::ui::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being tracked.
    pub plan: RwSignal<Plan>,
}

impl AppState {
    /// Builds the state from the embedded default plan.
    pub fn new() -> Option<AppState> {
        let parsed = parse_plan(crate::DEFAULT_PLAN_TEXT).ok()?;
        Some(AppState { plan: RwSignal::new(parsed.plan) })
    }
}

/// The store from context. Components below [`crate::ui::App`] always have it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
