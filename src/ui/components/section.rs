//! One section (一、二、…) with its tasks.

use super::TaskCard;
use crate::model::{SectionId, TaskId};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A section heading followed by its tasks.
#[component]
pub fn SectionView(id: SectionId) -> impl IntoView {
    let plan = use_app().plan;
    let heading = move || {
        plan.with(|p| {
            p.sections
                .iter()
                .find(|s| s.id == id)
                .map(|s| format!("{}、{}", s.numeral, s.title))
                .unwrap_or_default()
        })
    };
    let tasks = move || plan.with(|p| p.tasks_in(id).map(|t| t.id).collect::<Vec<TaskId>>());
    view! {
        <section class="plan-section" data-section=id.0.to_string()>
            <h2 class="section-title">{heading}</h2>
            <For each=tasks key=|t| *t let:task>
                <TaskCard id=task/>
            </For>
        </section>
    }
}
