//! 本部门的报送: the three-part report (进展情况, 存在问题, 下一步措施) of 本部门 on one task
//! for the reporting month, and beneath it what other units reported that month.

use crate::model::{ReportPart, TaskId, part_label};
use crate::ui::state::{NoticeKind, use_app};
use crate::ui::words;
use leptos::prelude::*;

fn class_of(part: ReportPart) -> &'static str {
    match part {
        ReportPart::Progress => "report-progress",
        ReportPart::Problems => "report-problems",
        ReportPart::Next => "report-next",
    }
}

/// The report form of one task.
#[component]
pub fn UnitReport(task: TaskId) -> impl IntoView {
    let app = use_app();
    let unit = move || app.my_unit();
    // One memo a part: the box is written only when its own stored text changes, so text being
    // typed survives another tab saving something else (which reloads the progress).
    let text = move |part: ReportPart| {
        Memo::new(move |_| {
            let month = app.period.get();
            let unit = unit();
            app.progress.with(|p| {
                unit.and_then(|u| {
                    p.task(task)
                        .and_then(|t| t.report(month, u.as_str()))
                        .map(|r| r.text(part).to_string())
                })
                .unwrap_or_default()
            })
        })
    };
    let field = move |part: ReportPart| {
        let value = text(part);
        view! {
            <label class="field report-field" class:empty=move || value.with(String::is_empty)>{part_label(part)}
                <textarea class=class_of(part) rows="2" prop:value=value
                    on:change=move |ev| {
                        let Some(u) = unit() else { return };
                        let value = event_target_value(&ev);
                        let month = app.period.get_untracked();
                        if let Err(e) = app.edit(task, |p, st| p.set_report(month, u.as_str(), part, &value, st)) {
                            app.notify(NoticeKind::Warning, words::progress_error(&e));
                        }
                    }></textarea>
                <span class="print-only report-print">{value}</span>
            </label>
        }
    };
    let others = move || {
        let month = app.period.get();
        let me = unit();
        app.progress.with(|p| {
            p.task(task)
                .and_then(|t| t.reports.get(&month))
                .map(|units| {
                    units
                        .iter()
                        // 本部门's reports under a former name were copied under its name.
                        .filter(|(u, r)| me.as_ref().is_none_or(|m| !app.plan.with(|pl| pl.units.is_or_was(m, u))) && !r.is_blank())
                        .map(|(u, r)| {
                            let parts = ReportPart::ALL
                                .iter()
                                .filter(|p| !r.text(**p).is_empty())
                                .map(|p| format!("{}：{}", part_label(*p), r.text(*p)))
                                .collect::<Vec<_>>()
                                .join("；");
                            view! { <li class="other-report" data-unit=u.clone()><strong>{u.clone()}</strong>"："{parts}</li> }
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Nothing written for the month, by anyone: printing leaves the form out.
    let blank = move || {
        let month = app.period.get();
        app.progress.with(|p| {
            p.task(task)
                .and_then(|t| t.reports.get(&month))
                .is_none_or(|units| units.values().all(|r| r.is_blank()))
        })
    };
    view! {
        <fieldset class="unit-report" class:empty=blank>
            <legend>{move || match unit() {
                Some(u) => format!("{u} · {}报送", app.period.get().to_chinese()),
                None => format!("{}报送", app.period.get().to_chinese()),
            }}</legend>
            <Show when=move || unit().is_some()
                fallback=|| view! { <p class="report-hint">"请先在工具栏选择“本部门”，再填写报送。"</p> }>
                {field(ReportPart::Progress)}
                {field(ReportPart::Problems)}
                {field(ReportPart::Next)}
            </Show>
            {move || {
                let list = others();
                (!list.is_empty()).then(|| view! { <ul class="other-reports">{list}</ul> })
            }}
        </fieldset>
    }
}
