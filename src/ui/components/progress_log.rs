//! The dated progress log (进展记录): append, and correct one's own entries (earlier wording kept).

use super::{Highlight, LazyDetails};
use crate::model::{Date, ItemId, LogEntry, TaskId, Typed, visible_log};
use crate::ui::state::{NoticeKind, use_app};
use crate::ui::words;
use leptos::prelude::*;

/// The log of a task with its entry form.
#[component]
pub fn ProgressLog(task: TaskId) -> impl IntoView {
    let app = use_app();
    let entries = move || app.progress.with(|p| visible_log(p.task(task)));
    let date = RwSignal::new(app.today.get_untracked().to_string());
    let text = RwSignal::new(String::new());
    let has_unit = move || app.my_unit().is_some();
    let add = move || {
        let Typed::Date(d) = Date::typed(&date.get_untracked()) else {
            app.notify(NoticeKind::Warning, "请填写有效的日期。".into());
            return;
        };
        let id = app.new_item_id();
        match app.edit(task, |p, st| p.add_log(id, d, &text.get_untracked(), st)) {
            Ok(()) => text.set(String::new()),
            Err(e) => app.notify(NoticeKind::Warning, words::progress_error(&e)),
        }
    };
    view! {
        <div class="progress-log" class:empty=move || entries().is_empty()>
            <h4>"进展记录"</h4>
            <ol class="log-list">
                <For each=entries key=|(id, e)| (id.clone(), e.revisions.len()) let:item>
                    <LogItem task id=item.0 entry=item.1/>
                </For>
            </ol>
            <Show when=has_unit fallback=|| view! { <p class="hint">"请先在页面上方选择“本部门”，再填写进展记录。"</p> }>
                <div class="log-add">
                    <input type="date" class="log-date" aria-label="记录日期" prop:value=move || date.get()
                        on:change=move |ev| date.set(event_target_value(&ev))/>
                    <textarea class="log-text" rows="2" placeholder="本次进展（Ctrl+Enter 提交）" aria-label="进展内容"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" && ev.ctrl_key() { ev.prevent_default(); add(); }></textarea>
                    <button type="button" class="log-add-btn" on:click=move |_| add()>"添加记录"</button>
                </div>
            </Show>
        </div>
    }
}

/// One log entry; its author may correct it.
#[component]
fn LogItem(task: TaskId, id: ItemId, entry: LogEntry) -> impl IntoView {
    let app = use_app();
    let author = entry.created.by.clone();
    // Written by 本部门, under its name now or one it had before a rename.
    let mine = move || match (app.my_unit(), &author) {
        (Some(me), Some(by)) => app.plan.with(|p| p.units.is_or_was(&me, by.as_str())),
        _ => false,
    };
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(entry.text().to_string());
    let earlier: Vec<String> = entry
        .revisions
        .iter()
        .rev()
        .skip(1)
        .map(|r| r.value.clone())
        .collect();
    let unit = entry
        .created
        .by
        .as_ref()
        .map_or_else(|| "（未注明部门）".to_string(), |u| u.to_string());
    let save = move || {
        let id = id.clone();
        match app.edit(task, |p, st| p.correct_log(&id, &draft.get_untracked(), st)) {
            Ok(()) => editing.set(false),
            Err(e) => app.notify(NoticeKind::Warning, words::progress_error(&e)),
        }
    };
    view! {
        <li class="log-entry">
            <span class="log-meta"><time>{entry.date.to_string()}</time>" · "{unit}</span>
            <Show when=move || editing.get() fallback={
                let text = entry.text().to_string();
                move || view! { <span class="log-body"><Highlight text=Signal::stored(text.clone())/></span> }
            }>
                <textarea class="log-edit" rows="2" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                {let save = save.clone(); view! { <button type="button" class="link-btn" on:click=move |_| save()>"保存更正"</button> }}
            </Show>
            <Show when=move || mine() && !editing.get()>
                <button type="button" class="link-btn no-print" on:click=move |_| editing.set(true)>"更正"</button>
            </Show>
            {(!earlier.is_empty()).then(|| {
                let summary = format!("已更正 {} 次，查看原文", earlier.len());
                view! {
                    <LazyDetails class="log-history" summary=move || summary>
                        <ul>{earlier.iter().map(|t| view! { <li class="log-earlier">{t.clone()}</li> }).collect::<Vec<_>>()}</ul>
                    </LazyDetails>
                }
            })}
        </li>
    }
}
