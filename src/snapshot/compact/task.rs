//! One task's progress in the compact form: an object whose fields are left out when empty.
//!
//! ```text
//! task   = {"s": [code, at, author, n?],  "p": [percent, …], "d": [day, …],
//!           "u": [[unit, code, at, author, n?]…], "m": [measure…], "l": [entry…],
//!           "r": [report…]}
//! ```
//! `s` status, `p` percent, `d` deadline, `u` the units' parts, `m` measures, `l` the log
//! ([`items`](super::items)), `r` monthly reports ([`report`](super::report)).

use super::items::{EntryOut, EntrySeed, Many, MeasureOut, MeasureSeed};
use super::report::{ReportsOut, ReportsSeed};
use super::tables::{Ctx, Tables};
use super::values::{Code, Day, StampedOut, StampedSeed, need, read_tail, write_tail};
use crate::model::{Stamped, TaskProgress};
use serde::Serialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, SerializeMap, SerializeSeq, Serializer};
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;

/// One task's progress.
pub(super) struct TaskOut<'a>(pub &'a TaskProgress, pub &'a Tables<'a>);

impl Serialize for TaskOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.1;
        // Whole, so that a field added to the progress cannot be left out of storage.
        let TaskProgress {
            status,
            percent,
            deadline,
            parts,
            measures,
            log,
            reports,
        } = self.0;
        let mut map = s.serialize_map(None)?;
        if let Some(x) = status {
            let value = Code(x.value);
            map.serialize_entry(
                "s",
                &StampedOut {
                    value,
                    stamp: &x.stamp,
                    t,
                },
            )?;
        }
        if let Some(x) = percent {
            let value = x.value;
            map.serialize_entry(
                "p",
                &StampedOut {
                    value,
                    stamp: &x.stamp,
                    t,
                },
            )?;
        }
        if let Some(x) = deadline {
            let value = x.value.map(Day);
            map.serialize_entry(
                "d",
                &StampedOut {
                    value,
                    stamp: &x.stamp,
                    t,
                },
            )?;
        }
        if !parts.is_empty() {
            let rows = parts.iter().map(|(unit, p)| Part(unit, p, t));
            map.serialize_entry("u", &List(rows))?;
        }
        if !measures.is_empty() {
            let rows = measures.iter().map(|(id, m)| MeasureOut(id, m, t));
            map.serialize_entry("m", &List(rows))?;
        }
        if !log.is_empty() {
            let rows = log.iter().map(|(id, e)| EntryOut(id, e, t));
            map.serialize_entry("l", &List(rows))?;
        }
        if !reports.is_empty() {
            map.serialize_entry("r", &ReportsOut(reports, t))?;
        }
        map.end()
    }
}

/// A list written from an iterator.
struct List<I>(I);

impl<I: Iterator<Item = T> + Clone, T: Serialize> Serialize for List<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// One unit's part: `[unit, code, at, author, n?]`.
struct Part<'a>(
    &'a str,
    &'a Stamped<Option<crate::model::Status>>,
    &'a Tables<'a>,
);

impl Serialize for Part<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element(&self.2.unit(self.0).map_err(ser::Error::custom)?)?;
        seq.serialize_element(&Code(self.1.value))?;
        write_tail(&mut seq, &self.1.stamp, self.2)?;
        seq.end()
    }
}

/// Reads one task's progress.
#[derive(Clone, Copy)]
pub(super) struct TaskSeed<'a>(pub &'a Ctx);

impl<'de> DeserializeSeed<'de> for TaskSeed<'_> {
    type Value = TaskProgress;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<TaskProgress, D::Error> {
        d.deserialize_map(self)
    }
}

/// Puts `items` into a map; an id twice is damage.
fn unique<K: Ord + fmt::Debug, V, E: de::Error>(items: Vec<(K, V)>) -> Result<BTreeMap<K, V>, E> {
    let mut out = BTreeMap::new();
    for (k, v) in items {
        match out.entry(k) {
            Entry::Vacant(slot) => {
                slot.insert(v);
            }
            Entry::Occupied(slot) => {
                return Err(E::custom(format_args!("{:?} twice", slot.key())));
            }
        }
    }
    Ok(out)
}

impl<'de> Visitor<'de> for TaskSeed<'_> {
    type Value = TaskProgress;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a task's progress")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TaskProgress, A::Error> {
        let ctx = self.0;
        let mut task = TaskProgress::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "s" => {
                    let s: Stamped<Code> = map.next_value_seed(StampedSeed::new(ctx))?;
                    task.status = Some(Stamped::new(s.value.0, &s.stamp));
                }
                "p" => task.percent = Some(map.next_value_seed(StampedSeed::new(ctx))?),
                "d" => {
                    let s: Stamped<Option<Day>> = map.next_value_seed(StampedSeed::new(ctx))?;
                    task.deadline = Some(Stamped::new(s.value.map(|d| d.0), &s.stamp));
                }
                "u" => task.parts = unique(map.next_value_seed(Many(PartSeed(ctx)))?)?,
                "m" => task.measures = unique(map.next_value_seed(Many(MeasureSeed(ctx)))?)?,
                "l" => task.log = unique(map.next_value_seed(Many(EntrySeed(ctx)))?)?,
                "r" => task.reports = map.next_value_seed(ReportsSeed(ctx))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(task)
    }
}

#[derive(Clone, Copy)]
struct PartSeed<'a>(&'a Ctx);

impl<'de> DeserializeSeed<'de> for PartSeed<'_> {
    type Value = (String, Stamped<Option<crate::model::Status>>);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PartSeed<'_> {
    type Value = (String, Stamped<Option<crate::model::Status>>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a part [unit, code, at, author, n?]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let unit: usize = need(&mut seq, "unit")?;
        let unit = self.0.unit(unit).map_err(de::Error::custom)?.to_string();
        let code: Code = need(&mut seq, "status")?;
        let stamp = read_tail(&mut seq, self.0)?;
        Ok((
            unit,
            Stamped {
                value: code.0,
                stamp,
            },
        ))
    }
}
