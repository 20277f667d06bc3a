//! Unit lists (`办公室、各司法所等`) split into names, and named 司法所 in running text.

use super::numeral::{is_close, is_open};
use crate::model::Role;

/// Phrases that close a unit list and are not part of any name, longest first.
const TRAILERS: &[&str] = &[
    "按职责分工分别负责",
    "按职责分工负责",
    "按职责分别负责",
    "按职责负责",
    "分别负责",
    "等有关部门",
    "等有关单位",
    "等相关部门",
    "等相关单位",
    "等部门",
    "等单位",
    "等",
];

/// Administrative levels that a name such as `各县、市、区政府` enumerates.
const LEVELS: &[&str] = &["县", "市", "区", "乡", "镇", "旗"];

/// What may follow the last level of such a name: `区政府`, `区人民政府`, `区党委`.
const LEVEL_TAILS: &[&str] = &["", "政府", "人民政府", "党委", "党委政府", "委"];

/// Removes list trailers (`等`, `按职责分工负责`) and closing punctuation.
pub fn strip_trailer(list: &str) -> &str {
    let mut s = list.trim_end_matches(is_list_end);
    loop {
        let before = s;
        for t in TRAILERS {
            if let Some(rest) = s.strip_suffix(t) {
                s = rest.trim_end_matches(is_list_end);
                break;
            }
        }
        if s == before {
            return s;
        }
    }
}

fn is_list_end(c: char) -> bool {
    c.is_whitespace() || "。.；;，,、".contains(c)
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '；' | ';' | ' ' | '\u{3000}' | '/' | '／'
    )
}

/// Splits a unit list into names, in order, with the role a name marks itself with
/// (`区司法局（牵头）`). Separators inside brackets do not split.
pub fn split_units(list: &str) -> Vec<(String, Option<Role>)> {
    let list = strip_trailer(list);
    let mut pieces: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let chars: Vec<char> = list.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        }
        let split_ji = c == '及'
            && depth == 0
            && cur.chars().count() >= 2
            && chars.len().saturating_sub(i + 1) >= 2;
        if depth == 0 && (is_separator(c) || split_ji) {
            pieces.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    pieces.push(cur);
    let mut out: Vec<(String, Option<Role>)> = Vec::new();
    let mut joining = false;
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if joining
            && let Some(last) = out.last_mut()
            && let Some(level) = LEVELS.iter().find(|l| {
                piece
                    .strip_prefix(**l)
                    .is_some_and(|tail| LEVEL_TAILS.contains(&tail))
            })
        {
            last.0.push('、');
            last.0.push_str(piece);
            joining = piece == *level;
            continue;
        }
        joining = piece
            .strip_prefix('各')
            .is_some_and(|rest| LEVELS.contains(&rest));
        out.push(marked_role(piece));
    }
    out
}

/// `区司法局（牵头）` or `区司法局牵头` → (`区司法局`, Lead).
fn marked_role(name: &str) -> (String, Option<Role>) {
    for (mark, role) in [("牵头", Role::Lead), ("配合", Role::Cooperating)] {
        for (open, close) in [('(', ')'), ('（', '）')] {
            let suffix = format!("{open}{mark}{close}");
            if let Some(base) = name.strip_suffix(suffix.as_str()) {
                return (base.trim().to_string(), Some(role));
            }
        }
        // `区工信局牵头，区营商办配合` inside a labelled list.
        if let Some(base) = name.strip_suffix(mark)
            && base.chars().count() >= 2
        {
            return (base.trim().to_string(), Some(role));
        }
    }
    (strip_trailer(name).to_string(), None)
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

    fn names(list: &str) -> Vec<String> {
        split_units(list).into_iter().map(|u| u.0).collect()
    }

    #[test]
    fn splits_on_every_separator() {
        assert_eq!(names("各科室、司法所"), ["各科室", "司法所"]);
        assert_eq!(
            names("办公室，普法科;复议科；法援中心,社矫科及公证处"),
            ["办公室", "普法科", "复议科", "法援中心", "社矫科", "公证处"]
        );
    }

    #[test]
    fn trailers_are_removed() {
        assert_eq!(names("区发改局、区财政局等"), ["区发改局", "区财政局"]);
        assert_eq!(names("区教育局等有关部门。"), ["区教育局"]);
        assert_eq!(names("各街道按职责分工分别负责"), ["各街道"]);
    }

    #[test]
    fn names_with_inner_separators_stay_whole() {
        assert_eq!(
            names("各县、市、区政府、市公安局"),
            ["各县、市、区政府", "市公安局"]
        );
        assert_eq!(
            names("各县(市、区)人民政府，市司法局"),
            ["各县(市、区)人民政府", "市司法局"]
        );
        assert_eq!(names("涉及单位"), ["涉及单位"]);
    }

    #[test]
    fn marked_roles() {
        assert_eq!(
            split_units("区司法局（牵头）、区法院"),
            vec![
                ("区司法局".to_string(), Some(Role::Lead)),
                ("区法院".to_string(), None)
            ]
        );
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
