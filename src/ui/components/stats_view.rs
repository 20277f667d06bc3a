//! 统计: the figures over the tasks the filter lets through, laid out to print on A4 as a
//! 通报 draft.

use super::{StatsChanges, StatsLights, StatsMatrix, StatsNotReported, StatsSections, StatsSeries};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The statistics view, shown instead of the task list.
#[component]
pub fn StatsView() -> impl IntoView {
    let app = use_app();
    let scope = move || {
        let n = app.matching.with(Vec::len);
        let all = app.plan.with(|p| p.tasks.len());
        if app.filter.with(|f| f.is_empty()) {
            format!("统计范围：全部 {all} 项任务")
        } else {
            format!("统计范围：按当前筛选条件，{n} 项任务（共 {all} 项）")
        }
    };
    view! {
        <section id="stats" class="stats" aria-label="统计">
            <header class="stats-head">
                <h2>{move || format!("《{}》落实情况通报（草稿）", app.plan.with(|p| p.title.clone()))}</h2>
                <p class="stats-scope">{scope}"；统计日期："{move || app.today.get().to_chinese()}</p>
                <button type="button" id="stats-print" class="no-print" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>"打印通报"</button>
            </header>
            <StatsMatrix/>
            <StatsSections/>
            <StatsLights/>
            <StatsNotReported/>
            <StatsChanges/>
            <StatsSeries/>
        </section>
    }
}
