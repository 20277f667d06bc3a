//! A numbered task of the plan, with its responsible units.

use super::plan::SectionId;
use super::unit::Responsible;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable task id: the task's number in the plan. Two copies of one plan agree on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TaskId(pub u32);

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One task (工作任务) of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Stable id (the number).
    pub id: TaskId,
    /// The section it belongs to.
    pub section: SectionId,
    /// Its title: the first sentence, without the closing 。.
    pub title: String,
    /// The rest of its text, without the 责任部门 note.
    pub body: String,
    /// The responsible units exactly as written, e.g. `各司法所`.
    pub units_raw: Vec<String>,
    /// The same units, resolved into named units and groups.
    pub responsible: Vec<Responsible>,
}

impl Task {
    /// The body split into sentences (ending in 。；! ? or their half-width forms).
    pub fn body_sentences(&self) -> Vec<String> {
        split_sentences(&self.body)
    }
}

/// Splits Chinese text into sentences, keeping the closing punctuation.
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        cur.push(c);
        if matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?') {
            push_trimmed(&mut out, &cur);
            cur.clear();
        }
    }
    push_trimmed(&mut out, &cur);
    out
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let t = s.trim();
    if !t.is_empty() && !t.chars().all(|c| "。；;！!？?".contains(c)) {
        out.push(t.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_chinese_sentence_ends() {
        let s = split_sentences("甲乙。丙丁；戊己");
        assert_eq!(s, vec!["甲乙。", "丙丁；", "戊己"]);
        assert!(split_sentences("  ").is_empty());
    }
}
