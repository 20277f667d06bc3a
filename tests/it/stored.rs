//! Stored values written by earlier versions still read: the version-1 progress and trash
//! fixtures decode to exactly the progress they were written from, and the next save writes
//! them in the compact form of version 2, which reads back the same.

use std::path::Path;
use workplan::model::{
    Date, ItemId, MeasureChange, Month, PlanId, Progress, ReplicaId, ReportPart, Stamp, Status,
    TaskId, UnitId,
};
use workplan::snapshot::{decode_progress, decode_trash, encode_progress, encode_trash};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The embedded 2023 plan's id.
pub const PLAN_ID: &str = "plan-d046933b05f415f1";
/// 2023-07-15, a real clock reading.
const T: i64 = 1_689_400_000_000;
const OFFICE_PC: &str = "r-3f9a2c7e1b";
const JO_PC: &str = "r-77d0e4a512";

fn stamp(at: i64, n: u32, by: Option<&str>, replica: &str) -> Stamp {
    Stamp {
        at,
        n,
        by: by.map(|u| UnitId(u.into())),
        replica: ReplicaId(replica.into()),
    }
}

fn office(at: i64) -> Stamp {
    stamp(at, 0, Some("办公室"), OFFICE_PC)
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real date")
}

fn month(text: &str) -> Month {
    Month::parse(text).expect("a month")
}

/// Progress touching every field and every odd case a stored value may hold: ids as the app
/// writes them (`<replica>.<wall ms>.<counter>`) and others, corrections, withdrawals, stamps
/// without a unit, with counters up to `u32::MAX`, at 0 and before 1970, cleared values and
/// three-part monthly reports with parts missing.
pub fn sample_progress() -> Progress {
    let mut p = Progress::default();
    let t3 = p.task_mut(TaskId(3));
    t3.set_status(Some(Status::InProgress), &office(T));
    t3.set_percent(Some(40), &stamp(T + 1, 2, Some("办公室"), OFFICE_PC));
    t3.set_deadline(Some(day(2023, 9, 30)), &office(T + 2));
    t3.set_part("办公室", Some(Status::Done), &office(T + 3));
    t3.set_part(
        "文源司法所",
        Some(Status::Lagging),
        &stamp(T + 4, 0, None, JO_PC),
    );
    t3.update_measure(
        &ItemId("seed-3-1".into()),
        Some("健全党委理论学习中心组学习制度"),
        MeasureChange::Done(true),
        &office(T + 5),
    )
    .expect("seeded measure");
    let added = ItemId(format!("{OFFICE_PC}.{}.1", T + 6));
    t3.add_measure(added, "建立工作台账", &office(T + 6))
        .expect("added");
    let gone = ItemId(format!("{OFFICE_PC}.{}.2", T + 7));
    t3.add_measure(gone.clone(), "重复录入", &office(T + 7))
        .expect("added");
    t3.update_measure(&gone, None, MeasureChange::Removed(true), &office(T + 8))
        .expect("removed");
    let plain = ItemId(format!("{OFFICE_PC}.{}.3", T + 10));
    t3.add_log(
        plain,
        day(2023, 7, 15),
        "召开专题会议，部署全年工作",
        &office(T + 10),
    )
    .expect("logged");
    let corrected = ItemId(format!("{OFFICE_PC}.{}.4", T + 20));
    t3.add_log(
        corrected.clone(),
        day(2023, 7, 14),
        "完成初稿",
        &office(T + 20),
    )
    .expect("logged");
    t3.correct_log(&corrected, "完成初稿并报送审核", &office(T + 25))
        .expect("corrected");
    // The clock ticked between the id and the stamp: the id is not the stamp's.
    let ticked = ItemId(format!("{JO_PC}.{}.1", T + 30));
    t3.add_log(
        ticked.clone(),
        day(2023, 7, 16),
        "误填",
        &stamp(T + 31, 0, None, JO_PC),
    )
    .expect("logged");
    t3.set_log_withdrawn(&ticked, true, &stamp(T + 32, 3, None, JO_PC))
        .expect("withdrawn");
    let counted = ItemId(format!("{JO_PC}.{}.2", T + 40));
    let s = stamp(T + 40, 7, Some("文源司法所"), JO_PC);
    t3.add_log(
        counted,
        day(2023, 6, 30),
        "引号\"与反斜杠\\，换行\n制表\t",
        &s,
    )
    .expect("logged");
    t3.add_log(
        ItemId("big-pc.19.0".into()),
        day(1969, 12, 31),
        "旧数据",
        &office(T + 50),
    )
    .expect("logged");
    for (m, unit, part, text, at) in [
        (
            "2023-06",
            "办公室",
            ReportPart::Progress,
            "完成调研",
            T + 60,
        ),
        (
            "2023-06",
            "办公室",
            ReportPart::Problems,
            "人手不足",
            T + 61,
        ),
        (
            "2023-06",
            "办公室",
            ReportPart::Next,
            "下月完成评估",
            T + 62,
        ),
        (
            "2023-07",
            "文源司法所",
            ReportPart::Next,
            "继续推进",
            T + 63,
        ),
        // Written, then cleared: the clearing is stored, stamped.
        (
            "2023-07",
            "文源司法所",
            ReportPart::Progress,
            "草稿",
            T + 64,
        ),
        ("2023-07", "文源司法所", ReportPart::Progress, "", T + 64),
    ] {
        t3.set_report(month(m), unit, part, text, &office(at))
            .expect("report");
    }
    let t5 = p.task_mut(TaskId(5));
    t5.set_status(None, &stamp(0, u32::MAX, None, OFFICE_PC));
    t5.set_percent(None, &stamp(-5, 1, Some("办公室"), OFFICE_PC));
    t5.set_deadline(
        None,
        &stamp(i64::MAX, u32::MAX, Some("办公室"), "pc.with.dots"),
    );
    t5.set_part(
        "各司法所",
        None,
        &stamp(i64::MIN, 0, Some("各司法所"), JO_PC),
    );
    let t19 = p.task_mut(TaskId(19));
    t19.set_report(
        month("2023-12"),
        "政治处",
        ReportPart::Problems,
        "无",
        &office(T + 70),
    )
    .expect("report");
    p
}

