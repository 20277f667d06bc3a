//! One task: number, title, collapsible body, responsible units.

use super::UnitChips;
use crate::model::TaskId;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A task card.
#[component]
pub fn TaskCard(id: TaskId) -> impl IntoView {
    let plan = use_app().plan;
    let field = move |f: fn(&crate::model::Task) -> String| {
        move || plan.with(|p| p.task(id).map(f).unwrap_or_default())
    };
    view! {
        <article class="task" data-task=id.0.to_string() id=format!("task-{}", id.0)>
            <header class="task-head">
                <span class="task-no">{id.0}"."</span>
                <h3 class="task-title">{field(|t| t.title.clone())}</h3>
            </header>
            <details class="task-details">
                <summary>"工作内容"</summary>
                <p class="task-body">{field(|t| t.body.clone())}</p>
            </details>
            <UnitChips task=id/>
        </article>
    }
}
