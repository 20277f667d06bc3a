//! Opening a copy that carries data: plans this browser lacks are added; for plans it holds,
//! the user chooses 合并 (through the import preview: conflicts shown, a backup kept, 撤销导入
//! offered), 使用副本中的数据 or 保留本机数据. Nothing is overwritten silently.

use super::adopt::plan_offer;
use super::carry::{carried_text, fingerprint, remember};
use super::state::{AppState, Dialog, NoticeKind, now_ms};
use super::words;
use crate::model::{Progress, Relation};
use crate::snapshot::{Snapshot, check_incoming, decode_bundle};
use crate::storage::{self, Loaded};
use leptos::prelude::*;

/// A plan the opened copy carries, and how it stands to this browser's copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarriedPlan {
    /// The checked plan and progress from the copy.
    pub doc: Snapshot,
    /// How the copy's progress stands to this browser's.
    pub relation: Relation,
    /// How the copy's plan differs from this browser's, in words (empty when alike).
    pub plan_change: String,
}

/// What an opened copy offers when this browser holds some of its plans already.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyOffer {
    /// The block's fingerprint.
    pub print: String,
    /// The plans this browser holds too, with their relation.
    pub plans: Vec<CarriedPlan>,
}

/// At start: takes in the data this page carries. Plans this browser lacks are added; for
/// plans it holds, the choice dialog opens unless both sides agree. A damaged block is
/// refused with a notice, and the local data is used.
pub fn offer_carried(app: AppState) {
    let Some(text) = carried_text() else {
        return;
    };
    let print = fingerprint(&text);
    if app
        .settings
        .with_untracked(|s| s.handled_copies.contains(&print))
    {
        return;
    }
    let bundle = match decode_bundle(&text) {
        Ok(b) => b,
        Err(e) => {
            app.notify(NoticeKind::Warning, words::carried_damaged(&e));
            return;
        }
    };
    let now = now_ms();
    let stored = storage::list_plans(now).plans;
    let mut offer = CopyOffer {
        print: print.clone(),
        plans: Vec::new(),
    };
    let mut added = 0;
    for incoming in bundle.snapshots() {
        let (progress, _) = check_incoming(&incoming, &incoming.plan, now);
        let doc = Snapshot {
            progress,
            ..incoming
        };
        let shown = app.plan.with_untracked(|p| p.id == doc.plan.id);
        if stored.iter().any(|m| m.id == doc.plan.id) {
            let local = app.local_progress(&doc.plan.id);
            let relation = local.relation(&doc.progress);
            let plan_change = app
                .local_plan(&doc.plan.id)
                .and_then(|ours| plan_offer(&ours, &doc.plan))
                .unwrap_or_default();
            if relation != Relation::Same || !plan_change.is_empty() {
                offer.plans.push(CarriedPlan {
                    doc,
                    relation,
                    plan_change,
                });
            }
        } else if app.store_plan(&doc) {
            added += 1;
            if shown {
                // The shown plan was only the built-in one, never stored: show the copy's.
                app.observe(&doc.progress);
                app.plan.set(doc.plan.clone());
                app.progress.set(doc.progress.clone());
            }
        }
    }
    if added > 0 {
        if let Some(active) = bundle.active.filter(|id| app.has_plan(id)) {
            app.switch_plan(&active);
        }
        app.notify(
            NoticeKind::Info,
            format!("已从副本中载入 {added} 份计划及其进展。"),
        );
    }
    if offer.plans.is_empty() {
        app.settings
            .update(|s| remember(&mut s.handled_copies, print));
    } else {
        app.open_dialog(Dialog::Copy(Box::new(offer)));
    }
}

/// The name an opened copy's data goes by in the import preview and its notices.
const COPY_NAME: &str = "带数据的副本";

/// What to do with an opened copy's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyChoice {
    /// 合并: field by field, as an import (previewed, backed up, undoable).
    Merge,
    /// 使用副本中的数据: the copy's plan and progress replace this browser's (which are backed up).
    UseCopy,
    /// 保留本机数据: the copy's data is left aside.
    KeepLocal,
}

impl AppState {
    /// The stored (or shown) progress of a plan of the library.
    fn local_progress(&self, id: &crate::model::PlanId) -> Progress {
        if self.plan.with_untracked(|p| &p.id == id) {
            return self.progress.get_untracked();
        }
        match storage::load_progress(id, now_ms()) {
            Ok(Loaded::Found(p)) => p,
            _ => Progress::default(),
        }
    }

    /// The shown or stored plan of the library with this id.
    fn local_plan(&self, id: &crate::model::PlanId) -> Option<crate::model::Plan> {
        if self.plan.with_untracked(|p| &p.id == id) {
            return Some(self.plan.get_untracked());
        }
        match storage::load_plan(id, now_ms()) {
            Ok(Loaded::Found(p)) => Some(p),
            _ => None,
        }
    }

    /// Adds a plan with its progress to storage and the library, without showing it.
    fn store_plan(&self, doc: &Snapshot) -> bool {
        let saved = storage::save_plan(&doc.plan)
            .and_then(|_| storage::save_progress(&doc.plan.id, &doc.progress));
        match saved {
            Ok(()) => {
                self.library.set(storage::list_plans(now_ms()).plans);
                true
            }
            Err(e) => {
                self.notify(NoticeKind::Warning, words::storage_error(&e));
                false
            }
        }
    }

    /// Carries out the choice for an opened copy's data.
    pub fn resolve_copy(&self, offer: &CopyOffer, choice: CopyChoice) {
        self.settings
            .update(|s| remember(&mut s.handled_copies, offer.print.clone()));
        if choice == CopyChoice::Merge {
            // As an import of the copy: its preview replaces this dialog.
            let docs = offer.plans.iter().map(|c| c.doc.clone()).collect();
            super::import::show(*self, self.prepare_snapshots(COPY_NAME, docs));
            return;
        }
        let active = self.plan.with_untracked(|p| p.id.clone());
        for carried in &offer.plans {
            let doc = &carried.doc;
            let id = &doc.plan.id;
            let local = self.local_progress(id);
            let progress = match choice {
                CopyChoice::KeepLocal | CopyChoice::Merge => continue,
                CopyChoice::UseCopy => {
                    let mine = Snapshot {
                        saved_at: now_ms(),
                        plan: if *id == active {
                            self.plan.get_untracked()
                        } else {
                            doc.plan.clone()
                        },
                        progress: local,
                    };
                    storage::back_up(&crate::snapshot::encode(&mine), now_ms());
                    doc.progress.clone()
                }
            };
            self.observe(&progress);
            if *id == active {
                if choice == CopyChoice::UseCopy {
                    self.plan.set(doc.plan.clone());
                }
                self.progress.set(progress);
            } else {
                let plan_saved = match choice {
                    CopyChoice::UseCopy => storage::save_plan(&doc.plan),
                    _ => Ok(()),
                };
                if let Err(e) = plan_saved.and_then(|_| storage::save_progress(id, &progress)) {
                    self.notify(NoticeKind::Warning, words::storage_error(&e));
                }
            }
        }
        self.dialog.set(None);
        let said = match choice {
            CopyChoice::Merge => return, // merged through the import preview, above
            CopyChoice::UseCopy => {
                "已改用副本中的数据；本机原有数据已另存为备份，可在“数据与存储”中找回。"
            }
            CopyChoice::KeepLocal => "已保留本机数据，副本中的数据未载入。",
        };
        self.notify(NoticeKind::Info, said.into());
    }
}
