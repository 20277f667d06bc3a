//! Encoding and decoding snapshots, with the version check and migrations.

use super::migrate::{in_plan_field, plan_v1_to_v2};
use super::versioned::{self, Kind, Migration};
use super::{Snapshot, SnapshotError};
use serde_json::{Map, Value};

/// The `format` marker every export file carries.
pub const FORMAT: &str = "workplan";

/// Export files: version 1 had plan layout 1; version 2 has plan layout 2.
pub const DOC: Kind = Kind {
    format: FORMAT,
    first: 1,
    migrations: &[doc_v1_to_v2 as Migration],
};

/// The version this build writes.
pub const CURRENT_VERSION: u64 = 2;

fn doc_v1_to_v2(doc: Map<String, Value>) -> Result<Map<String, Value>, SnapshotError> {
    in_plan_field(doc, plan_v1_to_v2)
}

/// Encodes a snapshot compactly.
pub fn encode(snapshot: &Snapshot) -> String {
    versioned::encode(&DOC, snapshot, false)
}

/// Encodes a snapshot indented (for export files people may open).
pub fn encode_pretty(snapshot: &Snapshot) -> String {
    versioned::encode(&DOC, snapshot, true)
}

/// The JSON object within pasted text: from the first `{` to the last `}`, so that a greeting
/// above an export pasted from an email body, or a signature below it, is left out. Text
/// without both braces is returned as it is (and fails to decode with the usual reason).
pub fn json_within(text: &str) -> &str {
    match (text.find('{'), text.rfind('}')) {
        (Some(start), Some(end)) if start < end => &text[start..=end],
        _ => text,
    }
}

/// Decodes a snapshot of any known version.
pub fn decode(text: &str) -> Result<Snapshot, SnapshotError> {
    versioned::decode(&DOC, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Progress, ReplicaId, Stamp, Status, TaskId};
    use crate::parse::parse_plan;

    fn snapshot() -> Snapshot {
        let plan = parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan;
        let mut progress = Progress::default();
        let stamp = Stamp {
            at: 5,
            n: 0,
            by: None,
            replica: ReplicaId("r".into()),
        };
        progress
            .task_mut(TaskId(3))
            .set_status(Some(Status::Lagging), &stamp);
        Snapshot {
            saved_at: 7,
            plan,
            progress,
        }
    }

    #[test]
    fn round_trips() {
        let s = snapshot();
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        assert_eq!(decode(&encode_pretty(&s)), Ok(s));
    }

    #[test]
    fn classifies_bad_input() {
        let good = encode(&snapshot());
        let cut: String = good.chars().take(good.chars().count() / 2).collect();
        assert_eq!(decode(&cut), Err(SnapshotError::Truncated));
        assert_eq!(
            decode("<html>"),
            Err(SnapshotError::NotJson { line: 1, column: 1 })
        );
        assert_eq!(decode("[1,2]"), Err(SnapshotError::NotWorkplan));
        assert_eq!(decode(r#"{"name":"x"}"#), Err(SnapshotError::NotWorkplan));
        assert_eq!(CURRENT_VERSION, DOC.current());
        assert_eq!(
            decode(r#"{"format":"workplan","version":99}"#),
            Err(SnapshotError::UnknownVersion(99))
        );
        assert!(matches!(
            decode(r#"{"format":"workplan","version":2}"#),
            Err(SnapshotError::Invalid { .. })
        ));
    }

    #[test]
    fn pasted_text_keeps_only_its_json_object() {
        let json = "{\"format\": \"workplan\", \"x\": {\"y\": 1}}";
        let mail = format!("王科长：\n附本月数据如下。\n{json}\n\n此致\n文源司法所");
        assert_eq!(json_within(&mail), json);
        assert_eq!(json_within(json), json);
        assert_eq!(json_within("没有数据"), "没有数据");
        assert_eq!(json_within("} 反了 {"), "} 反了 {");
    }
}
