//! Export files made natively for the browser tests: what another unit's PC would email.

use workplan::model::{Date, ItemId, Progress, ReplicaId, Stamp, Status, TaskId, UnitId};
use workplan::parse::parse_plan;
use workplan::snapshot::{Snapshot, encode_pretty};

/// An export of the embedded plan in which 办公室, on another PC, just marked task `task`
/// `status` and logged `log` (dated 2023-08-01).
pub fn office_export(task: u32, status: Status, log: &str) -> String {
    let plan = parse_plan(workplan::DEFAULT_PLAN_TEXT)
        .expect("embedded plan parses")
        .plan;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let stamp = Stamp {
        at: now,
        n: 0,
        by: Some(UnitId("办公室".into())),
        replica: ReplicaId("other-pc".into()),
    };
    let mut progress = Progress::default();
    let t = progress.task_mut(TaskId(task));
    t.set_status(Some(status), &stamp);
    let day = Date::new(2023, 8, 1).expect("date");
    t.add_log(ItemId(format!("other-pc.{task}.1")), day, log, &stamp)
        .expect("log entry");
    encode_pretty(&Snapshot {
        saved_at: now,
        plan,
        progress,
    })
}
