//! Stored values round-trip, and a version-1 store migrates with nothing lost.

use super::*;
use crate::model::{ReplicaId, Role, Stamp, Status, TaskId, UnitKind};
use crate::parse::parse_plan;
use crate::snapshot::decode;

const V1_DOC: &str = include_str!("../../../tests/fixtures/snapshots/v1-2023-progress.json");

fn seed() -> Plan {
    parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan
}

#[test]
fn plan_round_trips_and_its_meta_reads_alone() {
    let plan = seed();
    let text = encode_plan(&plan);
    assert_eq!(decode_plan(&text), Ok(plan.clone()));
    let meta = decode_plan_meta(&plan.id, &text).expect("meta");
    assert_eq!(meta.title, plan.title);
    assert_eq!(meta.tasks, 19);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(
        (v["format"].as_str(), v["version"].as_u64()),
        (Some("workplan-plan"), Some(1))
    );
}

#[test]
fn progress_round_trips_and_belongs_to_its_plan() {
    let plan = seed();
    let mut progress = Progress::default();
    let stamp = Stamp {
        at: 9,
        n: 0,
        by: None,
        replica: ReplicaId("r".into()),
    };
    progress
        .task_mut(TaskId(4))
        .set_status(Some(Status::Done), &stamp);
    let text = encode_progress(&plan.id, &progress);
    assert_eq!(decode_progress(&plan.id, &text), Ok(progress));
    let other = PlanId("plan-other".into());
    assert!(matches!(
        decode_progress(&other, &text),
        Err(SnapshotError::Invalid { .. })
    ));
    assert_eq!(
        decode_progress(&plan.id, &encode_plan(&plan)),
        Err(SnapshotError::NotWorkplan),
        "a plan is not progress"
    );
    let mut wrong: serde_json::Value = serde_json::from_str(&text).expect("json");
    wrong["version"] = 1.into();
    assert!(
        matches!(
            decode_progress(&plan.id, &wrong.to_string()),
            Err(SnapshotError::Invalid { .. })
        ),
        "compact progress under a damaged version 1 is an error, not empty progress"
    );
}

#[test]
fn trash_round_trips() {
    let t = Trashed {
        deleted_at: 5,
        plan: seed(),
        progress: Progress::default(),
    };
    assert_eq!(decode_trash(&encode_trash(&t)), Ok(t));
}

#[test]
fn a_version_one_document_migrates_with_its_progress() {
    let doc = decode(V1_DOC).expect("a version-1 file still reads");
    let fresh = seed();
    assert_eq!(doc.plan.id, fresh.id, "the plan keeps its id");
    assert_eq!(doc.plan.sections, fresh.sections);
    assert_eq!(doc.plan.tasks.len(), 19);
    for (old, new) in doc.plan.tasks.iter().zip(&fresh.tasks) {
        assert_eq!(old.id, new.id);
        assert_eq!(old.title, new.title);
        assert_eq!(old.body, new.body);
        let names: Vec<&str> = old.unit_names().collect();
        assert_eq!(names, new.unit_names().collect::<Vec<_>>());
        assert!(old.units.iter().all(|a| a.role == Role::Responsible));
    }
    assert_eq!(
        doc.plan.units.kind_of("办公室"),
        UnitKind::new(UnitKind::OFFICE)
    );
    assert_eq!(
        doc.plan.units.kind_of("文源司法所"),
        UnitKind::new(UnitKind::JUDICIAL_OFFICE)
    );
    assert!(doc.plan.units.group("各司法所").is_some());
    let t3 = doc.progress.task(TaskId(3)).expect("task 3 progress");
    assert_eq!(
        t3.status.as_ref().and_then(|s| s.value),
        Some(Status::InProgress)
    );
    assert_eq!(t3.percent.as_ref().and_then(|s| s.value), Some(40));
    assert_eq!(t3.log.len(), 1);
    let t17 = doc.progress.task(TaskId(17)).expect("task 17 progress");
    assert_eq!(t17.measures.len(), 1);
    assert_eq!(doc.saved_at, 1_688_200_000_000);
}

/// The shipped default plan is the parsed text, stored in the current format. When the parser,
/// the model or the format changes, run this test with `WORKPLAN_BLESS=1` to rewrite the file.
#[test]
fn the_stored_default_plan_is_the_parsed_text() {
    let expected = encode_plan(&seed());
    if std::env::var_os("WORKPLAN_BLESS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/plan-2023.json");
        std::fs::write(path, &expected).expect("write data/plan-2023.json");
        return;
    }
    assert!(
        crate::DEFAULT_PLAN_STORED == expected,
        "data/plan-2023.json is not the parsed data/plan-2023.txt in the current format: \
         rerun this test with WORKPLAN_BLESS=1 and commit the file"
    );
    assert_eq!(decode_plan(crate::DEFAULT_PLAN_STORED), Ok(seed()));
}
