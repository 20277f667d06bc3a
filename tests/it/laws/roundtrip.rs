//! Export then import is the identity, for export files and for every stored key (stored
//! progress and trash in the compact form of version 2).

use super::config;
use super::strategies::progress_any_text;
use proptest::collection::vec;
use proptest::prelude::*;
use std::sync::OnceLock;
use workplan::model::{Assignee, Date, ItemId, Plan, PlanId, Progress, Role, Stamp};
use workplan::snapshot::{
    Snapshot, Trashed, decode, decode_plan, decode_plan_meta, decode_progress, decode_trash,
    encode, encode_plan, encode_pretty, encode_progress, encode_trash,
};

/// The embedded plan and every fixture plan that parses.
pub fn known_plans() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plans");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        let texts = files.iter().filter_map(|f| std::fs::read_to_string(f).ok());
        std::iter::once(workplan::DEFAULT_PLAN_TEXT.to_string())
            .chain(texts)
            .filter_map(|t| workplan::parse::parse_plan(&t).ok().map(|p| p.plan))
            .collect()
    })
}

fn date() -> impl Strategy<Value = Date> {
    (-200i64..200_000).prop_map(Date::from_days_since_epoch)
}

/// One of the known plans, with its id, title, metadata and per-task heading, deadline
/// and roles changed at random.
pub fn plan() -> impl Strategy<Value = Plan> {
    let task_edit = (
        prop::option::of(any::<String>()),
        prop::option::of(any::<String>()),
        prop::sample::select(vec![Role::Lead, Role::Responsible, Role::Cooperating]),
    );
    (
        0..known_plans().len(),
        any::<String>(),
        any::<String>(),
        prop::option::of(any::<String>()),
        prop::option::of(date()),
        prop::collection::vec(task_edit, 0..8),
    )
        .prop_map(|(i, id, title, issuer, published, edits)| {
            let mut plan = known_plans()[i].clone();
            plan.id = PlanId(id);
            plan.title = title;
            plan.issuer = issuer;
            plan.published = published;
            for (task, (heading, deadline, role)) in plan.tasks.iter_mut().zip(edits) {
                task.heading = heading;
                task.deadline = deadline;
                task.units.push(Assignee::new("配合单位", role));
            }
            plan
        })
}

/// Progress with stamps at the edges of their ranges.
fn progress_extreme() -> impl Strategy<Value = Progress> {
    (progress_any_text(19), any::<u64>()).prop_map(|(mut p, mix)| {
        let edges = [i64::MIN, -1, 0, 1, i64::MAX];
        let mut k = mix;
        for tp in p.tasks.values_mut() {
            tp.for_each_stamp_mut(|s| {
                k = k.rotate_left(7) ^ 0x9e37_79b9_7f4a_7c15;
                if k.is_multiple_of(3) {
                    s.at = edges[(k % 5) as usize];
                    s.n = [0, 1, u32::MAX][(k % 3) as usize];
                }
            });
        }
        p
    })
}

/// Progress whose item ids are of every kind: as generated, made from `created` the way
/// the app makes them (any counter, after the stamps were moved to the edges), and arbitrary
/// text.
fn progress_odd_ids() -> impl Strategy<Value = Progress> {
    (progress_extreme(), vec(any::<String>(), 1..4), any::<u64>()).prop_map(
        |(mut p, names, mix)| {
            let mut k = mix;
            let mut rename = |id: ItemId, created: &Stamp| {
                k = k.rotate_left(11) ^ 0x2545_f491_4f6c_dd1d;
                match k % 3 {
                    0 => ItemId(format!("{}.{}.{}", created.replica.0, created.at, k >> 40)),
                    1 => ItemId(format!(
                        "{}{}",
                        names[(k >> 8) as usize % names.len()],
                        id.0
                    )),
                    _ => id,
                }
            };
            for tp in p.tasks.values_mut() {
                let log = std::mem::take(&mut tp.log);
                for (id, e) in log {
                    tp.log.insert(rename(id, &e.created), e);
                }
                let measures = std::mem::take(&mut tp.measures);
                for (id, m) in measures {
                    tp.measures.insert(rename(id, &m.created), m);
                }
            }
            p
        },
    )
}

/// The `version` a stored value carries.
fn version_of(text: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(text).ok()?["version"].as_u64()
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn export_then_import_is_identity(
        saved_at in any::<i64>(),
        plan in plan(),
        progress in prop_oneof![progress_any_text(19), progress_extreme()],
    ) {
        let s = Snapshot { saved_at, plan, progress };
        prop_assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        prop_assert_eq!(decode(&encode_pretty(&s)), Ok(s));
    }

    #[test]
    fn embedded_plan_export_round_trips(saved_at in any::<i64>(), progress in progress_any_text(19)) {
        let plan = known_plans()[0].clone();
        let s = Snapshot { saved_at, plan, progress };
        prop_assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        prop_assert_eq!(decode(&encode_pretty(&s)), Ok(s));
    }

    #[test]
    fn stored_progress_round_trips(
        id in any::<String>(),
        progress in prop_oneof![progress_extreme(), progress_odd_ids()],
    ) {
        let id = PlanId(id);
        let text = encode_progress(&id, &progress);
        prop_assert_eq!(version_of(&text), Some(2), "written in the compact form");
        prop_assert_eq!(decode_progress(&id, &text), Ok(progress));
    }

    #[test]
    fn stored_plan_round_trips(plan in plan()) {
        let text = encode_plan(&plan);
        let meta = decode_plan_meta(&plan.id, &text).map(|m| (m.title, m.tasks));
        prop_assert_eq!(meta, Ok((plan.title.clone(), plan.tasks.len())));
        prop_assert_eq!(decode_plan(&text), Ok(plan));
    }

    #[test]
    fn trash_round_trips(
        deleted_at in any::<i64>(),
        plan in plan(),
        progress in prop_oneof![progress_any_text(19), progress_odd_ids()],
    ) {
        let t = Trashed { deleted_at, plan, progress };
        let text = encode_trash(&t);
        prop_assert_eq!(version_of(&text), Some(2), "written in the compact form");
        prop_assert_eq!(decode_trash(&text), Ok(t));
    }
}
