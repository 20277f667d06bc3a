//! The small pieces of the compact form: a stamp written as numbers after its value, status
//! codes, day and month numbers, and item ids written relative to their `created` stamp.

use super::tables::{Ctx, Tables};
use crate::model::{Date, Month, Stamp, Stamped, Status};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, SeqAccess, Visitor};
use serde::ser::{self, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// A status, or `None` (cleared), as its code: 0 未启动, 1 推进中, 2 已完成, 3 滞后, or `null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Code(pub Option<Status>);

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let code = |status| match status {
            Status::NotStarted => 0u8,
            Status::InProgress => 1,
            Status::Done => 2,
            Status::Lagging => 3,
        };
        self.0.map(code).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let status = match Option::<u8>::deserialize(d)? {
            None => None,
            Some(0) => Some(Status::NotStarted),
            Some(1) => Some(Status::InProgress),
            Some(2) => Some(Status::Done),
            Some(3) => Some(Status::Lagging),
            Some(c) => return Err(de::Error::custom(format_args!("unknown status code {c}"))),
        };
        Ok(Code(status))
    }
}

/// A date as its day number: days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Day(pub Date);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0.days_since_epoch())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let n = i64::deserialize(d)?;
        // Every date with a year in `i32` lies within ±10¹² days; beyond that the arithmetic
        // could overflow, and a number that does not come back is not a date.
        let date = (n.unsigned_abs() <= 1_000_000_000_000)
            .then(|| Date::from_days_since_epoch(n))
            .filter(|d| d.days_since_epoch() == n);
        date.map(Day)
            .ok_or_else(|| de::Error::custom(format_args!("day {n} out of range")))
    }
}

/// A month as its number: year × 12 + month − 1.
pub(super) fn month_number(m: Month) -> i64 {
    let d = m.first_day();
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

/// The month of [`month_number`] `n`, if there is one.
pub(super) fn month_of(n: i64) -> Option<Month> {
    let year = i32::try_from(n.div_euclid(12)).ok()?;
    let month = u8::try_from(n.rem_euclid(12) + 1).ok()?;
    Date::new(year, month, 1).map(Month::of)
}

/// Writes a stamp's tail: `at, author` and `n` when it is not 0.
pub(super) fn write_tail<S: SerializeSeq>(
    seq: &mut S,
    stamp: &Stamp,
    t: &Tables,
) -> Result<(), S::Error> {
    seq.serialize_element(&stamp.at)?;
    seq.serialize_element(&t.author(stamp).map_err(ser::Error::custom)?)?;
    if stamp.n != 0 {
        seq.serialize_element(&stamp.n)?;
    }
    Ok(())
}

/// The next element, which must be there.
pub(super) fn need<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(
    seq: &mut A,
    what: &str,
) -> Result<T, A::Error> {
    seq.next_element()?
        .ok_or_else(|| de::Error::custom(format_args!("{what} missing")))
}

/// Reads a stamp's tail (`at, author, n?`), the last elements of its list.
pub(super) fn read_tail<'de, A: SeqAccess<'de>>(seq: &mut A, ctx: &Ctx) -> Result<Stamp, A::Error> {
    let at: i64 = need(seq, "stamp time")?;
    let author: usize = need(seq, "stamp author")?;
    let n: u32 = seq.next_element()?.unwrap_or(0);
    ctx.stamp(at, author, n).map_err(de::Error::custom)
}

/// A stamp alone: `[at, author, n?]`.
pub(super) struct StampOut<'a>(pub &'a Stamp, pub &'a Tables<'a>);

impl Serialize for StampOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        write_tail(&mut seq, self.0, self.1)?;
        seq.end()
    }
}

/// A stamped value: `[value, at, author, n?]`.
pub(super) struct StampedOut<'a, V> {
    pub value: V,
    pub stamp: &'a Stamp,
    pub t: &'a Tables<'a>,
}

impl<V: Serialize> Serialize for StampedOut<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element(&self.value)?;
        write_tail(&mut seq, self.stamp, self.t)?;
        seq.end()
    }
}

