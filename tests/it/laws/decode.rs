//! Decoding never panics: arbitrary bytes, arbitrary JSON, envelopes with random bodies,
//! real documents with one part replaced at random, and stored values with characters
//! changed or cut short. Each decoder returns, Ok or Err; a stored value cut short is an Err.

use super::config;
use super::roundtrip::known_plans;
use super::strategies::progress;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use workplan::model::{PlanId, Progress};
use workplan::snapshot::{
    Snapshot, Trashed, decode, decode_plan, decode_plan_meta, decode_progress, decode_trash,
    encode, encode_plan, encode_progress, encode_trash,
};

/// Keys the decoders look for, so random objects often hit real paths: export files and
/// plans, then the compact stored progress.
const KEYS: [&str; 39] = [
    "format",
    "version",
    "saved_at",
    "plan",
    "progress",
    "tasks",
    "units",
    "groups",
    "id",
    "title",
    "sections",
    "kind",
    "units_raw",
    "responsible",
    "role",
    "name",
    "stamp",
    "value",
    "revisions",
    "withdrawn",
    "measures",
    "log",
    "at",
    "deadline",
    "replicas",
    "authors",
    "deleted_at",
    "s",
    "p",
    "d",
    "u",
    "m",
    "l",
    "r",
    "i",
    "c",
    "w",
    "t",
    "x",
];
const FORMATS: [&str; 5] = [
    "workplan",
    "workplan-plan",
    "workplan-progress",
    "workplan-trash",
    "other",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(&KEYS[..]).prop_map(Value::from),
        prop::sample::select(&FORMATS[..]).prop_map(Value::from),
        prop::sample::select(vec![
            "2023-06-01",
            "2023-02-30",
            "Done",
            "lead",
            "Office",
            "-1"
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ]
}

/// Any JSON value, with object keys mostly from [`KEYS`].
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![4 => prop::sample::select(&KEYS[..]).prop_map(String::from), 1 => any::<String>()];
    leaf().prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// `{"format": …, "version": …, …random body}`.
fn envelope() -> impl Strategy<Value = Value> {
    let version = prop_oneof![
        (0u64..4).prop_map(Value::from),
        Just(json!(-1)),
        Just(json!(1.5)),
        Just(json!("2")),
        Just(json!(u64::MAX)),
    ];
    (
        prop::sample::select(&FORMATS[..]),
        version,
        prop::collection::btree_map(prop::sample::select(&KEYS[..]), json_value(), 0..6),
    )
        .prop_map(|(format, version, body)| {
            let mut m: Map<String, Value> = body.into_iter().map(|(k, v)| (k.into(), v)).collect();
            m.insert("format".into(), format.into());
            m.insert("version".into(), version);
            Value::Object(m)
        })
}

/// Replaces the node at a random path of `doc` with `new`.
fn graft(doc: &mut Value, path: &[usize], new: Value) {
    let next = match (doc, path.split_first()) {
        (Value::Object(m), Some((i, rest))) if !m.is_empty() => {
            let k = m.keys().nth(i % m.len()).cloned().unwrap_or_default();
            m.get_mut(&k).map(|n| (n, rest))
        }
        (Value::Array(a), Some((i, rest))) if !a.is_empty() => {
            let n = a.len();
            a.get_mut(i % n).map(|n| (n, rest))
        }
        (doc, _) => {
            *doc = new;
            return;
        }
    };
    if let Some((node, rest)) = next {
        graft(node, rest, new);
    }
}

/// A real document of each kind (an export of either layout, a stored plan, stored
/// progress and trash of either version) as written.
fn document(kind: usize, progress: Progress) -> String {
    let v1 = include_str!("../../fixtures/snapshots/v1-2023-progress.json");
    let plan = known_plans()[0].clone();
    match kind {
        0 => v1.to_string(),
        1 => encode(&Snapshot {
            saved_at: 1,
            plan,
            progress,
        }),
        2 => encode_plan(&plan),
        3 => encode_progress(&plan.id, &progress),
        4 => encode_trash(&Trashed {
            deleted_at: 1,
            plan,
            progress,
        }),
        5 => include_str!("../../fixtures/stored/v1-progress.json").to_string(),
        _ => include_str!("../../fixtures/stored/v1-trash.json").to_string(),
    }
}

/// A real document of each kind with one node replaced by random JSON.
fn damaged_document() -> impl Strategy<Value = String> {
    (
        0usize..7,
        progress(19),
        prop::collection::vec(any::<usize>(), 0..8),
        json_value(),
    )
        .prop_map(move |(kind, progress, path, new)| {
            let text = document(kind, progress);
            let mut doc: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            graft(&mut doc, &path, new);
            doc.to_string()
        })
}

/// Stored progress or trash as written, with a few characters replaced by ones that matter
/// to the compact form: the text stays in the order the encoder wrote it.
fn mutated_stored() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec!['0', '9', '-', ',', '[', ']', '{', '}', '"', 'n', ' ']);
    (
        3usize..5,
        progress(19),
        prop::collection::vec((any::<usize>(), chars), 1..4),
    )
        .prop_map(|(kind, progress, edits)| {
            let mut text: Vec<char> = document(kind, progress).chars().collect();
            for (at, c) in edits {
                let n = text.len();
                text[at % n] = c;
            }
            text.into_iter().collect()
        })
}

/// Runs every decoder on `text`; each must return.
fn decode_all(text: &str) {
    let id = PlanId("plan-d046933b05f415f1".into());
    let _ = decode(text);
    let _ = decode_plan(text);
    let _ = decode_plan_meta(&id, text);
    let _ = decode_progress(&id, text);
    let _ = decode_trash(text);
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn decoding_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn decoding_json_never_panics(v in prop_oneof![json_value(), envelope()]) {
        decode_all(&v.to_string());
        decode_all(&serde_json::to_string_pretty(&v).unwrap_or_default());
    }

    #[test]
    fn decoding_damaged_documents_never_panics(text in damaged_document()) {
        decode_all(&text);
    }

    #[test]
    fn decoding_mutated_stored_values_never_panics(text in mutated_stored()) {
        decode_all(&text);
    }

    #[test]
    fn decoding_cut_stored_values_never_panics(kind in 3usize..5, progress in progress(19), cut in any::<usize>()) {
        let text = document(kind, progress);
        let cut = text.char_indices().map(|(i, _)| i).nth(cut % text.len().max(1)).unwrap_or(0);
        let id = PlanId("plan-d046933b05f415f1".into());
        let cut = &text[..cut];
        prop_assert!(decode_progress(&id, cut).is_err() && decode_trash(cut).is_err());
    }

    #[test]
    fn decoding_cut_documents_never_panics(text in damaged_document(), cut in any::<usize>()) {
        let cut = text.char_indices().map(|(i, _)| i).nth(cut % text.len().max(1)).unwrap_or(0);
        decode_all(&text[..cut]);
    }
}
