//! One-click status buttons for a task (keys 1–4 on a focused task do the same).

use crate::model::{Status, TaskId};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A button's tooltip: its status and its shortcut key (the position in [`Status::ALL`] + 1).
/// Static text, so a card's buttons are built without formatting.
fn title(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "设为“未启动”（快捷键 1）",
        Status::InProgress => "设为“推进中”（快捷键 2）",
        Status::Done => "设为“已完成”（快捷键 3）",
        Status::Lagging => "设为“滞后”（快捷键 4）",
    }
}

/// The four status buttons, and 自动 to go back to the derived status.
#[component]
pub fn StatusPicker(task: TaskId, #[prop(into)] current: Signal<(Status, bool)>) -> impl IntoView {
    let app = use_app();
    let buttons = Status::ALL
        .into_iter()
        .map(|s| {
            let pressed = move || if current.get().0 == s { "true" } else { "false" };
            view! {
                <button type="button" class="status-btn" data-status=s.key()
                    aria-pressed=pressed title=title(s)
                    on:click=move |_| { let _ = app.edit(task, |p, st| { p.set_status(Some(s), st); Ok(()) }); }>
                    {s.label()}
                </button>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <span class="status-picker" role="group" aria-label="状态">
            {buttons}
            {move || current.get().1.then(|| view! {
                <button type="button" class="status-btn status-auto" title="按各部门进展和举措自动判断（快捷键 0）"
                    on:click=move |_| { let _ = app.edit(task, |p, st| { p.set_status(None, st); Ok(()) }); }>
                    "自动"
                </button>
            })}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_status_and_its_shortcut() {
        for (i, s) in Status::ALL.into_iter().enumerate() {
            assert_eq!(title(s), format!("设为“{}”（快捷键 {}）", s.label(), i + 1));
        }
    }
}
