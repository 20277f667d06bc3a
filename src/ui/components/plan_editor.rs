//! 编辑计划: sections and tasks in order, each with rename, move and delete; tasks open the
//! task dialog. Every edit can be undone (Ctrl+Z) and is saved at once.

use crate::model::{PlanEdit, SectionId, TaskId, chinese_numeral};
use crate::ui::state::{AppState, Dialog, NoticeKind, TaskTarget, use_app};
use crate::ui::words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn apply(app: AppState, edit: PlanEdit) {
    if let Err(e) = app.edit_plan(edit) {
        app.notify(NoticeKind::Warning, words::edit_error(&e));
    }
}

/// The plan editor.
#[component]
pub fn PlanEditor() -> impl IntoView {
    let app = use_app();
    let sections = move || {
        app.plan
            .with(|p| p.sections.iter().map(|s| s.id).collect::<Vec<_>>())
    };
    // Memos: a box is written only when its own stored text changes, so text being typed
    // survives another tab's edit of the plan (which reloads it).
    let title = Memo::new(move |_| app.plan.with(|p| p.title.clone()));
    view! {
        <section id="plan-editor" class="plan-editor no-print" aria-label="编辑计划">
            <p class="dialog-hint">"在这里增删、改名和调整部分与任务的顺序。任务的进展始终跟随任务本身，调整顺序不会影响进展。可用 Ctrl+Z 撤销。"</p>
            <label class="edit-plan-title">"计划名称"
                <input type="text" id="plan-title-input" prop:value=title
                    on:change=move |ev| apply(app, PlanEdit::RenamePlan(event_target_value(&ev)))/>
            </label>
            <For each=sections key=|id| *id let:id>
                <EditSection id/>
            </For>
            <button type="button" id="add-section" on:click=move |_| {
                apply(app, PlanEdit::AddSection { after: None, title: "新的部分".into() });
                request_animation_frame(name_new_section);
            }>"添加部分"</button>
        </section>
    }
}

/// Puts the focus in the title of the section just added (the last), its text selected, so
/// that typing names it.
fn name_new_section() {
    let titles = document().query_selector_all("#plan-editor .edit-section input.section-title");
    let last = titles
        .ok()
        .and_then(|l| l.item(l.length().checked_sub(1)?))
        .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = last {
        let _ = input.focus();
        input.select();
    }
}

#[component]
fn EditSection(id: SectionId) -> impl IntoView {
    let app = use_app();
    let number = move || {
        app.plan
            .with(|p| chinese_numeral(p.section_number(id).unwrap_or(0)))
    };
    let title = Memo::new(move |_| {
        app.plan
            .with(|p| p.section(id).map(|s| s.title.clone()).unwrap_or_default())
    });
    let tasks = move || {
        app.plan
            .with(|p| p.tasks_in(id).map(|t| t.id).collect::<Vec<_>>())
    };
    let confirming = RwSignal::new(false);
    let count = move || app.plan.with(|p| p.tasks_in(id).count());
    // First and last: their ↑ and ↓ have nowhere to go.
    let ends = Memo::new(move |_| {
        app.plan.with(|p| {
            let at = p.sections.iter().position(|s| s.id == id);
            (at == Some(0), at.is_some_and(|i| i + 1 == p.sections.len()))
        })
    });
    view! {
        <div class="edit-section" data-section=id.0.to_string()>
            <div class="edit-section-head">
                <span class="edit-numeral">{number}"、"</span>
                <input type="text" class="section-title" aria-label="部分标题" prop:value=title
                    on:change=move |ev| apply(app, PlanEdit::RenameSection(id, event_target_value(&ev)))/>
                <button type="button" class="section-up" title="上移" aria-label="上移此部分" disabled=move || ends.get().0 on:click=move |_| apply(app, PlanEdit::MoveSection(id, -1))>"↑"</button>
                <button type="button" class="section-down" title="下移" aria-label="下移此部分" disabled=move || ends.get().1 on:click=move |_| apply(app, PlanEdit::MoveSection(id, 1))>"↓"</button>
                <button type="button" class="section-delete" on:click=move |_| confirming.set(true)>"删除部分"</button>
            </div>
            <Show when=move || confirming.get()>
                <p class="confirm-form" role="alert">
                    {move || format!("删除此部分及其中的 {} 项任务？（可用 Ctrl+Z 撤销）", count())}
                    <button type="button" class="confirm-delete danger" on:click=move |_| { confirming.set(false); apply(app, PlanEdit::DeleteSection(id)); }>"确认删除"</button>
                    <button type="button" class="cancel-delete" on:click=move |_| confirming.set(false)>"取消"</button>
                </p>
            </Show>
            <ol class="edit-tasks">
                <For each=tasks key=|t| *t let:task>
                    <EditTask id=task/>
                </For>
            </ol>
            <button type="button" class="add-task" on:click=move |_| add_task(app, id)>"添加任务"</button>
        </div>
    }
}

fn add_task(app: AppState, section: SectionId) {
    app.open_dialog(Dialog::Task(TaskTarget::Add(section)));
}

#[component]
fn EditTask(id: TaskId) -> impl IntoView {
    let app = use_app();
    let number = move || app.plan.with(|p| p.task_number(id).unwrap_or(0));
    let title = move || {
        app.plan
            .with(|p| p.task(id).map(|t| t.title.clone()).unwrap_or_default())
    };
    // First and last in its section: tasks move within their section.
    let ends = Memo::new(move |_| {
        app.plan.with(|p| {
            let peers: Vec<TaskId> = p
                .task(id)
                .map(|t| p.tasks_in(t.section).map(|t| t.id).collect())
                .unwrap_or_default();
            (peers.first() == Some(&id), peers.last() == Some(&id))
        })
    });
    // The buttons name their task for screen readers: 编辑任务 3“…”.
    let named = move |what: &str| format!("{what}任务 {}“{}”", number(), title());
    let units = move || {
        app.plan.with(|p| {
            p.task(id)
                .map(|t| {
                    t.units_lead_first()
                        .iter()
                        .map(|a| match a.role {
                            crate::model::Role::Lead => format!("{}（牵头）", a.name),
                            _ => a.name.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("、")
                })
                .unwrap_or_default()
        })
    };
    view! {
        <li class="edit-task" data-task=id.0.to_string()>
            <span class="task-no">{number}"."</span>
            <span class="edit-task-title">{title}</span>
            <span class="edit-task-units">{units}</span>
            <span class="edit-task-actions">
                <button type="button" class="task-edit" aria-label=move || named("编辑") on:click=move |_| app.open_dialog(Dialog::Task(TaskTarget::Edit(id)))>"编辑"</button>
                <button type="button" class="task-up" title="上移" aria-label=move || named("上移") disabled=move || ends.get().0 on:click=move |_| apply(app, PlanEdit::MoveTask(id, -1))>"↑"</button>
                <button type="button" class="task-down" title="下移" aria-label=move || named("下移") disabled=move || ends.get().1 on:click=move |_| apply(app, PlanEdit::MoveTask(id, 1))>"↓"</button>
                <button type="button" class="task-delete" aria-label=move || named("删除") on:click=move |_| apply(app, PlanEdit::DeleteTask(id))>"删除"</button>
            </span>
        </li>
    }
}
