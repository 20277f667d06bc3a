//! The persistence effect: every change is saved at once, merged with edits made in other tabs.

use super::state::{AppState, NoticeKind, now_ms};
use crate::snapshot::{Snapshot, merge_into};
use crate::storage;
use leptos::ev;
use leptos::prelude::*;

/// Installs the save effects and the listener for other tabs' saves.
pub fn install(state: AppState) {
    Effect::new(move |_| {
        let progress = state.progress.get();
        if !state.can_save.get() {
            return;
        }
        let mut doc = Snapshot {
            saved_at: now_ms(),
            plan: state.plan.get_untracked(),
            progress,
        };
        // Another tab may have saved newer edits: fold them in rather than overwrite them.
        if let Some(stored) = storage::peek_changed_doc()
            && merge_into(&mut doc, &stored).is_ok_and(|r| r.tasks_changed > 0)
        {
            state.progress.set(doc.progress.clone());
        }
        match storage::save_doc(&doc) {
            Ok(()) => state.save_error.set(None),
            Err(e) => state.save_error.set(Some(e)),
        }
    });

    Effect::new(move |_| {
        let settings = state.settings.get();
        if let Err(e) = storage::save_settings(&settings) {
            state.save_error.set(Some(e));
        }
    });

    let handle = window_event_listener(ev::storage, move |event| {
        if !storage::concerns_doc(&event) {
            return;
        }
        let Some(stored) = storage::peek_changed_doc() else {
            return;
        };
        let mut doc = state.snapshot();
        match merge_into(&mut doc, &stored) {
            Ok(report) if report.tasks_changed > 0 => state.progress.set(doc.progress),
            Ok(_) => {}
            Err(_) => state.notify(
                NoticeKind::Warning,
                "另一个窗口保存了另一份工作要点的数据。本窗口的数据未被改动；刷新页面前请先导出。"
                    .into(),
            ),
        }
    });
    on_cleanup(move || handle.remove());
}
