//! Classifies one line of plan text: heading, task, metadata, debris or plain text.

use crate::model::Date;

/// What a single (trimmed, non-blank) line is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Web-page furniture that carries no content (breadcrumb, QR-code note, font-size control).
    Debris,
    /// The `发布时间 : … 来源:…` line.
    Meta {
        /// The publication date, when readable.
        date: Option<Date>,
        /// The issuing body, when given.
        issuer: Option<String>,
    },
    /// A section heading `一、…`.
    Section {
        /// The numeral as written.
        numeral: &'a str,
        /// Its value.
        number: u32,
        /// The heading text.
        title: &'a str,
    },
    /// The start of a numbered task `1.…`.
    Task {
        /// The task number.
        number: u32,
        /// The text after the number.
        text: &'a str,
    },
    /// Any other text.
    Text(&'a str),
}

const DEBRIS: &[&str] = &[
    "扫一扫在手机打开当前页",
    "字体大小",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "分享到",
];

/// Classifies a trimmed, non-blank line.
pub fn classify(line: &str) -> Line<'_> {
    if is_debris(line) {
        return Line::Debris;
    }
    if line.starts_with("发布时间") || (line.contains("来源") && line.contains("字体大小"))
    {
        return meta(line);
    }
    if let Some((numeral, number, title)) = section_heading(line) {
        return Line::Section {
            numeral,
            number,
            title,
        };
    }
    if let Some((number, text)) = task_start(line) {
        return Line::Task { number, text };
    }
    Line::Text(line)
}

fn is_debris(line: &str) -> bool {
    let breadcrumb = line.starts_with("首页") && (line.contains('>') || line.contains('＞'));
    let bare = line.trim_end_matches([':', '：', ' ']);
    breadcrumb || DEBRIS.contains(&bare) || line.starts_with("扫一扫")
}

fn meta(line: &str) -> Line<'_> {
    let date = after_label(line, "发布时间").and_then(|rest| {
        let token: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || "-/.年月日".contains(*c))
            .collect();
        Date::parse(&token)
    });
    let issuer = after_label(line, "来源").and_then(|rest| {
        let end = rest.find("字体大小").unwrap_or(rest.len());
        let name = rest[..end].split_whitespace().next().unwrap_or("").trim();
        (!name.is_empty()).then(|| name.to_string())
    });
    Line::Meta { date, issuer }
}

/// The text after `label`, skipping spaces and a colon of either width.
fn after_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let start = line.find(label)? + label.len();
    Some(line[start..].trim_start_matches([' ', ':', '：', '\u{3000}']))
}

fn section_heading(line: &str) -> Option<(&str, u32, &str)> {
    let (numeral, rest) = line.split_once('、')?;
    let number = chinese_number(numeral)?;
    let title = rest.trim();
    (!title.is_empty()).then_some((numeral, number, title))
}

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

fn task_start(line: &str) -> Option<(u32, &str)> {
    let digits_end = line
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(c)))
        .map(|(i, _)| i)?;
    if digits_end == 0 {
        return None;
    }
    let rest = &line[digits_end..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '．' | '、') {
        return None;
    }
    let number = line[..digits_end]
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                c
            } else {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or('x')
            }
        })
        .collect::<String>()
        .parse()
        .ok()?;
    let text = rest[sep.len_utf8()..].trim();
    (!text.is_empty()).then_some((number, text))
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
        assert_eq!(chinese_number("三十五"), Some(35));
        assert_eq!(chinese_number("各科室"), None);
        assert_eq!(chinese_number("〇"), None);
    }

    #[test]
    fn classifies_tasks_with_either_width() {
        assert_eq!(
            classify("1.筑牢"),
            Line::Task {
                number: 1,
                text: "筑牢"
            }
        );
        assert_eq!(
            classify("１２．强化"),
            Line::Task {
                number: 12,
                text: "强化"
            }
        );
        assert_eq!(
            classify("3、掌牢"),
            Line::Task {
                number: 3,
                text: "掌牢"
            }
        );
        assert_eq!(classify("2023年全区"), Line::Text("2023年全区"));
    }

    #[test]
    fn classifies_meta_and_debris() {
        let meta = classify("发布时间 : 2023-06-01 来源:长沙市天心区司法局 字体大小:");
        assert_eq!(
            meta,
            Line::Meta {
                date: Date::new(2023, 6, 1),
                issuer: Some("长沙市天心区司法局".into())
            }
        );
        assert_eq!(classify("首页 > 政务公开 > 规划计划"), Line::Debris);
        assert_eq!(classify("扫一扫在手机打开当前页"), Line::Debris);
        assert_eq!(classify("字体大小："), Line::Debris);
    }

    #[test]
    fn classifies_sections() {
        assert_eq!(
            classify("二、以履行法定职能为主责"),
            Line::Section {
                numeral: "二",
                number: 2,
                title: "以履行法定职能为主责"
            }
        );
    }
}
