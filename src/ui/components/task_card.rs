//! One task: number, title, status and progress, collapsible body, units, and the report panel.

use super::{Highlight, LazyDetails, ProgressBar, StatusPicker, TaskReport, UnitChips};
use crate::model::{Status, TaskId, TaskState};
use crate::ui::app::in_text_field;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A task card. Focus it and press 1–4 to set the status, 0 to go back to automatic;
/// ↓/j and ↑/k move to the next and previous task.
#[component]
pub fn TaskCard(id: TaskId) -> impl IntoView {
    let app = use_app();
    let state: Memo<Option<TaskState>> =
        Memo::new(move |_| app.states.with(|c| c.get(id).cloned()));
    let text = move |f: fn(&crate::model::Task) -> String| {
        move || app.plan.with(|p| p.task(id).map(f).unwrap_or_default())
    };
    let status = Signal::derive(move || {
        state.with(|s| {
            s.as_ref().map_or((Status::NotStarted, false), |s| {
                (s.status, s.status_explicit)
            })
        })
    });
    let key = move || status.get().0.key();
    let overdue = move || state.with(|s| s.as_ref().is_some_and(|s| s.overdue));
    let percent = Signal::derive(move || state.with(|s| s.as_ref().map_or(0, |s| s.percent)));
    let deadline = move || {
        state.with(|s| {
            s.as_ref()
                .and_then(|s| s.deadline)
                .map(|d| format!("完成时限 {}", d.to_chinese()))
        })
    };
    // Open the body while the search matches inside it, so the highlight is visible.
    let body_hit = move || {
        let q = app.query.get();
        !q.trim().is_empty()
            && app.plan.with(|p| {
                p.task(id)
                    .is_some_and(|t| !crate::model::find_matches(&t.body, &q).is_empty())
            })
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
        if in_text_field(&e) || e.ctrl_key() || e.alt_key() || e.meta_key() {
            return;
        }
        let step = match e.key().as_str() {
            "ArrowDown" | "j" => Some(1),
            "ArrowUp" | "k" => Some(-1),
            _ => None,
        };
        if let Some(step) = step
            && on_card_itself(&e)
        {
            e.prevent_default();
            focus_neighbour(id, step);
            return;
        }
        let choice = match e.key().as_str() {
            "0" => Some(None),
            k => k
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| Status::ALL.get(i))
                .map(|s| Some(*s)),
        };
        if let Some(choice) = choice {
            e.prevent_default();
            let _ = app.edit(id, |p, st| {
                p.set_status(choice, st);
                Ok(())
            });
        }
    };
    let number = move || app.plan.with(|p| p.task_number(id).unwrap_or(0));
    // The light's span is rebuilt only when the light itself changes.
    let light = Memo::new(move |_| app.light_of(id));
    view! {
        <article class="task" data-task=id.0.to_string() id=format!("task-{}", id.0) tabindex="0"
            data-status=key class:overdue=overdue on:keydown=on_key
            aria-label=move || format!("任务 {}：{}", number(), text(|t| t.title.clone())())>
            {move || app.plan.with(|p| p.task(id).and_then(|t| t.heading.clone())).map(|h| view! { <p class="task-heading">{h}</p> })}
            <header class="task-head">
                <span class="task-no">{number}"."</span>
                <h3 class="task-title"><Highlight text=Signal::derive(text(|t| t.title.clone()))/></h3>
                <span class=move || format!("status-badge status-{}", key())>{move || status.get().0.label()}</span>
                {move || overdue().then(|| view! { <span class="overdue-badge">"逾期"</span> })}
                {move || {
                    let l = light.get();
                    view! { <span class=format!("light light-{}", l.key()) data-light=l.key() title=format!("{}（见“统计”中的红黄绿灯规则）", l.label())>{l.label()}</span> }
                }}
            </header>
            <div class="task-progress-row">
                <ProgressBar percent/>
                <StatusPicker task=id current=status/>
                <span class="task-deadline">{deadline}</span>
            </div>
            <LazyDetails class="task-details" summary=|| "工作内容" open=Signal::derive(body_hit)>
                <p class="task-body"><Highlight text=Signal::derive(text(|t| t.body.clone()))/></p>
            </LazyDetails>
            <UnitChips task=id/>
            <TaskReport task=id state/>
        </article>
    }
}

/// Whether a key event was aimed at the card itself rather than a control inside it.
fn on_card_itself(e: &web_sys::KeyboardEvent) -> bool {
    e.target().is_some_and(|t| Some(t) == e.current_target())
}

/// Focuses the rendered task `step` places after (or before) task `id`.
fn focus_neighbour(id: TaskId, step: isize) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(cards) = doc.query_selector_all("article.task") else {
        return;
    };
    let cards: Vec<web_sys::HtmlElement> = (0..cards.length())
        .filter_map(|i| cards.item(i)?.dyn_into().ok())
        .collect();
    let me = id.0.to_string();
    let Some(pos) = cards
        .iter()
        .position(|c| c.get_attribute("data-task").as_deref() == Some(me.as_str()))
    else {
        return;
    };
    if let Some(next) = pos.checked_add_signed(step).and_then(|p| cards.get(p)) {
        let _ = next.focus();
        next.scroll_into_view_with_bool(false);
    }
}
