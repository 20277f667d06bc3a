//! The values kept in browser storage, one kind per key, each versioned on its own.
//!
//! | key | kind | body |
//! |---|---|---|
//! | `workplan:plan:<id>` | `workplan-plan` v1 | `title`, `tasks` (count), `plan` (layout 2) |
//! | `workplan:progress:<id>` | `workplan-progress` v1 | `plan` (id), `progress` |
//! | `workplan:trash:<id>` | `workplan-trash` v1 | `deleted_at`, `plan`, `progress` |
//!
//! The plan and its progress sit under separate keys, so a status click writes only the
//! progress and a plan edit only the plan. A list of plans needs only `title` and `tasks`,
//! read by [`decode_plan_meta`] without building the plan.

use super::SnapshotError;
use super::versioned::{self, Kind};
use crate::model::{Plan, PlanId, Progress};
use serde::{Deserialize, Serialize};

/// A stored plan.
pub const PLAN: Kind = Kind {
    format: "workplan-plan",
    first: 1,
    migrations: &[],
};

/// A plan's stored progress.
pub const PROGRESS: Kind = Kind {
    format: "workplan-progress",
    first: 1,
    migrations: &[],
};

/// A deleted plan, kept so the deletion can be undone.
pub const TRASH: Kind = Kind {
    format: "workplan-trash",
    first: 1,
    migrations: &[],
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
    let head: Head = versioned::decode(&PLAN, text)?;
    Ok(PlanMeta {
        id: id.clone(),
        title: head.title,
        tasks: head.tasks,
    })
}

#[derive(Serialize, Deserialize)]
struct StoredProgress {
    plan: PlanId,
    progress: Progress,
}

/// Encodes a plan's progress for its key.
pub fn encode_progress(plan: &PlanId, progress: &Progress) -> String {
    #[derive(Serialize)]
    struct Ref<'a> {
        plan: &'a PlanId,
        progress: &'a Progress,
    }
    versioned::encode(&PROGRESS, &Ref { plan, progress }, false)
}

/// Decodes stored progress; it must belong to `plan`.
pub fn decode_progress(plan: &PlanId, text: &str) -> Result<Progress, SnapshotError> {
    let stored: StoredProgress = versioned::decode(&PROGRESS, text)?;
    if &stored.plan != plan {
        return Err(SnapshotError::Invalid(format!(
            "progress of {} stored under {plan}",
            stored.plan
        )));
    }
    Ok(stored.progress)
}

/// A deleted plan with its progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trashed {
    /// When it was deleted (ms since epoch).
    pub deleted_at: i64,
    /// The plan.
    pub plan: Plan,
    /// Its progress.
    pub progress: Progress,
}

/// Encodes a deleted plan.
pub fn encode_trash(t: &Trashed) -> String {
    versioned::encode(&TRASH, t, false)
}

/// Decodes a deleted plan.
pub fn decode_trash(text: &str) -> Result<Trashed, SnapshotError> {
    versioned::decode(&TRASH, text)
}

#[cfg(test)]
mod tests;
