//! A task of the plan: its text, the units it names with their roles, and its deadline as written.

use super::plan::SectionId;
use crate::model::order;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable task id. Assigned once, when the task is created, and never reused or renumbered:
/// inserting or reordering tasks keeps every task's progress with its task. Two copies of one
/// plan agree on it. (A parsed plan numbers its tasks 1, 2, 3, … in reading order.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TaskId(pub u32);

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A unit's role in a task.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 牵头单位: leads the task.
    Lead,
    /// 责任单位 / 责任部门: responsible.
    #[default]
    Responsible,
    /// 配合单位 / 协同单位: co-operates.
    Cooperating,
}

impl Role {
    /// The Chinese label, e.g. `牵头`.
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "牵头",
            Role::Responsible => "责任",
            Role::Cooperating => "配合",
        }
    }

    /// A stable ASCII key (as stored): `lead`, `responsible`, `cooperating`.
    pub fn key(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
            Role::Cooperating => "cooperating",
        }
    }
}

/// One unit named by a task, as written, with its role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignee {
    /// The unit or group name as written, e.g. `各司法所`.
    pub name: String,
    /// Its role.
    #[serde(default)]
    pub role: Role,
}

impl Assignee {
    /// A unit with a role.
    pub fn new(name: &str, role: Role) -> Assignee {
        Assignee {
            name: name.to_string(),
            role,
        }
    }
}

/// One task (工作任务) of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Stable id.
    pub id: TaskId,
    /// The section it belongs to.
    pub section: SectionId,
    /// The sub-heading it stands under, in plans with a middle level (`一、` > `（一）` > `1.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Its title: the first sentence, without the closing 。.
    pub title: String,
    /// The rest of its text, without the responsibility note.
    pub body: String,
    /// The units it names, in order as written; lead units carry [`Role::Lead`].
    pub units: Vec<Assignee>,
    /// 完成时限 as written in the plan, e.g. `6月底前`, `长期坚持`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
}

impl Task {
    /// The unit names as written, in order.
    pub fn unit_names(&self) -> impl Iterator<Item = &str> {
        self.units.iter().map(|a| a.name.as_str())
    }

    /// The units in display order: lead units first, then the rest as written.
    pub fn units_lead_first(&self) -> Vec<&Assignee> {
        let mut out: Vec<&Assignee> = self.units.iter().collect();
        order::sort_by_key(&mut out, |a| a.role != Role::Lead);
        out
    }

    /// The body split into sentences (ending in 。；! ? or their half-width forms).
    pub fn body_sentences(&self) -> Vec<String> {
        split_sentences(&self.body)
    }

    /// How many sentences the body has ([`Task::body_sentences`]), counted without copying.
    pub fn body_sentence_count(&self) -> usize {
        sentences(&self.body).count()
    }
}

/// Splits Chinese text into sentences, keeping the closing punctuation.
pub fn split_sentences(text: &str) -> Vec<String> {
    sentences(text).map(str::to_string).collect()
}

/// The sentences of `text` as slices, trimmed: each ends after a closing punctuation mark
/// (or at the end of the text); blank pieces and pieces of punctuation alone are left out.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .char_indices()
            .find(|(_, c)| is_closing(*c))
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece.trim())
    })
    .filter(|t| !t.is_empty() && !t.chars().all(is_closing))
}

fn is_closing(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_are_the_stored_names() {
        for role in [Role::Lead, Role::Responsible, Role::Cooperating] {
            let stored = serde_json::to_string(&role).expect("a role serialises");
            assert_eq!(stored, format!("\"{}\"", role.key()));
        }
    }

    #[test]
    fn splits_on_chinese_sentence_ends() {
        let s = split_sentences("甲乙。丙丁；戊己");
        assert_eq!(s, vec!["甲乙。", "丙丁；", "戊己"]);
        assert!(split_sentences("  ").is_empty());
    }

    /// The sentences as the character-by-character splitter found them.
    fn split_by_chars(text: &str) -> Vec<String> {
        let (mut out, mut cur) = (Vec::new(), String::new());
        let mut push = |cur: &str| {
            let t = cur.trim();
            if !t.is_empty() && !t.chars().all(|c| "。；;！!？?".contains(c)) {
                out.push(t.to_string());
            }
        };
        for c in text.chars() {
            cur.push(c);
            if "。；;！!？?".contains(c) {
                push(&cur);
                cur.clear();
            }
        }
        push(&cur);
        out
    }

    #[test]
    fn sentence_slices_agree_with_splitting_char_by_char() {
        for text in [
            "",
            "。",
            " 。；  ;",
            "甲。。乙",
            "甲！ 乙? 丙;丁",
            "  首句。\n 次句；末尾无标点  ",
            "？！",
            "a.b。c",
        ] {
            assert_eq!(split_sentences(text), split_by_chars(text), "{text:?}");
            assert_eq!(sentences(text).count(), split_by_chars(text).len());
        }
    }
}
