//! Log entries and measures in the compact form. An item id as the app makes it,
//! `<replica>.<ms>.<counter>`, is written as the counter alone when the replica and the time
//! are those of the item's `created` stamp; any other id is written whole.
//!
//! ```text
//! entry   = [day, text, id, at, author, n?]      one wording under `created`, not withdrawn
//!         | {"d": day, "i": id, "c": stamp, "r": [rel text…], "w": rel flag}
//! measure = {"i": id, "c": stamp, "t": rel text, "x": rel flag, "r": rel flag, "s": seed}
//! ```
//! `rel` is a bare value under `created`, or `[value, at, author, n?]`; `w`, `x` (done) and
//! `r` (removed) are left out when false under `created`, `s` when there is no seed.

use super::tables::{Ctx, Tables};
use super::values::{Day, Rel, RelOut, RelSeed, StampOut, StampSeed, need, read_tail, write_tail};
use crate::model::{ItemId, LogEntry, Measure, Stamp, Stamped};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The counter of an id made from `created`: `<created.replica>.<created.at>.<counter>`.
fn counter(id: &ItemId, created: &Stamp) -> Option<u64> {
    let rest = id.0.strip_prefix(created.replica.0.as_str())?;
    let rest = rest.strip_prefix('.')?;
    let rest = rest.strip_prefix(created.at.to_string().as_str())?;
    let k = rest.strip_prefix('.')?;
    let n: u64 = k.parse().ok()?;
    (n.to_string() == k).then_some(n)
}

/// An id as written: its counter, or the whole id.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Id {
    Counter(u64),
    Whole(String),
}

impl Id {
    fn of(id: &ItemId, created: &Stamp) -> Id {
        counter(id, created).map_or_else(|| Id::Whole(id.0.clone()), Id::Counter)
    }

    fn under(self, created: &Stamp) -> ItemId {
        match self {
            Id::Counter(k) => ItemId(format!("{}.{}.{k}", created.replica.0, created.at)),
            Id::Whole(id) => ItemId(id),
        }
    }
}

/// One log entry, in whichever form fits.
pub(super) struct EntryOut<'a>(pub &'a ItemId, pub &'a LogEntry, pub &'a Tables<'a>);

impl Serialize for EntryOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (id, t) = (self.0, self.2);
        let LogEntry {
            date,
            created,
            revisions,
            withdrawn,
        } = self.1;
        let not_withdrawn = !withdrawn.value && withdrawn.stamp == *created;
        match revisions.as_slice() {
            [only] if only.stamp == *created && not_withdrawn => {
                let mut seq = s.serialize_seq(None)?;
                seq.serialize_element(&Day(*date))?;
                seq.serialize_element(&only.value)?;
                seq.serialize_element(&Id::of(id, created))?;
                write_tail(&mut seq, created, t)?;
                seq.end()
            }
            _ => {
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("d", &Day(*date))?;
                map.serialize_entry("i", &Id::of(id, created))?;
                map.serialize_entry("c", &StampOut(created, t))?;
                let revisions: Vec<_> = revisions
                    .iter()
                    .map(|r| RelOut {
                        value: r.value.as_str(),
                        stamp: &r.stamp,
                        base: created,
                        t,
                    })
                    .collect();
                map.serialize_entry("r", &revisions)?;
                if !not_withdrawn {
                    let (value, stamp) = (withdrawn.value, &withdrawn.stamp);
                    let w = RelOut {
                        value,
                        stamp,
                        base: created,
                        t,
                    };
                    map.serialize_entry("w", &w)?;
                }
                map.end()
            }
        }
    }
}

/// Reads one log entry, either form.
#[derive(Clone, Copy)]
pub(super) struct EntrySeed<'a>(pub &'a Ctx);

