//! The compact form: every field comes back, the common entry is short, odd values survive,
//! and damaged text gives an error, never a panic.

use super::{CompactProgress, CompactRef};
use crate::model::{
    Date, ItemId, LogEntry, Measure, Month, Progress, ReplicaId, Stamp, Stamped, Status, TaskId,
    TaskProgress, UnitId, UnitReport,
};
use std::collections::BTreeMap;

const T: i64 = 1_689_400_000_000;

fn stamp(at: i64, n: u32, by: Option<&str>, replica: &str) -> Stamp {
    Stamp {
        at,
        n,
        by: by.map(|u| UnitId(u.into())),
        replica: ReplicaId(replica.into()),
    }
}

fn office(at: i64) -> Stamp {
    stamp(at, 0, Some("办公室"), "r-office")
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real date")
}

fn encode(p: &Progress) -> String {
    serde_json::to_string(&CompactRef(p)).expect("encodes")
}

fn decode(text: &str) -> Result<Progress, serde_json::Error> {
    serde_json::from_str::<CompactProgress>(text).map(|c| c.0)
}

fn round_trips(p: &Progress) {
    let text = encode(p);
    assert_eq!(decode(&text).as_ref().ok(), Some(p), "{text}");
    let tree = serde_json::to_value(CompactRef(p)).expect("a tree");
    let back: CompactProgress = serde_json::from_value(tree).expect("reads from a tree");
    assert_eq!(&back.0, p, "read from a JSON tree (the migration's path)");
}

/// A task with every field of `TaskProgress` set, each with its own stamp.
fn every_field() -> TaskProgress {
    let entry = LogEntry {
        date: day(2023, 7, 15),
        created: office(T),
        revisions: vec![
            Stamped::new("初稿".to_string(), &office(T)),
            Stamped::new(
                "定稿".to_string(),
                &stamp(T + 9, 2, Some("办公室"), "r-other"),
            ),
        ],
        withdrawn: Stamped::new(true, &stamp(T + 10, 0, None, "r-office")),
    };
    let measure = Measure {
        created: stamp(0, 0, Some("办公室"), "r-office"),
        text: Stamped::new("改写".into(), &office(T + 3)),
        done: Stamped::new(true, &office(T + 4)),
        removed: Stamped::new(false, &office(T + 5)),
        seed: Some("原文".into()),
    };
    let month = Month::parse("2023-07").expect("month");
    let report = UnitReport {
        progress: Some(Stamped::new("进展".into(), &office(T + 6))),
        problems: None,
        next: Some(Stamped::new(String::new(), &office(T + 7))),
    };
    let once = office(T + 12);
    let at_once = UnitReport {
        progress: Some(Stamped::new("一并填写".into(), &once)),
        problems: None,
        next: Some(Stamped::new("同一时刻".into(), &once)),
    };
    TaskProgress {
        status: Some(Stamped::new(Some(Status::Lagging), &office(T + 1))),
        percent: Some(Stamped::new(Some(55), &office(T + 2))),
        deadline: Some(Stamped::new(Some(day(2023, 9, 30)), &office(T + 8))),
        parts: BTreeMap::from([("文源司法所".into(), Stamped::new(None, &office(T + 11)))]),
        measures: BTreeMap::from([(ItemId("seed-3-1".into()), measure)]),
        log: BTreeMap::from([(ItemId("r-office.1689400000000.7".into()), entry)]),
        reports: BTreeMap::from([(
            month,
            BTreeMap::from([("办公室".into(), report), ("文源司法所".into(), at_once)]),
        )]),
    }
}

#[test]
fn every_field_comes_back() {
    let mut p = Progress::default();
    p.tasks.insert(TaskId(3), every_field());
    p.tasks.insert(TaskId(4), TaskProgress::default());
    round_trips(&p);
}

#[test]
fn an_entry_as_the_app_writes_it_is_short() {
    let mut p = Progress::default();
    let id = ItemId(format!("r-office.{T}.12"));
    p.task_mut(TaskId(1))
        .add_log(id, day(2023, 7, 15), "召开专题会议", &office(T))
        .expect("logged");
    let text = encode(&p);
    assert_eq!(
        text,
        r#"{"units":["办公室"],"replicas":["r-office"],"authors":[[0,0]],"tasks":{"1":{"l":[[19553,"召开专题会议",12,1689400000000,0]]}}}"#
    );
    round_trips(&p);
}

