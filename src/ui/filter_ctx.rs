//! The filter context and caches, borrowed together for matching and facet counts.

use crate::model::{
    Date, FilterCache, FilterContext, Plan, PlanFacts, Progress, ProgressText, SearchText,
    StateCache,
};
use leptos::prelude::*;

/// Runs `f` with the filter context built from these signals and caches (tracking them all);
/// the search texts only while searching, so that they are built when first searched and,
/// without a query, a change of progress does not rebuild them.
pub(super) fn with_filter_ctx<R>(
    plan: RwSignal<Plan>,
    progress: RwSignal<Progress>,
    today: RwSignal<Date>,
    facts: Memo<PlanFacts>,
    states: Memo<StateCache>,
    search: Option<(Memo<SearchText>, Memo<ProgressText>)>,
    f: impl FnOnce(&FilterContext, FilterCache) -> R,
) -> R {
    let today = today.get();
    let run = |search: Option<(&SearchText, &ProgressText)>| {
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
                                search,
                            },
                        )
                    })
                })
            })
        })
    };
    match search {
        Some((text, notes)) => text.with(|t| notes.with(|n| run(Some((t, n))))),
        None => run(None),
    }
}
