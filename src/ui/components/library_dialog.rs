//! 计划管理: the plans kept in this browser: switch, rename, copy for next year, delete (after
//! a second click) and restore; the embedded plan can always come back.

use crate::model::PlanId;
use crate::snapshot::PlanMeta;
use crate::ui::modal::Modal;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The dialog.
#[component]
pub fn LibraryDialog() -> impl IntoView {
    let app = use_app();
    let rows = move || app.library.get();
    let trash = move || {
        app.library.track();
        app.trashed()
    };
    view! {
        <Modal id="library-dialog" title=Signal::derive(|| "计划管理".to_string())>
            <p class="dialog-hint">"以下计划保存在本浏览器中，各计划的进展分别保存。"</p>
            <ul class="library-list">
                <For each=rows key=|m| (m.id.clone(), m.title.clone(), m.tasks) let:meta>
                    <PlanRow meta/>
                </For>
            </ul>
            <p class="library-tools">
                <button type="button" id="restore-default" on:click=move |_| app.restore_default()>"恢复内置计划"</button>
                <span class="hint">"（2023年天心区司法行政工作要点，原文恢复，进展保留）"</span>
            </p>
            {move || {
                let items = trash();
                (!items.is_empty()).then(|| view! {
                    <h3 class="trash-title">"已删除的计划"</h3>
                    <ul class="trash-list">
                        {items.into_iter().map(|t| {
                            let id = t.id.clone();
                            view! {
                                <li class="trashed-plan" data-plan=t.id.0.clone()>
                                    <span class="plan-title">{t.title.clone()}</span>
                                    <button type="button" class="restore-plan" on:click=move |_| app.undo_delete(&id)>"恢复"</button>
                                </li>
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                })
            }}
        </Modal>
    }
}

/// One plan of the library with its actions.
#[component]
fn PlanRow(meta: PlanMeta) -> impl IntoView {
    let app = use_app();
    let id = meta.id.clone();
    let active = {
        let id = id.clone();
        move || app.plan.with(|p| p.id == id)
    };
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_title = RwSignal::new(meta.title.clone());
    let act = move |f: fn(&crate::ui::state::AppState, &PlanId), id: PlanId| move |_| f(&app, &id);
    // A form: Enter in the box saves, as 保存 does.
    let save_title = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            app.rename_plan(&id, &new_title.get_untracked());
            renaming.set(false);
        }
    };
    let (switch_id, copy_id, delete_id) = (id.clone(), id.clone(), id.clone());
    view! {
        <li class="library-plan" class:active=active.clone() data-plan=id.0.clone()>
            <span class="plan-title">{meta.title.clone()}</span>
            <span class="plan-tasks">{format!("{} 项任务", meta.tasks)}</span>
            <Show when=active.clone()>
                <span class="plan-current">"（当前）"</span>
            </Show>
            <span class="plan-actions">
                <button type="button" class="switch-plan" on:click=act(|a, id| a.switch_plan(id), switch_id)>"切换"</button>
                <button type="button" class="rename-plan" on:click=move |_| renaming.update(|r| *r = !*r)>"重命名"</button>
                <button type="button" class="copy-plan" on:click=act(|a, id| a.copy_for_next_year(id), copy_id)>"复制为新年度计划"</button>
                <button type="button" class="delete-plan" on:click=move |_| confirming.set(true)>"删除"</button>
            </span>
            <Show when=move || renaming.get()>
                <form class="rename-form" on:submit=save_title.clone()>
                    <input type="text" class="rename-input" aria-label="新名称" prop:value=move || new_title.get()
                        on:input=move |ev| new_title.set(event_target_value(&ev))/>
                    <button type="submit" class="rename-save">"保存"</button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <span class="confirm-form" role="alert">
                    "删除后可在提示中撤销，或在“已删除的计划”中恢复。"
                    <button type="button" class="confirm-delete danger" on:click={
                        let id = delete_id.clone();
                        move |_| app.delete_plan(&id)
                    }>"确认删除"</button>
                    <button type="button" class="cancel-delete" on:click=move |_| confirming.set(false)>"取消"</button>
                </span>
            </Show>
        </li>
    }
}
