//! The compact form of progress that browser storage keeps (`workplan-progress` and
//! `workplan-trash` version 2): unit names and authors interned in tables, stamps and dates
//! as numbers, and nothing written that can be derived. It is exact: reading what was written
//! gives back the same progress, whatever it holds.
//!
//! ```text
//! progress = {"units": [name…], "replicas": [id…], "authors": [[replica, unit?]…],
//!             "tasks": {"<task id>": task…}}
//! stamp    = at, author, n?     at: ms since 1970; author: index into "authors";
//!                               n: the counter, left out when 0
//! ```
//! Each author is a replica (an index into `replicas`) with the unit chosen there (an index
//! into `units`), or none. Tables list the most used first. Tasks, log entries, measures
//! and reports are in [`task`], [`items`] and [`report`]; docs/snapshot-format.md §6 has the whole
//! grammar. Reading is done straight from the text, with no intermediate JSON tree.

mod items;
mod report;
mod tables;
mod task;
mod values;

use super::SnapshotError;
use super::versioned::{from_tree, from_tree_seed};
use crate::model::{Progress, TaskId};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use tables::{Ctx, Tables};
use task::{TaskOut, TaskSeed};

/// Writes progress in the compact form.
pub struct CompactRef<'a>(pub &'a Progress);

impl Serialize for CompactRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = Tables::of(self.0);
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("units", &t.units)?;
        map.serialize_entry("replicas", &t.replicas)?;
        let authors: Vec<Vec<usize>> = t
            .authors
            .iter()
            .map(|&(r, u)| std::iter::once(r).chain(u).collect())
            .collect();
        map.serialize_entry("authors", &authors)?;
        map.serialize_entry("tasks", &Tasks(&self.0.tasks, &t))?;
        map.end()
    }
}

struct Tasks<'a>(
    &'a BTreeMap<TaskId, crate::model::TaskProgress>,
    &'a Tables<'a>,
);

impl Serialize for Tasks<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(id, tp)| (id.0, TaskOut(tp, self.1))))
    }
}

/// Progress read from the compact form.
#[derive(Debug, PartialEq, Eq)]
pub struct CompactProgress(pub Progress);

impl<'de> Deserialize<'de> for CompactProgress {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CompactProgress, D::Error> {
        d.deserialize_map(ProgressVisitor)
    }
}

struct ProgressVisitor;

impl<'de> Visitor<'de> for ProgressVisitor {
    type Value = CompactProgress;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("compact progress")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CompactProgress, A::Error> {
        let mut units: Option<Vec<String>> = None;
        let mut replicas: Option<Vec<String>> = None;
        let mut authors: Option<Vec<Vec<usize>>> = None;
        let mut tasks = None;
        // Tasks that come before the tables (a JSON tree orders keys by name) wait as a tree.
        let mut early: Option<Value> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "units" => units = Some(map.next_value()?),
                "replicas" => replicas = Some(map.next_value()?),
                "authors" => authors = Some(map.next_value()?),
                "tasks" => match (&units, &replicas, &authors) {
                    (Some(u), Some(r), Some(a)) => {
                        let ctx = Ctx::new(u.clone(), r, a).map_err(de::Error::custom)?;
                        tasks = Some(map.next_value_seed(TasksSeed(&ctx))?);
                    }
                    _ => early = Some(map.next_value()?),
                },
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if let Some(tree) = early {
            let ctx = Ctx::new(
                units.unwrap_or_default(),
                &replicas.unwrap_or_default(),
                &authors.unwrap_or_default(),
            )
            .map_err(de::Error::custom)?;
            tasks = Some(from_tree_seed(TasksSeed(&ctx), &tree).map_err(de::Error::custom)?);
        }
        let tasks = tasks.ok_or_else(|| de::Error::custom("progress without tasks"))?;
        Ok(CompactProgress(Progress { tasks }))
    }
}

struct TasksSeed<'a>(&'a Ctx);

impl<'de> DeserializeSeed<'de> for TasksSeed<'_> {
    type Value = BTreeMap<TaskId, crate::model::TaskProgress>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TasksSeed<'_> {
    type Value = BTreeMap<TaskId, crate::model::TaskProgress>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("tasks by id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut tasks = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let id: u32 = key
                .parse()
                .map_err(|_| de::Error::custom(format_args!("task id {key:?}")))?;
            let task = map.next_value_seed(TaskSeed(self.0))?;
            if tasks.insert(TaskId(id), task).is_some() {
                return Err(de::Error::custom(format_args!("task {id} twice")));
            }
        }
        Ok(tasks)
    }
}

/// Stored progress or trash, version 1 → 2: the `progress` field, written as in export
/// files, is rewritten in the compact form.
pub fn progress_v1_to_v2(mut map: Map<String, Value>) -> Result<Map<String, Value>, SnapshotError> {
    let bad = |e: String| SnapshotError::invalid(format!("progress: {e}"));
    let v1 = map
        .remove("progress")
        .ok_or_else(|| SnapshotError::invalid("progress: missing"))?;
    // Version 1 holds `tasks` alone: anything else (the compact form's `units`, a damaged
    // version number) would otherwise be skipped and read as no progress at all.
    if let Some(other) = v1
        .as_object()
        .and_then(|o| o.keys().find(|k| k.as_str() != "tasks"))
    {
        return Err(bad(format!("unknown field `{other}` in version 1")));
    }
    let progress: Progress = from_tree(v1).map_err(bad)?;
    map.insert(
        "progress".into(),
        serde_json::to_string(&CompactRef(&progress))
            .and_then(|text| serde_json::from_str(&text))
            .map_err(|e| bad(e.to_string()))?,
    );
    Ok(map)
}

#[cfg(test)]
mod tests;
