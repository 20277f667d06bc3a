//! A reporting month (报送月份), written `2023-07`, and the months a plan's reports may be for.

use crate::model::date::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A reporting month, written `2023-07`. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u8,
}

impl Month {
    /// The month `date` falls in.
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Parses `2023-07` (or `2023-7`).
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        ((1..=12).contains(&month) && (1000..=9999).contains(&year))
            .then_some(Month { year, month })
    }

    /// The first day.
    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).unwrap_or(Date::from_days_since_epoch(0))
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// `2023年7月`.
    pub fn to_chinese(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        Month::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid month: {text}")))
    }
}

/// The months offered for reporting, newest first: the twelve up to `today`'s, every month
/// of the plan's year up to `today`'s (so that a past year's plan can still be reported on),
/// and every month `reported` names (so that no report is out of reach, one written on a PC
/// whose clock ran ahead included).
pub fn report_months(today: Month, plan_year: Option<i32>, reported: &[Month]) -> Vec<Month> {
    let mut list: Vec<Month> = std::iter::successors(Some(today), |m| Some(m.previous()))
        .take(12)
        .collect();
    if let Some(year) = plan_year {
        for m in (1..=12).map(|month| Month { year, month }) {
            if m <= today && !list.contains(&m) {
                list.push(m);
            }
        }
    }
    list.extend(
        reported
            .iter()
            .filter(|m| !list.contains(m))
            .copied()
            .collect::<Vec<_>>(),
    );
    crate::model::order::sort_by(&mut list, |a, b| b.cmp(a));
    list.dedup();
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_write_and_step_back() {
        let m = Month::parse("2023-7").expect("month");
        assert_eq!(m.to_string(), "2023-07");
        assert_eq!(m.to_chinese(), "2023年7月");
        assert_eq!(
            Month::parse("2023-01").map(Month::previous),
            Month::parse("2022-12")
        );
        assert_eq!(Month::parse("2023-13"), None);
        assert_eq!(Month::parse("七月"), None);
        let json = serde_json::to_string(&m).expect("json");
        assert_eq!(json, "\"2023-07\"");
    }

    fn months(list: &[Month]) -> Vec<String> {
        list.iter().map(Month::to_string).collect()
    }

    #[test]
    fn report_months_reach_back_a_year_and_over_the_plan_year() {
        let today = Month::parse("2026-03").expect("month");
        let recent = report_months(today, None, &[]);
        assert_eq!(recent.len(), 12);
        assert_eq!(months(&recent[..2]), ["2026-03", "2026-02"]);
        assert_eq!(recent[11].to_string(), "2025-04");
        assert_eq!(
            report_months(today, Some(2026), &[]),
            recent,
            "this year's months are there"
        );
        assert_eq!(
            report_months(today, Some(2027), &[]),
            recent,
            "a plan for next year adds no month yet"
        );

        let last_year = report_months(today, Some(2025), &[]);
        assert_eq!(last_year.len(), 15, "2025-01 to 2025-03 added, once each");
        assert_eq!(last_year[14].to_string(), "2025-01");

        let old = report_months(today, Some(2023), &[]);
        assert_eq!(old.len(), 24);
        assert_eq!(months(&old[11..13]), ["2025-04", "2023-12"]);
        assert_eq!(old[23].to_string(), "2023-01");

        let ahead = Month::parse("2028-01").expect("month");
        let with = report_months(today, Some(2026), &[ahead, today]);
        assert_eq!(with[0], ahead, "a month with reports is offered, once");
        assert_eq!(with.len(), 13);
    }
}
