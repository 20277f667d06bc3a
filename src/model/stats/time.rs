//! Stamp times (ms since the epoch, UTC) read as local dates and clock times.
//!
//! Pure code cannot know the browser's time zone, so every function takes
//! `tz_offset_minutes`: minutes to add to UTC to get local time, e.g. `480` for 北京时间
//! (UTC+8). Note that JavaScript's `Date.getTimezoneOffset()` returns the negation (`-480`).

use crate::model::date::Date;

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;

/// The local calendar date of a stamp time.
pub fn local_date(ms: i64, tz_offset_minutes: i32) -> Date {
    let local = ms + i64::from(tz_offset_minutes) * MS_PER_MINUTE;
    Date::from_days_since_epoch(local.div_euclid(MS_PER_DAY))
}

/// A stamp time as local `YYYY-MM-DD HH:MM`.
pub fn local_date_time(ms: i64, tz_offset_minutes: i32) -> String {
    let local = ms + i64::from(tz_offset_minutes) * MS_PER_MINUTE;
    let minutes = local.rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
    format!(
        "{} {:02}:{:02}",
        local_date(ms, tz_offset_minutes),
        minutes / 60,
        minutes % 60
    )
}

/// The stamp time (ms) of local 00:00 on `date`.
pub fn local_day_start_ms(date: Date, tz_offset_minutes: i32) -> i64 {
    date.days_since_epoch() * MS_PER_DAY - i64::from(tz_offset_minutes) * MS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEIJING: i32 = 480;

    #[test]
    fn beijing_midnight_is_the_previous_utc_evening() {
        let d = Date::new(2023, 7, 1).expect("date");
        let start = local_day_start_ms(d, BEIJING);
        assert_eq!(start, 1_688_140_800_000, "2023-06-30T16:00Z");
        assert_eq!(local_date(start, BEIJING), d);
        assert_eq!(
            local_date(start - 1, BEIJING),
            Date::new(2023, 6, 30).expect("date")
        );
        assert_eq!(local_date(start, 0), Date::new(2023, 6, 30).expect("date"));
        assert_eq!(local_date_time(start, BEIJING), "2023-07-01 00:00");
        assert_eq!(
            local_date_time(start + 9 * 3_600_000 + 5 * 60_000 + 59_999, BEIJING),
            "2023-07-01 09:05"
        );
        assert_eq!(local_date_time(-60_000, 0), "1969-12-31 23:59");
    }
}
