//! 数据与存储: where the data lives, how much room each plan takes, the backups kept, and
//! the buttons to export everything, restore a backup and clear a plan's progress.

use crate::model::decimal::fixed;
use crate::snapshot::encode_bundle;
use crate::ui::download::download;
use crate::ui::modal::Modal;
use crate::ui::state::{NoticeKind, now_ms, use_app};
use leptos::prelude::*;

fn size(chars: usize) -> String {
    // Browser storage counts UTF-16 units: two bytes each.
    let bytes = chars * 2;
    if bytes >= 1_048_576 {
        format!("{} MB", fixed(bytes as f64 / 1_048_576.0, 1))
    } else {
        format!("{} KB", fixed((bytes as f64 / 1024.0).ceil(), 0))
    }
}

/// The dialog.
#[component]
pub fn DataDialog() -> impl IntoView {
    let app = use_app();
    let tick = RwSignal::new(0u32);
    let usage = Memo::new(move |_| {
        tick.track();
        app.library.track();
        app.usage()
    });
    let confirming = RwSignal::new(false);
    let export_all = move |_| {
        let bundle = app.bundle();
        let name = format!("工作要点-全部计划-{}.json", app.today.get_untracked());
        if download(&name, &encode_bundle(&bundle, true), "application/json") {
            app.settings.update(|s| s.last_export_at = Some(now_ms()));
        } else {
            app.notify(
                NoticeKind::Warning,
                "浏览器阻止了文件下载，请检查下载设置后重试。".into(),
            );
        }
    };
    view! {
        <Modal id="data-dialog" title=Signal::derive(|| "数据与存储".to_string())>
            <p class="data-where">"数据保存在本浏览器的本地存储中：只在这台电脑、这个浏览器里，不随 HTML 文件拷走；从本地打开的所有网页共用这块空间。换电脑或清理浏览器前，请导出数据或保存带数据的副本。"</p>
            <p class="data-usage">
                {move || usage.with(|u| format!("已用 {} / {}（{}%）", size(u.used), size(u.quota), u.percent()))}
                <progress id="storage-meter" max="100" value=move || usage.with(|u| u.percent().to_string())></progress>
            </p>
            {move || usage.with(|u| (u.percent() >= crate::ui::data::WARN_PERCENT).then(|| view! {
                <p class="notice notice-warning" role="alert">"存储空间已用去八成以上，请导出数据并删除不用的计划或备份。"</p>
            }))}
            <table class="usage-table">
                <thead><tr><th>"计划"</th><th>"占用"</th></tr></thead>
                <tbody>
                    {move || usage.with(|u| u.plans.iter().map(|(id, title, n)| view! {
                        <tr class="usage-plan" data-plan=id.0.clone()><td>{title.clone()}</td><td class="usage-size">{size(*n)}</td></tr>
                    }).collect::<Vec<_>>())}
                </tbody>
            </table>
            <h3>"备份"</h3>
            {move || usage.with(|u| if u.backups.is_empty() {
                view! { <p class="hint">"没有备份。"</p> }.into_any()
            } else {
                view! {
                    <ul class="backup-list">
                        {u.backups.iter().map(|(key, at, n)| {
                            let (k1, k2) = (key.clone(), key.clone());
                            let when = crate::ui::preview_words::local_time(*at);
                            view! {
                                <li class="backup" data-key=key.clone()>
                                    <span>{when}" · "{size(*n)}</span>
                                    <button type="button" class="backup-restore" on:click=move |_| { app.restore_backup(&k1); tick.update(|t| *t += 1); }>"导入此备份"</button>
                                    <button type="button" class="backup-delete" on:click=move |_| { app.delete_backup(&k2); tick.update(|t| *t += 1); }>"删除"</button>
                                </li>
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                }.into_any()
            })}
            <h3>"导入前的自动备份"</h3>
            {move || {
                tick.track();
                let kept = crate::storage::import_backups();
                if kept.is_empty() {
                    return view! { <p class="hint">"还没有导入过文件。"</p> }.into_any();
                }
                view! {
                    <ul class="import-backup-list">
                        {kept.into_iter().map(|(key, b)| {
                            let k = key.clone();
                            let files = b.files.iter().map(|f| format!("“{f}”")).collect::<Vec<_>>().join("、");
                            view! {
                                <li class="import-backup" data-key=key>
                                    <span>{crate::ui::preview_words::local_time(b.at)}" 导入 "{files}"，涉及 "{b.task_count()}" 项任务"</span>
                                    <button type="button" class="import-undo" title="把这些任务恢复到这次导入之前（导入后对它们的修改也会撤回）"
                                        on:click=move |_| { app.undo_import(&k); tick.update(|t| *t += 1); }>"恢复到导入前"</button>
                                </li>
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                }.into_any()
            }}
            <p class="data-actions">
                <button type="button" id="export-all" on:click=export_all>"导出全部计划"</button>
                <button type="button" id="clear-progress" on:click=move |_| confirming.set(true)>"清空当前计划的进展"</button>
                <label class="leave-setting">
                    <input type="checkbox" id="warn-on-leave" prop:checked=move || app.settings.with(|s| s.warn_on_leave)
                        on:change=move |ev| { let on = event_target_checked(&ev); app.settings.update(|s| s.warn_on_leave = on); }/>
                    "关闭页面时提醒尚未导出的修改"
                </label>
            </p>
            <Show when=move || confirming.get()>
                <p class="confirm-form" role="alert">
                    "确定清空当前计划的全部进展？清空后可在提示中撤销。"
                    <button type="button" id="confirm-clear" class="danger" on:click=move |_| { confirming.set(false); app.clear_progress(); app.dialog.set(None); }>"确认清空"</button>
                    <button type="button" class="cancel-delete" on:click=move |_| confirming.set(false)>"取消"</button>
                </p>
            </Show>
        </Modal>
    }
}
