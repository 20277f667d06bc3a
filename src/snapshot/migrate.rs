//! Migrations of the plan's JSON between layouts.
//!
//! Plan layout 1 (in `workplan:v1:doc` and version-1 export files): each task has
//! `units_raw` (names as written) and `responsible` (the same, resolved); each unit's `kind`
//! is `"Office"`, `"JudicialOffice"` or `"Other"`. Layout 2: each task has `units`, a list of
//! `{"name", "role"}` (`role` = `lead` | `responsible` | `cooperating`), and may have
//! `heading` and `deadline`; kinds are names (`"科室"`, `"司法所"`, `"其他"`, or any other);
//! the registry carries `groups`.

use super::SnapshotError;
use super::versioned::Migration;
use serde_json::{Map, Value, json};

/// Plan layout 1 → 2, applied to a plan object.
pub fn plan_v1_to_v2(mut plan: Map<String, Value>) -> Result<Map<String, Value>, SnapshotError> {
    let bad = |what: &str| SnapshotError::invalid(format!("plan layout 1: {what}"));
    if let Some(Value::Array(tasks)) = plan.get_mut("tasks") {
        for task in tasks.iter_mut() {
            let task = task
                .as_object_mut()
                .ok_or_else(|| bad("task is not an object"))?;
            let raw = task.remove("units_raw").unwrap_or(Value::Array(Vec::new()));
            task.remove("responsible");
            let names = raw
                .as_array()
                .ok_or_else(|| bad("units_raw is not a list"))?;
            let units: Vec<Value> = names
                .iter()
                .map(|n| {
                    n.as_str()
                        .map(|name| json!({"name": name, "role": "responsible"}))
                        .ok_or_else(|| bad("unit name is not text"))
                })
                .collect::<Result<_, _>>()?;
            task.insert("units".into(), Value::Array(units));
        }
    }
    if let Some(Value::Array(units)) = plan
        .get_mut("units")
        .and_then(Value::as_object_mut)
        .and_then(|r| r.get_mut("units"))
    {
        for unit in units.iter_mut().filter_map(Value::as_object_mut) {
            let kind = match unit.get("kind").and_then(Value::as_str) {
                Some("Office") => "科室",
                Some("JudicialOffice") => "司法所",
                _ => "其他",
            };
            unit.insert("kind".into(), Value::from(kind));
        }
    }
    Ok(plan)
}

/// Applies a plan migration to the `plan` field of a document.
pub fn in_plan_field(
    mut doc: Map<String, Value>,
    step: Migration,
) -> Result<Map<String, Value>, SnapshotError> {
    let plan = match doc.remove("plan") {
        Some(Value::Object(plan)) => plan,
        _ => return Err(SnapshotError::invalid("plan: missing")),
    };
    doc.insert("plan".into(), Value::Object(step(plan)?));
    Ok(doc)
}
