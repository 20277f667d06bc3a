//! The units of a task, as chips: lead units first, marked 牵头; groups are marked.

use crate::model::TaskId;
use crate::ui::chips::unit_chip;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The unit chips of one task.
#[component]
pub fn UnitChips(task: TaskId) -> impl IntoView {
    let plan = use_app().plan;
    let chips = move || {
        plan.with(|p| {
            let Some(t) = p.task(task) else {
                return Vec::new();
            };
            t.units_lead_first()
                .into_iter()
                .map(|a| unit_chip(p, &a.name, a.role))
                .collect::<Vec<_>>()
        })
    };
    let deadline = move || plan.with(|p| p.task(task).and_then(|t| t.deadline.clone()));
    view! {
        <div class="task-units">
            <span class="units-label">"责任单位"</span>
            <ul class="unit-chips">{chips}</ul>
            {move || deadline().map(|d| view! { <span class="plan-deadline" title="计划中的完成时限">{format!("时限：{d}")}</span> })}
        </div>
    }
}
