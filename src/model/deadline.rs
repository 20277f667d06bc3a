//! A deadline as written in a plan (完成时限: `6月底前`, `年底前`, `长期坚持`) read as a date.

use super::date::Date;

/// The last day a deadline text allows, in `year` unless the text names a year.
/// `None` for open-ended wording (`长期坚持`, `持续推进`) or text that names no time.
///
/// Read: `[YYYY年]M月底[前]`, `[YYYY年]M月[D日][前]`, `年底前` / `年内` / `全年`,
/// `上半年`, `下半年`, `一季度`…`四季度` (also `第一季度`), and a date as the CSV writes it
/// (`2024-06-30`, `2024/6/30`), with or without `前`.
pub fn resolve_deadline(text: &str, year: Option<i32>) -> Option<Date> {
    let t = text.trim();
    if t.contains("长期") || t.contains("持续") || t.contains("常态") {
        return None;
    }
    if let Some(d) = Date::parse(t.trim_end_matches('前')) {
        return Some(d);
    }
    let (named_year, rest) = leading_year(t);
    let year = named_year.or(year)?;
    if let Some((month, after)) = leading_number(rest).filter(|(_, a)| a.starts_with('月')) {
        let month = u8::try_from(month).ok()?;
        let after = &after['月'.len_utf8()..];
        if let Some((day, tail)) =
            leading_number(after).filter(|(_, a)| a.starts_with(['日', '号']))
        {
            let _ = tail;
            return Date::new(year, month, u8::try_from(day).ok()?);
        }
        return end_of_month(year, month);
    }
    let quarter = ["一季度", "二季度", "三季度", "四季度"]
        .iter()
        .position(|q| rest.contains(q));
    if let Some(q) = quarter {
        return end_of_month(year, (q as u8 + 1) * 3);
    }
    if rest.contains("上半年") {
        return end_of_month(year, 6);
    }
    if ["年底", "年内", "全年", "下半年", "年末"]
        .iter()
        .any(|w| rest.contains(w))
        || (named_year.is_some() && rest.trim_start_matches(['底', '前']).is_empty())
    {
        return end_of_month(year, 12);
    }
    None
}

fn end_of_month(year: i32, month: u8) -> Option<Date> {
    (28..=31).rev().find_map(|d| Date::new(year, month, d))
}

/// `2024年…` → (Some(2024), "…").
fn leading_year(t: &str) -> (Option<i32>, &str) {
    match leading_number(t) {
        Some((y, rest)) if (1900..=2999).contains(&y) && rest.starts_with('年') => {
            (Some(y as i32), &rest['年'.len_utf8()..])
        }
        _ => (None, t),
    }
}

/// Leading ASCII or full-width digits → (value, rest).
fn leading_number(t: &str) -> Option<(u32, &str)> {
    let mut value: u32 = 0;
    let mut end = 0;
    for (i, c) in t.char_indices() {
        let d = c
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
        match d {
            Some(d) => {
                value = value.checked_mul(10)?.checked_add(d)?;
                end = i + c.len_utf8();
            }
            None => break,
        }
    }
    (end > 0).then(|| (value, &t[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn reads_the_usual_wordings() {
        assert_eq!(resolve_deadline("6月底前", Some(2023)), d(2023, 6, 30));
        assert_eq!(resolve_deadline("2月底前", Some(2024)), d(2024, 2, 29));
        assert_eq!(
            resolve_deadline("2023年10月底前", Some(2024)),
            d(2023, 10, 31)
        );
        assert_eq!(resolve_deadline("12月31日前", Some(2023)), d(2023, 12, 31));
        assert_eq!(resolve_deadline("年底前", Some(2023)), d(2023, 12, 31));
        assert_eq!(resolve_deadline("上半年", Some(2023)), d(2023, 6, 30));
        assert_eq!(resolve_deadline("第三季度", Some(2023)), d(2023, 9, 30));
        assert_eq!(resolve_deadline("2024年底前", None), d(2024, 12, 31));
        assert_eq!(resolve_deadline("９月", Some(2023)), d(2023, 9, 30));
        assert_eq!(resolve_deadline("2024-06-30", Some(2023)), d(2024, 6, 30));
        assert_eq!(resolve_deadline("2024/9/1前", None), d(2024, 9, 1));
    }

    #[test]
    fn open_ended_or_yearless_gives_none() {
        assert_eq!(resolve_deadline("长期坚持", Some(2023)), None);
        assert_eq!(resolve_deadline("持续推进", Some(2023)), None);
        assert_eq!(resolve_deadline("6月底前", None), None);
        assert_eq!(resolve_deadline("13月底前", Some(2023)), None);
        assert_eq!(resolve_deadline("尽快", Some(2023)), None);
    }
}
