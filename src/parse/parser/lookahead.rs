//! Look-ahead decisions: unnumbered headings, which numbered lines are the tasks, and
//! whether item numbers run in sequence.

use super::{Level, Parser};
use crate::parse::error::WarningKind;
use crate::parse::line::Line;
use crate::parse::note::strip_notes;

impl Parser<'_> {
    /// Whether the section about to be read has no note and no table while a later one
    /// has: a 总体要求 part, not tasks.
    pub(super) fn is_preamble_section(&self) -> bool {
        let rest = self.cur.rest();
        let end = rest
            .iter()
            .position(|e| matches!(e.kind, Line::Section { .. }))
            .unwrap_or(rest.len());
        let noted = |e: &crate::parse::cursor::Entry<'_>| match &e.kind {
            Line::Note(_) | Line::Row(_) => true,
            Line::Section { .. } => false,
            _ => strip_notes(e.text).note.is_some(),
        };
        !rest[..end].iter().any(noted) && rest[end..].iter().any(noted)
    }

    /// Whether the line `k` ahead is a short, unpunctuated line directly followed by an
    /// item: an unnumbered heading.
    pub(super) fn is_unnumbered_heading(&self, k: usize) -> bool {
        let Some(e) = self.cur.peek_at(k) else {
            return false;
        };
        let next_is_item = self
            .cur
            .peek_at(k + 1)
            .is_some_and(|n| matches!(n.kind, Line::Paren { .. } | Line::Item { .. }));
        e.kind == Line::Text
            && next_is_item
            && e.text.chars().count() <= 30
            && !e
                .text
                .contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
    }

    /// Looks ahead over the current section: which numbered lines carry the notes. Inline
    /// notes decide; then separate note lines; then whether the `（一）` lines read like
    /// sentences (tasks) or like headings.
    pub(super) fn item_level(&self) -> Level {
        let mut count = [[0usize; 3]; 2]; // [paren, arabic] × [lines, inline notes, note lines]
        let mut sentences = 0;
        let mut last: Option<usize> = None;
        for e in self.cur.rest() {
            let (k, text) = match &e.kind {
                Line::Section { .. } => break,
                Line::Paren { text, .. } => (0, *text),
                Line::Item { text, .. } => (1, *text),
                Line::Note(_) => {
                    if let Some(k) = last {
                        count[k][2] += 1;
                    }
                    continue;
                }
                _ => continue,
            };
            last = Some(k);
            count[k][0] += 1;
            count[k][1] += usize::from(strip_notes(text).note.is_some());
            sentences += usize::from(k == 0 && text.ends_with(['。', '；', ';']));
        }
        let [paren, arabic] = count;
        let paren_wins = if paren[0] == 0 || arabic[0] == 0 {
            arabic[0] == 0
        } else if paren[1] + arabic[1] > 0 {
            paren[1] > arabic[1]
        } else if paren[2] + arabic[2] > 0 && (paren[2] == 0 || arabic[2] == 0) {
            paren[2] > 0
        } else {
            sentences > 0
        };
        if paren_wins {
            Level::Paren
        } else {
            Level::Arabic
        }
    }

    /// Numbering restarts at 1 (or continues the plan-wide count) under a new section or
    /// heading; otherwise each number follows the one before.
    pub(super) fn check_number(&mut self, line: usize, number: u32) {
        let expected = match self.prev_number {
            Some(p) => p + 1,
            None if self.last_number.is_some_and(|l| l + 1 == number) => number,
            None => 1,
        };
        if number != expected {
            self.warn(
                line,
                WarningKind::NumberOutOfSequence {
                    expected,
                    found: number,
                },
            );
        }
        self.prev_number = Some(number);
        self.last_number = Some(number);
    }
}
