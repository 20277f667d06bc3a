//! The plan library in storage: one key per plan and one per plan's progress, deleted plans
//! in the trash, and the migration from the version-1 single document.

use super::raw::{
    Loaded, StorageError, back_up, get_raw, keys_with, load_key, remove, save_text, take_changed,
};
use crate::model::order;
use crate::model::{Plan, PlanId, Progress};
use crate::snapshot::{
    self, PlanMeta, SnapshotError, decode_plan, decode_plan_meta, decode_progress, encode_plan,
    encode_progress,
};

const PLAN_PREFIX: &str = "workplan:plan:";
const PROGRESS_PREFIX: &str = "workplan:progress:";
/// The version-1 document: one plan with its progress.
pub const V1_DOC_KEY: &str = "workplan:v1:doc";
/// The key of a plan.
pub fn plan_key(id: &PlanId) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The key of a plan's progress.
pub fn progress_key(id: &PlanId) -> String {
    format!("{PROGRESS_PREFIX}{id}")
}

/// What a scan of the library found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryScan {
    /// Readable plans, by title.
    pub plans: Vec<PlanMeta>,
    /// Plans that could not be read: the error and where their text was kept.
    pub damaged: Vec<(SnapshotError, Option<String>)>,
}

/// Lists the stored plans (reading only titles and counts). An unreadable plan is backed up
/// and, once backed up, removed from the library.
pub fn list_plans(now_ms: i64) -> LibraryScan {
    let mut scan = LibraryScan::default();
    for key in keys_with(PLAN_PREFIX) {
        let id = PlanId(key[PLAN_PREFIX.len()..].to_string());
        let Ok(Some(raw)) = get_raw(&key) else {
            continue;
        };
        match decode_plan_meta(&id, &raw) {
            Ok(meta) => scan.plans.push(meta),
            Err(e) => {
                let backup = back_up(&raw, now_ms);
                if backup.is_some() {
                    let _ = remove(&key);
                }
                scan.damaged.push((e, backup));
            }
        }
    }
    order::sort_by(&mut scan.plans, |a, b| {
        a.title.cmp(&b.title).then(a.id.cmp(&b.id))
    });
    scan
}

/// Loads one plan.
pub fn load_plan(id: &PlanId, now_ms: i64) -> Result<Loaded<Plan>, StorageError> {
    load_key(&plan_key(id), now_ms, decode_plan)
}

/// Loads one plan's progress.
pub fn load_progress(id: &PlanId, now_ms: i64) -> Result<Loaded<Progress>, StorageError> {
    load_key(&progress_key(id), now_ms, |t| decode_progress(id, t))
}

/// Saves a plan (skipped when unchanged).
pub fn save_plan(plan: &Plan) -> Result<(), StorageError> {
    save_text(&plan_key(&plan.id), encode_plan(plan))
}

/// Saves a plan's progress (skipped when unchanged).
pub fn save_progress(id: &PlanId, progress: &Progress) -> Result<(), StorageError> {
    save_text(&progress_key(id), encode_progress(id, progress))
}

/// Whether `progress` would fit under its key, checked before a merge is applied.
pub fn check_progress_room(id: &PlanId, progress: &Progress) -> Result<(), StorageError> {
    super::raw::check_room(&progress_key(id), &encode_progress(id, progress))
}

/// The stored plan, if another tab changed it since this page last wrote or read it.
pub fn take_changed_plan(id: &PlanId) -> Option<Plan> {
    take_changed(&plan_key(id)).and_then(|t| decode_plan(&t).ok())
}

/// The stored progress, if another tab changed it since this page last wrote or read it.
pub fn take_changed_progress(id: &PlanId) -> Option<Progress> {
    take_changed(&progress_key(id)).and_then(|t| decode_progress(id, &t).ok())
}

/// Removes a plan and its progress for good.
pub fn remove_plan(id: &PlanId) -> Result<(), StorageError> {
    remove(&plan_key(id))?;
    remove(&progress_key(id))
}

/// What the version-1 migration did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Migration {
    /// No version-1 data was stored.
    Nothing,
    /// The version-1 document now lives under the new keys; its plan's id.
    Moved(PlanId),
    /// The version-1 document could not be read; where its text was kept.
    Damaged(SnapshotError, Option<String>),
}

/// Moves a version-1 document (one plan with its progress) to the per-plan keys. The old key
/// is removed only after both new keys are written; if the plan's keys exist already (an
/// earlier, interrupted migration), the progress is merged, not replaced.
pub fn migrate_v1(now_ms: i64) -> Result<Migration, StorageError> {
    let Some(raw) = get_raw(V1_DOC_KEY)? else {
        return Ok(Migration::Nothing);
    };
    let doc = match snapshot::decode(&raw) {
        Ok(doc) => doc,
        Err(e) => {
            let backup = back_up(&raw, now_ms);
            if backup.is_some() {
                remove(V1_DOC_KEY)?;
            }
            return Ok(Migration::Damaged(e, backup));
        }
    };
    let id = doc.plan.id.clone();
    let mut progress = doc.progress;
    if let Loaded::Found(stored) = load_progress(&id, now_ms)? {
        progress.merge(&stored);
    }
    if !matches!(load_plan(&id, now_ms)?, Loaded::Found(_)) {
        save_plan(&doc.plan)?;
    }
    save_progress(&id, &progress)?;
    remove(V1_DOC_KEY)?;
    Ok(Migration::Moved(id))
}
