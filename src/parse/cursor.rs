//! A cursor over the classified, non-blank lines of the input, with look-ahead.

use super::line::{Line, classify};

/// One non-blank line: its 1-based number, trimmed text and class.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// 1-based line number in the input.
    pub line: usize,
    /// The trimmed text.
    pub text: &'a str,
    /// What the line is.
    pub kind: Line<'a>,
}

/// The input's lines, cleaned: trimmed, without BOM and without the pinyin that mirror
/// sites put after traditional characters (`發(fā)展` → `發展`).
/// A table row copied from Excel whose cell holds a line break comes quoted over several
/// lines (`6<Tab>"加强…，` / `…2个"<Tab>…`): those lines are one row. Only a cell that opens
/// with `"` starts one, and only when the closing `"` follows within a few lines.
pub fn clean_lines(input: &str) -> Vec<(usize, String)> {
    const MAX_CELL_LINES: usize = 20;
    let raw: Vec<&str> = input
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{feff}').trim())
        .collect();
    let odd = |l: &str| l.matches('"').count() % 2 == 1;
    let opens_cell = |l: &str| {
        l.contains('\t')
            && odd(l)
            && l.split('\t')
                .next_back()
                .is_some_and(|c| c.trim_start().starts_with('"'))
    };
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let mut text = raw[i].to_string();
        let close = opens_cell(raw[i])
            .then(|| (i + 1..raw.len().min(i + 1 + MAX_CELL_LINES)).find(|k| odd(raw[*k])))
            .flatten();
        if let Some(end) = close {
            raw[i + 1..=end].iter().for_each(|l| text.push_str(l));
        }
        out.push((i + 1, strip_pinyin(&text)));
        i = close.map_or(i + 1, |end| end + 1);
    }
    out.retain(|(_, t)| !t.is_empty());
    out
}

fn is_pinyin(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
}

fn strip_pinyin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        let after_open = &rest[open..];
        let open_len = after_open.chars().next().map_or(1, char::len_utf8);
        let inner = &after_open[open_len..];
        let close = inner.find([')', '）']);
        let han_before = rest[..open]
            .chars()
            .next_back()
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        match close {
            Some(end)
                if han_before
                    && (1..=8).contains(&inner[..end].chars().count())
                    && inner[..end].chars().all(is_pinyin) =>
            {
                out.push_str(&rest[..open]);
                let close_len = inner[end..].chars().next().map_or(1, char::len_utf8);
                rest = &inner[end + close_len..];
            }
            _ => {
                out.push_str(&rest[..open + open_len]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The lines, debris removed, and a position.
pub struct Cursor<'a> {
    entries: Vec<Entry<'a>>,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// Classifies the cleaned lines; debris never reaches the parser.
    pub fn new(lines: &'a [(usize, String)]) -> Cursor<'a> {
        let entries = lines
            .iter()
            .map(|(line, text)| Entry {
                line: *line,
                text: text.as_str(),
                kind: classify(text),
            })
            .filter(|e| e.kind != Line::Debris)
            .collect();
        Cursor { entries, pos: 0 }
    }

    /// The next line, without moving.
    pub fn peek(&self) -> Option<&Entry<'a>> {
        self.entries.get(self.pos)
    }

    /// The line `k` places after the next one, without moving.
    pub fn peek_at(&self, k: usize) -> Option<&Entry<'a>> {
        self.entries.get(self.pos + k)
    }

    /// Takes the next line.
    pub fn next(&mut self) -> Option<Entry<'a>> {
        let e = self.entries.get(self.pos).cloned();
        self.pos += usize::from(e.is_some());
        e
    }

    /// Every line not yet taken.
    pub fn rest(&self) -> &[Entry<'a>] {
        self.entries.get(self.pos..).unwrap_or(&[])
    }

    /// Removes the lines not yet taken that read exactly `text`.
    pub fn drop_later(&mut self, text: &str) {
        let pos = self.pos;
        let mut k = 0;
        self.entries.retain(|e| {
            k += 1;
            k <= pos || e.text != text
        });
    }

    /// Whether any line is left.
    pub fn is_done(&self) -> bool {
        self.pos >= self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_lines_and_pinyin() {
        let lines = clean_lines("\u{feff} 標題 \r\n\n推動發(fā)展(2021-2025年)，做好(工作)\n");
        assert_eq!(
            lines,
            vec![
                (1, "標題".to_string()),
                (3, "推動發展(2021-2025年)，做好(工作)".to_string())
            ]
        );
    }

    #[test]
    fn skips_debris_and_looks_ahead() {
        let lines = clean_lines("扫一扫在手机打开当前页\n标题\n一、部分\n");
        let mut cur = Cursor::new(&lines);
        assert_eq!(cur.peek().map(|e| e.line), Some(2));
        assert_eq!(cur.peek_at(1).map(|e| e.text), Some("一、部分"));
        assert_eq!(cur.next().map(|e| e.text), Some("标题"));
        assert_eq!(cur.rest().len(), 1);
        cur.next();
        assert!(cur.is_done() && cur.next().is_none());
    }
}
