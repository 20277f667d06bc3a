//! The toolbar: 本部门, undo/redo, export, and the export reminder.

use super::SummaryLine;
use crate::model::UnitId;
use crate::ui::download::export_now;
use crate::ui::preview_words::{local_time, local_time_short};
use crate::ui::state::{Dialog, now_ms, use_app};
use leptos::prelude::*;

/// Days after which unexported changes trigger a warning.
const EXPORT_REMINDER_DAYS: i64 = 3;

/// The toolbar under the header.
#[component]
pub fn Toolbar() -> impl IntoView {
    let app = use_app();
    let summary = Signal::derive(move || app.states.with(|c| c.summary(None)));
    let unit_options = move || {
        app.plan.with(|p| {
            p.units.kinds()
                .into_iter()
                .map(|kind| {
                    let opts: Vec<_> = p.units.of_kind(&kind).map(|u| {
                        let name = u.id.to_string();
                        let id = u.id.clone();
                        let selected = move || app.my_unit().as_ref() == Some(&id);
                        view! { <option value=name.clone() prop:selected=selected>{name.clone()}</option> }
                    }).collect();
                    (!opts.is_empty()).then(|| view! { <optgroup label=kind.to_string()>{opts}</optgroup> })
                })
                .collect::<Vec<_>>()
        })
    };
    let on_unit = move |ev| {
        let v = event_target_value(&ev);
        app.settings
            .update(|s| s.my_unit = (!v.is_empty()).then_some(UnitId(v)));
    };
    let unsaved = Memo::new(move |_| app.unsaved_changes());
    let export_info = move || {
        let (last, replica) = app.settings.with(|s| (s.last_export_at, s.replica.clone()));
        let pending = app
            .progress
            .with(|p| p.earliest_change_by_after(&replica, last.unwrap_or(i64::MIN)));
        let label = last.map_or_else(
            || "尚未导出过".to_string(),
            |t| format!("上次导出：{}", local_time_short(t, now_ms())),
        );
        let stale = pending.filter(|t| now_ms() - t > EXPORT_REMINDER_DAYS * 86_400_000);
        (label, stale.map(|t| (now_ms() - t) / 86_400_000))
    };
    view! {
        <div class="toolbar no-print" role="toolbar" aria-label="工具栏">
            <label class="my-unit">"本部门"
                <select id="my-unit" on:change=on_unit>
                    <option value="" prop:selected=move || app.my_unit().is_none()>"（请选择）"</option>
                    {unit_options}
                </select>
            </label>
            <span class="tool-group">
                <button type="button" id="undo" title="撤销（Ctrl+Z）" disabled=move || app.history.with(|h| h.undo_len() == 0)
                    on:click=move |_| app.undo()>"撤销"</button>
                <button type="button" id="redo" title="重做（Ctrl+Y）" disabled=move || app.history.with(|h| h.redo_len() == 0)
                    on:click=move |_| app.redo()>"重做"</button>
            </span>
            <span class="tool-group">
                <button type="button" id="export" on:click=move |_| export_now(app)>"导出数据"</button>
                <button type="button" id="save-copy" title="下载一个带有全部计划和进展的页面副本，可在其他电脑上直接打开" on:click=move |_| app.save_copy()>"保存带数据的副本"</button>
                <span class="export-info" title=move || app.settings.with(|s| s.last_export_at.map(|t| format!("上次导出：{}", local_time(t))))>{move || export_info().0}</span>
                <span id="unsaved-count" class="unsaved-count" class:none=move || unsaved.get() == 0>{move || match unsaved.get() {
                    0 if app.settings.with(|s| s.last_export_at.is_none()) => "暂无修改".to_string(),
                    0 => "修改均已导出".to_string(),
                    n => format!("有 {n} 项修改尚未导出"),
                }}</span>
                <label class="import-label">
                    <span class="button-like">"导入合并"</span>
                    <input type="file" id="import" multiple accept=".json,.html,application/json,text/html" class="visually-hidden"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            if let Some(files) = input.files() {
                                let picked = (0..files.length()).filter_map(|i| files.get(i)).collect();
                                crate::ui::import::import_files(app, picked);
                            }
                            input.set_value("");
                        }/>
                </label>
                <button type="button" id="paste-open" on:click=move |_| app.open_dialog(Dialog::Paste)>"粘贴导入"</button>
                <button type="button" id="data-open" on:click=move |_| app.open_dialog(Dialog::Data)>"数据与存储"</button>
            </span>
        </div>
        <div class="plan-summary"><SummaryLine summary/></div>
        <p class="kbd-hint no-print">"键盘操作：Tab 选中任务，1–4 设置状态（0 恢复自动），↑↓ 或 j/k 切换任务，Ctrl+Z 撤销，Ctrl+Y 重做。"</p>
        {move || export_info().1.map(|days| view! {
            <div class="notice notice-warning export-reminder no-print" role="alert">
                {format!("有 {days} 天前的修改尚未导出。本机浏览器中的数据不会随页面文件一起拷走，请点击“导出数据”保存一份文件。")}
            </div>
        })}
    }
}
