//! Importing files: every file read and checked, a preview of what would change (nothing
//! changes yet), then 确认合并 keeps a backup of the tasks it changes and merges; 撤销导入
//! puts that backup back.

use super::pending::PendingImport;
use super::state::{AppState, Dialog, NoticeAction, NoticeKind, now_ms};
use super::words;
use crate::snapshot::{ImportBackup, PlanBackup};
use crate::storage;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Reads the chosen or dropped files, then shows the preview of merging them all.
pub fn import_files(app: AppState, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let slots: Rc<RefCell<Vec<Option<Option<String>>>>> =
        Rc::new(RefCell::new(vec![None; files.len()]));
    let names: Rc<Vec<String>> = Rc::new(files.iter().map(web_sys::File::name).collect());
    for (i, file) in files.iter().enumerate() {
        let (slots, names) = (slots.clone(), names.clone());
        super::read_file::read_text(file, move |text| {
            slots.borrow_mut()[i] = Some(text);
            if slots.borrow().iter().any(Option::is_none) {
                return;
            }
            let mut texts = Vec::new();
            for (name, text) in names.iter().zip(slots.borrow_mut().drain(..)) {
                match text.flatten() {
                    Some(t) => texts.push((name.clone(), t)),
                    None => app.notify(NoticeKind::Warning, format!("无法读取文件“{name}”。")),
                }
            }
            preview(app, texts);
        });
    }
}

/// Shows the preview of merging `texts` (name, content), e.g. pasted text or a backup.
pub fn preview(app: AppState, texts: Vec<(String, String)>) {
    if texts.is_empty() {
        return;
    }
    show(app, app.prepare_import(texts));
}

/// Shows what `pending` would change for confirming, or merges at once what changes no value,
/// or says why nothing would change.
pub fn show(app: AppState, pending: PendingImport) {
    if pending.changes_anything() {
        app.open_dialog(Dialog::ImportPreview(Box::new(pending)));
        return;
    }
    if pending.merges_anything() {
        // No value changes, only newer stamps of equal values: nothing to preview, but they
        // are taken in (with a backup) so that every copy ends up alike.
        app.confirm_import(&pending);
        return;
    }
    // Nothing would change: say so, and why for each refused file; no preview to confirm. A
    // dialog the import came from (粘贴导入, 数据与存储) stays open, showing why.
    for f in &pending.files {
        match &f.outcome {
            Err(why) => app.notify(
                NoticeKind::Warning,
                format!("未导入“{}”：{why} 当前数据没有任何改动。", f.name),
            ),
            // Left-out tasks are no "already here": the file has nothing more to merge.
            Ok(m) if !(m.report.unknown_tasks.is_empty() && m.report.other_tasks.is_empty()) => app
                .notify(
                    NoticeKind::Info,
                    format!(
                        "“{}”中没有可以合并的更新，《{}》没有改动。{}",
                        f.name,
                        m.title,
                        m.said.clone()
                    ),
                ),
            Ok(m) => app.notify(
                NoticeKind::Info,
                format!(
                    "已合并“{}”：0 项任务有更新（其中的内容本机都已有，《{}》没有改动）。{}",
                    f.name,
                    m.title,
                    m.said.clone()
                ),
            ),
        }
    }
}

