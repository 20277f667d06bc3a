//! The recursive-descent parser: one method per production of the grammar in the module
//! documentation, over a [`Cursor`] of classified lines. The productions below the
//! section level live in the submodules.

mod lookahead;
mod rows;
mod section;

use super::ParsedPlan;
use super::cursor::Cursor;
use super::error::{ParseError, ParseErrorKind, ParseWarning, WarningKind};
use super::line::Line;
use super::notice;
use super::table;
use super::units::named_judicial_offices;
use crate::model::order;
use crate::model::{Date, Plan, PlanId, Section, Task, UnitRegistry};

/// Which numbered lines are the tasks of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    /// `（一）` lines are tasks; `1.` lines are their sub-items.
    Paren,
    /// `1.` lines are tasks; `（一）` lines are headings over them.
    Arabic,
}

/// The parser's state: the cursor, and the plan read so far.
pub struct Parser<'a> {
    cur: Cursor<'a>,
    title: Option<String>,
    issuer: Option<String>,
    published: Option<Date>,
    later_date: Option<Date>,
    preamble: Vec<String>,
    sections: Vec<Section>,
    tasks: Vec<Task>,
    heading: Option<String>,
    /// The header of the table being read: its rows may go on after a section line.
    table: Option<table::Header>,
    numbered_sections: bool,
    prev_number: Option<u32>,
    last_number: Option<u32>,
    warnings: Vec<ParseWarning>,
}

