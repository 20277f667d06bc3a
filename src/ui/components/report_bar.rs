//! The reporting bar: 报送月份, 复制报送文本, 导出本部门, 导出表格, and 统计.

use crate::model::order;
use crate::model::{Month, report_months, report_text};
use crate::ui::clipboard::copy_text;
use crate::ui::download::{export_tasks_csv, export_unit};
use crate::ui::state::{Dialog, NoticeKind, use_app};
use leptos::prelude::*;

/// The bar under the toolbar.
#[component]
pub fn ReportBar() -> impl IntoView {
    let app = use_app();
    let no_unit = move || app.my_unit().is_none();
    // The months that hold reports: re-rendering the list only when they change.
    let reported = Memo::new(move |_| {
        app.progress.with(|p| {
            let mut months: Vec<Month> = p
                .tasks
                .values()
                .flat_map(|t| t.reports.keys().copied())
                .collect();
            order::sort_by(&mut months, Ord::cmp);
            months.dedup();
            months
        })
    });
    let months = move || {
        let chosen = app.period.get();
        let year = app.plan.with(|p| p.year());
        let mut list = reported.with(|r| report_months(Month::of(app.today.get()), year, r));
        if !list.contains(&chosen) {
            list.push(chosen);
            order::sort_by(&mut list, |a, b| b.cmp(a));
        }
        list.into_iter()
            .map(|m| view! { <option value=m.to_string() selected=m == chosen>{m.to_chinese()}</option> })
            .collect::<Vec<_>>()
    };
    let copy_report = move |_| {
        let Some(unit) = app.my_unit_untracked() else {
            return;
        };
        let month = app.period.get_untracked();
        let text = app.plan.with_untracked(|plan| {
            app.progress.with_untracked(|progress| {
                app.states
                    .with_untracked(|states| report_text(plan, progress, states, &unit, month))
            })
        });
        // The dialog first: what the notice says then shows inside it.
        app.open_dialog(Dialog::ReportText(text.clone()));
        if copy_text(&text) {
            app.notify(
                NoticeKind::Info,
                format!(
                    "已复制{unit}{}的报送文本，可直接粘贴到邮件或 WPS 文档。",
                    month.to_chinese()
                ),
            );
        } else {
            app.notify(
                NoticeKind::Warning,
                "浏览器不允许写入剪贴板，请在弹出的窗口中全选后复制。".into(),
            );
        }
    };
    view! {
        <div class="report-bar no-print" role="toolbar" aria-label="报送与统计">
            <label class="period">"报送月份"
                <select id="period" on:change=move |ev| {
                    if let Some(m) = Month::parse(&event_target_value(&ev)) { app.period.set(m); }
                }>{months}</select>
            </label>
            <span class="tool-group">
                <button type="button" id="copy-report" disabled=no_unit title="复制本部门本月各项任务的进展情况、存在问题和下一步措施"
                    on:click=copy_report>"复制报送文本"</button>
                <button type="button" id="export-unit" disabled=no_unit title="只导出本部门填报的内容，文件小，便于邮件报送"
                    on:click=move |_| export_unit(app)>"导出本部门"</button>
            </span>
            <span class="tool-group">
                <button type="button" id="export-csv" title="按当前筛选导出任务台账（Excel、WPS 可直接打开）"
                    on:click=move |_| export_tasks_csv(app)>"导出表格"</button>
                <button type="button" id="stats-toggle" aria-pressed=move || app.stats.get().to_string()
                    on:click=move |_| app.stats.update(|s| *s = !*s)>
                    {move || if app.stats.get() { "返回任务列表" } else { "统计" }}
                </button>
            </span>
        </div>
    }
}
