//! An item whose lines are still being collected, and how it becomes a [`Task`].

use super::deadline::find_deadline;
use super::error::{ParseWarning, WarningKind};
use super::note::{Note, strip_notes};
use crate::model::{Assignee, SectionId, Task, TaskId};

/// A task in the making: its first line, further lines and separate note lines.
#[derive(Debug)]
pub struct OpenItem {
    /// Line number of its first line.
    pub line: usize,
    /// Line number of its last line.
    pub last_line: usize,
    /// Its section.
    pub section: SectionId,
    /// The heading it stands under.
    pub heading: Option<String>,
    first: String,
    rest: String,
    notes: Note,
    noted: bool,
}

impl OpenItem {
    /// An item starting with `text` on `line`.
    pub fn new(line: usize, section: SectionId, heading: Option<String>, text: &str) -> OpenItem {
        OpenItem {
            line,
            last_line: line,
            section,
            heading,
            noted: strip_notes(text).note.is_some(),
            first: text.to_string(),
            rest: String::new(),
            notes: Note::default(),
        }
    }

    /// Adds a continuation line or a sub-item.
    pub fn push_text(&mut self, line: usize, text: &str) {
        self.noted |= strip_notes(text).note.is_some();
        self.rest.push_str(text);
        self.last_line = line;
    }

    /// Adds a separate note line.
    pub fn push_note(&mut self, line: usize, note: Note) {
        self.notes.extend(note);
        self.noted = true;
        self.last_line = line;
    }

    /// Whether a responsibility note was seen (later plain text is not part of it).
    pub fn is_noted(&self) -> bool {
        self.noted
    }

    /// Whether the item's last line leaves a bracket open: a note broken over two lines
    /// (`（责任部门：办公` / `室）`), whose next line is its continuation whatever it looks like.
    pub fn in_open_bracket(&self) -> bool {
        let text = if self.rest.is_empty() {
            &self.first
        } else {
            &self.rest
        };
        let depth = text.chars().fold(0i32, |d, c| match c {
            '(' | '（' | '〔' | '【' | '[' => d + 1,
            ')' | '）' | '〕' | '】' | ']' => (d - 1).max(0),
            _ => d,
        });
        depth > 0
    }

    /// Whether the item ends like a finished sentence, or has its note (an unclosed note
    /// is reported on its own).
    pub fn ends_cleanly(&self) -> bool {
        let text = if self.rest.is_empty() {
            &self.first
        } else {
            &self.rest
        };
        self.noted
            || text.ends_with([
                '。', '；', ';', '！', '!', '？', '?', ')', '）', '〕', '】', '”',
            ])
    }

    /// The finished task, with warnings about its note.
    pub fn finish(self, id: TaskId, warnings: &mut Vec<ParseWarning>) -> Task {
        let first = strip_notes(&self.first);
        let rest = strip_notes(&self.rest);
        let mut note = Note::default();
        let mut after = None;
        for part in [&first, &rest] {
            if let Some(n) = &part.note {
                note.extend(n.clone());
                after = part.after.clone();
            }
        }
        note.extend(self.notes);
        if let Some(text) = after {
            warnings.push(warn(self.line, WarningKind::TextAfterNote(text)));
        }
        if let Some(cut) = note.truncated.take() {
            warnings.push(warn(self.last_line, WarningKind::TruncatedNote(cut)));
        }
        let (title, body) = split_title(&first.text, &rest.text);
        let deadline = note
            .deadline
            .or_else(|| find_deadline(&format!("{}{}", first.text, rest.text)).map(str::to_string));
        let mut units: Vec<Assignee> = Vec::new();
        for (name, role) in note.units {
            if !name.is_empty() && !units.iter().any(|a| a.name == name) {
                units.push(Assignee::new(&name, role));
            }
        }
        if units.is_empty() {
            warnings.push(warn(self.line, WarningKind::TaskWithoutUnits(id.0)));
        }
        Task {
            id,
            section: self.section,
            heading: self.heading,
            title,
            body,
            units,
            deadline,
        }
    }
}

fn warn(line: usize, kind: WarningKind) -> ParseWarning {
    ParseWarning { line, kind }
}

/// Title: the first sentence (without `。`); a first line without `。` followed by more
/// lines is a title by itself. Body: the rest.
fn split_title(first: &str, rest: &str) -> (String, String) {
    let trim_end = |s: &str| {
        s.trim()
            .trim_end_matches(['。', '：', ':', '，', ',', '；', ';'])
            .trim()
            .to_string()
    };
    match first.find('。') {
        Some(i) => {
            let body = format!("{}{}", first[i + '。'.len_utf8()..].trim(), rest.trim());
            (first[..i].trim().to_string(), body)
        }
        None if !rest.trim().is_empty() => (trim_end(first), rest.trim().to_string()),
        None => (trim_end(first), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    #[test]
    fn title_body_units_and_deadline() {
        let mut item = OpenItem::new(3, SectionId(1), None, "做甲。细节，年底前完成。");
        item.push_text(4, "(1)分步推进；");
        item.push_note(
            5,
            super::super::note::note_line("牵头单位：办公室").expect("note"),
        );
        let mut w = Vec::new();
        let task = item.finish(TaskId(7), &mut w);
        assert_eq!(task.title, "做甲");
        assert_eq!(task.body, "细节，年底前完成。(1)分步推进；");
        assert_eq!(task.units, vec![Assignee::new("办公室", Role::Lead)]);
        assert_eq!(task.deadline.as_deref(), Some("年底前"));
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn first_line_without_full_stop_is_the_title() {
        let mut item = OpenItem::new(1, SectionId(1), None, "加强党建：");
        item.push_text(2, "落实责任。(责任单位:办公室)");
        let mut w = Vec::new();
        let task = item.finish(TaskId(1), &mut w);
        assert_eq!(
            (task.title.as_str(), task.body.as_str()),
            ("加强党建", "落实责任。")
        );
    }

    #[test]
    fn missing_units_are_reported() {
        let mut w = Vec::new();
        let task = OpenItem::new(9, SectionId(1), None, "做甲").finish(TaskId(2), &mut w);
        assert_eq!(task.title, "做甲");
        assert_eq!(w, vec![warn(9, WarningKind::TaskWithoutUnits(2))]);
    }
}
