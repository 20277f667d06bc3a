//! Numerals at the start of a line: Chinese `一`…`九十九`, Arabic digits of either width, `①`.

/// Reads a Chinese numeral from 一 to 九十九.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d).filter(|n| *n > 0).or((*d == '十').then_some(10)),
        ['十', u] => digit(*u).filter(|n| *n > 0).map(|n| 10 + n),
        [t, '十'] => digit(*t).filter(|n| *n > 1).map(|n| n * 10),
        [t, '十', u] => Some(digit(*t).filter(|n| *n > 1)? * 10 + digit(*u).filter(|n| *n > 0)?),
        _ => None,
    }
}

/// Splits leading Arabic digits (half- or full-width) off `s`: their value and the rest.
pub fn leading_digits(s: &str) -> Option<(u32, &str)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !is_digit(*c))
        .map_or(s.len(), |(i, _)| i);
    if end == 0 || end > 9 {
        return None;
    }
    let value = s[..end]
        .chars()
        .filter_map(|c| c.to_digit(10).or_else(|| full_width_digit(c)))
        .try_fold(0u32, |acc, d| acc.checked_mul(10)?.checked_add(d))?;
    Some((value, &s[end..]))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn full_width_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// The value of a circled number `①`…`⑳`.
pub fn circled(c: char) -> Option<u32> {
    ('①'..='⑳').contains(&c).then(|| c as u32 - '①' as u32 + 1)
}

/// Whether `c` opens a bracket (any width, any shape).
pub fn is_open(c: char) -> bool {
    matches!(c, '(' | '（' | '〔' | '【' | '[' | '［' | '〖')
}

/// Whether `c` closes a bracket (any width, any shape).
pub fn is_close(c: char) -> bool {
    matches!(c, ')' | '）' | '〕' | '】' | ']' | '］' | '〗')
}

/// `(一)`, `（二十四）`, `(3)`, `①`: a bracketed or circled numeral at the start of `s`.
/// Returns the numeral as written (brackets included), whether it is Chinese, its value
/// and the rest.
pub fn bracketed(s: &str) -> Option<(&str, bool, u32, &str)> {
    let first = s.chars().next()?;
    if let Some(n) = circled(first) {
        let len = first.len_utf8();
        return Some((&s[..len], false, n, &s[len..]));
    }
    if !is_open(first) {
        return None;
    }
    let inner = &s[first.len_utf8()..];
    let close = inner.find(is_close)?;
    let num = inner[..close].trim();
    let after = &inner[close..];
    let close_len = after.chars().next().map_or(0, char::len_utf8);
    let end = first.len_utf8() + close + close_len;
    if let Some(n) = chinese_number(num) {
        return Some((&s[..end], true, n, &s[end..]));
    }
    match leading_digits(num) {
        Some((n, "")) => Some((&s[..end], false, n, &s[end..])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十四"), Some(24));
        assert_eq!(chinese_number("各科室"), None);
        assert_eq!(chinese_number("〇"), None);
    }

    #[test]
    fn digits_and_brackets() {
        assert_eq!(leading_digits("１２．强化"), Some((12, "．强化")));
        assert_eq!(leading_digits("强化"), None);
        assert_eq!(
            bracketed("（二十四）做好"),
            Some(("（二十四）", true, 24, "做好"))
        );
        assert_eq!(bracketed("(3)细化"), Some(("(3)", false, 3, "细化")));
        assert_eq!(bracketed("②细化"), Some(("②", false, 2, "细化")));
        assert_eq!(bracketed("(责任单位:办公室)"), None);
        assert_eq!(bracketed("（"), None);
    }
}