impl<'a> Parser<'a> {
    /// A parser over cleaned lines.
    pub fn new(lines: &'a [(usize, String)]) -> Parser<'a> {
        let cur = Cursor::new(lines);
        let numbered_sections = cur
            .rest()
            .iter()
            .skip(1)
            .any(|e| matches!(e.kind, Line::Section { .. }));
        Parser {
            cur,
            title: None,
            issuer: None,
            published: None,
            later_date: None,
            preamble: Vec::new(),
            sections: Vec::new(),
            tasks: Vec::new(),
            heading: None,
            table: None,
            numbered_sections,
            prev_number: None,
            last_number: None,
            warnings: Vec::new(),
        }
    }

    /// `plan = front preamble body`.
    pub fn parse(mut self) -> Result<ParsedPlan, ParseError> {
        self.parse_front();
        let Some(title) = self.title.take() else {
            return Err(ParseError {
                line: 0,
                kind: ParseErrorKind::Empty,
            });
        };
        // A printed copy repeats the title at the top of each page.
        self.cur.drop_later(&title);
        self.parse_preamble();
        self.parse_body();
        if self.tasks.is_empty() {
            return Err(ParseError {
                line: 0,
                kind: ParseErrorKind::NoTasks,
            });
        }
        let mut units = UnitRegistry::default();
        for name in self.tasks.iter().flat_map(|t| t.unit_names()) {
            units.insert(name);
        }
        let preamble = self.preamble.join("\n");
        for name in std::iter::once(preamble.as_str())
            .chain(self.tasks.iter().map(|t| t.body.as_str()))
            .flat_map(named_judicial_offices)
        {
            units.insert(&name);
        }
        order::sort_by_key(&mut self.warnings, |w| w.line);
        let published = self.published.or(self.later_date);
        let plan = Plan {
            id: PlanId::derive(&title, published),
            title,
            issuer: self.issuer,
            published,
            preamble,
            sections: self.sections,
            tasks: self.tasks,
            units,
            last_task_id: 0,
            revision: 0,
        };
        Ok(ParsedPlan {
            plan,
            warnings: self.warnings,
        })
    }

    fn warn(&mut self, line: usize, kind: WarningKind) {
        self.warnings.push(ParseWarning { line, kind });
    }

    fn meta(&mut self, date: Option<Date>, issuer: Option<String>) {
        self.published = self.published.or(date);
        self.issuer = self.issuer.take().or(issuer);
    }

    /// `front = { meta | notice-bits | signature } ( notice | title ) { meta | signature | date }`: the
    /// lines under a title may name the issuer (`天心区司法局`) and the date (`2024年3月1日`).
    fn parse_front(&mut self) {
        while let Some(e) = self.cur.next() {
            match e.kind {
                Line::Meta { date, issuer } => self.meta(date, issuer),
                Line::DocNumber | Line::Date(_) | Line::Addressee | Line::Attachment => {}
                // A red-header document's masthead (天心区司法局文件) names its issuer.
                Line::Text if notice::masthead(e.text).is_some() => {
                    self.meta(None, notice::masthead(e.text).map(str::to_string));
                }
                // A notice's header names its issuer first (天心区司法局, then 天司发〔2025〕3号).
                Line::Text if notice::looks_like_signature(e.text) => {
                    self.meta(None, Some(e.text.to_string()));
                }
                _ if notice::is_notice_title(e.text) => {
                    self.parse_notice(e.text);
                    break;
                }
                _ => {
                    self.title = Some(self.title_lines(e.text));
                    break;
                }
            }
        }
        while let Some(e) = self.cur.peek() {
            let (date, issuer) = match &e.kind {
                Line::Meta { date, issuer } => (*date, issuer.clone()),
                Line::Date(date) => (*date, None),
                Line::Text if notice::looks_like_signature(e.text) => {
                    (None, Some(e.text.to_string()))
                }
                _ => break,
            };
            self.cur.next();
            self.meta(date, issuer);
        }
    }

    /// `title = first text line`, or two when the title is broken over them
    /// (`2024年天心区司法行政` / `工作要点`).
    fn title_lines(&mut self, first: &str) -> String {
        let mut title = first.to_string();
        if let Some(next) = self.cur.peek().filter(|n| n.kind == Line::Text) {
            let joined = format!("{first}{}", next.text);
            if !notice::looks_like_title(first)
                && next.text.chars().count() <= 20
                && notice::looks_like_title(&joined)
            {
                title = joined;
                self.cur.next();
            }
        }
        title
    }

    /// `notice = notice-title { doc-number | addressee | text | attachment | signature | date }`,
    /// ending at the plan's own title (the `《》` name, or a title-like line).
    fn parse_notice(&mut self, notice_title: &str) {
        let quoted = notice::quoted_title(notice_title).map(str::to_string);
        let mut signature: Option<String> = None;
        while let Some(e) = self.cur.peek() {
            let text = e.text;
            let is_title = quoted.as_deref() == Some(text)
                || (quoted.is_none() && notice::looks_like_title(text));
            match &e.kind {
                _ if is_title => {
                    self.cur.next();
                    break;
                }
                Line::Section { .. } | Line::Paren { .. } | Line::Row(_) | Line::Note(_) => break,
                Line::Item { text, .. } if !notice::looks_like_title(text) => break,
                Line::Meta { date, issuer } => {
                    let (date, issuer) = (*date, issuer.clone());
                    self.meta(date, issuer);
                }
                Line::Date(date) => {
                    self.later_date = self.later_date.or(*date);
                    if let Some(name) = signature.take() {
                        self.issuer.get_or_insert(name);
                    }
                }
                _ if notice::looks_like_signature(text) => signature = Some(text.to_string()),
                _ => {}
            }
            self.cur.next();
        }
        self.title = Some(quoted.unwrap_or_else(|| notice_title.to_string()));
    }

    /// `preamble = { text }`, up to the first section (or, in a plan without numbered
    /// sections, the first item, table or unnumbered heading). A numbered section with
    /// text but no tasks before the first task (`一、总体要求`) is preamble too.
    fn parse_preamble(&mut self) {
        while let Some(e) = self.cur.peek() {
            match &e.kind {
                Line::Section { .. } => break,
                Line::Row(cells) if table::header(cells).is_some() => break,
                Line::Paren { .. } | Line::Item { .. } | Line::Row(_) | Line::Note(_)
                    if !self.numbered_sections =>
                {
                    break;
                }
                Line::Text if !self.numbered_sections && self.is_unnumbered_heading(0) => break,
                Line::Paren { .. } | Line::Item { .. } => {
                    let line = e.line;
                    self.preamble.push(e.text.to_string());
                    self.warn(line, WarningKind::ItemBeforeFirstSection);
                }
                Line::Meta { date, issuer } => {
                    let (date, issuer) = (*date, issuer.clone());
                    self.meta(date, issuer);
                }
                Line::Text | Line::Sub => self.preamble.push(e.text.to_string()),
                _ => {}
            }
            self.cur.next();
        }
    }

    /// `body = { section | table | implicit-section } [ trailer ]`.
    fn parse_body(&mut self) {
        while let Some(e) = self.cur.peek() {
            match &e.kind {
                Line::Section { numeral, title } => {
                    let (numeral, title, raw) = (numeral.to_string(), title.to_string(), e.text);
                    self.cur.next();
                    self.parse_section(&numeral, &title, raw);
                }
                Line::Text if !self.numbered_sections && self.is_unnumbered_heading(0) => {
                    let title = e.text.to_string();
                    self.cur.next();
                    self.parse_section("", &title, &title);
                }
                Line::Row(cells) if self.sections.is_empty() && table::header(cells).is_some() => {
                    let header = table::header(cells);
                    self.cur.next();
                    if let Some(header) = header {
                        self.parse_table(header);
                    }
                }
                Line::Paren { .. } | Line::Item { .. } | Line::Note(_)
                    if self.sections.is_empty() =>
                {
                    self.warn(e.line, WarningKind::ImplicitSection);
                    self.parse_section("", "", "");
                }
                _ => {
                    let e = e.clone();
                    self.cur.next();
                    self.parse_loose_line(&e);
                }
            }
        }
    }
}
