//! Saving a file to the user's disk through a Blob link (works under file://): the export,
//! 本部门's own export, and the CSV tables.

use super::state::{AppState, NoticeKind, now_ms};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Exports the shown plan and its progress as a JSON file and remembers when.
pub fn export_now(app: AppState) {
    let snapshot = app.snapshot();
    let unit = app
        .my_unit_untracked()
        .map_or_else(|| "全部".to_string(), |u| u.to_string());
    let name = format!("工作要点进展-{}-{}.json", unit, app.today.get_untracked());
    if download(
        &name,
        &crate::snapshot::encode_pretty(&snapshot),
        "application/json",
    ) {
        app.settings.update(|s| s.last_export_at = Some(now_ms()));
    } else {
        refused(app);
    }
}

/// Offers `text` as a download named `name`. Returns false if the browser refused.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Ok(a) = document.create_element("a") else {
        return false;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    true
}

fn refused(app: AppState) {
    app.notify(
        NoticeKind::Warning,
        "浏览器阻止了文件下载，请检查下载设置后重试。".into(),
    );
}

/// 导出本部门: only what 本部门 changed last, as a small file for email. Merging it gives
/// the office the same values for those fields as merging the full file.
pub fn export_unit(app: AppState) {
    let Some(unit) = app.my_unit_untracked() else {
        app.notify(NoticeKind::Warning, "请先在工具栏选择“本部门”。".into());
        return;
    };
    let mut snapshot = app.snapshot();
    snapshot.progress = snapshot.progress.only_by(&unit);
    let tasks = snapshot.progress.tasks.len();
    let name = format!(
        "工作要点进展-{unit}-本部门-{}.json",
        app.today.get_untracked()
    );
    if download(
        &name,
        &crate::snapshot::encode_pretty(&snapshot),
        "application/json",
    ) {
        app.settings.update(|s| s.last_export_at = Some(now_ms()));
        app.notify(
            NoticeKind::Info,
            format!("已导出“{name}”：{unit}填报的 {tasks} 项任务的内容。"),
        );
    } else {
        refused(app);
    }
}

/// Offers a CSV table as `<stem>-<today>.csv`.
fn save_csv(app: AppState, stem: &str, text: &str) {
    let name = format!("{stem}-{}.csv", app.today.get_untracked());
    if !download(&name, text, "text/csv;charset=utf-8") {
        refused(app);
    }
}

/// 导出表格: the tasks matching the filter, one row each, as CSV for Excel and WPS.
pub fn export_tasks_csv(app: AppState) {
    let ids = untrack(|| app.counted());
    let tz = super::preview_words::tz_offset_minutes();
    let text = app.plan.with_untracked(|plan| {
        app.progress.with_untracked(|progress| {
            app.states
                .with_untracked(|states| crate::model::tasks_csv(plan, progress, states, &ids, tz))
        })
    });
    save_csv(app, "工作要点台账", &text);
}

/// The unit × status matrix of the tasks matching the filter, as CSV.
pub fn export_matrix_csv(app: AppState) {
    let ids = untrack(|| app.counted());
    let text = app.plan.with_untracked(|plan| {
        app.states.with_untracked(|states| {
            app.filter.with_untracked(|f| {
                crate::model::matrix_csv(&crate::model::unit_matrix(plan, states, &ids, f))
            })
        })
    });
    save_csv(app, "工作要点统计-单位状态", &text);
}
