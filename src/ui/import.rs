//! Importing a JSON snapshot from disk and merging it into the current data.

use super::state::{AppState, NoticeKind};
use super::words;
use crate::snapshot::{decode, merge_into};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Reads the chosen file and merges it; the outcome is reported as a notice. Nothing is lost on failure.
pub fn import_file(app: AppState, file: web_sys::File) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let name = file.name();
    let reader2 = reader.clone();
    let onload = Closure::once_into_js(move || {
        let text = reader2
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        merge_text(app, &name, &text);
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    if reader.read_as_text(&file).is_err() {
        app.notify(
            NoticeKind::Warning,
            format!("无法读取文件“{}”。", file.name()),
        );
    }
}

/// Decodes `text` and merges it field by field (the newer change of each field wins).
pub fn merge_text(app: AppState, name: &str, text: &str) {
    let incoming = match decode(text) {
        Ok(s) => s,
        Err(e) => {
            app.notify(
                NoticeKind::Warning,
                format!(
                    "未导入“{name}”：{} 当前数据没有任何改动。",
                    words::snapshot_error(&e)
                ),
            );
            return;
        }
    };
    let mut doc = app.snapshot();
    match merge_into(&mut doc, &incoming) {
        Ok(report) => {
            if report.tasks_changed > 0 {
                app.progress.set(doc.progress);
            }
            app.notify(
                NoticeKind::Info,
                format!("已合并“{name}”：{} 项任务有更新。", report.tasks_changed),
            );
        }
        Err(e) => app.notify(
            NoticeKind::Warning,
            format!("未导入“{name}”：{}", words::snapshot_error(&e)),
        ),
    }
}
