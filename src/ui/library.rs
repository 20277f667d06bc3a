//! Library actions on the store: switch, create, copy for next year, rename, delete and undo,
//! restore the embedded plan. Each reports failures as notices and changes nothing then.

use super::load::{default_plan, meta_of};
use super::state::{AppState, NoticeAction, NoticeKind, PAGE_SIZE, now_ms};
use super::words;
use crate::model::order;
use crate::model::{History, Plan, PlanEdit, PlanId, Progress, copy_for_next_year};
use crate::storage::{self, Loaded};
use leptos::prelude::*;

impl AppState {
    /// Whether the library holds a plan with this id.
    pub fn has_plan(&self, id: &PlanId) -> bool {
        self.library
            .with_untracked(|l| l.iter().any(|m| &m.id == id))
    }

    fn put_meta(&self, plan: &Plan) {
        let meta = meta_of(plan);
        self.library
            .update(|l| match l.iter_mut().find(|m| m.id == meta.id) {
                Some(m) => *m = meta,
                None => {
                    l.push(meta);
                    order::sort_by(l, |a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
                }
            });
    }

    /// Shows `plan` with `progress`: history, filter and paging start afresh.
    fn show(&self, plan: Plan, progress: Progress) {
        let id = plan.id.clone();
        self.observe(&progress);
        self.plan.set(plan);
        self.progress.set(progress);
        self.history.set(History::default());
        self.filter.set(Default::default());
        self.limit.set(PAGE_SIZE);
        self.dialog.set(None);
        self.editing.set(false);
        self.settings.update(|s| s.active_plan = Some(id));
    }

    /// Loads a stored plan with its progress.
    fn read_plan(&self, id: &PlanId) -> Option<(Plan, Progress)> {
        let now = now_ms();
        let plan = match storage::load_plan(id, now) {
            Ok(Loaded::Found(p)) => p,
            Ok(Loaded::Damaged { error, backup_key }) => {
                self.notify(
                    NoticeKind::Warning,
                    words::damaged_storage(&error, backup_key.as_deref()),
                );
                return None;
            }
            Ok(Loaded::Empty) => {
                self.notify(
                    NoticeKind::Warning,
                    "计划库中找不到这份计划，可能已在其他窗口中删除。".into(),
                );
                self.library.update(|l| l.retain(|m| &m.id != id));
                return None;
            }
            Err(e) => {
                self.notify(NoticeKind::Warning, words::storage_error(&e));
                return None;
            }
        };
        let progress = match storage::load_progress(id, now) {
            Ok(Loaded::Found(p)) => p,
            Ok(Loaded::Damaged { error, backup_key }) => {
                self.notify(
                    NoticeKind::Warning,
                    words::damaged_storage(&error, backup_key.as_deref()),
                );
                Progress::default()
            }
            _ => Progress::default(),
        };
        Some((plan, progress))
    }

    /// Shows another plan of the library.
    pub fn switch_plan(&self, id: &PlanId) {
        if self.plan.with_untracked(|p| &p.id == id) {
            self.dialog.set(None);
            return;
        }
        if let Some((plan, progress)) = self.read_plan(id) {
            self.show(plan, progress);
        }
    }

    /// Adds a plan (with progress) to the library and shows it. Refused when the library has
    /// a plan with the same id, or when storage refuses it.
    pub fn add_plan(&self, plan: Plan, progress: Progress) -> bool {
        if self.has_plan(&plan.id) {
            self.notify_with(
                NoticeKind::Warning,
                format!("计划库中已有《{}》，没有重复添加。", plan.title),
                Some(NoticeAction::SwitchTo(plan.id.clone())),
            );
            return false;
        }
        if let Err(e) =
            storage::save_plan(&plan).and_then(|_| storage::save_progress(&plan.id, &progress))
        {
            let _ = storage::remove_plan(&plan.id);
            self.notify(
                NoticeKind::Warning,
                format!("未能添加计划：{}", words::storage_error(&e)),
            );
            return false;
        }
        self.put_meta(&plan);
        self.show(plan, progress);
        true
    }

    /// Copies a plan for next year: same structure, new title and id, no progress.
    pub fn copy_for_next_year(&self, id: &PlanId) {
        let source = if self.plan.with_untracked(|p| &p.id == id) {
            Some(self.plan.get_untracked())
        } else {
            self.read_plan(id).map(|(p, _)| p)
        };
        if let Some(source) = source {
            let copy = copy_for_next_year(&source, |id| self.has_plan(id));
            let title = copy.title.clone();
            if self.add_plan(copy, Progress::default()) {
                self.notify(
                    NoticeKind::Info,
                    format!("已复制为《{title}》，进展已清空。"),
                );
            }
        }
    }

    /// Renames a plan (its id stays).
    pub fn rename_plan(&self, id: &PlanId, title: &str) {
        if self.plan.with_untracked(|p| &p.id == id) {
            if let Err(e) = self.edit_plan(PlanEdit::RenamePlan(title.to_string())) {
                self.notify(NoticeKind::Warning, words::edit_error(&e));
            }
            return;
        }
        let Some((mut plan, _)) = self.read_plan(id) else {
            return;
        };
        match plan.apply(PlanEdit::RenamePlan(title.to_string())) {
            Ok(()) => match storage::save_plan(&plan) {
                Ok(()) => self.put_meta(&plan),
                Err(e) => self.notify(NoticeKind::Warning, words::storage_error(&e)),
            },
            Err(e) => self.notify(NoticeKind::Warning, words::edit_error(&e)),
        }
    }

    /// Deletes a plan into the trash; a notice offers to undo. The last plan left gives way to
    /// the embedded one.
    pub fn delete_plan(&self, id: &PlanId) {
        let active = self.plan.with_untracked(|p| &p.id == id);
        let pair = if active {
            Some((self.plan.get_untracked(), self.progress.get_untracked()))
        } else {
            self.read_plan(id)
        };
        let Some((plan, progress)) = pair else {
            return;
        };
        let kept_aside = match storage::trash_plan(&plan, &progress, now_ms()) {
            Ok(kept) => kept,
            Err(e) => {
                self.notify(
                    NoticeKind::Warning,
                    format!("未能删除：{}", words::storage_error(&e)),
                );
                return;
            }
        };
        if let Some(key) = kept_aside {
            self.notify(
                NoticeKind::Info,
                format!("回收站中原有《{}》的另一个版本（内容不同），已连同其进展另存为备份（{key}），可在“数据与存储”中导入。", plan.title),
            );
        }
        self.library.update(|l| l.retain(|m| &m.id != id));
        if active {
            let next = self
                .library
                .with_untracked(|l| l.first().map(|m| m.id.clone()));
            match next.and_then(|n| self.read_plan(&n)) {
                Some((p, pr)) => self.show(p, pr),
                None => self.restore_default(),
            }
        }
        self.notify_with(
            NoticeKind::Info,
            format!("已删除《{}》。", plan.title),
            Some(NoticeAction::UndoDelete(plan.id.clone())),
        );
    }

    /// Puts a deleted plan back and shows it.
    pub fn undo_delete(&self, id: &PlanId) {
        match storage::restore_trashed(id, now_ms()) {
            Ok(Some(r)) => {
                let title = r.trashed.plan.title.clone();
                let t = r.trashed;
                self.put_meta(&t.plan);
                self.show(t.plan, t.progress);
                if r.swapped {
                    self.notify(
                        NoticeKind::Info,
                        format!("已恢复《{title}》。计划库中原有的另一个版本与它内容不同，已移入回收站（进展已合并进恢复的计划），需要时可在“计划管理”中恢复。"),
                    );
                }
            }
            Ok(None) => self.notify(NoticeKind::Warning, "找不到已删除的计划，无法恢复。".into()),
            Err(e) => self.notify(NoticeKind::Warning, words::storage_error(&e)),
        }
    }

    /// Brings back the embedded 2023 plan: added when missing, else its text restored (its
    /// progress is kept).
    pub fn restore_default(&self) {
        let Some(plan) = default_plan() else {
            return;
        };
        if !self.has_plan(&plan.id) {
            self.add_plan(plan, Progress::default());
            return;
        }
        self.switch_plan(&plan.id);
        let before = self.plan.get_untracked();
        if !before.same_content(&plan) {
            // The numbers the edited plan used stay retired.
            let mut plan = plan;
            plan.retire_task_ids_of(&before);
            plan.revision = before.revision.saturating_add(1);
            self.plan.set(plan.clone());
            self.history.update(|h| h.record_plan(before, plan));
        }
        self.notify(
            NoticeKind::Info,
            "已恢复内置的工作要点原文，进展保持不变。".into(),
        );
    }

    /// Runs a notice's action.
    pub fn run_action(&self, action: NoticeAction) {
        match action {
            NoticeAction::UndoDelete(id) => self.undo_delete(&id),
            NoticeAction::AddPlan(doc) => {
                let doc = *doc;
                self.add_plan(doc.plan, doc.progress);
            }
            NoticeAction::SwitchTo(id) => self.switch_plan(&id),
            NoticeAction::RestoreProgress(id, old) => self.restore_progress(&id, *old),
            NoticeAction::UndoImport(key) => self.undo_import(&key),
            NoticeAction::AdoptPlan(doc, name) => self.adopt_plan(*doc, &name),
        }
    }
}

/// A deleted plan as the library dialog lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrashedMeta {
    /// Its id.
    pub id: PlanId,
    /// Its title.
    pub title: String,
    /// When it was deleted (ms since epoch).
    pub deleted_at: i64,
}

impl AppState {
    /// The deleted plans that can still be restored, newest first.
    pub fn trashed(&self) -> Vec<TrashedMeta> {
        storage::trashed_plans()
            .into_iter()
            .map(|t| TrashedMeta {
                id: t.plan.id,
                title: t.plan.title,
                deleted_at: t.deleted_at,
            })
            .collect()
    }
}
