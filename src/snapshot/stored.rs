//! The values kept in browser storage, one kind per key, each versioned on its own.
//!
//! | key | kind | body |
//! |---|---|---|
//! | `workplan:plan:<id>` | `workplan-plan` v1 | `title`, `tasks` (count), `plan` (layout 2) |
//! | `workplan:progress:<id>` | `workplan-progress` v2 | `plan` (id), `progress` (compact) |
//! | `workplan:trash:<id>` | `workplan-trash` v2 | `deleted_at`, `plan`, `progress` (compact) |
//!
//! The plan and its progress sit under separate keys, so a status click writes only the
//! progress and a plan edit only the plan. A list of plans needs only `title` and `tasks`,
//! read by [`decode_plan_meta`] without building the plan.
//!
//! Progress is stored in the compact form of [`compact`](super::compact) (version 2): a
//! year of monthly entries for a 300-task plan takes under half of what the browser holds.
//! Version 1 wrote it as export files do; it is still read, and the next save writes
//! version 2.

use super::SnapshotError;
use super::compact::{CompactProgress, CompactRef, progress_v1_to_v2};
use super::versioned::{self, Kind, Migration};
use crate::model::{Plan, PlanId, Progress};
use serde::{Deserialize, Serialize};

/// A stored plan.
pub const PLAN: Kind = Kind {
    format: "workplan-plan",
    first: 1,
    migrations: &[],
};

/// A plan's stored progress: version 1 as in export files, version 2 compact.
pub const PROGRESS: Kind = Kind {
    format: "workplan-progress",
    first: 1,
    migrations: &[progress_v1_to_v2 as Migration],
};

/// A deleted plan, kept so the deletion can be undone; its progress as in [`PROGRESS`].
pub const TRASH: Kind = Kind {
    format: "workplan-trash",
    first: 1,
    migrations: &[progress_v1_to_v2 as Migration],
};

/// What a plan list shows of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// The plan's id.
    #[serde(default)]
    pub id: PlanId,
    /// Its title.
    pub title: String,
    /// How many tasks it has.
    pub tasks: usize,
}

#[derive(Serialize, Deserialize)]
struct StoredPlan {
    title: String,
    tasks: usize,
    plan: Plan,
}

/// Encodes a plan for its key.
pub fn encode_plan(plan: &Plan) -> String {
    let body = StoredPlan {
        title: plan.title.clone(),
        tasks: plan.tasks.len(),
        plan: plan.clone(),
    };
    versioned::encode(&PLAN, &body, false)
}

/// Decodes a stored plan.
pub fn decode_plan(text: &str) -> Result<Plan, SnapshotError> {
    versioned::decode::<StoredPlan>(&PLAN, text).map(|s| s.plan)
}

/// Reads only the title and task count of a stored plan.
pub fn decode_plan_meta(id: &PlanId, text: &str) -> Result<PlanMeta, SnapshotError> {
    #[derive(Deserialize)]
    struct Head {
        title: String,
        tasks: usize,
    }
    /// The envelope and the head in one pass, the plan skipped unread.
    #[derive(Deserialize)]
    struct Quick {
        format: Option<String>,
        version: Option<u64>,
        title: Option<String>,
        tasks: Option<usize>,
    }
    if let Ok(Quick {
        format: Some(format),
        version: Some(version),
        title: Some(title),
        tasks: Some(tasks),
    }) = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        && format == PLAN.format
        && version == PLAN.current()
    {
        return Ok(PlanMeta {
            id: id.clone(),
            title,
            tasks,
        });
    }
    let head: Head = versioned::decode(&PLAN, text)?;
    Ok(PlanMeta {
        id: id.clone(),
        title: head.title,
        tasks: head.tasks,
    })
}

#[derive(Serialize)]
struct ProgressOut<'a> {
    plan: &'a PlanId,
    progress: CompactRef<'a>,
}

#[derive(Deserialize)]
struct ProgressIn {
    plan: PlanId,
    progress: CompactProgress,
}

/// Encodes a plan's progress for its key.
pub fn encode_progress(plan: &PlanId, progress: &Progress) -> String {
    let progress = CompactRef(progress);
    versioned::encode(&PROGRESS, &ProgressOut { plan, progress }, false)
}

/// Decodes stored progress; it must belong to `plan`.
pub fn decode_progress(plan: &PlanId, text: &str) -> Result<Progress, SnapshotError> {
    let stored: ProgressIn = versioned::decode(&PROGRESS, text)?;
    if &stored.plan != plan {
        return Err(SnapshotError::invalid(format!(
            "progress of {} stored under {plan}",
            stored.plan
        )));
    }
    Ok(stored.progress.0)
}

/// A deleted plan with its progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trashed {
    /// When it was deleted (ms since epoch).
    pub deleted_at: i64,
    /// The plan.
    pub plan: Plan,
    /// Its progress.
    pub progress: Progress,
}

#[derive(Serialize)]
struct TrashOut<'a> {
    deleted_at: i64,
    plan: &'a Plan,
    progress: CompactRef<'a>,
}

#[derive(Deserialize)]
struct TrashIn {
    deleted_at: i64,
    plan: Plan,
    progress: CompactProgress,
}

/// Encodes a deleted plan.
pub fn encode_trash(t: &Trashed) -> String {
    let out = TrashOut {
        deleted_at: t.deleted_at,
        plan: &t.plan,
        progress: CompactRef(&t.progress),
    };
    versioned::encode(&TRASH, &out, false)
}

/// Decodes a deleted plan.
pub fn decode_trash(text: &str) -> Result<Trashed, SnapshotError> {
    let t: TrashIn = versioned::decode(&TRASH, text)?;
    Ok(Trashed {
        deleted_at: t.deleted_at,
        plan: t.plan,
        progress: t.progress.0,
    })
}

#[cfg(test)]
mod tests;
