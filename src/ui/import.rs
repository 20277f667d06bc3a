//! Importing a JSON snapshot from disk: checked first (size, task ids, ranges, wrong clocks,
//! room in storage), then merged into its plan, or offered as a new plan.

use super::state::{AppState, NoticeAction, NoticeKind, now_ms};
use super::words;
use crate::model::{Plan, Progress};
use crate::snapshot::{Snapshot, check_incoming, check_size, decode_any};
use crate::storage::{self, Loaded};
use leptos::prelude::*;

/// Reads the chosen file and merges it; the outcome is reported as a notice. Nothing is lost on failure.
pub fn import_file(app: AppState, file: web_sys::File) {
    let name = file.name();
    super::read_file::read_text(&file, move |text| match text {
        Some(text) => merge_text(app, &name, &text),
        None => app.notify(NoticeKind::Warning, format!("无法读取文件“{name}”。")),
    });
}

fn refuse(app: AppState, name: &str, why: String) {
    app.notify(
        NoticeKind::Warning,
        format!("未导入“{name}”：{why} 当前数据没有任何改动。"),
    );
}

/// Checks and decodes `text` (an export, a bundle, or a saved page), then merges each plan field by field (the newer change of each field
/// wins) into its plan: the one shown, another of the library, or, after asking, a new one.
pub fn merge_text(app: AppState, name: &str, text: &str) {
    match check_size(text).and_then(|_| decode_any(text)) {
        Ok(incoming) => {
            for snapshot in incoming.into_snapshots() {
                merge_one(app, name, snapshot);
            }
        }
        Err(e) => refuse(app, name, words::snapshot_error(&e)),
    }
}

/// Merges one plan's snapshot into its plan.
fn merge_one(app: AppState, name: &str, incoming: Snapshot) {
    let id = incoming.plan.id.clone();
    if app.plan.with_untracked(|p| p.id == id) {
        let plan = app.plan.get_untracked();
        let before = app.progress.get_untracked();
        if let Some((merged, said)) = checked_merge(app, name, &incoming, &plan, &before) {
            let changed = merged.tasks_differing(&before);
            app.observe(&merged);
            if changed > 0 {
                app.progress.set(merged);
            }
            app.notify(
                NoticeKind::Info,
                format!("已合并“{name}”：{changed} 项任务有更新。{said}"),
            );
        }
    } else if app.has_plan(&id) {
        merge_into_stored(app, name, &incoming);
    } else {
        let (progress, report) = check_incoming(&incoming, &incoming.plan, now_ms());
        let title = incoming.plan.title.clone();
        let said = words::check_report(&report);
        let doc = Snapshot {
            progress,
            ..incoming
        };
        app.notify_with(
            NoticeKind::Info,
            format!(
                "“{name}”属于计划库中还没有的《{title}》。可以把它连同进展添加到计划库。{said}"
            ),
            Some(NoticeAction::AddPlan(Box::new(doc))),
        );
    }
}

/// The checked incoming progress merged into `local`, if it fits in storage; else a notice.
fn checked_merge(
    app: AppState,
    name: &str,
    incoming: &Snapshot,
    plan: &Plan,
    local: &Progress,
) -> Option<(Progress, String)> {
    let (progress, report) = check_incoming(incoming, plan, now_ms());
    let mut merged = local.clone();
    merged.merge(&progress);
    if let Err(e) = storage::check_progress_room(&plan.id, &merged) {
        refuse(app, name, words::storage_error(&e));
        return None;
    }
    Some((merged, words::check_report(&report)))
}

/// Merges a file into a plan of the library that is not shown.
fn merge_into_stored(app: AppState, name: &str, incoming: &Snapshot) {
    let id = &incoming.plan.id;
    let now = now_ms();
    let plan = match storage::load_plan(id, now) {
        Ok(Loaded::Found(p)) => p,
        _ => return refuse(app, name, "计划库中的这份计划无法读取。".into()),
    };
    let before = match storage::load_progress(id, now) {
        Ok(Loaded::Found(p)) => p,
        Ok(Loaded::Empty) => Progress::default(),
        Ok(Loaded::Damaged { error, backup_key }) => {
            app.notify(
                NoticeKind::Warning,
                words::damaged_storage(&error, backup_key.as_deref()),
            );
            Progress::default()
        }
        Err(e) => return refuse(app, name, words::storage_error(&e)),
    };
    let Some((merged, said)) = checked_merge(app, name, incoming, &plan, &before) else {
        return;
    };
    let changed = merged.tasks_differing(&before);
    app.observe(&merged);
    match storage::save_progress(id, &merged) {
        Ok(()) => app.notify_with(
            NoticeKind::Info,
            format!(
                "已把“{name}”合并到计划库中的《{}》：{changed} 项任务有更新。{said}",
                plan.title
            ),
            Some(NoticeAction::SwitchTo(id.clone())),
        ),
        Err(e) => refuse(app, name, words::storage_error(&e)),
    }
}
