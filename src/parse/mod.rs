//! Plan text → [`Plan`]: a pure parser for 工作要点 and 任务分工方案 as published.
//!
//! # Grammar
//!
//! The input is read line by line; each line is trimmed (Unicode white space), blank
//! lines are ignored, pinyin that mirror sites add after traditional characters
//! (`發(fā)`) is removed, and web-page debris and page numbers (`— 3 —`, `第 5 页 共 6 页`)
//! never reach the grammar, nor do later lines repeating the title (a printed copy's page
//! headers). An Excel row whose quoted cell holds line breaks is one line. Each line is
//! classified on its own ([`line`]); the productions below decide what it means in
//! context. One method of the parser implements each production.
//!
//! ```text
//! plan         = front preamble body
//! front        = { meta | notice-bits | signature | masthead } ( notice | title ) { meta | signature | date }
//! title        = first text line [ its end on the next line ]   e.g. 2023年天心区司法行政工作要点
//! masthead     = signature "文件"                      e.g. 天心区司法局文件   (issuer)
//! meta         = ("发布时间" | "发布日期" | "来源" | "索引号" …) …   (date, issuer)
//! signature    = short line naming an organisation: … 局 | 委员会 | 政府 | 办公室 …  (issuer)
//! date         = short date line                      e.g. 2024年3月1日   (published)
//! notice       = NOTICE-TITLE { doc-number | addressee | text | attachment
//!                               | signature | date } plan-title
//! NOTICE-TITLE = … "关于" / "印发" … "通知"              plan-title = the name in 《》
//! notice-bits  = doc-number | addressee | attachment | date
//! doc-number   = … "〔" YEAR "〕" … "号"                 e.g. 天司发〔2024〕3号
//! addressee    = "各" … ( ":" | "：" )
//! preamble     = { text | preamble-section }           up to the first section
//! preamble-section = section with text but no task, before any task  (一、总体要求)
//! body         = { section | table | implicit-section }
//! section      = ( NUMERAL "、" title | unnumbered-heading ) section-content
//!                NUMERAL = 一 … 九十九; unnumbered headings make sections only in
//!                plans without numbered sections
//! implicit-section = section-content    (tasks before any heading: warning ImplicitSection)
//! section-content = { heading | item | table | loose-line }
//! heading      = "(" NUMERAL ")" text   when the section's tasks are 1. items
//!              | unnumbered-heading     in plans with numbered sections
//! unnumbered-heading = short line without sentence punctuation, directly before an item
//! item         = item-line { sub-item | continuation } { note-line }
//! item-line    = DIGITS ("." | "．" | "、") text          when `1.` lines carry the notes,
//!              | "(" NUMERAL ")" text                    when `(一)` lines do
//! sub-item     = ( "(" DIGITS ")" | "①"… | DIGITS ")" | a 1. line under a (一) item ) text
//! continuation = text line, while the item has no note yet
//! note-line    = LABEL ":" list { SEP LABEL ":" list } | "(" note ")"
//! tail-note    = ("。" | "；") LABEL ":" list { SEP LABEL ":" list }   ends an item's text
//! note         = LABEL ":" list { SEP LABEL ":" list }            labelled
//!              | clause { ("，" | "；") clause }                  verb style
//! clause       = list ( "牵头" | "负责" | "按职责分工负责" | "配合" | "参与" ) | DEADLINE
//! LABEL        = 牵头单位 | 责任单位 | 责任部门 | 配合单位 | 协同(责任)单位 | …  (roles)
//!              | 完成时限 | 时间节点 …                                      (deadline)
//!              | 责任领导 | 牵头负责领导 | 责任人 …                  (persons: dropped)
//! list         = UNIT { ("、" | "，" | "," | "；" | ";" | "/" | "及") UNIT } [ "等" … | "按职责分工负责" ]
//!                UNIT may mark its role: 区司法局（牵头） | 区司法局牵头 | 区营商办配合
//! table        = header-row { section-row | task-row | header-row }   cells split at "|" or tab;
//!                a repeated header-row is skipped; rows go on after a section line
//! header-row   = cells naming a task column (工作任务 / 重点任务 / 任务内容) and a units
//!                column (责任单位 / 牵头单位 / 配合单位); 序号, 完成时限, 责任领导 … too
//! loose-line   = signature | date | attachment { attachment-entry } | text (warned)
//!                attachment-entry = title-like line, or the next number of `附件：1.…`
//! ```
//!
//! A note is any bracket group — `()`, `（）`, `〔〕`, `【】`, `[]` — whose content is a
//! note; other bracketed text (`(2021-2025年)`, `各级党委(党组)`) is text. Brackets nest,
//! so `各县(市、区)人民政府` is one unit, and so is `各县、市、区政府`. A note may stand
//! in the item's text (anywhere; usually at the end) or on lines after the item and its
//! sub-items; a labelled note may also end the item's text without brackets, after a full
//! stop (`…。完成时限：10月底`), where only a label with its colon starts it. A task's deadline is the note's `完成时限`, else the last deadline phrase of
//! its text (`6月底前`, `2023年10月底前`, `12月31日前`, `年底前`, `长期坚持`), as written.
//! A task's title is its first sentence (up to `。`), or its first line when that has no
//! `。` and more lines follow; the rest is its body. Tasks are numbered 1..N in reading
//! order whatever the text's numbering.
//!
//! Traditional forms of the labels (`牽頭單位`, `責任單位`) are read as the simplified
//! ones. A text cut off in the middle keeps its tasks so far: warning
//! [`WarningKind::Truncated`], and inside an unclosed note
//! [`WarningKind::TruncatedNote`] with the cut-off last name dropped.
//!
//! Unit names are resolved into named units and groups: `各科室` stands for every 科室,
//! `司法所` and `各司法所` for every 司法所. Named 司法所 that the text enumerates
//! (`文源司法所、暮云司法所`) join the unit registry too.

mod cursor;
mod deadline;
mod error;
mod item;
mod label;
mod line;
mod note;
mod notice;
mod numeral;
mod parser;
mod table;
mod units;

pub use error::{ParseError, ParseErrorKind, ParseWarning, WarningKind};
pub use units::split_units;

use crate::model::Plan;

/// A parsed plan plus the warnings found on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedPlan {
    /// The plan.
    pub plan: Plan,
    /// Lines the parser could not place, and other findings.
    pub warnings: Vec<ParseWarning>,
}

/// Parses plan text. See the module documentation for the grammar.
pub fn parse_plan(input: &str) -> Result<ParsedPlan, ParseError> {
    let lines = cursor::clean_lines(input);
    parser::Parser::new(&lines).parse()
}

#[cfg(test)]
mod shapes_tests;
#[cfg(test)]
mod tests;
