//! The persistence effects: the plan and its progress are saved under their own keys as soon
//! as they change, each only when it changed; another tab's saves are merged or taken in.

use super::state::{AppState, NoticeKind};
use crate::storage::{self, StorageError};
use leptos::ev;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

/// Saves the progress, first folding in another tab's newer saves rather than overwriting them.
fn save_progress(state: AppState) {
    if !state.can_save.get_untracked() {
        return;
    }
    let id = state.plan.with_untracked(|p| p.id.clone());
    if let Some(stored) = storage::take_changed_progress(&id) {
        state.observe(&stored);
        let mut merged = state.progress.get_untracked();
        merged.merge(&stored);
        if state.progress.with_untracked(|p| *p != merged) {
            state.progress.set(merged);
            return; // the effect saves the merged progress
        }
    }
    let result = state
        .progress
        .with_untracked(|p| storage::save_progress(&id, p));
    report(state, result);
}

/// Saves the plan; when another tab changed it too, theirs is kept in a backup first.
fn save_plan(state: AppState) {
    if !state.can_save.get_untracked() {
        return;
    }
    let result = state.plan.with_untracked(|p| {
        if let Some(theirs) = storage::take_changed_plan(&p.id)
            && &theirs != p
        {
            // Both tabs edited the plan: keep theirs in a backup before writing ours.
            let kept = storage::back_up(
                &crate::snapshot::encode_plan(&theirs),
                super::state::now_ms(),
            );
            state.notify(
                NoticeKind::Warning,
                super::words::plan_conflict(kept.as_deref()),
            );
        }
        storage::save_plan(p)
    });
    if result.is_ok() {
        state.plan.with_untracked(|p| {
            let meta = super::load::meta_of(p);
            state.library.update(|l| {
                if let Some(m) = l.iter_mut().find(|m| m.id == meta.id)
                    && *m != meta
                {
                    *m = meta;
                }
            });
        });
    }
    report(state, result);
}

fn save_settings(state: AppState) {
    let result = state.settings.with_untracked(storage::save_settings);
    if result.is_err() {
        report(state, result);
    }
}

fn report(state: AppState, result: Result<(), StorageError>) {
    match result {
        Ok(()) => state.save_error.set(None),
        Err(e) => state.save_error.set(Some(e)),
    }
}

/// Installs the save effects and the listener for other tabs' saves.
///
/// A start writes nothing before its first frame is painted: each effect's first run only
/// subscribes, and what a start does have to write (the embedded plan on a first start, a
/// format migrated on load, the active plan in the settings) is saved once that frame is
/// painted. Before that, the saves would only encode the state just read to find it unchanged.
pub fn install(state: AppState) {
    let started = Rc::new(Cell::new(false));
    super::frame::after_paint(move || {
        if !started.replace(true) {
            save_progress(state);
            save_plan(state);
            save_settings(state);
        }
    });
    // Progress: a status click writes this key alone.
    Effect::new(move |ran: Option<()>| {
        state.progress.track();
        let can_save = state.can_save.get();
        if ran.is_some() && can_save {
            save_progress(state);
        }
    });
    // The plan: written only after an edit (unchanged text is skipped).
    Effect::new(move |ran: Option<()>| {
        state.plan.track();
        let can_save = state.can_save.get();
        if ran.is_some() && can_save {
            save_plan(state);
        }
    });
    Effect::new(move |ran: Option<()>| {
        state.settings.track();
        if ran.is_some() {
            save_settings(state);
        }
    });

    let handle = window_event_listener(ev::storage, move |event| {
        let id = state.plan.with_untracked(|p| p.id.clone());
        if storage::event_concerns(&event, &storage::progress_key(&id)) {
            if let Some(stored) = storage::take_changed_progress(&id) {
                state.observe(&stored);
                state.progress.maybe_update(|p| {
                    let before = p.clone();
                    p.merge(&stored);
                    *p != before
                });
            }
        } else if storage::event_concerns(&event, &storage::plan_key(&id)) {
            match storage::take_changed_plan(&id) {
                Some(plan) => {
                    state.plan.set(plan);
                    state.notify(
                        NoticeKind::Info,
                        "另一个窗口修改了本计划的结构，已载入最新内容。".into(),
                    );
                }
                None if event.new_value().is_none() => state.notify(
                    NoticeKind::Warning,
                    "另一个窗口删除了当前显示的计划。本窗口的内容仍可导出；刷新页面前请先导出。"
                        .into(),
                ),
                None => {}
            }
        } else if event.key().is_some_and(|k| k.starts_with("workplan:plan:")) {
            state
                .library
                .set(storage::list_plans(super::state::now_ms()).plans);
        }
    });
    on_cleanup(move || handle.remove());
}
