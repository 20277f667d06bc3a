//! How the page puts fields, values and times into words: the merge preview, statistics, the toolbar and 数据与存储.

use crate::model::{ChangeValue, Field, local_date, part_label};

/// This browser's time zone, in minutes east of UTC (480 for 北京时间).
pub fn tz_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A time (ms) in local words, as every part of the page shows times: `2023年7月5日 10:00`.
pub fn local_time(ms: i64) -> String {
    let tz = tz_offset_minutes();
    let minutes = (ms + i64::from(tz) * 60_000).rem_euclid(86_400_000) / 60_000;
    format!(
        "{} {:02}:{:02}",
        local_date(ms, tz).to_chinese(),
        minutes / 60,
        minutes % 60
    )
}

/// [`local_time`] without the year when it is this year's (`11月27日 16:26`), for the toolbar.
pub fn local_time_short(ms: i64, now_ms: i64) -> String {
    let full = local_time(ms);
    let tz = tz_offset_minutes();
    let year = local_date(ms, tz).year();
    if year == local_date(now_ms, tz).year() {
        full.trim_start_matches(&format!("{year}年")).to_string()
    } else {
        full
    }
}

/// Which field changes.
pub fn field_label(field: &Field) -> String {
    match field {
        Field::Status => "状态".into(),
        Field::Percent => "完成进度".into(),
        Field::Deadline => "完成时限".into(),
        Field::Part(unit) => format!("{unit}的进展"),
        Field::MeasureText(_) => "举措内容".into(),
        Field::MeasureDone(_) => "举措完成".into(),
        Field::MeasureRemoved(_) => "举措删除".into(),
        Field::LogText(_) => "进展记录（更正）".into(),
        Field::LogWithdrawn(_) => "进展记录撤回".into(),
        Field::Report(month, unit, part) => {
            format!("{unit}{}报送·{}", month.to_chinese(), part_label(*part))
        }
    }
}

/// A value of `field` as the preview shows it; a field never set shows what it means there
/// (a status or percentage worked out automatically, a deadline as the plan says, no text).
pub fn value_words(field: &Field, value: &ChangeValue) -> String {
    match value {
        ChangeValue::Unset => match field {
            Field::Status | Field::Percent => "自动".into(),
            Field::Deadline => "按计划".into(),
            Field::Part(_) => "（未填报）".into(),
            Field::MeasureDone(_) | Field::MeasureRemoved(_) | Field::LogWithdrawn(_) => {
                "否".into()
            }
            Field::MeasureText(_) | Field::LogText(_) | Field::Report(..) => "（空）".into(),
        },
        ChangeValue::Status(Some(s)) => s.label().into(),
        ChangeValue::Status(None) => "自动".into(),
        ChangeValue::Percent(Some(p)) => format!("{p}%"),
        ChangeValue::Percent(None) => "自动".into(),
        ChangeValue::Date(Some(d)) => d.to_string(),
        ChangeValue::Date(None) => "（未定）".into(),
        ChangeValue::Text(t) if t.is_empty() => "（空）".into(),
        ChangeValue::Text(t) => t.clone(),
        ChangeValue::Flag(true) => "是".into(),
        ChangeValue::Flag(false) => "否".into(),
    }
}
