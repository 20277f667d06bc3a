//! Classifies one trimmed, non-blank line: heading, item, sub-item, note, table row, notice
//! furniture, debris or plain text. Classification looks at the line alone; the parser
//! decides from context what a line means (a `（一）` line is an item or a heading).

use super::note::{Note, note_line};
use super::notice;
use super::numeral::{bracketed, chinese_number, leading_digits};
use crate::model::Date;

/// What a single line is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Web-page furniture that carries no content.
    Debris,
    /// The page's `发布时间 : … 来源:…` line.
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
        /// The heading text.
        title: &'a str,
    },
    /// A line starting with a bracketed Chinese numeral `（一）…`.
    Paren {
        /// Its value.
        number: u32,
        /// The text after it.
        text: &'a str,
    },
    /// A line starting with an Arabic number `1.…`, `1、…`, `1．…`.
    Item {
        /// Its value.
        number: u32,
        /// The text after it.
        text: &'a str,
    },
    /// A sub-item `(1)…`, `（1）…`, `①…`, `1)…`.
    Sub,
    /// A line that is a responsibility note (or a 完成时限 / 责任领导 line).
    Note(Note),
    /// A table row: cells split at `|` or tab.
    Row(Vec<&'a str>),
    /// A document number such as `天司发〔2024〕3号`.
    DocNumber,
    /// A notice's addressee line, ending with a colon.
    Addressee,
    /// `附件：…`.
    Attachment,
    /// A short date line; the date when readable.
    Date(Option<Date>),
    /// Any other text.
    Text,
}

/// Classifies a trimmed, non-blank line.
pub fn classify(line: &str) -> Line<'_> {
    if notice::is_debris(line) {
        return Line::Debris;
    }
    if let Some((date, issuer)) = notice::meta(line) {
        return Line::Meta { date, issuer };
    }
    if let Some(cells) = row(line) {
        return cells;
    }
    if notice::is_doc_number(line) {
        return Line::DocNumber;
    }
    if let Some(date) = notice::date_line(line) {
        return Line::Date(date);
    }
    if let Some((numeral, title)) = section(line) {
        return Line::Section { numeral, title };
    }
    if let Some((_, chinese, number, text)) = bracketed(line) {
        let text = text.trim_start_matches(['.', '．', '、', ' ', '\u{3000}']);
        return match chinese {
            true if !text.is_empty() => Line::Paren { number, text },
            true => Line::Text,
            false => Line::Sub,
        };
    }
    if let Some(item) = item(line) {
        return item;
    }
    if let Some(note) = note_line(line) {
        return Line::Note(note);
    }
    if notice::is_attachment(line) {
        return Line::Attachment;
    }
    if notice::is_addressee(line) {
        return Line::Addressee;
    }
    Line::Text
}

fn row(line: &str) -> Option<Line<'_>> {
    if !line.contains(['|', '｜', '\t']) {
        return None;
    }
    let mut cells: Vec<&str> = line
        .split(['|', '｜', '\t'])
        .map(|c| unquote(c.trim()))
        .collect();
    if line.starts_with(['|', '｜']) {
        cells.remove(0);
    }
    if line.ends_with(['|', '｜']) {
        cells.pop();
    }
    if cells.len() < 2 {
        return None;
    }
    let rule = cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | '—' | ' ')));
    Some(if rule { Line::Debris } else { Line::Row(cells) })
}

/// A cell as Excel copies it when it holds a line break: in double quotes.
fn unquote(cell: &str) -> &str {
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') => inner.trim(),
        _ => cell,
    }
}

/// `一、…`: the numeral and the heading text.
pub fn section(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['、', '．', '.'])?;
    // `三 、规范…`: a space may stand before the mark.
    let numeral = line[..at].trim_end();
    chinese_number(numeral)?;
    let sep = line[at..].chars().next()?;
    let title = line[at + sep.len_utf8()..].trim();
    (!title.is_empty()).then_some((numeral, title))
}

fn item(line: &str) -> Option<Line<'_>> {
    let (number, rest) = leading_digits(line)?;
    let mut chars = rest.chars();
    let sep = chars.next()?;
    if matches!(sep, ')' | '）') {
        return Some(Line::Sub);
    }
    if !matches!(sep, '.' | '．' | '、') || chars.next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let text = rest[sep.len_utf8()..].trim();
    (!text.is_empty()).then_some(Line::Item { number, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_in_every_width() {
        assert_eq!(
            classify("1.筑牢"),
            Line::Item {
                number: 1,
                text: "筑牢"
            }
        );
        assert_eq!(
            classify("１２．强化"),
            Line::Item {
                number: 12,
                text: "强化"
            }
        );
        assert_eq!(
            classify("3、掌牢"),
            Line::Item {
                number: 3,
                text: "掌牢"
            }
        );
        assert_eq!(classify("1.5亿元资金到位"), Line::Text);
        assert_eq!(classify("2023年全区"), Line::Text);
    }

    #[test]
    fn headings_and_sub_items() {
        assert_eq!(
            classify("二、以履行法定职能为主责"),
            Line::Section {
                numeral: "二",
                title: "以履行法定职能为主责"
            }
        );
        assert_eq!(
            classify("（二十四）加强队伍建设"),
            Line::Paren {
                number: 24,
                text: "加强队伍建设"
            }
        );
        assert_eq!(classify("(1)细化方案"), Line::Sub);
        assert_eq!(classify("①细化方案"), Line::Sub);
        assert_eq!(classify("2）细化方案"), Line::Sub);
    }

    #[test]
    fn notes_rows_and_furniture() {
        assert!(matches!(classify("牵头单位：区司法局"), Line::Note(_)));
        assert!(matches!(classify("完成时限：6月底前"), Line::Note(_)));
        assert_eq!(
            classify("序号|工作任务|责任单位"),
            Line::Row(vec!["序号", "工作任务", "责任单位"])
        );
        assert_eq!(classify("| 1 | 做甲 |"), Line::Row(vec!["1", "做甲"]));
        assert_eq!(classify("|---|---|"), Line::Debris);
        assert_eq!(classify("天司发〔2024〕3号"), Line::DocNumber);
        assert_eq!(classify("各科室、各司法所："), Line::Addressee);
        assert_eq!(classify("附件：1.工作要点"), Line::Attachment);
        assert_eq!(classify("2024年2月1日"), Line::Date(Date::new(2024, 2, 1)));
        assert_eq!(classify("首页 > 规划计划"), Line::Debris);
    }
}
