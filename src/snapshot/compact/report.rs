//! Monthly three-part reports in the compact form: one row per unit and month.
//!
//! ```text
//! report = [month, unit, part?, part?, part?]
//! part   = null | [text, at, author, n?] | text
//! ```
//! A report lists its three parts (进展情况, 存在问题, 下一步措施) in order, trailing absent
//! ones left out; a bare text has the stamp of the part before it (the three written at
//! once). `[month]` alone is a month with no reports.

use super::tables::{Ctx, Tables};
use super::values::{OptSeed, Rel, RelSeed, StampedOut, month_number, month_of, need};
use crate::model::{Month, Reports, Stamp, Stamped, UnitReport};
use serde::Serialize;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{self, SerializeSeq, Serializer};
use std::fmt;

/// Every report of a task.
pub(super) struct ReportsOut<'a>(pub &'a Reports, pub &'a Tables<'a>);

impl Serialize for ReportsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.1;
        let mut seq = s.serialize_seq(None)?;
        for (month, units) in self.0 {
            let month = month_number(*month);
            if units.is_empty() {
                seq.serialize_element(&[month])?;
            }
            for (unit, report) in units {
                let UnitReport {
                    progress,
                    problems,
                    next,
                } = report;
                let parts = [progress, problems, next];
                let len = parts.iter().rposition(|p| p.is_some()).map_or(0, |i| i + 1);
                let row = Report {
                    month,
                    unit: t.unit(unit).map_err(ser::Error::custom)?,
                    parts: &parts[..len],
                    t,
                };
                seq.serialize_element(&row)?;
            }
        }
        seq.end()
    }
}

struct Report<'a> {
    month: i64,
    unit: usize,
    parts: &'a [&'a Option<Stamped<String>>],
    t: &'a Tables<'a>,
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element(&self.month)?;
        seq.serialize_element(&self.unit)?;
        let mut before: Option<&Stamp> = None;
        for part in self.parts {
            match part {
                None => seq.serialize_element(&())?,
                Some(p) if before == Some(&p.stamp) => seq.serialize_element(&p.value)?,
                Some(p) => {
                    let (value, stamp, t) = (p.value.as_str(), &p.stamp, self.t);
                    seq.serialize_element(&StampedOut { value, stamp, t })?;
                    before = Some(stamp);
                }
            }
        }
        seq.end()
    }
}

/// Reads every report of a task.
#[derive(Clone, Copy)]
pub(super) struct ReportsSeed<'a>(pub &'a Ctx);

impl<'de> DeserializeSeed<'de> for ReportsSeed<'_> {
    type Value = Reports;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Reports, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ReportsSeed<'_> {
    type Value = Reports;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of reports")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Reports, A::Error> {
        let mut reports = Reports::new();
        while let Some(row) = seq.next_element_seed(ReportSeed(self.0))? {
            let (month, report) = row;
            let units = reports.entry(month).or_default();
            if let Some((unit, report)) = report {
                if units.contains_key(&unit) {
                    return Err(de::Error::custom(format_args!("report of {unit} twice")));
                }
                units.insert(unit, report);
            }
        }
        Ok(reports)
    }
}

#[derive(Clone, Copy)]
struct ReportSeed<'a>(&'a Ctx);

impl<'de> DeserializeSeed<'de> for ReportSeed<'_> {
    type Value = (Month, Option<(String, UnitReport)>);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ReportSeed<'_> {
    type Value = (Month, Option<(String, UnitReport)>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a report [month, unit, part?, part?, part?]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let n: i64 = need(&mut seq, "month")?;
        let month =
            month_of(n).ok_or_else(|| de::Error::custom(format_args!("month {n} out of range")))?;
        let Some(unit) = seq.next_element::<usize>()? else {
            return Ok((month, None));
        };
        let unit = self.0.unit(unit).map_err(de::Error::custom)?.to_string();
        let mut parts = [None, None, None];
        let mut before: Option<Stamp> = None;
        for slot in &mut parts {
            let part = match seq.next_element_seed(OptSeed(RelSeed::<String>::new(self.0)))? {
                None => break,
                Some(None) => continue,
                Some(Some(Rel::Own(part))) => part,
                Some(Some(Rel::Plain(text))) => match &before {
                    Some(stamp) => Stamped::new(text, stamp),
                    None => return Err(de::Error::custom("report part without a stamp")),
                },
            };
            before = Some(part.stamp.clone());
            *slot = Some(part);
        }
        let [progress, problems, next] = parts;
        let report = UnitReport {
            progress,
            problems,
            next,
        };
        Ok((month, Some((unit, report))))
    }
}