/// A stamped value relative to a base stamp (an item's `created`): the bare value when its
/// stamp is the base, else `[value, at, author, n?]`.
pub(super) struct RelOut<'a, V> {
    pub value: V,
    pub stamp: &'a Stamp,
    pub base: &'a Stamp,
    pub t: &'a Tables<'a>,
}

impl<V: Serialize> Serialize for RelOut<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.stamp == self.base {
            self.value.serialize(s)
        } else {
            let (value, stamp, t) = (&self.value, self.stamp, self.t);
            StampedOut { value, stamp, t }.serialize(s)
        }
    }
}

/// Reads `[at, author, n?]`.
#[derive(Clone, Copy)]
pub(super) struct StampSeed<'a>(pub &'a Ctx);

impl<'de> DeserializeSeed<'de> for StampSeed<'_> {
    type Value = Stamp;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Stamp, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StampSeed<'_> {
    type Value = Stamp;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a stamp [at, author, n?]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Stamp, A::Error> {
        read_tail(&mut seq, self.0)
    }
}

/// Reads `[value, at, author, n?]`.
pub(super) struct StampedSeed<'a, V>(pub &'a Ctx, PhantomData<fn() -> V>);

impl<'a, V> StampedSeed<'a, V> {
    pub fn new(ctx: &'a Ctx) -> Self {
        StampedSeed(ctx, PhantomData)
    }
}

impl<V> Clone for StampedSeed<'_, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for StampedSeed<'_, V> {}

impl<'de, V: Deserialize<'de>> DeserializeSeed<'de> for StampedSeed<'_, V> {
    type Value = Stamped<V>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Stamped<V>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, V: Deserialize<'de>> Visitor<'de> for StampedSeed<'_, V> {
    type Value = Stamped<V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a stamped value [value, at, author, n?]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Stamped<V>, A::Error> {
        let value = need(&mut seq, "value")?;
        let stamp = read_tail(&mut seq, self.0)?;
        Ok(Stamped { value, stamp })
    }
}

/// A value read relative to a base stamp not known yet.
pub(super) enum Rel<V> {
    /// Under the base stamp.
    Plain(V),
    /// Under its own stamp.
    Own(Stamped<V>),
}

impl<V: Clone> Rel<V> {
    /// The stamped value, `base` standing for a bare value's stamp.
    pub fn under(self, base: &Stamp) -> Stamped<V> {
        match self {
            Rel::Plain(value) => Stamped::new(value, base),
            Rel::Own(s) => s,
        }
    }
}

/// Reads a value relative to a base stamp: a bare text or flag, or `[value, at, author, n?]`.
pub(super) struct RelSeed<'a, V>(pub &'a Ctx, PhantomData<fn() -> V>);

impl<'a, V> RelSeed<'a, V> {
    pub fn new(ctx: &'a Ctx) -> Self {
        RelSeed(ctx, PhantomData)
    }
}

impl<V> Clone for RelSeed<'_, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for RelSeed<'_, V> {}

impl<'de, V: Deserialize<'de>> DeserializeSeed<'de> for RelSeed<'_, V> {
    type Value = Rel<V>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Rel<V>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, V: Deserialize<'de>> Visitor<'de> for RelSeed<'_, V> {
    type Value = Rel<V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, a flag, or [value, at, author, n?]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Rel<V>, A::Error> {
        StampedSeed::new(self.0).visit_seq(seq).map(Rel::Own)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Rel<V>, E> {
        V::deserialize(v.into_deserializer()).map(Rel::Plain)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Rel<V>, E> {
        V::deserialize(v.into_deserializer()).map(Rel::Plain)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Rel<V>, E> {
        V::deserialize(v.into_deserializer()).map(Rel::Plain)
    }
}

/// Reads `null` as `None`, anything else with the inner seed.
#[derive(Clone, Copy)]
pub(super) struct OptSeed<S>(pub S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for OptSeed<S> {
    type Value = Option<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for OptSeed<S> {
    type Value = Option<S::Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("null or a value")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}
