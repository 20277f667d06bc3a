//! The `(责任部门:…)` note of a task, and named 司法所 mentioned in running text.

/// Labels that introduce a task's responsible units.
const LABELS: &[&str] = &["责任部门", "责任单位", "责任科室"];

/// A task's text split around its responsible-units note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitsNote<'a> {
    /// The task text before the note.
    pub before: &'a str,
    /// The unit names, in order, trimmed.
    pub units: Vec<&'a str>,
    /// Whatever follows the closing bracket (normally only punctuation).
    pub after: &'a str,
}

/// Finds the last `(责任部门:…)` note in `text`; brackets and colons of either width.
pub fn split_units_note(text: &str) -> Option<UnitsNote<'_>> {
    let (label_at, label) = LABELS
        .iter()
        .filter_map(|l| text.rfind(l).map(|i| (i, *l)))
        .max_by_key(|(i, _)| *i)?;
    let open = text[..label_at].trim_end();
    let open_at = open.len().checked_sub(
        open.chars()
            .last()
            .filter(|c| matches!(c, '(' | '（'))?
            .len_utf8(),
    )?;
    let inner_start = label_at + label.len();
    let inner = text[inner_start..].trim_start_matches([' ', ':', '：', '\u{3000}']);
    let close_rel = inner.find([')', '）']);
    let (list, after) = match close_rel {
        Some(i) => (
            &inner[..i],
            &inner[i + inner[i..].chars().next().map_or(1, char::len_utf8)..],
        ),
        None => (inner, ""),
    };
    let units = list
        .split(['、', '，', ',', '；', ';', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .collect();
    Some(UnitsNote {
        before: text[..open_at].trim_end(),
        units,
        after: after.trim(),
    })
}

/// Named judicial offices (e.g. `文源司法所`) listed in running text.
///
/// A name counts when it is part of an enumeration `X司法所、Y司法所`: both
/// sides must be two-character names followed by `司法所`. This avoids taking
/// phrases such as `推进司法所规范化` for a unit.
pub fn named_judicial_offices(text: &str) -> Vec<String> {
    const SUFFIX: &str = "司法所";
    let chars: Vec<char> = text.chars().collect();
    let suffix: Vec<char> = SUFFIX.chars().collect();
    let is_name_at = |end: usize| -> Option<String> {
        // `end` is the index where 司法所 starts; the name is the two chars before it.
        if end < 2 || chars.get(end..end + 3)? != suffix.as_slice() {
            return None;
        }
        let name: String = chars[end - 2..end].iter().collect();
        let han = name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        (han && !name.contains('各')).then(|| format!("{name}{SUFFIX}"))
    };
    let mut found: Vec<String> = Vec::new();
    for i in 0..chars.len() {
        let Some(left) = is_name_at(i) else { continue };
        let sep = i + 3;
        if chars
            .get(sep)
            .is_some_and(|c| matches!(c, '、' | '和' | '及'))
            && let Some(right) = is_name_at(sep + 3)
        {
            for name in [left, right] {
                if !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_half_and_full_width_notes() {
        let n = split_units_note("做好工作。(责任部门:各科室、司法所)").expect("note");
        assert_eq!(n.before, "做好工作。");
        assert_eq!(n.units, vec!["各科室", "司法所"]);
        let n =
            split_units_note("做好工作。（责任部门：办公室，普法与依法治理科）。").expect("note");
        assert_eq!(n.units, vec!["办公室", "普法与依法治理科"]);
        assert_eq!(n.after, "。");
    }

    #[test]
    fn no_note_without_bracket() {
        assert_eq!(split_units_note("讨论责任部门的分工"), None);
        assert_eq!(split_units_note("没有说明"), None);
    }

    #[test]
    fn finds_enumerated_judicial_offices_only() {
        let text =
            "持续推进司法所规范化建设,加强督导文源司法所、暮云司法所规范化建设,发挥司法所在基层";
        assert_eq!(
            named_judicial_offices(text),
            vec!["文源司法所", "暮云司法所"]
        );
        assert!(named_judicial_offices("各司法所、司法所所长").is_empty());
    }
}
