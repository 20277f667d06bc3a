//! Calendar dates without time zones, as used for publication dates and deadlines.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::RangeInclusive;

/// The years a date typed into a form may have.
pub const TYPED_YEARS: RangeInclusive<i32> = 2000..=2099;

/// What the text of a date field means. A browser reports a date field's value at every
/// keystroke that makes a valid date, so typing the year 2027 passes through the years 2, 20
/// and 202: a year outside [`TYPED_YEARS`] is a date still being typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    /// The field is empty.
    Cleared,
    /// A whole date with a plausible year.
    Date(Date),
    /// Not a date, or one whose year is not plausible (yet).
    Incomplete,
}

/// A calendar date (proleptic Gregorian). Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when the month or day is out of range.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date field's text as the field's new value: `Some(None)` cleared, `Some(Some(d))` a
    /// date, `None` still being typed (keep the old value).
    pub fn typed_value(text: &str) -> Option<Option<Date>> {
        match Date::typed(text) {
            Typed::Cleared => Some(None),
            Typed::Date(d) => Some(Some(d)),
            Typed::Incomplete => None,
        }
    }

    /// Reads a date field's text; see [`Typed`].
    pub fn typed(text: &str) -> Typed {
        if text.trim().is_empty() {
            return Typed::Cleared;
        }
        match Date::parse(text) {
            Some(d) if TYPED_YEARS.contains(&d.year) => Typed::Date(d),
            _ => Typed::Incomplete,
        }
    }

    /// Parses `2023-06-01`, `2023/6/1`, `2023.6.1` or `2023年6月1日`.
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim().trim_end_matches('日');
        let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            return None;
        }
        let year = parts[0].parse().ok()?;
        let month = parts[1].parse().ok()?;
        let day = parts[2].parse().ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Algorithm from Howard Hinnant's `days_from_civil`.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Chinese long form, e.g. `2023年6月1日`.
    pub fn to_chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    /// ISO form, e.g. `2023-06-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("invalid date: {text}")))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_years_outside_the_range_are_still_being_typed() {
        use super::{Date, Typed};
        let steps: Vec<Typed> = ["0002-06-30", "0020-06-30", "0202-06-30", "2027-06-30"]
            .iter()
            .map(|t| Date::typed(t))
            .collect();
        let june = Date::new(2027, 6, 30).expect("date");
        assert_eq!(
            steps,
            [
                Typed::Incomplete,
                Typed::Incomplete,
                Typed::Incomplete,
                Typed::Date(june)
            ]
        );
        assert_eq!(Date::typed(""), Typed::Cleared);
        assert_eq!(Date::typed("2027-02-30"), Typed::Incomplete);
        assert_eq!(Date::typed("2100-01-01"), Typed::Incomplete);
        assert_eq!(Date::typed_value(""), Some(None));
        assert_eq!(Date::typed_value("2027-06-30"), Some(Some(june)));
        assert_eq!(Date::typed_value("0202-06-30"), None);
    }

    use super::*;

    #[test]
    fn parses_common_forms() {
        let d = Date::new(2023, 6, 1).expect("valid");
        assert_eq!(Date::parse("2023-06-01"), Some(d));
        assert_eq!(Date::parse("2023年6月1日"), Some(d));
        assert_eq!(Date::parse("2023/6/1"), Some(d));
        assert_eq!(d.to_string(), "2023-06-01");
        assert_eq!(d.to_chinese(), "2023年6月1日");
    }

    #[test]
    fn rejects_garbled_dates() {
        assert_eq!(Date::parse("2023年61日"), None);
        assert_eq!(Date::parse("2023-02-30"), None);
        assert_eq!(Date::parse(""), None);
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-1000, 0, 19_509, 20_000, 60_000] {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days);
        }
        assert_eq!(
            Date::new(2023, 6, 1).map(Date::days_since_epoch),
            Some(19_509)
        );
    }
}
