//! The merge preview (导入预览): for each file, the plan, the units and export time, the
//! tasks touched, new log entries, each field old → new, conflicts side by side, and the
//! checks' warnings. 确认合并 applies every file; 取消 changes nothing.

use crate::model::Change;
use crate::ui::modal::Modal;
use crate::ui::pending::{FileMerge, FilePreview, PendingImport};
use crate::ui::preview_words::{field_label, local_time, value_words};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Rows shown per table; the rest are counted.
const ROWS_SHOWN: usize = 200;

fn more(n: usize) -> Option<AnyView> {
    (n > ROWS_SHOWN).then(|| {
        view! { <p class="preview-more">{format!("另有 {} 项未列出。", n - ROWS_SHOWN)}</p> }
            .into_any()
    })
}

fn change_rows(m: &FileMerge, changes: &[Change]) -> Vec<AnyView> {
    changes
        .iter()
        .take(ROWS_SHOWN)
        .map(|c| {
            view! {
                <tr class="preview-change" data-task=c.task.0>
                    <td>{m.label(c.task)}</td>
                    <td>{field_label(&c.field)}</td>
                    <td class="old">{value_words(&c.field, &c.ours)}</td>
                    <td class="new">{value_words(&c.field, &c.theirs)}</td>
                </tr>
            }
            .into_any()
        })
        .collect()
}

/// What a file is compared with: this browser's data, and, after the first file of several,
/// what the files before it bring.
fn here_label(after_others: bool) -> &'static str {
    if after_others {
        "本机及前面的文件"
    } else {
        "本机"
    }
}

fn conflict_rows(m: &FileMerge, here: &'static str) -> Vec<AnyView> {
    m.diff
        .conflicts
        .iter()
        .take(ROWS_SHOWN)
        .map(|c| {
            let by =
                c.by.as_ref()
                    .map_or_else(String::new, |u| format!("（{u}）"));
            view! {
                <tr class="preview-conflict" data-task=c.task.0>
                    <td>{m.label(c.task)}</td>
                    <td>{field_label(&c.field)}</td>
                    <td class="ours" class:kept=!c.theirs_wins>{value_words(&c.field, &c.ours)}</td>
                    <td class="theirs" class:kept=c.theirs_wins>{value_words(&c.field, &c.theirs)}{by}</td>
                    <td>{if c.theirs_wins { "文件（较新）".to_string() } else { format!("{here}（较新）") }}</td>
                </tr>
            }
            .into_any()
        })
        .collect()
}

fn file_view(f: &FilePreview, after_others: bool) -> AnyView {
    let here = here_label(after_others);
    let m = match &f.outcome {
        Err(why) => {
            return view! {
                <section class="preview-file refused" data-file=f.name.clone()>
                    <h3>{f.name.clone()}</h3>
                    <p class="preview-refused" role="alert">{format!("不会导入：{why}")}</p>
                </section>
            }
            .into_any();
        }
        Ok(m) => m,
    };
    let units = if m.units.is_empty() {
        "未注明单位".to_string()
    } else {
        m.units
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、")
    };
    let d = &m.diff;
    let summary = format!(
        "涉及 {} 项任务；{} 处内容将更新；新增 {} 条进展记录；{} 处冲突。",
        d.tasks().len(),
        d.changes.len(),
        d.new_log.len(),
        d.conflicts.len()
    );
    let warnings = m.said.clone();
    let new_log = d
        .new_log
        .iter()
        .take(ROWS_SHOWN)
        .map(|(task, e)| {
            let by = e.created.by.as_ref().map_or_else(String::new, |u| format!("{u}："));
            view! { <li class="preview-log-entry" data-task=task.0>{format!("{} · {} · {by}{}", m.label(*task), e.date, e.text())}</li> }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="preview-file" data-file=f.name.clone() data-changes=d.changes.len() data-conflicts=d.conflicts.len() data-new-log=d.new_log.len()>
            <h3>{f.name.clone()}</h3>
            <p class="preview-meta">{format!("计划《{}》；来自：{units}；导出于 {}", m.title, local_time(m.saved_at))}</p>
            <p class="preview-summary">{summary}</p>
            {(!warnings.is_empty()).then(|| view! { <p class="preview-warnings" role="alert">{warnings}</p> })}
            {(!d.changes.is_empty()).then(|| view! {
                <table class="preview-changes">
                    <caption>"将更新的内容"</caption>
                    <thead><tr><th>"任务"</th><th>"项目"</th><th>"原值"</th><th>"新值"</th></tr></thead>
                    <tbody>{change_rows(m, &d.changes)}</tbody>
                </table>
            })}
            {more(d.changes.len())}
            {(!new_log.is_empty()).then(|| view! {
                <div class="preview-log"><h4>"新增进展记录"</h4><ul>{new_log}</ul></div>
            })}
            {more(d.new_log.len())}
            {(!d.conflicts.is_empty()).then(|| view! {
                <table class="preview-conflicts">
                    <caption>{format!("冲突：{here}和文件各自改了同一项（都不知道对方的修改），合并后保留较新的修改")}</caption>
                    <thead><tr><th>"任务"</th><th>"项目"</th><th>{here}</th><th>"文件"</th><th>"合并后保留"</th></tr></thead>
                    <tbody>{conflict_rows(m, here)}</tbody>
                </table>
            })}
            {more(d.conflicts.len())}
        </section>
    }
    .into_any()
}

/// The dialog.
#[component]
pub fn ImportPreview(pending: PendingImport) -> impl IntoView {
    let app = use_app();
    let files = pending
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| file_view(f, i > 0))
        .collect::<Vec<_>>();
    let any = pending.changes_anything();
    let pending = StoredValue::new(pending);
    view! {
        <Modal id="import-preview" title=Signal::derive(|| "导入预览：确认前不会改动任何数据".to_string())>
            {files}
            <footer class="modal-foot">
                <button type="button" id="import-confirm" class="primary" disabled=!any
                    on:click=move |_| pending.with_value(|p| app.confirm_import(p))>"确认合并"</button>
                <button type="button" id="import-cancel" on:click=move |_| app.dialog.set(None)>"取消"</button>
            </footer>
            <p class="dialog-hint">"确认合并前会自动备份将被改动的任务，合并后可以一键撤销；“数据与存储”中保留最近 5 次导入前的备份。"</p>
        </Modal>
    }
}
