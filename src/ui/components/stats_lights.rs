//! Per-section figures and the traffic lights (红黄绿灯): the rules' settings, the count of
//! each light, and the red and yellow tasks listed.

use crate::model::{Date, Light, lights, section_stats};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Per section: counts and % done.
#[component]
pub fn StatsSections() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        let ids = app.counted();
        app.plan
            .with(|p| app.states.with(|s| section_stats(p, s, &ids)))
    };
    view! {
        <section class="stats-part" id="stats-sections">
            <h3>"二、各部分完成情况"</h3>
            <table class="stats-table" id="sections-table">
                <thead><tr><th>"部分"</th><th>"任务数"</th><th>"已完成"</th><th>"推进中"</th><th>"滞后"</th><th>"未启动"</th><th>"逾期"</th><th>"完成率"</th></tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|r| {
                        use crate::model::Status::*;
                        let c = &r.counts;
                        view! {
                            <tr data-section=r.section.0>
                                <th scope="row">{r.heading.clone()}</th>
                                <td>{c.total}</td><td>{c.status(Done)}</td><td>{c.status(InProgress)}</td>
                                <td>{c.status(Lagging)}</td><td>{c.status(NotStarted)}</td><td>{c.overdue}</td>
                                <td class="percent-done">{format!("{}%", r.percent_done)}</td>
                            </tr>
                        }
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        </section>
    }
}

/// The lights: settings, counts, and the red and yellow tasks.
#[component]
pub fn StatsLights() -> impl IntoView {
    let app = use_app();
    let lit = Memo::new(move |_| {
        let (ids, rules, today) = (app.counted(), app.light_rules(), app.today.get());
        app.plan
            .with(|p| app.states.with(|s| lights(p, s, &ids, &rules, today)))
    });
    let n = move |l: Light| lit.with(|v| v.iter().filter(|(_, x)| *x == l).count());
    let start = move || {
        let rules = app.light_rules();
        app.plan
            .with(|p| rules.start_for(p))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let set_start = move |ev| {
        let Some(date) = Date::typed_value(&event_target_value(&ev)) else {
            return;
        };
        let id = app.plan.with_untracked(|p| p.id.0.clone());
        app.settings.update(|s| match date {
            Some(d) => {
                s.pace_start.insert(id, d);
            }
            None => {
                s.pace_start.remove(&id);
            }
        });
    };
    let listed = move || {
        lit.with(|v| {
            v.iter()
                .filter(|(_, l)| matches!(l, Light::Red | Light::Yellow))
                .map(|(id, l)| {
                    let (id, l) = (*id, *l);
                    let (number, title, leads) = app.plan.with(|p| {
                        let t = p.task(id);
                        (
                            p.task_number(id).unwrap_or(0),
                            t.map(|t| t.title.clone()).unwrap_or_default(),
                            t.map(|t| t.units.iter().filter(|a| a.role == crate::model::Role::Lead).map(|a| a.name.clone()).collect::<Vec<_>>().join("、")).unwrap_or_default(),
                        )
                    });
                    let (deadline, percent) = app.states.with(|c| {
                        c.get(id).map(|s| (s.deadline.map(|d| d.to_string()).unwrap_or_default(), s.percent)).unwrap_or_default()
                    });
                    view! {
                        <tr class=format!("light-row light-{}", l.key()) data-task=id.0>
                            <td><span class=format!("light light-{}", l.key())>{l.label()}</span></td>
                            <td>{number}</td><td>{title}</td><td>{leads}</td><td>{deadline}</td><td>{format!("{percent}%")}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="stats-part" id="stats-lights">
            <h3>"三、红黄绿灯"</h3>
            <p class="light-rules no-print">
                <label>"截止前 "<input type="number" id="warn-days" min="0" max="365" prop:value=move || app.settings.with(|s| s.warn_days.to_string())
                    on:change=move |ev| { if let Ok(d) = event_target_value(&ev).trim().parse::<u32>() { app.settings.update(|s| s.warn_days = d.min(365)); } }/>" 天内亮黄灯；"</label>
                <label>"序时进度自 "<input type="date" id="pace-start" prop:value=start on:change=set_start/>" 起算"</label>
            </p>
            <p class="light-counts">
                {[Light::Red, Light::Yellow, Light::Green, Light::None].into_iter().map(|l| view! {
                    <span class="light-count" data-light=l.key()>
                        <span class=format!("light light-{}", l.key())>{l.label()}</span>" "{move || n(l)}" 项"
                    </span>
                }).collect::<Vec<_>>()}
            </p>
            <p class="stats-note">"红灯：已逾期；黄灯：截止日期临近，或实际进度落后于序时进度；绿灯：已完成或按进度推进；无时限：未定完成时限。"</p>
            <table class="stats-table" id="lights-table">
                <thead><tr><th>"灯"</th><th>"序号"</th><th>"任务"</th><th>"牵头单位"</th><th>"完成时限"</th><th>"进度"</th></tr></thead>
                <tbody>{move || {
                    let rows = listed();
                    if rows.is_empty() {
                        view! { <tr><td colspan="6">"没有亮红灯、黄灯的任务。"</td></tr> }.into_any()
                    } else {
                        rows.into_any()
                    }
                }}</tbody>
            </table>
        </section>
    }
}