#[test]
fn a_report_written_at_once_names_its_stamp_once() {
    let mut p = Progress::default();
    let month = Month::parse("2023-07").expect("month");
    let tp = p.task_mut(TaskId(1));
    for part in crate::model::ReportPart::ALL {
        tp.set_report(month, "办公室", part, "好", &office(T))
            .expect("report");
    }
    let text = encode(&p);
    assert!(
        text.contains(r#""r":[[24282,0,["好",1689400000000,0],"好","好"]]"#),
        "{text}"
    );
    round_trips(&p);
}

#[test]
fn odd_values_survive() {
    let mut p = Progress::default();
    let tp = p.task_mut(TaskId(u32::MAX));
    for (i, (id, created)) in [
        ("seed-7-1", office(T)),
        ("r-office.1689400000001.3", office(T)),
        ("r-office.1689400000000.03", office(T)),
        ("r-office.1689400000000.-3", office(T)),
        ("r-office.1689400000000.18446744073709551615", office(T)),
        ("", stamp(i64::MIN, u32::MAX, None, "")),
        ("x.-1.0", stamp(-1, 0, None, "x")),
        ("a.b.0.1", stamp(0, 1, Some(""), "a.b")),
    ]
    .into_iter()
    .enumerate()
    {
        let entry = LogEntry {
            date: Date::from_days_since_epoch(-719_468 - i as i64),
            revisions: vec![Stamped::new(format!("\u{0}\"\\\n{i}"), &created)],
            withdrawn: Stamped::new(false, &created),
            created: created.clone(),
        };
        tp.log.insert(ItemId(id.into()), entry);
    }
    let bare = LogEntry {
        date: day(i32::MAX, 12, 31),
        created: office(i64::MAX),
        revisions: Vec::new(),
        withdrawn: Stamped::new(false, &office(i64::MAX)),
    };
    tp.log.insert(ItemId("no wording".into()), bare);
    let month = Month::of(day(-4000, 2, 29));
    tp.reports.insert(month, BTreeMap::new());
    tp.reports.insert(
        Month::of(day(i32::MIN, 1, 1)),
        BTreeMap::from([("".into(), UnitReport::default())]),
    );
    round_trips(&p);
}

#[test]
fn damage_is_an_error_not_a_panic() {
    let mut p = Progress::default();
    p.tasks.insert(TaskId(3), every_field());
    let text = encode(&p);
    for (cut, _) in text.char_indices() {
        assert!(decode(&text[..cut]).is_err(), "cut at {cut}");
    }
    for bad in [
        r#"{"units":[],"replicas":[],"authors":[[0]],"tasks":{}}"#,
        r#"{"units":[],"replicas":["r"],"authors":[[0,0]],"tasks":{}}"#,
        r#"{"units":[],"replicas":["r"],"authors":[[0,0,0]],"tasks":{}}"#,
        r#"{"tasks":{"1":{"s":[1,5,0]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"s":[9,5,0]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"d":[9999999999999,5,0]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"l":[[1,"a",1,5,0,0,0]]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"l":[[1,"a",-1,5,0]]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"l":[[1,"a",1,5,0],[1,"b",1,5,0]]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"l":[{"d":1,"i":1,"r":[]}]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"m":[{"i":1,"c":[5,0]}]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"r":[[99999999999999]]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"1":{"r":[[24282,3]]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]],"tasks":{"x":{}}}"#,
        r#"{"units":["u"],"replicas":["r"],"authors":[[0]],"tasks":{"1":{"r":[[24282,0,"x"]]}}}"#,
        r#"{"units":["u"],"replicas":["r"],"authors":[[0]],"tasks":{"1":{"r":[[24282,0,null,"x"]]}}}"#,
        r#"{"replicas":["r"],"authors":[[0]]}"#,
        r#"[]"#,
    ] {
        assert!(decode(bad).is_err(), "{bad}");
    }
}

#[test]
fn tasks_written_before_the_tables_read_the_same() {
    let mut p = Progress::default();
    p.tasks.insert(TaskId(3), every_field());
    p.tasks.insert(TaskId(4), TaskProgress::default());
    // A JSON tree writes its keys sorted: "tasks" comes before "units".
    let sorted = serde_json::to_value(CompactRef(&p))
        .expect("a tree")
        .to_string();
    assert!(
        sorted.find("\"tasks\"") < sorted.find("\"units\""),
        "{sorted}"
    );
    assert_eq!(decode(&sorted).expect("reads"), p);
    let bad = r#"{"authors":[[0]],"replicas":["r"],"tasks":{"1":{"s":[9,5,0]}},"units":[]}"#;
    let message = decode(bad).expect_err("a bad status").to_string();
    // serde's message once, placed where the whole progress was read (not twice placed).
    assert_eq!(message, "unknown status code 9 at line 1 column 73");
}
