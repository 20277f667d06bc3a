//! Responsibility notes: `(责任单位:…)`, `〔牵头单位:X;责任单位:Y〕`, `(A、B牵头,C按职责分工负责)`.
//!
//! A note is a bracket group (any bracket shape, nesting respected) whose content is either
//! labelled (`牵头单位:`, `责任部门:`, `配合单位:`, `完成时限:`, `责任领导:` …) or written in
//! the State Council verb style, clauses that end in `牵头`, `负责`, `配合` or a deadline.
//! Any other bracket group (`(2021-2025年)`, `各级党委(党组)`, `發(fā)`) is ordinary text.

use super::deadline::find_deadline;
use super::label::{Label, find_labels, label_at};
use super::numeral::{is_close, is_open};
use super::units::{split_units, strip_trailer};
use crate::model::Role;

/// What a note says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Note {
    /// Unit names with their roles, in order.
    pub units: Vec<(String, Role)>,
    /// The deadline as written.
    pub deadline: Option<String>,
    /// A cut-off last unit name (the note was not closed).
    pub truncated: Option<String>,
}

impl Note {
    /// Adds another note's content.
    pub fn extend(&mut self, other: Note) {
        for u in other.units {
            if !self.units.iter().any(|(n, _)| *n == u.0) {
                self.units.push(u);
            }
        }
        if other.deadline.is_some() {
            self.deadline = other.deadline;
        }
        self.truncated = other.truncated.or(self.truncated.take());
    }
}

/// A text with its notes taken out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stripped {
    /// The text without its notes.
    pub text: String,
    /// Every note found, merged; `None` when there was none.
    pub note: Option<Note>,
    /// Text after the last note (trimmed of punctuation), when there is any.
    pub after: Option<String>,
}

/// A top-level bracket group: byte offsets of its opening bracket, content and end.
struct Group {
    open: usize,
    content: (usize, usize),
    end: usize,
    closed: bool,
}

fn groups(text: &str) -> Vec<Group> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_open(c) {
            if depth == 0 {
                start = i;
            }
            depth += 1;
        } else if is_close(c) && depth > 0 {
            depth -= 1;
            if depth == 0 {
                let content = (
                    start + text[start..].chars().next().map_or(1, char::len_utf8),
                    i,
                );
                out.push(Group {
                    open: start,
                    content,
                    end: i + c.len_utf8(),
                    closed: true,
                });
            }
        }
    }
    if depth > 0 {
        let content = (
            start + text[start..].chars().next().map_or(1, char::len_utf8),
            text.len(),
        );
        out.push(Group {
            open: start,
            content,
            end: text.len(),
            closed: false,
        });
    }
    out
}

/// Takes every note out of `text`: bracket groups, and a labelled note that ends it.
pub fn strip_notes(text: &str) -> Stripped {
    let mut out = Stripped::default();
    let mut kept = 0;
    for g in groups(text) {
        let Some(note) = parse_content(&text[g.content.0..g.content.1], !g.closed) else {
            continue;
        };
        out.text.push_str(&text[kept..g.open]);
        kept = g.end;
        out.note.get_or_insert_with(Note::default).extend(note);
    }
    out.text.push_str(&text[kept..]);
    let bracketed = out.note.is_some();
    let mut after_last = &text[kept..];
    if let Some((at, note)) = labelled_tail(&out.text) {
        let cut = out.text.len() - at;
        after_last = &after_last[..after_last.len().saturating_sub(cut)];
        out.text.truncate(at);
        out.note.get_or_insert_with(Note::default).extend(note);
    }
    if bracketed {
        let after = after_last.trim_matches(|c: char| c.is_whitespace() || "。.；;，,".contains(c));
        out.after = (!after.is_empty()).then(|| after.to_string());
    }
    out.text = out.text.trim().to_string();
    out
}

/// A labelled note that ends `text` after a full stop, without brackets
/// (`…。完成时限：10月底`): where it starts and what it says. Only a label with its colon
/// starts one, so a sentence such as `责任单位要落实责任。` stays text.
fn labelled_tail(text: &str) -> Option<(usize, Note)> {
    text.char_indices()
        .filter(|(_, c)| matches!(c, '。' | '；' | ';'))
        .map(|(i, c)| i + c.len_utf8())
        .find_map(|at| {
            let rest = text[at..].trim_start();
            let (_, len) = label_at(rest)?;
            if !rest[..len].ends_with([':', '：']) {
                return None;
            }
            parse_content(rest, false).map(|note| (at, note))
        })
}

