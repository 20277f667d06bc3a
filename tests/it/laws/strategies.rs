//! Strategies for stamps, task progress and progress, shaped like what real copies hold.
//!
//! Real copies never give one field two values under one stamp: a copy never issues the same
//! `(at, n)` twice and replica ids are unique. The strategies keep that guarantee by deriving
//! every value from its field and its stamp ([`pick`]), while stamps collide often (few
//! times, counters, replicas and units), so that ties and equal fields are exercised.

use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;
use std::collections::BTreeMap;
use workplan::model::{
    Date, ItemId, LogEntry, Measure, Month, Progress, ReplicaId, Reports, Stamp, Stamped, Status,
    TaskId, TaskProgress, UnitId, UnitReport,
};

/// Stamps lie in the first milliseconds after this time (2023-06-29, a real clock reading).
pub const BASE: i64 = 1_688_000_000_000;
/// The copies that make changes.
pub const REPLICAS: [&str; 3] = ["pc-a", "pc-b", "pc-c"];
/// The units that make changes and report parts.
pub const UNITS: [&str; 3] = ["办公室", "普法与依法治理科", "文源司法所"];
/// Texts that test escaping as well as ordinary wording.
const TEXTS: [&str; 8] = [
    "召开专题会议",
    "完成网站三审三校制度修订",
    "引号\"与反斜杠\\",
    "换行\n制表\t",
    "𝄞 emoji 🙂",
    "\u{feff}BOM 开头",
    "<script>alert(1)</script>",
    "控制字符\u{1}\u{7f}",
];

