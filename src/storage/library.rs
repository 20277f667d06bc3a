//! The plan library in storage: one key per plan and one per plan's progress, deleted plans
//! in the trash, and the migration from the version-1 single document.

use super::raw::{
    Loaded, StorageError, back_up, get_raw, keys_with, load_key, remove, save_text, set_raw,
    take_changed,
};
use crate::model::order;
use crate::model::{Plan, PlanId, Progress};
use crate::snapshot::{
    self, PlanMeta, SnapshotError, Trashed, decode_plan, decode_plan_meta, decode_progress,
    decode_trash, encode_plan, encode_progress, encode_trash,
};

const PLAN_PREFIX: &str = "workplan:plan:";
const PROGRESS_PREFIX: &str = "workplan:progress:";
const TRASH_PREFIX: &str = "workplan:trash:";
/// The version-1 document: one plan with its progress.
pub const V1_DOC_KEY: &str = "workplan:v1:doc";
/// How many deleted plans are kept for undo.
const TRASH_LIMIT: usize = 5;

/// The key of a plan.
pub fn plan_key(id: &PlanId) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The key of a plan's progress.
pub fn progress_key(id: &PlanId) -> String {
    format!("{PROGRESS_PREFIX}{id}")
}

fn trash_key(id: &PlanId) -> String {
    format!("{TRASH_PREFIX}{id}")
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

/// Moves a plan and its progress to the trash; the oldest deleted plans beyond five go.
/// A plan deleted before keeps its progress in the new entry: the two are merged.
pub fn trash_plan(plan: &Plan, progress: &Progress, now_ms: i64) -> Result<(), StorageError> {
    let mut trashed = Trashed {
        deleted_at: now_ms,
        plan: plan.clone(),
        progress: progress.clone(),
    };
    if let Some(earlier) = get_raw(&trash_key(&plan.id))?.and_then(|t| decode_trash(&t).ok()) {
        trashed.progress.merge(&earlier.progress);
    }
    let originals = [plan_key(&plan.id), progress_key(&plan.id)];
    move_into(&trash_key(&plan.id), encode_trash(&trashed), &originals)?;
    let mut kept = trashed_plans();
    while kept.len() > TRASH_LIMIT {
        let oldest = kept.remove(kept.len() - 1);
        remove(&trash_key(&oldest.plan.id))?;
    }
    Ok(())
}

/// The deleted plans kept, newest first.
pub fn trashed_plans() -> Vec<Trashed> {
    let mut out: Vec<Trashed> = keys_with(TRASH_PREFIX)
        .iter()
        .filter_map(|k| get_raw(k).ok().flatten())
        .filter_map(|t| decode_trash(&t).ok())
        .collect();
    order::sort_by_key(&mut out, |t| std::cmp::Reverse(t.deleted_at));
    out
}

/// A deleted plan put back.
pub struct Restored {
    /// The plan and its progress as now stored.
    pub trashed: Trashed,
    /// Whether a different version of the plan was in the library and took its place in the
    /// trash.
    pub swapped: bool,
}

/// Puts a deleted plan back into the library. When the plan is in the library again (added
/// anew, or saved by another window meanwhile), nothing in use is lost: the progress of both
/// is merged, and a version of the plan that reads differently takes the deleted one's
/// place in the trash, to be restored in turn.
pub fn restore_trashed(id: &PlanId, now_ms: i64) -> Result<Option<Restored>, StorageError> {
    let key = trash_key(id);
    let Some(raw) = get_raw(&key)? else {
        return Ok(None);
    };
    let Ok(mut t) = decode_trash(&raw) else {
        return Ok(None);
    };
    let (plan_raw, progress_raw) = (get_raw(&plan_key(id))?, get_raw(&progress_key(id))?);
    if let Some(current) = &progress_raw {
        let Ok(mut progress) = decode_progress(id, current) else {
            return Ok(None);
        };
        progress.merge(&t.progress);
        t.progress = progress;
    }
    let in_use = match &plan_raw {
        Some(text) => match decode_plan(text) {
            Ok(plan) => Some(plan),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    if let Some(plan) = in_use {
        let used = plan.tasks.iter().map(|t| t.id.0).max().unwrap_or(0);
        t.plan.last_task_id = t.plan.last_task_id.max(plan.last_task_id).max(used);
        if !plan.same_content(&t.plan) {
            let entry = Trashed {
                deleted_at: now_ms,
                plan,
                progress: t.progress.clone(),
            };
            save_text(&key, encode_trash(&entry))?;
            if let Err(e) = save_plan(&t.plan).and_then(|()| save_progress(id, &t.progress)) {
                // Everything back as it was.
                set_raw(&key, &raw)?;
                for (k, v) in [(plan_key(id), &plan_raw), (progress_key(id), &progress_raw)] {
                    match v {
                        Some(v) => set_raw(&k, v)?,
                        None => remove(&k)?,
                    }
                }
                return Err(e);
            }
            return Ok(Some(Restored {
                trashed: t,
                swapped: true,
            }));
        }
    }
    let write = || save_plan(&t.plan).and_then(|()| save_progress(&t.plan.id, &t.progress));
    match write() {
        Ok(()) => remove(&key)?,
        Err(StorageError::Full) => {
            // No room for a second copy: the trash entry makes way, and comes back if the
            // plan still does not fit.
            remove(&key)?;
            if let Err(e) = write() {
                let _ = remove_plan(&t.plan.id);
                set_raw(&key, &raw)?;
                return Err(e);
            }
        }
        Err(e) => return Err(e),
    }
    Ok(Some(Restored {
        trashed: t,
        swapped: false,
    }))
}

/// Writes `text` under `key` and removes the `originals` it replaces. When storage has no
/// room for both at once, the originals make way first, and are put back as they were if
/// `text` still does not fit: nothing is lost either way.
fn move_into(key: &str, text: String, originals: &[String]) -> Result<(), StorageError> {
    match save_text(key, text.clone()) {
        Ok(()) => {}
        Err(StorageError::Full) => {
            let mut kept = Vec::new();
            for k in originals {
                if let Some(v) = get_raw(k)? {
                    kept.push((k, v));
                }
            }
            for (k, _) in &kept {
                remove(k)?;
            }
            if let Err(e) = save_text(key, text) {
                for (k, v) in &kept {
                    set_raw(k, v)?;
                }
                return Err(e);
            }
            return Ok(());
        }
        Err(e) => return Err(e),
    }
    for k in originals {
        remove(k)?;
    }
    Ok(())
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