/// A whole line that is a note: `牵头单位：X`, `完成时限：6月底前`, `（A牵头，B负责）`.
pub fn note_line(line: &str) -> Option<Note> {
    if label_at(line).is_some() {
        return parse_content(line, false);
    }
    let gs = groups(line);
    let [g] = gs.as_slice() else { return None };
    let rest = line[g.end..].trim_matches(|c: char| c.is_whitespace() || "。.；;".contains(c));
    (g.open == 0 && rest.is_empty())
        .then(|| parse_content(&line[g.content.0..g.content.1], !g.closed))
        .flatten()
}

/// Reads a note's content; `None` when it is ordinary bracketed text.
fn parse_content(content: &str, cut: bool) -> Option<Note> {
    let content = content.trim();
    let labels = find_labels(content);
    match labels.first() {
        Some((0, _, _)) => {
            let mut note = labelled(content, &labels);
            let ends_in_units = labels
                .last()
                .is_some_and(|l| matches!(l.2, Label::Units(_)));
            if cut && ends_in_units {
                note.truncated = note.units.pop().map(|u| u.0);
            }
            Some(note)
        }
        _ => verb_style(content, cut),
    }
}

fn labelled(content: &str, labels: &[(usize, usize, Label)]) -> Note {
    let mut note = Note::default();
    for (k, (_, end, label)) in labels.iter().enumerate() {
        let stop = labels.get(k + 1).map_or(content.len(), |l| l.0);
        let value =
            content[*end..stop].trim_matches(|c: char| c.is_whitespace() || "；;，,。".contains(c));
        match label {
            Label::Person => {}
            Label::Deadline => {
                if !value.is_empty() {
                    note.deadline = Some(value.to_string());
                }
            }
            Label::Units(role) => add_units(&mut note, value, *role),
        }
    }
    note
}

fn add_units(note: &mut Note, list: &str, role: Role) {
    for (name, marked) in split_units(list) {
        match find_deadline(&name) {
            Some(d) if name.starts_with(d) => note.deadline = Some(d.to_string()),
            _ => note.units.push((name, marked.unwrap_or(role))),
        }
    }
}

/// Verb endings of State Council style clauses, longest first.
const VERBS: &[(&str, Role)] = &[
    ("共同牵头", Role::Lead),
    ("牵头", Role::Lead),
    ("按职责分工分别负责", Role::Responsible),
    ("按职责分工负责", Role::Responsible),
    ("按职责分别负责", Role::Responsible),
    ("按职责负责", Role::Responsible),
    ("分别负责", Role::Responsible),
    ("负责", Role::Responsible),
    ("配合", Role::Cooperating),
    ("参与", Role::Cooperating),
    ("协同", Role::Cooperating),
];

fn verb_style(content: &str, cut: bool) -> Option<Note> {
    let clauses = split_clauses(content);
    let mut note = Note::default();
    let mut verbs = 0;
    let count = clauses.len();
    for (k, clause) in clauses.into_iter().enumerate() {
        let clause = clause.trim().trim_start_matches('由');
        if clause.is_empty() {
            continue;
        }
        if clause.contains(['。', '？', '！']) || clause.chars().count() > 80 {
            return None;
        }
        if let Some(d) = find_deadline(clause)
            && clause.starts_with(d)
        {
            note.deadline = Some(d.to_string());
            continue;
        }
        let verb = VERBS.iter().find_map(|(v, role)| {
            let base = strip_trailer_keep(clause.strip_suffix(v)?);
            (!base.is_empty()).then_some((base, *role))
        });
        match verb {
            Some((base, role)) => {
                verbs += 1;
                add_units(&mut note, base, role);
            }
            None if cut && k + 1 == count && verbs > 0 => {
                note.truncated = Some(clause.to_string());
            }
            None => return None,
        }
    }
    (verbs > 0).then_some(note)
}

/// Like [`strip_trailer`], but keeps text that is only a trailer.
fn strip_trailer_keep(s: &str) -> &str {
    let t = strip_trailer(s);
    if t.is_empty() { s.trim() } else { t }
}

/// Splits at `，,；;` outside brackets.
fn split_clauses(content: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in content.char_indices() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && matches!(c, '，' | ',' | '；' | ';') {
            out.push(&content[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&content[start..]);
    out
}

#[cfg(test)]
mod tests;