fn fixture(name: &str) -> String {
    let path = Path::new(ROOT).join("tests/fixtures/stored").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `version` a stored value carries.
fn version_of(text: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(text).ok()?["version"].as_u64()
}

#[test]
fn version_one_progress_migrates_to_version_two() {
    let v1 = fixture("v1-progress.json");
    assert_eq!(version_of(&v1), Some(1));
    let id = PlanId(PLAN_ID.into());
    let progress = decode_progress(&id, &v1).expect("a version-1 value reads");
    assert_eq!(progress, sample_progress());
    let v2 = encode_progress(&id, &progress);
    assert_eq!(version_of(&v2), Some(2), "the next save writes version 2");
    assert_eq!(decode_progress(&id, &v2), Ok(sample_progress()));
    assert!(
        v2.encode_utf16().count() * 2 < v1.trim_end().encode_utf16().count(),
        "version 2 ({} characters) is under half of version 1 ({})",
        v2.encode_utf16().count(),
        v1.trim_end().encode_utf16().count()
    );
}

#[test]
fn version_one_trash_migrates_to_version_two() {
    let v1 = fixture("v1-trash.json");
    let t = decode_trash(&v1).expect("a version-1 trash value reads");
    assert_eq!(t.plan.id.0, PLAN_ID);
    assert_eq!(t.plan.tasks.len(), 19);
    assert_eq!(t.deleted_at, T + 100);
    assert_eq!(t.progress, sample_progress());
    let v2 = encode_trash(&t);
    assert_eq!(version_of(&v2), Some(2));
    assert_eq!(decode_trash(&v2), Ok(t));
}