/// A stable hash of a field name and a stamp: the value a field holds under that stamp.
pub fn pick(field: &str, s: &Stamp) -> u64 {
    let by = s.by.as_ref().map_or("", |u| u.as_str());
    let key = format!("{field}|{}|{}|{}|{by}", s.at, s.n, s.replica.0);
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn status_of(h: u64) -> Option<Status> {
    [None, Some(Status::NotStarted), Some(Status::InProgress)]
        .into_iter()
        .chain([Some(Status::Done), Some(Status::Lagging)])
        .nth((h % 5) as usize)
        .flatten()
}

fn date_of(h: u64) -> Date {
    // Days within 2022–2024, so every date is real.
    Date::from_days_since_epoch(18_993 + (h % 1_096) as i64)
}

fn text_of(h: u64) -> String {
    format!("{}{}", TEXTS[(h % 8) as usize], h % 3)
}

/// A replica id.
pub fn replica() -> impl Strategy<Value = ReplicaId> {
    prop::sample::select(&REPLICAS[..]).prop_map(|r| ReplicaId(r.into()))
}

/// A unit, or none chosen.
pub fn unit() -> impl Strategy<Value = Option<UnitId>> {
    prop::option::weighted(
        0.8,
        prop::sample::select(&UNITS[..]).prop_map(|u| UnitId(u.into())),
    )
}

/// A stamp in the first few milliseconds after [`BASE`]: equal stamps are common.
pub fn stamp() -> impl Strategy<Value = Stamp> {
    (0i64..6, 0u32..3, unit(), replica()).prop_map(|(d, n, by, replica)| Stamp {
        at: BASE + d,
        n,
        by,
        replica,
    })
}

/// A stamped value derived from `field` and a generated stamp.
fn stamped<T: std::fmt::Debug>(
    field: String,
    f: fn(u64) -> T,
) -> impl Strategy<Value = Stamped<T>> {
    stamp().prop_map(move |s| Stamped {
        value: f(pick(&field, &s)),
        stamp: s,
    })
}

/// A measure: seeded (`seed-<task>-<n>`) or added (`<replica>.<time>.<n>`).
fn measure(id: ItemId) -> impl Strategy<Value = Measure> {
    let f = |sub: &str| format!("measure|{}|{sub}", id.0);
    // A seeded measure's wording comes from the plan: the same in every copy.
    let seed =
        id.0.starts_with("seed-")
            .then(|| format!("任务原文 {}", id.0));
    (
        stamp(),
        stamped(f("text"), text_of),
        stamped(f("done"), |h| h.is_multiple_of(2)),
        stamped(f("removed"), |h| h.is_multiple_of(3)),
    )
        .prop_map(move |(created, text, done, removed)| Measure {
            created,
            text,
            done,
            removed,
            seed: seed.clone(),
        })
}

/// Measure ids: seeds of tasks 1–2 and a few added ones.
fn measure_id() -> impl Strategy<Value = ItemId> {
    prop_oneof![
        (1u32..3, 1u32..3).prop_map(|(t, n)| ItemId(format!("seed-{t}-{n}"))),
        (replica(), 0i64..4).prop_map(|(r, d)| ItemId(format!("{}.{}.1", r.0, BASE + d))),
    ]
}

/// A log entry id, which fixes who wrote it, when, and about which date.
fn log_id() -> impl Strategy<Value = (ItemId, Stamp)> {
    (replica(), 0i64..4, 0u32..2).prop_map(|(r, d, n)| {
        let id = ItemId(format!("{}.{}.{n}", r.0, BASE + d));
        let mut created = Stamp {
            at: BASE + d,
            n,
            by: None,
            replica: r,
        };
        created.by = Some(UnitId(
            UNITS[(pick("author", &created) % 3) as usize].into(),
        ));
        (id, created)
    })
}

/// A log entry as some copy holds it: the first wording, later corrections by the author in
/// stamp order, and whether it is withdrawn.
fn log_entry(id: ItemId, created: Stamp) -> impl Strategy<Value = LogEntry> {
    let later = |created: &Stamp| {
        let created = created.clone();
        (1i64..4, 0u32..3, replica()).prop_map(move |(d, n, replica)| Stamp {
            at: created.at + d,
            n,
            by: created.by.clone(),
            replica,
        })
    };
    let field = format!("log|{}", id.0);
    (
        btree_set(later(&created), 0..3),
        prop::option::of(later(&created)),
    )
        .prop_map(move |(revs, w)| {
            let first = Stamped::new(text_of(pick(&field, &created)), &created);
            let revisions = std::iter::once(first)
                .chain(revs.into_iter().map(|s| Stamped {
                    value: text_of(pick(&field, &s)),
                    stamp: s,
                }))
                .collect::<Vec<_>>();
            let withdrawn = match w {
                Some(s) => Stamped {
                    value: pick(&format!("{field}|withdrawn"), &s).is_multiple_of(2),
                    stamp: s,
                },
                None => Stamped::new(false, &created),
            };
            LogEntry {
                date: date_of(pick(&field, &Stamp::default())),
                created: created.clone(),
                revisions: sort_revisions(revisions),
                withdrawn,
            }
        })
}

fn sort_revisions(mut r: Vec<Stamped<String>>) -> Vec<Stamped<String>> {
    r.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    r
}

/// One task's progress, values in their valid domain.
pub fn task_progress() -> impl Strategy<Value = TaskProgress> {
    let parts = btree_map(prop::sample::select(&UNITS[..]), stamp(), 0..3).prop_map(|m| {
        m.into_iter()
            .map(|(u, s)| (u.to_string(), Stamped::new(status_of(pick(u, &s)), &s)))
            .collect::<BTreeMap<_, _>>()
    });
    let measures = btree_map(measure_id(), Just(()), 0..3)
        .prop_flat_map(|ids| {
            ids.into_keys()
                .map(|id| (Just(id.clone()), measure(id)))
                .collect::<Vec<_>>()
        })
        .prop_map(|v| v.into_iter().collect::<BTreeMap<_, _>>());
    let log = btree_map(log_id(), Just(()), 0..3)
        .prop_flat_map(|ids| {
            ids.into_keys()
                .map(|(id, created)| (Just(id.clone()), log_entry(id, created)))
                .collect::<Vec<_>>()
        })
        .prop_map(|v| v.into_iter().collect::<BTreeMap<_, _>>());
    let reports = btree_map(
        (
            prop::sample::select(&["2023-06", "2023-07"][..]),
            prop::sample::select(&UNITS[..]),
        ),
        (
            prop::option::of(stamp()),
            prop::option::of(stamp()),
            prop::option::of(stamp()),
        ),
        0..3,
    )
    .prop_map(|m| {
        let mut out = Reports::new();
        for ((month, unit), (a, b, c)) in m {
            let field = |name: &str, s: Option<Stamp>| {
                s.map(|s| Stamped::new(text_of(pick(&format!("{month}|{unit}|{name}"), &s)), &s))
            };
            let report = UnitReport {
                progress: field("progress", a),
                problems: field("problems", b),
                next: field("next", c),
            };
            let month = Month::parse(month).unwrap_or_else(|| unreachable!());
            out.entry(month)
                .or_default()
                .insert(unit.to_string(), report);
        }
        out
    });
    (
        prop::option::of(stamped("status".into(), status_of)),
        prop::option::of(stamped("percent".into(), |h| {
            (h % 3 != 0).then_some((h % 101) as u8)
        })),
        prop::option::of(stamped("deadline".into(), |h| {
            (h % 4 != 0).then(|| date_of(h))
        })),
        parts,
        measures,
        log,
        reports,
    )
        .prop_map(
            |(status, percent, deadline, parts, measures, log, reports)| TaskProgress {
                status,
                percent,
                deadline,
                parts,
                measures,
                log,
                reports,
            },
        )
}

/// Progress of a few tasks among `1..=max_task`.
pub fn progress(max_task: u32) -> impl Strategy<Value = Progress> {
    btree_map((1..=max_task).prop_map(TaskId), task_progress(), 0..4)
        .prop_map(|tasks| Progress { tasks })
}

/// Progress with every wording replaced by arbitrary text (for round trips, not merges).
pub fn progress_any_text(max_task: u32) -> impl Strategy<Value = Progress> {
    (progress(max_task), vec(any::<String>(), 1..6)).prop_map(|(mut p, texts)| {
        let mut i = 0;
        let mut next = || {
            i += 1;
            texts[i % texts.len()].clone()
        };
        for tp in p.tasks.values_mut() {
            for m in tp.measures.values_mut() {
                m.text.value = next();
            }
            for e in tp.log.values_mut() {
                for r in &mut e.revisions {
                    r.value = next();
                }
            }
            for r in tp.reports.values_mut().flat_map(|m| m.values_mut()) {
                for part in [&mut r.progress, &mut r.problems, &mut r.next]
                    .into_iter()
                    .flatten()
                {
                    part.value = next();
                }
            }
        }
        p
    })
}
