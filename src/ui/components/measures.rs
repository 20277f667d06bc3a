//! The checklist of measures (举措): check, reword, remove, add.

use super::Highlight;
use crate::model::{MeasureChange, MeasureView, TaskId};
use crate::ui::state::{NoticeKind, use_app};
use crate::ui::words;
use leptos::prelude::*;

/// The measures of a task.
#[component]
pub fn Measures(task: TaskId) -> impl IntoView {
    let app = use_app();
    let items = Memo::new(move |_| app.measures_of(task));
    let new_text = RwSignal::new(String::new());
    let add = move || {
        let text = new_text.get_untracked();
        let id = app.new_item_id();
        match app.edit(task, |p, st| p.add_measure(id, &text, st)) {
            Ok(()) => new_text.set(String::new()),
            Err(e) => app.notify(NoticeKind::Warning, words::progress_error(&e)),
        }
    };
    view! {
        <div class="measures" class:empty=move || items.with(Vec::is_empty)>
            <h4>"工作举措"</h4>
            <ul class="measure-list">
                <For each=move || items.get() key=|m| (m.id.clone(), m.text.clone(), m.done) let:m>
                    <MeasureItem task m/>
                </For>
            </ul>
            <div class="measure-add">
                <input type="text" class="measure-new" placeholder="新增一项举措，回车添加" aria-label="新增举措"
                    prop:value=move || new_text.get() on:input=move |ev| new_text.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
                <button type="button" class="measure-add-btn" on:click=move |_| add()>"添加"</button>
            </div>
        </div>
    }
}

/// One measure: checkbox, wording, edit and remove.
#[component]
fn MeasureItem(task: TaskId, m: MeasureView) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(m.text.clone());
    let change = {
        let (id, seed) = (m.id.clone(), m.seed.clone());
        move |c: MeasureChange| {
            if let Err(e) = app.edit(task, |p, st| p.update_measure(&id, seed.as_deref(), c, st)) {
                app.notify(NoticeKind::Warning, words::progress_error(&e));
            }
        }
    };
    let (c1, c2, c3) = (change.clone(), change.clone(), change);
    let save = move || {
        c2(MeasureChange::Text(draft.get_untracked()));
        editing.set(false);
    };
    let save2 = save.clone();
    let text = m.text.clone();
    view! {
        <li class="measure" class:done=m.done data-measure=m.id.0.clone()>
            <label class="measure-check">
                <input type="checkbox" prop:checked=m.done on:change=move |ev| c1(MeasureChange::Done(event_target_checked(&ev)))/>
                <span class="print-only measure-mark" aria-hidden="true">{if m.done { "☑ " } else { "☐ " }}</span>
                <Show when=move || !editing.get() fallback=move || {
                    let save = save.clone();
                    view! {
                        <input type="text" class="measure-edit" prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev| match ev.key().as_str() {
                                "Enter" => { ev.prevent_default(); save(); }
                                "Escape" => editing.set(false),
                                _ => {}
                            }/>
                    }
                }>
                    <span class="measure-text"><Highlight text=Signal::stored(text.clone())/></span>
                </Show>
            </label>
            <span class="measure-actions no-print">
                <Show when=move || editing.get() fallback=move || view! {
                    <button type="button" class="link-btn" on:click=move |_| editing.set(true)>"修改"</button>
                }>
                    {let save2 = save2.clone(); view! { <button type="button" class="link-btn" on:click=move |_| save2()>"保存"</button> }}
                </Show>
                <button type="button" class="link-btn danger" on:click=move |_| c3(MeasureChange::Removed(true))>"删除"</button>
            </span>
        </li>
    }
}
