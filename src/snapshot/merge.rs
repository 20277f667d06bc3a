//! Merging an incoming snapshot into the local one, field by field on change stamps.

use super::{Snapshot, SnapshotError};

/// What a merge changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Tasks whose progress changed.
    pub tasks_changed: usize,
}

/// Merges `incoming` into `local`. Both must be copies of the same plan.
pub fn merge_into(local: &mut Snapshot, incoming: &Snapshot) -> Result<MergeReport, SnapshotError> {
    if local.plan.id != incoming.plan.id {
        return Err(SnapshotError::OtherPlan {
            title: incoming.plan.title.clone(),
        });
    }
    let before = local.progress.clone();
    local.progress.merge(&incoming.progress);
    let tasks_changed = local
        .progress
        .tasks
        .iter()
        .filter(|(id, tp)| before.tasks.get(id) != Some(tp))
        .count();
    Ok(MergeReport { tasks_changed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Progress, ReplicaId, Stamp, Status, TaskId};
    use crate::parse::parse_plan;

    #[test]
    fn merges_same_plan_and_refuses_another() {
        let plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        let mut local = Snapshot {
            saved_at: 0,
            plan: plan.clone(),
            progress: Progress::default(),
        };
        let mut incoming = local.clone();
        let stamp = Stamp {
            at: 1,
            by: None,
            replica: ReplicaId("b".into()),
        };
        incoming
            .progress
            .task_mut(TaskId(2))
            .set_status(Some(Status::Done), &stamp);
        assert_eq!(
            merge_into(&mut local, &incoming),
            Ok(MergeReport { tasks_changed: 1 })
        );
        assert_eq!(
            merge_into(&mut local, &incoming),
            Ok(MergeReport { tasks_changed: 0 })
        );
        let mut other = incoming.clone();
        other.plan = parse_plan("另一份要点\n一、部分\n1.做事。(责任部门:办公室)")
            .expect("parses")
            .plan;
        assert_eq!(
            merge_into(&mut local, &other),
            Err(SnapshotError::OtherPlan {
                title: "另一份要点".into()
            })
        );
    }
}
