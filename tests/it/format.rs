//! The documented format: every snapshot fixture decodes, migrates and re-encodes to a
//! document valid against docs/snapshot.schema.json, and the version-2 fixtures are exactly
//! what this build writes (`WORKPLAN_WRITE_FIXTURES=1` rewrites them).

use crate::laws::config;
use crate::laws::strategies::progress_any_text;
use proptest::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use workplan::model::{
    Date, ItemId, MeasureChange, Plan, Progress, ReplicaId, Stamp, Status, TaskId, UnitId,
    seed_measure_id,
};
use workplan::snapshot::{Snapshot, decode, encode, encode_pretty};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn validator() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(build_validator)
}

fn build_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(ROOT).join("docs/snapshot.schema.json"))
        .expect("docs/snapshot.schema.json is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::meta::validate(&schema).expect("the schema is a valid JSON Schema");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// Every schema error in `doc`, one per line, with where it is.
fn errors(v: &jsonschema::Validator, doc: &Value) -> String {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(ROOT).join("tests/fixtures/snapshots");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/snapshots exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_migrates_to_a_valid_current_document() {
    let v = validator();
    let files = fixtures();
    assert!(files.len() >= 3, "fixtures: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let snapshot = decode(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for encoded in [encode(&snapshot), encode_pretty(&snapshot)] {
            let doc: Value = serde_json::from_str(&encoded).expect("JSON");
            let errs = errors(v, &doc);
            assert!(errs.is_empty(), "{}:\n{errs}", file.display());
            assert_eq!(decode(&encoded).as_ref(), Ok(&snapshot));
        }
    }
}

fn stamp(at: i64, n: u32, by: Option<&str>, replica: &str) -> Stamp {
    Stamp {
        at,
        n,
        by: by.map(|u| UnitId(u.into())),
        replica: ReplicaId(replica.into()),
    }
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real date")
}

/// Progress touching every field: explicit and cleared status, percent, deadline, parts,
/// a seeded and an added measure, a removed one, a corrected and a withdrawn log entry, and
/// stamps with and without a counter and a unit.
fn sample_progress(plan: &Plan, lead: &str, other: &str) -> Progress {
    const T: i64 = 1_688_000_000_000; // 2023-06-29
    let mut p = Progress::default();
    let first = plan.tasks[0].id;
    let tp = p.task_mut(first);
    tp.set_status(
        Some(Status::InProgress),
        &stamp(T, 0, Some(lead), "pc-office"),
    );
    tp.set_percent(Some(40), &stamp(T, 1, Some(lead), "pc-office"));
    tp.set_deadline(
        Some(day(2023, 9, 30)),
        &stamp(T, 2, Some(lead), "pc-office"),
    );
    tp.set_part(
        lead,
        Some(Status::Done),
        &stamp(T + 5, 0, Some(lead), "pc-office"),
    );
    tp.set_part(
        other,
        Some(Status::Lagging),
        &stamp(T + 5, 0, Some(other), "pc-jo"),
    );
    let seed = workplan::model::measures(&plan.tasks[0], None);
    if let Some(m) = seed.first() {
        let s = stamp(T + 10, 0, Some(lead), "pc-office");
        tp.update_measure(&m.id, m.seed.as_deref(), MeasureChange::Done(true), &s)
            .expect("seeded measure");
    }
    let added = ItemId("pc-office.1688000000020.1".into());
    tp.add_measure(
        added,
        "建立工作台账",
        &stamp(T + 20, 0, Some(lead), "pc-office"),
    )
    .expect("added");
    let gone = ItemId("pc-office.1688000000030.2".into());
    tp.add_measure(
        gone.clone(),
        "重复录入",
        &stamp(T + 30, 0, Some(lead), "pc-office"),
    )
    .expect("added");
    tp.update_measure(
        &gone,
        None,
        MeasureChange::Removed(true),
        &stamp(T + 31, 0, Some(lead), "pc-office"),
    )
    .expect("removed");
    let log = ItemId("pc-office.1688000000040.3".into());
    tp.add_log(
        log.clone(),
        day(2023, 6, 29),
        "召开专题会议",
        &stamp(T + 40, 0, Some(lead), "pc-office"),
    )
    .expect("logged");
    tp.correct_log(
        &log,
        "召开专题会议，部署全年工作",
        &stamp(T + 41, 0, Some(lead), "pc-office"),
    )
    .expect("corrected");
    let withdrawn = ItemId("pc-jo.1688000000050.1".into());
    tp.add_log(
        withdrawn.clone(),
        day(2023, 6, 30),
        "误填",
        &stamp(T + 50, 0, None, "pc-jo"),
    )
    .expect("logged");
    tp.set_log_withdrawn(&withdrawn, true, &stamp(T + 51, 3, None, "pc-jo"))
        .expect("withdrawn");
    if let Some(second) = plan.tasks.get(1) {
        let tp = p.task_mut(second.id);
        tp.set_status(
            Some(Status::Lagging),
            &stamp(T + 60, 0, Some(other), "pc-jo"),
        );
        tp.set_status(None, &stamp(T + 61, 0, Some(other), "pc-jo"));
        tp.set_percent(None, &stamp(T + 62, 0, None, "pc-jo"));
        let seed = seed_measure_id(second.id, 0);
        let s = stamp(T + 63, 0, Some(other), "pc-jo");
        tp.update_measure(
            &seed,
            Some("种子举措"),
            MeasureChange::Text("改写的举措".into()),
            &s,
        )
        .expect("seeded measure reworded");
    }
    p
}

fn parse(text: &str) -> Plan {
    workplan::parse::parse_plan(text).expect("parses").plan
}

/// The version-2 fixtures, built by this code.
fn v2_fixtures() -> Vec<(&'static str, Snapshot)> {
    let embedded = parse(workplan::DEFAULT_PLAN_TEXT);
    let progress = sample_progress(&embedded, "办公室", "文源司法所");
    let city_text =
        std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/plans/12-deadlines.txt"))
            .expect("fixture plan");
    let city = parse(&city_text);
    let lead = city.tasks[0]
        .units
        .first()
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let city_progress = sample_progress(&city, &lead, "各司法所");
    vec![
        (
            "v2-2023-progress.json",
            Snapshot {
                saved_at: 1_688_200_000_000,
                plan: embedded,
                progress,
            },
        ),
        (
            "v2-city-plan.json",
            Snapshot {
                saved_at: 1_704_000_000_000,
                plan: city,
                progress: city_progress,
            },
        ),
    ]
}

#[test]
fn v2_fixtures_are_what_this_build_writes() {
    let dir = Path::new(ROOT).join("tests/fixtures/snapshots");
    for (name, snapshot) in v2_fixtures() {
        let text = encode_pretty(&snapshot) + "\n";
        let path = dir.join(name);
        if std::env::var_os("WORKPLAN_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, &text).expect("fixture written");
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(stored == text, "{name} differs from what this build writes");
        assert_eq!(decode(&stored), Ok(snapshot));
    }
}

#[test]
fn city_fixture_has_roles_headings_and_deadlines() {
    let (_, s) = &v2_fixtures()[1];
    let roles: Vec<_> = s
        .plan
        .tasks
        .iter()
        .flat_map(|t| t.units.iter().map(|a| a.role))
        .collect();
    assert!(roles.contains(&workplan::model::Role::Lead), "{roles:?}");
    assert!(
        roles.contains(&workplan::model::Role::Cooperating),
        "{roles:?}"
    );
    assert!(s.plan.tasks.iter().any(|t| t.heading.is_some()));
    assert!(s.plan.tasks.iter().any(|t| t.deadline.is_some()));
    assert!(s.progress.task(TaskId(1)).is_some());
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn fresh_exports_are_valid(saved_at in any::<i64>(), progress in progress_any_text(19)) {
        let plan = parse(workplan::DEFAULT_PLAN_TEXT);
        let s = Snapshot { saved_at, plan, progress };
        let doc: Value = serde_json::from_str(&encode(&s)).expect("JSON");
        let errs = errors(validator(), &doc);
        prop_assert!(errs.is_empty(), "{}", errs);
    }
}
