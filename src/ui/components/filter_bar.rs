//! Search box and facets (section, unit, status, overdue, updated since), each with its count.

use crate::model::{Date, Role, Status, UnitId, chinese_numeral};
use crate::ui::state::{NoticeKind, PAGE_SIZE, use_app};
use leptos::prelude::*;

/// The filter bar.
#[component]
pub fn FilterBar(#[prop(into)] shown: Signal<usize>) -> impl IntoView {
    let app = use_app();
    let counts = app.counts;
    let total = move || app.plan.with(|p| p.tasks.len());
    let update = move |f: &dyn Fn(&mut crate::model::Filter)| {
        app.limit.set(PAGE_SIZE);
        app.filter.update(|x| f(x));
    };
    let chip = move |label: String,
                     count: Signal<usize>,
                     pressed: Signal<bool>,
                     value: String,
                     toggle: Callback<()>| {
        view! {
            <button type="button" class="facet-chip" data-value=value aria-pressed=move || pressed.get().to_string()
                class:empty=move || count.get() == 0 && !pressed.get() on:click=move |_| toggle.run(())>
                {label}<span class="facet-count">{move || count.get()}</span>
            </button>
        }
    };
    let sections = move || {
        app.plan.with(|p| {
            p.sections
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    // Numbered by place, as the headings are: reordering keeps 一、二、三.
                    let (id, numeral) = (s.id, chinese_numeral(i + 1));
                    let title = format!("{numeral}、{}", s.title);
                    let c = chip(
                        numeral,
                        Signal::derive(move || counts.with(|c| c.section(id))),
                        Signal::derive(move || app.filter.with(|f| f.sections.contains(&id))),
                        id.0.to_string(),
                        Callback::new(move |_| update(&|f| toggle(&mut f.sections, id))),
                    );
                    view! { <span title=title>{c}</span> }
                })
                .collect::<Vec<_>>()
        })
    };
    // The chips change with the plan's units (another plan, a unit renamed), not with the counts.
    let unit_names = Memo::new(move |_| {
        counts.with(|c| c.units.iter().map(|(u, _)| u.clone()).collect::<Vec<_>>())
    });
    let units = move || {
        unit_names
            .get()
            .into_iter()
            .map(|u| {
                let (a, b, c) = (u.clone(), u.clone(), u.clone());
                chip(
                    u.clone(),
                    Signal::derive(move || counts.with(|c| c.unit(&a))),
                    Signal::derive(move || app.filter.with(|f| f.units.contains(&b))),
                    u,
                    Callback::new(move |_| update(&|f| toggle(&mut f.units, c.clone()))),
                )
            })
            .collect::<Vec<_>>()
    };
    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            chip(
                s.label().to_string(),
                Signal::derive(move || counts.with(|c| c.status(s))),
                Signal::derive(move || app.filter.with(|f| f.statuses.contains(&s))),
                s.key().to_string(),
                Callback::new(move |_| update(&|f| toggle(&mut f.statuses, s))),
            )
        })
        .collect::<Vec<_>>();
    let overdue = chip(
        "逾期".to_string(),
        Signal::derive(move || counts.with(|c| c.overdue)),
        Signal::derive(move || app.filter.with(|f| f.overdue)),
        "overdue".to_string(),
        Callback::new(move |_| update(&|f| f.overdue = !f.overdue)),
    );
    let my_unit = move || app.my_unit();
    let mine_pressed = move || {
        my_unit().is_some_and(|u| {
            app.filter
                .with(|f| f.units.len() == 1 && f.units.contains(u.as_str()))
        })
    };
    let toggle_mine = move |_| match my_unit() {
        None => app.notify(
            NoticeKind::Warning,
            "请先在工具栏中选择“本部门”，再查看我的任务。".into(),
        ),
        Some(UnitId(u)) => {
            let on = mine_pressed();
            update(&|f| {
                f.units.clear();
                f.role = None;
                if !on {
                    f.units.insert(u.clone());
                }
            });
        }
    };
    let role_button = move |id: &'static str, label: &'static str, role: Role| {
        let pressed = move || app.filter.with(|f| f.role == Some(role));
        view! {
            <button type="button" id=id class="role-chip" aria-pressed=move || pressed().to_string()
                on:click=move |_| { let on = pressed(); update(&|f| f.role = (!on).then_some(role)); }>{label}</button>
        }
    };
    view! {
        <div class="filter-bar no-print" role="search">
            <div class="filter-row">
                <input type="search" id="search" placeholder="搜索任务、举措、进展记录（空格分隔多个词）" aria-label="搜索"
                    prop:value=move || app.filter.with(|f| f.query.clone())
                    on:input=move |ev| { let q = event_target_value(&ev); update(&|f| f.query = q.clone()); }/>
                <button type="button" id="my-tasks" aria-pressed=move || mine_pressed().to_string() on:click=toggle_mine>"我的任务"</button>
                <Show when=mine_pressed>
                    <span class="role-narrow" role="group" aria-label="按角色">
                        {role_button("my-role-lead", "牵头", Role::Lead)}
                        {role_button("my-role-coop", "配合", Role::Cooperating)}
                    </span>
                </Show>
                <button type="button" id="clear-filters" disabled=move || app.filter.with(|f| f.is_empty())
                    on:click=move |_| update(&|f| f.clear())>"清除全部筛选"</button>
                <span class="result-count">{move || format!("显示 {} / {} 项", shown.get(), total())}</span>
            </div>
            <div class="facet" data-facet="section"><span class="facet-label">"部分"</span>{sections}</div>
            <div class="facet" data-facet="unit"><span class="facet-label">"责任部门"</span>{units}</div>
            <div class="facet" data-facet="status"><span class="facet-label">"状态"</span>{statuses}{overdue}
                <label class="since">"有更新自"
                    <input type="date" id="since" prop:value=move || app.filter.with(|f| f.updated_since.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let Some(d) = Date::typed_value(&event_target_value(&ev)) else { return };
                            update(&|f| f.updated_since = d);
                        }/>
                </label>
            </div>
        </div>
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}
