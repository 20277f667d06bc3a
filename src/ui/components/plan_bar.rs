//! The plan bar: which plan is shown (计划), and the entries to the library, a new plan,
//! editing and unit management.

use crate::model::PlanId;
use crate::ui::state::{Dialog, use_app};
use leptos::prelude::*;

/// The plan switcher and the plan-level buttons.
#[component]
pub fn PlanBar() -> impl IntoView {
    let app = use_app();
    let active = move || app.plan.with(|p| p.id.0.clone());
    let options = move || {
        let active = active();
        app.library
            .get()
            .into_iter()
            .map(|m| {
                let selected = m.id.0 == active;
                let label = format!("{}（{} 项）", m.title, m.tasks);
                view! { <option value=m.id.0.clone() selected=selected>{label}</option> }
            })
            .collect::<Vec<_>>()
    };
    let open = move |d: Dialog| move |_| app.open_dialog(d.clone());
    view! {
        <div class="plan-bar no-print" role="toolbar" aria-label="计划">
            <label class="plan-switch">"计划"
                <select id="plan-switch" prop:value=active
                    on:change=move |ev| app.switch_plan(&PlanId(event_target_value(&ev)))>
                    {options}
                </select>
            </label>
            <button type="button" id="new-plan" on:click=open(Dialog::NewPlan)>"新建计划"</button>
            <button type="button" id="manage-plans" on:click=open(Dialog::Library)>"计划管理"</button>
            <button type="button" id="edit-plan" aria-pressed=move || app.editing.get().to_string()
                on:click=move |_| app.editing.update(|e| *e = !*e)>
                {move || if app.editing.get() { "完成编辑" } else { "编辑计划" }}
            </button>
            <button type="button" id="manage-units" on:click=open(Dialog::Units)>"单位管理"</button>
        </div>
    }
}
