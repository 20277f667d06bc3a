//! The filter context and caches, borrowed together for matching and facet counts.

use super::state::AppState;
use crate::model::{
    Date, FilterCache, FilterContext, Plan, PlanFacts, Progress, ProgressText, StateCache,
};
use leptos::prelude::*;

/// Runs `f` with the filter context built from these signals and caches (tracking them all);
/// `notes` only while searching, so that without a query a change of progress does not
/// rebuild the progress text.
pub(super) fn with_filter_ctx<R>(
    plan: RwSignal<Plan>,
    progress: RwSignal<Progress>,
    today: RwSignal<Date>,
    facts: Memo<PlanFacts>,
    states: Memo<StateCache>,
    notes: Option<Memo<ProgressText>>,
    f: impl FnOnce(&FilterContext, FilterCache) -> R,
) -> R {
    let today = today.get();
    let run = |notes: Option<&ProgressText>| {
        facts.with(|facts| {
            states.with(|states| {
                plan.with(|plan| {
                    progress.with(|progress| {
                        let ctx = FilterContext {
                            plan,
                            progress,
                            today,
                        };
                        f(
                            &ctx,
                            FilterCache {
                                facts,
                                states,
                                notes,
                            },
                        )
                    })
                })
            })
        })
    };
    match notes {
        Some(notes) => notes.with(|n| run(Some(n))),
        None => run(None),
    }
}

impl AppState {
    /// Runs `f` with the filter context and the caches (tracking plan, progress, today and
    /// caches); `searching` when the filter has search terms.
    pub fn with_filter_ctx<R>(
        &self,
        searching: bool,
        f: impl FnOnce(&FilterContext, FilterCache) -> R,
    ) -> R {
        let notes = searching.then_some(self.notes);
        with_filter_ctx(
            self.plan,
            self.progress,
            self.today,
            self.facts,
            self.states,
            notes,
            f,
        )
    }
}