impl<'de> DeserializeSeed<'de> for EntrySeed<'_> {
    type Value = (ItemId, LogEntry);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EntrySeed<'_> {
    type Value = (ItemId, LogEntry);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a log entry")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let date: Day = need(&mut seq, "date")?;
        let text: String = need(&mut seq, "text")?;
        let id: Id = need(&mut seq, "id")?;
        let created = read_tail(&mut seq, self.0)?;
        let entry = LogEntry {
            date: date.0,
            revisions: vec![Stamped::new(text, &created)],
            withdrawn: Stamped::new(false, &created),
            created,
        };
        Ok((id.under(&entry.created), entry))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut date, mut id, mut created, mut revisions, mut withdrawn) =
            (None, None, None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "d" => date = Some(map.next_value::<Day>()?.0),
                "i" => id = Some(map.next_value::<Id>()?),
                "c" => created = Some(map.next_value_seed(StampSeed(self.0))?),
                "r" => revisions = Some(map.next_value_seed(Many(RelSeed::new(self.0)))?),
                "w" => withdrawn = Some(map.next_value_seed(RelSeed::new(self.0))?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let missing = |what| de::Error::custom(format_args!("log entry without {what}"));
        let created: Stamp = created.ok_or_else(|| missing("c"))?;
        let entry = LogEntry {
            date: date.ok_or_else(|| missing("d"))?,
            revisions: revisions
                .ok_or_else(|| missing("r"))?
                .into_iter()
                .map(|r: Rel<String>| r.under(&created))
                .collect(),
            withdrawn: withdrawn
                .map_or_else(|| Stamped::new(false, &created), |w| w.under(&created)),
            created,
        };
        Ok((id.ok_or_else(|| missing("i"))?.under(&entry.created), entry))
    }
}

/// One measure.
pub(super) struct MeasureOut<'a>(pub &'a ItemId, pub &'a Measure, pub &'a Tables<'a>);

impl Serialize for MeasureOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (id, t) = (self.0, self.2);
        let Measure {
            created,
            text,
            done,
            removed,
            seed,
        } = self.1;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("i", &Id::of(id, created))?;
        map.serialize_entry("c", &StampOut(created, t))?;
        let (value, stamp) = (text.value.as_str(), &text.stamp);
        map.serialize_entry(
            "t",
            &RelOut {
                value,
                stamp,
                base: created,
                t,
            },
        )?;
        for (key, flag) in [("x", done), ("r", removed)] {
            if flag.value || flag.stamp != *created {
                let (value, stamp) = (flag.value, &flag.stamp);
                map.serialize_entry(
                    key,
                    &RelOut {
                        value,
                        stamp,
                        base: created,
                        t,
                    },
                )?;
            }
        }
        if let Some(seed) = seed {
            map.serialize_entry("s", seed)?;
        }
        map.end()
    }
}

/// Reads one measure.
#[derive(Clone, Copy)]
pub(super) struct MeasureSeed<'a>(pub &'a Ctx);

impl<'de> DeserializeSeed<'de> for MeasureSeed<'_> {
    type Value = (ItemId, Measure);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for MeasureSeed<'_> {
    type Value = (ItemId, Measure);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a measure")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut id, mut created, mut text, mut done, mut removed, mut seed) =
            (None, None, None, None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "i" => id = Some(map.next_value::<Id>()?),
                "c" => created = Some(map.next_value_seed(StampSeed(self.0))?),
                "t" => text = Some(map.next_value_seed(RelSeed::<String>::new(self.0))?),
                "x" => done = Some(map.next_value_seed(RelSeed::<bool>::new(self.0))?),
                "r" => removed = Some(map.next_value_seed(RelSeed::<bool>::new(self.0))?),
                "s" => seed = Some(map.next_value::<String>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let missing = |what| de::Error::custom(format_args!("measure without {what}"));
        let created: Stamp = created.ok_or_else(|| missing("c"))?;
        let flag = |f: Option<Rel<bool>>| {
            f.map_or_else(|| Stamped::new(false, &created), |f| f.under(&created))
        };
        let measure = Measure {
            text: text.ok_or_else(|| missing("t"))?.under(&created),
            done: flag(done),
            removed: flag(removed),
            seed,
            created: created.clone(),
        };
        Ok((id.ok_or_else(|| missing("i"))?.under(&created), measure))
    }
}

/// Reads a list, each element with the seed `S`.
#[derive(Clone, Copy)]
pub(super) struct Many<S>(pub S);

impl<'de, S: DeserializeSeed<'de> + Copy> DeserializeSeed<'de> for Many<S> {
    type Value = Vec<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: DeserializeSeed<'de> + Copy> Visitor<'de> for Many<S> {
    type Value = Vec<S::Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq.next_element_seed(self.0)? {
            out.push(v);
        }
        Ok(out)
    }
}
