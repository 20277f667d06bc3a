//! One-click status buttons for a task (keys 1–4 on a focused task do the same).

use crate::model::{Status, TaskId};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The four status buttons, and 自动 to go back to the derived status.
#[component]
pub fn StatusPicker(task: TaskId, #[prop(into)] current: Signal<(Status, bool)>) -> impl IntoView {
    let app = use_app();
    let buttons = Status::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let pressed = move || (current.get().0 == s).to_string();
            let title = format!("设为“{}”（快捷键 {}）", s.label(), i + 1);
            view! {
                <button type="button" class=format!("status-btn status-{}", s.key()) data-status=s.key()
                    aria-pressed=pressed title=title
                    on:click=move |_| { let _ = app.edit(task, |p, st| { p.set_status(Some(s), st); Ok(()) }); }>
                    {s.label()}
                </button>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <span class="status-picker" role="group" aria-label="状态">
            {buttons}
            <Show when=move || current.get().1>
                <button type="button" class="status-btn status-auto" title="按各部门进展和举措自动判断（快捷键 0）"
                    on:click=move |_| { let _ = app.edit(task, |p, st| { p.set_status(None, st); Ok(()) }); }>
                    "自动"
                </button>
            </Show>
        </span>
    }
}
