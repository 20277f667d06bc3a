//! One section (一、二、…) with its progress summary and its tasks.

use super::{SummaryLine, TaskCard};
use crate::model::{SectionId, TaskId, chinese_numeral};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A section heading, its summary, and its tasks.
#[component]
pub fn SectionView(id: SectionId, visible: Memo<Vec<(SectionId, TaskId)>>) -> impl IntoView {
    let app = use_app();
    let plan = app.plan;
    let heading = move || {
        plan.with(|p| {
            let n = p.section_number(id).unwrap_or(0);
            p.section(id)
                .map(|s| match s.title.as_str() {
                    "" => "全部任务".to_string(),
                    t => format!("{}、{t}", chinese_numeral(n)),
                })
                .unwrap_or_default()
        })
    };
    let summary = Signal::derive(move || app.states.with(|c| c.summary(Some(id))));
    let tasks = move || {
        visible.with(|v| {
            v.iter()
                .filter(|(s, _)| *s == id)
                .map(|(_, t)| *t)
                .collect::<Vec<TaskId>>()
        })
    };
    view! {
        <section class="plan-section" data-section=id.0.to_string()>
            <h2 class="section-title">{heading}</h2>
            <div class="section-summary"><SummaryLine summary/></div>
            <For each=tasks key=|t| *t let:task>
                <TaskCard id=task/>
            </For>
        </section>
    }
}
