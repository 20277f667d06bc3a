//! Tables, and the loose lines between or after tasks (signature, date, 附件).

use super::Parser;
use crate::model::{Section, SectionId};
use crate::parse::cursor::Entry;
use crate::parse::error::WarningKind;
use crate::parse::item::OpenItem;
use crate::parse::line::Line;
use crate::parse::notice;
use crate::parse::numeral::leading_digits;
use crate::parse::table::{self, Header, Row};

impl<'a> Parser<'a> {
    /// `table = header-row { section-row | task-row }`.
    /// A header repeated at a page break is skipped.
    pub(super) fn parse_table(&mut self, header: Header) {
        let width = header.columns.len();
        while let Some(Line::Row(cells)) = self.cur.peek().map(|e| e.kind.clone()) {
            let line = self.cur.next().map_or(0, |e| e.line);
            if table::header(&cells).as_ref() == Some(&header) {
                continue;
            }
            let row = table::row(&header, &cells);
            // A row may end early where its last cells are empty (editors drop trailing
            // tabs), and a section row has cells of its own; a row with cells over, or one
            // that ends before naming any unit, is out of shape.
            let unnamed = matches!(&row, Row::Task { note, .. } if note.units.is_empty());
            let found = cells.len();
            if found > width || (found < width && unnamed) {
                self.warn(
                    line,
                    WarningKind::TableRowShape {
                        expected: width,
                        found,
                    },
                );
            }
            match row {
                Row::Section { numeral, title } => {
                    let id = SectionId(self.sections.len() as u32 + 1);
                    self.sections.push(Section { id, numeral, title });
                    self.heading = None;
                }
                Row::Task {
                    category,
                    text,
                    extra,
                    note,
                } => {
                    if category.is_some() {
                        self.heading = category;
                    }
                    if self.sections.is_empty() {
                        self.warn(line, WarningKind::ImplicitSection);
                        self.sections.push(Section {
                            id: SectionId(1),
                            numeral: String::new(),
                            title: String::new(),
                        });
                    }
                    let section = self.sections.last().map_or(SectionId(1), |s| s.id);
                    let mut item = OpenItem::new(line, section, self.heading.clone(), &text);
                    if !extra.is_empty() {
                        item.push_text(line, &extra);
                    }
                    item.push_note(line, note);
                    self.finish_item(item);
                }
                Row::Empty => {}
            }
        }
        self.table = Some(header);
    }

    /// `loose-line = signature | date | attachment { attachment-entry } | text`: lines
    /// between or after tasks; anything unexpected becomes a warning.
    pub(super) fn parse_loose_line(&mut self, e: &Entry<'a>) {
        match &e.kind {
            Line::Meta { date, issuer } => self.meta(*date, issuer.clone()),
            Line::Date(date) => self.later_date = self.later_date.or(*date),
            Line::DocNumber | Line::Addressee => {}
            Line::Attachment => {
                // `附件：1.…` numbers its entries: `2.…`, `3.…` follow whatever they read.
                let first = e
                    .text
                    .trim_start_matches("附件")
                    .trim_start_matches([':', '：', ' ', '\u{3000}']);
                let mut next_number = leading_digits(first).map(|(n, _)| n + 1);
                while let Some(next) = self.cur.peek() {
                    if let Line::Item { number, .. } = next.kind
                        && Some(number) == next_number
                    {
                        next_number = Some(number + 1);
                        self.cur.next();
                        continue;
                    }
                    let entry = match &next.kind {
                        Line::Item { text, .. } | Line::Paren { text, .. } => text,
                        Line::Text => next.text,
                        _ => break,
                    };
                    if !notice::looks_like_title(entry) {
                        break;
                    }
                    self.cur.next();
                }
            }
            Line::Text if self.issuer.as_deref() == Some(e.text) => {}
            Line::Text if notice::looks_like_signature(e.text) && !self.tasks.is_empty() => {
                self.issuer.get_or_insert_with(|| e.text.to_string());
            }
            Line::Note(_) => self.warn(e.line, WarningKind::NoteWithoutTask),
            _ => self.warn(e.line, WarningKind::UnplacedLine(e.text.to_string())),
        }
    }
}
