//! Labels inside responsibility notes and table headers: `牵头单位`, `责任部门`, `完成时限`, …
//!
//! Matching folds the traditional forms that occur in these labels (`牽頭單位`, `責任部門`).

use crate::model::Role;

/// What a label introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Units in a role.
    Units(Role),
    /// Persons (责任领导, 责任人): never units.
    Person,
    /// The deadline (完成时限).
    Deadline,
}

/// Every label, with what it introduces and whether it needs a colon after it to count.
const LABELS: &[(&str, Label, bool)] = &[
    ("牵头负责领导", Label::Person, false),
    ("牵头区领导", Label::Person, false),
    ("牵头领导", Label::Person, false),
    ("分管区领导", Label::Person, false),
    ("分管领导", Label::Person, false),
    ("责任领导", Label::Person, false),
    ("具体责任人", Label::Person, false),
    ("责任人", Label::Person, false),
    ("联系人", Label::Person, false),
    ("牵头责任单位", Label::Units(Role::Lead), false),
    ("牵头单位", Label::Units(Role::Lead), false),
    ("牵头部门", Label::Units(Role::Lead), false),
    ("牵头科室", Label::Units(Role::Lead), false),
    ("牵头", Label::Units(Role::Lead), true),
    ("协同责任单位", Label::Units(Role::Cooperating), false),
    ("协同单位", Label::Units(Role::Cooperating), false),
    ("协同部门", Label::Units(Role::Cooperating), false),
    ("配合单位", Label::Units(Role::Cooperating), false),
    ("配合部门", Label::Units(Role::Cooperating), false),
    ("配合科室", Label::Units(Role::Cooperating), false),
    ("协办单位", Label::Units(Role::Cooperating), false),
    ("参与单位", Label::Units(Role::Cooperating), false),
    ("配合", Label::Units(Role::Cooperating), true),
    ("责任单位", Label::Units(Role::Responsible), false),
    ("责任部门", Label::Units(Role::Responsible), false),
    ("责任科室", Label::Units(Role::Responsible), false),
    ("责任主体", Label::Units(Role::Responsible), false),
    ("主责单位", Label::Units(Role::Responsible), false),
    ("承办单位", Label::Units(Role::Responsible), false),
    ("落实单位", Label::Units(Role::Responsible), false),
    ("责任", Label::Units(Role::Responsible), true),
    ("完成时限", Label::Deadline, false),
    ("完成时间", Label::Deadline, false),
    ("时间节点", Label::Deadline, false),
    ("时限要求", Label::Deadline, false),
    ("时限", Label::Deadline, true),
];

/// The first characters of [`LABELS`] (a test keeps the two in step).
const LABEL_STARTS: &[char] = &[
    '牵', '分', '责', '具', '联', '协', '配', '参', '主', '承', '落', '完', '时',
];

/// Folds the traditional characters used in labels and headers to their simplified forms.
pub fn fold(c: char) -> char {
    match c {
        '牽' => '牵',
        '頭' => '头',
        '單' => '单',
        '責' => '责',
        '門' => '门',
        '協' => '协',
        '時' => '时',
        '領' => '领',
        '導' => '导',
        '負' => '负',
        '區' => '区',
        '聯' => '联',
        '內' => '内',
        '號' => '号',
        '間' => '间',
        '務' => '务',
        '與' => '与',
        '點' => '点',
        '關' => '关',
        '發' => '发',
        '佈' => '布',
        '來' => '来',
        '體' => '体',
        '頁' => '页',
        _ => c,
    }
}

/// Whether `text` starts with `word`, folding traditional forms. Returns the byte length matched.
pub fn starts_with_folded(text: &str, word: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for w in word.chars() {
        let c = chars.next()?;
        if fold(c) != w {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// Byte offset of the first `word` in `text`, folding traditional forms.
pub fn find_folded(text: &str, word: &str) -> Option<usize> {
    let first = word.chars().next()?;
    text.char_indices()
        .filter(|&(_, c)| fold(c) == first)
        .map(|(i, _)| i)
        .find(|&i| starts_with_folded(&text[i..], word).is_some())
}

/// Whether `text` contains `word`, folding traditional forms.
pub fn contains_folded(text: &str, word: &str) -> bool {
    find_folded(text, word).is_some()
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

/// The label at the start of `text`: what it is and the byte length of label plus colon.
pub fn label_at(text: &str) -> Option<(Label, usize)> {
    // Most places start no label: their first character alone rules them all out.
    if !LABEL_STARTS.contains(&fold(text.chars().next()?)) {
        return None;
    }
    LABELS.iter().find_map(|(word, label, needs_colon)| {
        let len = starts_with_folded(text, word)?;
        let rest = text[len..].trim_start_matches([' ', '\u{3000}']);
        let skipped = text.len() - len - rest.len();
        match rest.chars().next() {
            Some(c) if is_colon(c) => Some((*label, len + skipped + c.len_utf8())),
            _ if *needs_colon => None,
            _ => Some((*label, len)),
        }
    })
}

/// Every label in `text` with its byte range, in order, not overlapping.
pub fn find_labels(text: &str) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if let Some((label, len)) = label_at(&text[i..]) {
            out.push((i, i + len, label));
            i += len;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_starts_are_the_labels_first_characters() {
        let mut firsts: Vec<char> = LABELS
            .iter()
            .filter_map(|(w, _, _)| w.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut starts = LABEL_STARTS.to_vec();
        starts.sort_unstable();
        assert_eq!(starts, firsts);
    }

    #[test]
    fn finds_folded_words_anywhere() {
        assert_eq!(find_folded("信息來源：區司法局", "来源"), Some(6));
        assert_eq!(find_folded("信息来", "来源"), None);
        assert!(contains_folded("牽頭單位", "单位"));
        assert!(!contains_folded("", "单位"));
    }

    #[test]
    fn labels_fold_traditional_forms() {
        assert_eq!(
            label_at("牽頭單位：區司法局"),
            Some((Label::Units(Role::Lead), "牽頭單位：".len()))
        );
        assert_eq!(
            label_at("責任部門:辦公室"),
            Some((Label::Units(Role::Responsible), "責任部門:".len()))
        );
        assert_eq!(
            label_at("牵头负责领导：张三").map(|l| l.0),
            Some(Label::Person)
        );
        assert_eq!(label_at("牵头召开会议"), None);
        assert_eq!(label_at("责任制"), None);
    }

    #[test]
    fn finds_several_labels() {
        let found = find_labels("牵头单位:甲,责任单位:乙;完成时限:6月底前");
        let kinds: Vec<Label> = found.iter().map(|f| f.2).collect();
        assert_eq!(
            kinds,
            [
                Label::Units(Role::Lead),
                Label::Units(Role::Responsible),
                Label::Deadline
            ]
        );
    }
}
