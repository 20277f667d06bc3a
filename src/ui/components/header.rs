//! The plan header: title, issuer and publication date.

use crate::ui::state::use_app;
use leptos::prelude::*;

/// Shows the plan's title, issuer and date.
#[component]
pub fn PlanHeader() -> impl IntoView {
    let plan = use_app().plan;
    let title = move || plan.with(|p| p.title.clone());
    let issuer = move || plan.with(|p| p.issuer.clone().unwrap_or_default());
    let date = move || plan.with(|p| p.published.map(|d| d.to_string()).unwrap_or_default());
    let date_cn = move || plan.with(|p| p.published.map(|d| d.to_chinese()).unwrap_or_default());
    view! {
        <header class="plan-header">
            <h1 class="plan-title">{title}</h1>
            <p class="plan-meta">
                <span class="plan-issuer">{issuer}</span>
                <time class="plan-date" datetime=date>{date_cn}</time>
            </p>
        </header>
    }
}
