//! The 进展填报 panel of a task: deadline, percentage, each unit's part, measures, log.

use super::{Highlight, LazyDetails, Measures, ProgressLog, UnitReport};
use crate::model::{Date, HitPlace, Status, TaskId, TaskState, Typed, progress_hit};
use crate::ui::state::{NoticeKind, use_app};
use crate::ui::words::bad_year;
use leptos::prelude::*;

/// The collapsible report panel; its form is built when it is first opened (or printed).
#[component]
pub fn TaskReport(task: TaskId, state: Memo<Option<TaskState>>) -> impl IntoView {
    let app = use_app();
    let log_count = move || {
        app.progress.with(|p| {
            p.task(task)
                .map_or(0, |t| t.log.values().filter(|e| !e.withdrawn.value).count())
        })
    };
    let deadline = move || {
        state.with(|s| {
            s.as_ref()
                .and_then(|s| s.deadline)
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    };
    let percent = move || {
        state
            .with(|s| s.as_ref().map_or(0, |s| s.percent))
            .to_string()
    };
    let manual = move || state.with(|s| s.as_ref().is_some_and(|s| s.percent_manual));
    let set_deadline = move |ev| {
        let Some(date) = Date::typed_value(&event_target_value(&ev)) else {
            return;
        };
        let _ = app.edit(task, |p, st| {
            p.set_deadline(date, st);
            Ok(())
        });
    };
    // Leaving the field with a year still being typed puts the saved deadline back.
    let check_deadline = move |ev: leptos::ev::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if Date::typed(&input.value()) == Typed::Incomplete {
            input.set_value(&deadline());
            app.notify(NoticeKind::Warning, bad_year());
        }
    };
    let set_percent = move |ev| {
        // The browser's own parser: a number input's value is a valid number or empty (NaN).
        let n = js_sys::Number::parse_float(event_target_value(&ev).trim());
        if !n.is_nan() {
            let n = n.clamp(0.0, 100.0).round() as u8;
            let _ = app.edit(task, |p, st| {
                p.set_percent(Some(n), st);
                Ok(())
            });
        }
    };
    let parts = Memo::new(move |_| app.parts_of(task));
    let parts = move || parts.get();
    // Where the search found this task, when its title and body lack a term: the panel is
    // built only when opened, so the summary quotes the measure or log entry.
    let hit = Memo::new(move |_| {
        let q = app.query.get();
        if q.trim().is_empty() {
            return None;
        }
        app.plan.with(|plan| {
            let t = plan.task(task)?;
            app.progress.with(|p| progress_hit(t, p.task(task), &q))
        })
    });
    let hit_view = move || {
        hit.get().map(|h| {
            let place = match h.place {
                HitPlace::Measure => "工作举措",
                HitPlace::Log => "进展记录",
            };
            view! {
                <span class="search-hit">{format!("搜索词见于{place}：")}<Highlight text=h.excerpt/></span>
            }
        })
    };
    // How many units reported for the reporting month, so a closed panel says so too.
    let reported = move || {
        let month = app.period.get();
        app.progress.with(|p| {
            p.task(task)
                .and_then(|t| t.reports.get(&month))
                .map_or(0, |units| units.values().filter(|r| !r.is_blank()).count())
        })
    };
    let count = move || {
        let mut said = Vec::new();
        if let n @ 1.. = log_count() {
            said.push(format!("{n} 条记录"));
        }
        if let n @ 1.. = reported() {
            said.push(format!(
                "{}已有 {n} 个单位报送",
                app.period.get().to_chinese()
            ));
        }
        if said.is_empty() {
            String::new()
        } else {
            format!("（{}）", said.join("；"))
        }
    };
    let summary = move || {
        view! { "进展填报" <span class="report-count">{count}</span>{hit_view} }
    };
    view! {
        <LazyDetails class="task-report" summary>
            <div class="report-grid">
                <label class="field">"完成时限"
                    <input type="date" class="deadline-input" prop:value=deadline on:change=set_deadline on:blur=check_deadline/>
                </label>
                <label class="field">"完成进度（%）"
                    <input type="number" class="percent-input" min="0" max="100" step="5" prop:value=percent on:change=set_percent/>
                </label>
                <Show when=manual>
                    <button type="button" class="link-btn percent-auto"
                        on:click=move |_| { let _ = app.edit(task, |p, st| { p.set_percent(None, st); Ok(()) }); }>
                        "改为按举措自动计算"
                    </button>
                </Show>
            </div>
            <Show when=move || { parts().len() > 1 }>
                <table class="parts" class:none-reported=move || parts().iter().all(|(_, s)| s.is_none())>
                    <caption>"各责任部门进展"</caption>
                    <tbody>
                        {move || parts().into_iter().map(|(unit, status)| view! { <PartRow task unit status/> }).collect::<Vec<_>>()}
                    </tbody>
                </table>
            </Show>
            <UnitReport task/>
            <Measures task/>
            <ProgressLog task/>
        </LazyDetails>
    }
}

/// One unit's part of a task.
#[component]
fn PartRow(task: TaskId, unit: String, status: Option<Status>) -> impl IntoView {
    let app = use_app();
    let u = unit.clone();
    let mine = move || app.my_unit().is_some_and(|m| m.as_str() == u);
    let u = unit.clone();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let choice = Status::from_key(&value);
        let _ = app.edit(task, |p, st| {
            p.set_part(&u, choice, st);
            Ok(())
        });
    };
    let options = Status::ALL
        .into_iter()
        .map(|s| view! { <option value=s.key() selected=status == Some(s)>{s.label()}</option> })
        .collect::<Vec<_>>();
    view! {
        <tr class="part-row" class:mine=mine class:unreported=status.is_none() data-unit=unit.clone()>
            <th scope="row">{unit.clone()}</th>
            <td>
                <select class="part-select" aria-label=format!("{unit}的进展") on:change=on_change>
                    <option value="" selected=status.is_none()>"未填报"</option>
                    {options}
                </select>
                <span class="print-only">{status.map_or("未填报", Status::label)}</span>
            </td>
        </tr>
    }
}
