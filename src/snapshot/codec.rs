//! Encoding and decoding snapshots, with the version check and migrations.

use super::{Snapshot, SnapshotError};
use serde_json::{Map, Value};

/// The `format` marker every snapshot carries.
pub const FORMAT: &str = "workplan";

/// The version this build writes.
pub const CURRENT_VERSION: u64 = 1;

/// Migrations: `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`.
/// Empty while version 1 is the only layout; a new layout appends its step here.
const MIGRATIONS: &[Migration] = &[];

/// One migration step over the raw JSON object.
type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, SnapshotError>;

/// Encodes a snapshot compactly (for storage).
pub fn encode(snapshot: &Snapshot) -> String {
    envelope(snapshot).to_string()
}

/// Encodes a snapshot indented (for export files people may open).
pub fn encode_pretty(snapshot: &Snapshot) -> String {
    serde_json::to_string_pretty(&envelope(snapshot)).unwrap_or_else(|_| encode(snapshot))
}

fn envelope(snapshot: &Snapshot) -> Value {
    let mut map = Map::new();
    map.insert("format".into(), Value::from(FORMAT));
    map.insert("version".into(), Value::from(CURRENT_VERSION));
    if let Ok(Value::Object(body)) = serde_json::to_value(snapshot) {
        map.extend(body);
    }
    Value::Object(map)
}

/// Decodes a snapshot of any known version.
pub fn decode(text: &str) -> Result<Snapshot, SnapshotError> {
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            SnapshotError::Truncated
        } else {
            SnapshotError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    let Value::Object(mut map) = value else {
        return Err(SnapshotError::NotWorkplan);
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(SnapshotError::NotWorkplan);
    }
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(SnapshotError::NotWorkplan)?;
    if version == 0 || version > CURRENT_VERSION {
        return Err(SnapshotError::UnknownVersion(version));
    }
    for step in &MIGRATIONS[(version - 1) as usize..] {
        map = step(map)?;
    }
    map.remove("format");
    map.remove("version");
    serde_json::from_value(Value::Object(map)).map_err(|e| SnapshotError::Invalid(e.to_string()))
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
        assert_eq!(
            decode(r#"{"format":"workplan","version":99}"#),
            Err(SnapshotError::UnknownVersion(99))
        );
        assert!(matches!(
            decode(r#"{"format":"workplan","version":1}"#),
            Err(SnapshotError::Invalid(_))
        ));
    }
}
