//! 新建计划: paste or open a plan's text, see what will be created, then create it. Nothing is
//! stored before 创建计划; the text stays for the next opening until a plan is created.

use crate::model::order;
use crate::model::{Plan, Progress, Role, chinese_numeral};
use crate::parse::{ParsedPlan, parse_plan};
use crate::ui::chips::unit_chip;
use crate::ui::modal::Modal;
use crate::ui::read_file::read_text;
use crate::ui::state::{NoticeKind, use_app};
use crate::ui::words;
use leptos::prelude::*;

/// The dialog.
#[component]
pub fn NewPlanDialog() -> impl IntoView {
    let app = use_app();
    let text = app.new_plan_text;
    let parsed = Memo::new(move |_| {
        text.with(|t| {
            (!t.trim().is_empty()).then(|| parse_plan(t).map_err(|e| words::parse_error(&e)))
        })
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            let name = file.name();
            read_text(&file, move |t| match t {
                Some(t) => text.set(t),
                None => app.notify(NoticeKind::Warning, format!("无法读取文件“{name}”。")),
            });
        }
        input.set_value("");
    };
    let create = move |_| {
        let plan = parsed
            .with_untracked(|p| p.clone().and_then(Result::ok))
            .map(|p| p.plan);
        if let Some(plan) = plan {
            let title = plan.title.clone();
            if app.add_plan(plan, Progress::default()) {
                text.set(String::new());
                app.notify(NoticeKind::Info, format!("已创建《{title}》。"));
            }
        }
    };
    let ready = move || parsed.with(|p| matches!(p, Some(Ok(_))));
    view! {
        <Modal id="new-plan-dialog" title=Signal::derive(|| "新建计划".to_string())>
            <p class="dialog-hint">"把工作要点或任务分工方案的全文粘贴到下面（也可以打开 .txt 文件）。创建前可以在右侧预览将要创建的内容。"</p>
            <div class="new-plan-grid">
                <div class="new-plan-input">
                    <textarea id="plan-text" rows="18" aria-label="计划全文" placeholder="例如：\n2024年××区司法行政工作要点\n一、……\n1.……（责任部门：办公室）"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <label class="file-pick">"打开文本文件 "
                        <input type="file" id="plan-file" accept=".txt,text/plain" on:change=on_file/>
                    </label>
                </div>
                <div class="plan-preview" aria-live="polite" role="region" aria-label="预览" tabindex="0">
                    {move || parsed.with(|p| match p {
                        None => view! { <p class="preview-empty">"粘贴文本后，这里显示预览。"</p> }.into_any(),
                        Some(Err(e)) => view! { <p class="preview-error" role="alert">{e.clone()}</p> }.into_any(),
                        Some(Ok(parsed)) => preview(parsed).into_any(),
                    })}
                </div>
            </div>
            <footer class="modal-foot">
                <button type="button" id="create-plan" class="primary" disabled=move || !ready() on:click=create>"创建计划"</button>
                <button type="button" class="dialog-close" on:click=move |_| app.dialog.set(None)>"取消"</button>
            </footer>
        </Modal>
    }
}

/// Every unit the plan names, once, with the strongest role it has anywhere.
fn plan_units(plan: &Plan) -> Vec<(String, Role)> {
    let mut out: Vec<(String, Role)> = Vec::new();
    for a in plan.tasks.iter().flat_map(|t| t.units.iter()) {
        match out.iter_mut().find(|(n, _)| *n == a.name) {
            Some((_, r)) => *r = (*r).min(a.role),
            None => out.push((a.name.clone(), a.role)),
        }
    }
    order::sort_by_key(&mut out, |(_, r)| *r != Role::Lead);
    out
}

fn preview(parsed: &ParsedPlan) -> impl IntoView + use<> {
    let plan = &parsed.plan;
    let units = plan_units(plan);
    let chips: Vec<_> = units.iter().map(|(n, r)| unit_chip(plan, n, *r)).collect();
    let sections: Vec<_> = plan
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let tasks: Vec<_> = plan
                .tasks_in(s.id)
                .map(|t| {
                    let no = plan.task_number(t.id).unwrap_or(0);
                    let chips: Vec<_> = t.units_lead_first().into_iter().map(|a| unit_chip(plan, &a.name, a.role)).collect();
                    view! {
                        <li class="preview-task">
                            {t.heading.clone().map(|h| view! { <span class="preview-heading">{h}</span> })}
                            <span class="task-no">{format!("{no}.")}</span>
                            <span class="preview-title">{t.title.clone()}</span>
                            {t.deadline.clone().map(|d| view! { <span class="preview-deadline">{format!("时限：{d}")}</span> })}
                            <ul class="unit-chips">{chips}</ul>
                        </li>
                    }
                })
                .collect();
            view! {
                <li class="preview-section">
                    <strong>{format!("{}、{}", chinese_numeral(i + 1), s.title)}</strong>
                    <ol class="preview-tasks">{tasks}</ol>
                </li>
            }
        })
        .collect();
    let warnings: Vec<_> = parsed
        .warnings
        .iter()
        .map(|w| {
            view! {
                <li class="parse-warning" data-line=w.line.to_string()>
                    {format!("第 {} 行：{}", w.line, words::parse_warning(&w.kind))}
                </li>
            }
        })
        .collect();
    let has_warnings = !warnings.is_empty();
    view! {
        <h3 class="preview-title-line">{plan.title.clone()}</h3>
        <p class="preview-counts">
            <span class="count-sections">{format!("{} 个部分", plan.sections.len())}</span>" · "
            <span class="count-tasks">{format!("{} 项任务", plan.tasks.len())}</span>" · "
            <span class="count-units">{format!("{} 个责任单位", units.len())}</span>
        </p>
        <ul class="unit-chips preview-units">{chips}</ul>
        {has_warnings.then(|| view! {
            <div class="preview-warnings">
                <p>{format!("有 {} 处需要留意：", warnings.len())}</p>
                <ul>{warnings}</ul>
            </div>
        })}
        <ol class="preview-sections">{sections}</ol>
    }
}
