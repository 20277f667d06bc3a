//! What the 数据与存储 panel needs from the store: room used per plan, the backups kept,
//! restoring a backup, clearing a plan's progress with undo, and the quota warning.

use super::import::preview;
use super::state::{AppState, NoticeAction, NoticeKind};
use crate::model::order;
use crate::model::{PlanId, Progress};
use crate::storage::{self, BACKUP_PREFIX, QUOTA_CHARS};
use leptos::prelude::*;

/// The share of the quota at which the page warns, in percent.
pub const WARN_PERCENT: usize = 80;

/// Room taken in browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Characters used by every local page.
    pub used: usize,
    /// The quota, in characters.
    pub quota: usize,
    /// Per plan of the library: id, title, characters of its plan and progress keys.
    pub plans: Vec<(PlanId, String, usize)>,
    /// Backups: key, time (ms) and characters.
    pub backups: Vec<(String, i64, usize)>,
}

impl Usage {
    /// The share of the quota used, in percent.
    pub fn percent(&self) -> usize {
        (self.used * 100).checked_div(self.quota).unwrap_or(0)
    }
}

impl AppState {
    /// Measures what storage holds now.
    pub fn usage(&self) -> Usage {
        let size = |key: String| {
            storage::sizes_with(&key)
                .into_iter()
                .map(|(_, n)| n)
                .sum::<usize>()
        };
        let plans = self
            .library
            .get_untracked()
            .into_iter()
            .map(|m| {
                let n = size(storage::plan_key(&m.id)) + size(storage::progress_key(&m.id));
                (m.id, m.title, n)
            })
            .collect();
        let mut backups: Vec<(String, i64, usize)> = storage::sizes_with(BACKUP_PREFIX)
            .into_iter()
            .map(|(k, n)| {
                let at = k[BACKUP_PREFIX.len()..]
                    .split('-')
                    .next()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                (k, at, n)
            })
            .collect();
        order::sort_by_key(&mut backups, |b| std::cmp::Reverse(b.1));
        Usage {
            used: storage::used_chars(),
            quota: QUOTA_CHARS,
            plans,
            backups,
        }
    }

    /// Imports a backup that holds an export, a bundle or a saved page; others cannot be
    /// read by the app and stay where they are.
    pub fn restore_backup(&self, key: &str) {
        match storage::get_raw(key) {
            Ok(Some(text)) => preview(*self, vec![(format!("备份 {key}"), text)]),
            _ => self.notify(NoticeKind::Warning, format!("找不到备份 {key}。")),
        }
    }

    /// Deletes a backup for good.
    pub fn delete_backup(&self, key: &str) {
        if let Err(e) = storage::remove(key) {
            self.notify(NoticeKind::Warning, super::words::storage_error(&e));
        }
    }

    /// Clears the progress of the shown plan; a notice offers to undo.
    pub fn clear_progress(&self) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        let old = self.progress.get_untracked();
        self.progress.set(Progress::default());
        self.history.set(Default::default());
        self.notify_with(
            NoticeKind::Info,
            "已清空当前计划的全部进展。".into(),
            Some(NoticeAction::RestoreProgress(id, Box::new(old))),
        );
    }

    /// Puts cleared progress back (merged with anything recorded since).
    pub fn restore_progress(&self, id: &PlanId, old: Progress) {
        if self.plan.with_untracked(|p| &p.id != id) {
            self.switch_plan(id);
        }
        self.progress.update(|p| p.merge(&old));
    }

    /// Warns once per page when storage is fuller than [`WARN_PERCENT`].
    pub fn warn_if_nearly_full(&self) {
        let used = storage::used_chars();
        if used * 100 >= QUOTA_CHARS * WARN_PERCENT {
            self.notify(
                NoticeKind::Warning,
                format!(
                    "浏览器存储空间已用 {}%。存满后修改将无法保存：请导出数据，并在“数据与存储”中删除不用的计划或备份。",
                    used * 100 / QUOTA_CHARS
                ),
            );
        }
    }
}