impl AppState {
    /// 确认合并: keeps a backup of every task the import changes, then merges. Refused, with
    /// nothing changed, when storage has no room for the backup or the result.
    pub fn confirm_import(&self, pending: &PendingImport) {
        self.dialog.set(None);
        let files = pending.file_names();
        let mut afters = Vec::new();
        let mut backups = Vec::new();
        for m in &pending.plans {
            let before = match self.current_progress(&m.plan) {
                Ok(p) => p,
                Err(why) => return self.refuse_import(&files, why),
            };
            let mut after = before.clone();
            for p in &m.incoming {
                after.merge(p);
            }
            let backup = PlanBackup::between(m.plan.clone(), m.title.clone(), &before, &after);
            if !backup.tasks.is_empty() {
                backups.push(backup);
                afters.push((m.plan.clone(), after));
            }
        }
        if backups.is_empty() {
            self.notify(
                NoticeKind::Info,
                format!(
                    "已检查{}：没有需要合并的更新，数据没有任何改动。",
                    quoted(&files)
                ),
            );
            return;
        }
        let backup = ImportBackup {
            at: now_ms(),
            files: files.clone(),
            plans: backups,
        };
        let tasks = pending.tasks_changed();
        let no_room = || {
            afters
                .iter()
                .find_map(|(id, p)| storage::check_progress_room(id, p).err())
        };
        // The result must fit before the backup is written, and again beside it.
        if let Some(e) = no_room() {
            return self.refuse_import(&files, words::storage_error(&e));
        }
        let key = match storage::keep_import_backup(&backup) {
            Ok(key) => key,
            Err(e) => {
                let why = format!("无法保存导入前的备份：{}", words::storage_error(&e));
                return self.refuse_import(&files, why);
            }
        };
        if let Some(e) = no_room() {
            let _ = storage::remove_import_backup(&key);
            return self.refuse_import(&files, words::storage_error(&e));
        }
        for (id, after) in afters {
            self.observe(&after);
            if self.plan.with_untracked(|p| p.id == id) {
                self.progress.set(after);
            } else if let Err(e) = storage::save_progress(&id, &after) {
                self.notify(NoticeKind::Warning, words::storage_error(&e));
            }
        }
        let said: String = pending
            .files
            .iter()
            .filter_map(|f| f.outcome.as_ref().ok())
            .map(|m| m.said.clone())
            .collect();
        self.notify_with(
            NoticeKind::Info,
            format!(
                "已合并{}：{tasks} 项任务有更新。{said}导入前的数据已自动备份，可以撤销。",
                quoted(&files)
            ),
            Some(NoticeAction::UndoImport(key)),
        );
    }

    fn refuse_import(&self, files: &[String], why: String) {
        let unchanged = match why.contains("没有做任何改动") {
            true => "",
            false => " 当前数据没有任何改动。",
        };
        self.notify(
            NoticeKind::Warning,
            format!("未导入{}：{why}{unchanged}", quoted(files)),
        );
    }

    /// 撤销导入: puts back every task the import with backup `key` changed as it was, keeping
    /// what this browser changed on them since.
    pub fn undo_import(&self, key: &str) {
        let backup = match storage::import_backup(key) {
            Some(Ok(backup)) => backup,
            Some(Err(_)) => {
                let why = "这次导入的备份已损坏，无法撤销；当前数据没有任何改动。";
                return self.notify(NoticeKind::Warning, why.into());
            }
            None => {
                let why = "这次导入的备份已不存在，无法撤销。";
                return self.notify(NoticeKind::Warning, why.into());
            }
        };
        let newer: Vec<String> = storage::import_backups()
            .into_iter()
            .filter(|(k, b)| (b.at, k.as_str()) > (backup.at, key) && backup.shares_a_plan_with(b))
            .flat_map(|(_, b)| b.files)
            .collect();
        if !newer.is_empty() {
            self.notify(
                NoticeKind::Warning,
                format!(
                    "不能先撤销这次导入：之后导入的{}也改过同一计划，撤销这次会连带去掉它们带来的数据。请先在“数据与存储”中撤销较晚的导入，再撤销这一次。没有做任何改动。",
                    quoted(&newer)
                ),
            );
            return;
        }
        let here = self.settings.with_untracked(|s| s.replica.clone());
        let later = backup.made_since(&here);
        let mut kept = 0;
        for pb in &backup.plans {
            if self.plan.with_untracked(|p| p.id == pb.plan) {
                self.progress.update(|p| kept += pb.restore(p, &later));
                continue;
            }
            let result = self.current_progress(&pb.plan).and_then(|mut p| {
                kept += pb.restore(&mut p, &later);
                storage::save_progress(&pb.plan, &p).map_err(|e| words::storage_error(&e))
            });
            if let Err(why) = result {
                self.notify(
                    NoticeKind::Warning,
                    format!("《{}》未能恢复：{why}", pb.title),
                );
                return;
            }
        }
        let _ = storage::remove_import_backup(key);
        self.notices
            .update(|n| n.retain(|x| x.action != Some(NoticeAction::UndoImport(key.to_string()))));
        let since = if kept > 0 {
            format!("其中 {kept} 项保留了导入后本机所做的修改。")
        } else {
            String::new()
        };
        self.notify(
            NoticeKind::Info,
            format!(
                "已撤销导入{}：{} 项任务恢复到导入前。{since}",
                quoted(&backup.files),
                backup.task_count()
            ),
        );
    }
}

/// `“a.json”、“b.json”`.
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join("、")
}
