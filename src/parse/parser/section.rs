//! Sections and what they hold: headings, items with their sub-items and note lines.

use super::{Level, Parser};
use crate::model::{Section, SectionId, TaskId};
use crate::parse::cursor::Entry;
use crate::parse::error::WarningKind;
use crate::parse::item::OpenItem;
use crate::parse::line::Line;
use crate::parse::table;

impl<'a> Parser<'a> {
    /// `section = heading-line section-content`. A numbered section before any task is
    /// preamble when it carries no note while later sections do (`一、总体要求` with its
    /// `（一）指导思想` …), or when it holds text but no task.
    pub(super) fn parse_section(&mut self, numeral: &str, title: &str, raw: &str) {
        if self.tasks.is_empty() && !numeral.is_empty() && self.is_preamble_section() {
            self.preamble.push(raw.to_string());
            while let Some(e) = self.cur.peek() {
                if matches!(e.kind, Line::Section { .. }) {
                    break;
                }
                if matches!(e.kind, Line::Meta { .. } | Line::Date(_) | Line::DocNumber) {
                    self.cur.next();
                    continue;
                }
                self.preamble.push(e.text.to_string());
                self.cur.next();
            }
            return;
        }
        let id = SectionId(self.sections.len() as u32 + 1);
        self.sections.push(Section {
            id,
            numeral: numeral.to_string(),
            title: title.to_string(),
        });
        self.heading = None;
        self.prev_number = None;
        let before = self.tasks.len();
        let text = self.parse_section_content(id);
        if self.tasks.len() == before && before == 0 && !numeral.is_empty() {
            self.sections.pop();
            self.preamble.push(raw.to_string());
            self.preamble
                .extend(text.into_iter().map(|e| e.text.to_string()));
        } else {
            for e in text {
                self.warn(e.line, WarningKind::UnplacedLine(e.text.to_string()));
            }
        }
    }

    /// `section-content = { heading | item | table | loose-line }`. Returns the text lines
    /// met before the section's first task.
    pub(super) fn parse_section_content(&mut self, id: SectionId) -> Vec<Entry<'a>> {
        let level = self.item_level();
        let mut intro = Vec::new();
        while let Some(e) = self.cur.peek() {
            match &e.kind {
                Line::Section { .. } => break,
                Line::Text if self.is_unnumbered_heading(0) && !self.numbered_sections => break,
                Line::Text if self.is_unnumbered_heading(0) => {
                    let text = e.text.to_string();
                    self.cur.next();
                    self.parse_heading(text);
                }
                Line::Paren { .. } if level == Level::Arabic => {
                    let text = e.text.to_string();
                    self.cur.next();
                    self.parse_heading(text);
                }
                Line::Paren { number, text } | Line::Item { number, text } => {
                    let (line, number, text) = (e.line, *number, text.to_string());
                    self.cur.next();
                    self.parse_item(id, level, line, number, &text);
                }
                Line::Row(cells) if table::header(cells).is_some() => {
                    let header = table::header(cells);
                    self.cur.next();
                    if let Some(header) = header {
                        self.parse_table(header);
                    }
                }
                Line::Row(_) if self.table.is_some() => {
                    if let Some(header) = self.table.take() {
                        self.parse_table(header);
                    }
                }
                Line::Text | Line::Sub if self.tasks_in(id) == 0 => {
                    intro.push(e.clone());
                    self.cur.next();
                }
                _ => {
                    let e = e.clone();
                    self.cur.next();
                    self.parse_loose_line(&e);
                }
            }
        }
        intro
    }

    pub(super) fn tasks_in(&self, id: SectionId) -> usize {
        self.tasks.iter().filter(|t| t.section == id).count()
    }

    /// `heading = paren-line | short-unpunctuated-line` (over the items that follow).
    pub(super) fn parse_heading(&mut self, text: String) {
        self.heading = Some(text);
        self.prev_number = None;
    }

    /// `item = item-line { sub-item | continuation } { note-line }`.
    pub(super) fn parse_item(
        &mut self,
        id: SectionId,
        level: Level,
        line: usize,
        number: u32,
        text: &str,
    ) {
        self.check_number(line, number);
        let mut item = OpenItem::new(line, id, self.heading.clone(), text);
        while let Some(e) = self.cur.peek() {
            match &e.kind {
                Line::Sub => self.parse_sub_item(&mut item),
                Line::Item { .. } if level == Level::Paren => self.parse_sub_item(&mut item),
                Line::Note(_) => self.parse_note_lines(&mut item),
                Line::Text if item.in_open_bracket() => {
                    item.push_text(e.line, e.text);
                    self.cur.next();
                }
                Line::Text if !item.is_noted() && !self.is_unnumbered_heading(0) => {
                    item.push_text(e.line, e.text);
                    self.cur.next();
                }
                _ => break,
            }
        }
        self.finish_item(item);
    }

    /// `sub-item = ( "(1)" | "①" | "1)" | "1." under a (一) item ) text`: part of the body.
    pub(super) fn parse_sub_item(&mut self, item: &mut OpenItem) {
        if let Some(e) = self.cur.next() {
            item.push_text(e.line, e.text);
        }
    }

    /// `note-line = LABEL ":" … | "(" note ")"` on lines of their own after the item.
    pub(super) fn parse_note_lines(&mut self, item: &mut OpenItem) {
        while let Some(Line::Note(note)) = self.cur.peek().map(|e| e.kind.clone()) {
            let line = self.cur.next().map_or(0, |e| e.line);
            item.push_note(line, note);
        }
    }

    /// Closes an item. At the end of the text, an item that stops mid-sentence, or lacks
    /// the note every earlier task had, means the copy was cut off.
    pub(super) fn finish_item(&mut self, item: OpenItem) {
        let others_noted = self.tasks.iter().any(|t| !t.units.is_empty());
        let cut = !item.ends_cleanly() || (others_noted && !item.is_noted());
        if self.cur.is_done() && cut {
            self.warn(item.last_line, WarningKind::Truncated);
        }
        let id = TaskId(self.tasks.len() as u32 + 1);
        let task = item.finish(id, &mut self.warnings);
        self.tasks.push(task);
    }
}
