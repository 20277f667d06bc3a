//! Deleted plans: `workplan:trash:<id>`, one entry a plan, the newest five kept. Deleting
//! and restoring never lose a version of a plan or the progress of one.

use super::library::{plan_key, progress_key, remove_plan, save_plan, save_progress};
use super::raw::{StorageError, back_up, get_raw, keys_with, remove, save_text, set_raw};
use crate::model::order;
use crate::model::{Plan, PlanId, Progress};
use crate::snapshot::{
    Snapshot, Trashed, decode_plan, decode_progress, decode_trash, encode_pretty, encode_trash,
};

const TRASH_PREFIX: &str = "workplan:trash:";
/// How many deleted plans are kept for undo.
const TRASH_LIMIT: usize = 5;

fn trash_key(id: &PlanId) -> String {
    format!("{TRASH_PREFIX}{id}")
}

/// Moves a plan and its progress to the trash; the oldest deleted plans beyond five go.
/// When the trash holds this plan already (deleted before), its progress merges into the
/// new entry, but for numbers the two versions give to different tasks; an earlier version
/// that reads differently is kept whole as a backup in the export format, whose key is
/// returned.
pub fn trash_plan(
    plan: &Plan,
    progress: &Progress,
    now_ms: i64,
) -> Result<Option<String>, StorageError> {
    let mut trashed = Trashed {
        deleted_at: now_ms,
        plan: plan.clone(),
        progress: progress.clone(),
    };
    let mut kept_aside = None;
    if let Some(earlier) = get_raw(&trash_key(&plan.id))?.and_then(|t| decode_trash(&t).ok()) {
        trashed
            .progress
            .merge_same_tasks(plan, &earlier.progress, &earlier.plan);
        trashed.plan.retire_task_ids_of(&earlier.plan);
        if !earlier.plan.same_content(plan) {
            let doc = Snapshot {
                saved_at: earlier.deleted_at,
                plan: earlier.plan,
                progress: earlier.progress,
            };
            kept_aside = Some(
                back_up(&encode_pretty(&doc), now_ms)
                    .ok_or_else(|| StorageError::Other("回收站中原有的版本无法另存".into()))?,
            );
        }
    }
    let originals = [plan_key(&plan.id), progress_key(&plan.id)];
    move_into(&trash_key(&plan.id), encode_trash(&trashed), &originals)?;
    let mut kept = trashed_plans();
    while kept.len() > TRASH_LIMIT {
        let oldest = kept.remove(kept.len() - 1);
        remove(&trash_key(&oldest.plan.id))?;
    }
    Ok(kept_aside)
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
    let current = match &progress_raw {
        Some(text) => match decode_progress(id, text) {
            Ok(progress) => progress,
            Err(_) => return Ok(None),
        },
        None => Progress::default(),
    };
    let in_use = match &plan_raw {
        Some(text) => match decode_plan(text) {
            Ok(plan) => Some(plan),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    // The progress of the version in use (or saved by another window) merges in, but for
    // numbers the two versions give to different tasks.
    let Trashed { plan, progress, .. } = &mut t;
    progress.merge_same_tasks(plan, &current, in_use.as_ref().unwrap_or(plan));
    if let Some(plan) = in_use {
        t.plan.retire_task_ids_of(&plan);
        if !plan.same_content(&t.plan) {
            // The version in use takes the trash's place with its own progress.
            let entry = Trashed {
                deleted_at: now_ms,
                plan,
                progress: current,
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
