//! Plan text → [`Plan`]: a pure parser for 工作要点 as published on a web page.
//!
//! # Grammar
//!
//! The input is read line by line; each line is trimmed (Unicode white space)
//! and blank lines are ignored.
//!
//! ```text
//! plan       = { debris } title [ meta ] { preamble } section { section } [ signature ] { debris }
//! title      = first text line                       e.g. 2023年天心区司法行政工作要点
//! meta       = "发布时间" [":"] DATE [ "来源" [":"] ISSUER ] [ "字体大小" [":"] ]
//! preamble   = text line before the first section   (总体要求)
//! section    = NUMERAL "、" heading { task }          NUMERAL = 一 … 九十九
//! task       = NUMBER ( "." | "．" | "、" ) text { continuation } [ units ]
//! units      = ( "(" | "（" ) LABEL [":" | "："] UNIT { SEP UNIT } ( ")" | "）" )
//! LABEL      = "责任部门" | "责任单位" | "责任科室"
//! SEP        = "、" | "，" | "," | "；" | ";" | space
//! signature  = the issuer's name again, then a date line (even a garbled one)
//! debris     = breadcrumb "首页 > …" | "扫一扫在手机打开当前页" | "字体大小" | "打印本页" | …
//! ```
//!
//! Colons, brackets, digits and separators are accepted in half-width and
//! full-width forms. A task's title is its first sentence (up to `。`); the rest
//! is its body. A text line after a task whose units note is still missing
//! continues that task. Any line that fits nowhere is returned as a
//! [`ParseWarning`] with its line number; nothing is dropped silently.
//!
//! Unit names are resolved into named units and groups: `各科室` stands for
//! every 科室, `司法所` and `各司法所` for every 司法所. Named 司法所 that the
//! text enumerates (`文源司法所、暮云司法所`) join the unit registry too.

mod error;
mod line;
mod units;

pub use error::{ParseError, ParseErrorKind, ParseWarning, WarningKind};

use crate::model::{Plan, PlanId, Responsible, Section, SectionId, Task, TaskId, UnitRegistry};
use line::{Line, classify};

/// A parsed plan plus the warnings found on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedPlan {
    /// The plan.
    pub plan: Plan,
    /// Lines the parser could not place, and other findings.
    pub warnings: Vec<ParseWarning>,
}

/// A task whose text is still being collected.
struct OpenTask {
    line: usize,
    number: u32,
    section: SectionId,
    text: String,
    closed: bool,
}

/// Parses plan text. See the module documentation for the grammar.
pub fn parse_plan(input: &str) -> Result<ParsedPlan, ParseError> {
    let mut title: Option<String> = None;
    let mut meta_date = None;
    let mut issuer: Option<String> = None;
    let mut preamble: Vec<String> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Vec<OpenTask> = Vec::new();
    let mut warnings = Vec::new();

    for (idx, raw) in input.lines().enumerate() {
        let n = idx + 1;
        let text = raw.trim().trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            continue;
        }
        match classify(text) {
            Line::Debris => {}
            Line::Meta { date, issuer: from } => {
                meta_date = meta_date.or(date);
                issuer = issuer.or(from);
            }
            Line::Section {
                numeral,
                number,
                title: heading,
            } if title.is_some() => {
                sections.push(Section {
                    id: SectionId(number),
                    numeral: numeral.to_string(),
                    title: heading.to_string(),
                });
            }
            Line::Task { number, text } if title.is_some() => {
                let Some(section) = sections.last() else {
                    return Err(ParseError {
                        line: n,
                        kind: ParseErrorKind::TaskOutsideSection(number),
                    });
                };
                if open.iter().any(|t| t.number == number) {
                    return Err(ParseError {
                        line: n,
                        kind: ParseErrorKind::DuplicateTask(number),
                    });
                }
                let expected = open.last().map_or(1, |t| t.number + 1);
                if number != expected {
                    warnings.push(ParseWarning {
                        line: n,
                        kind: WarningKind::NumberOutOfSequence {
                            expected,
                            found: number,
                        },
                    });
                }
                let closed = units::split_units_note(text).is_some();
                open.push(OpenTask {
                    line: n,
                    number,
                    section: section.id,
                    text: text.to_string(),
                    closed,
                });
            }
            Line::Section { .. } | Line::Task { .. } | Line::Text(_) => {
                if title.is_none() {
                    title = Some(text.to_string());
                } else if sections.is_empty() {
                    preamble.push(text.to_string());
                } else if let Some(task) = open.last_mut().filter(|t| !t.closed) {
                    task.text.push_str(text);
                    task.closed = units::split_units_note(&task.text).is_some();
                } else if !open.is_empty() && is_signature(text, issuer.as_deref()) {
                    if issuer.is_none() && !looks_like_date(text) {
                        issuer = Some(text.to_string());
                    }
                } else {
                    warnings.push(ParseWarning {
                        line: n,
                        kind: WarningKind::UnplacedLine(text.to_string()),
                    });
                }
            }
        }
    }

    let title = title.ok_or(ParseError {
        line: 0,
        kind: ParseErrorKind::Empty,
    })?;
    if sections.is_empty() {
        return Err(ParseError {
            line: 0,
            kind: ParseErrorKind::NoSections,
        });
    }
    if open.is_empty() {
        return Err(ParseError {
            line: 0,
            kind: ParseErrorKind::NoTasks,
        });
    }

    let mut registry = UnitRegistry::default();
    let tasks: Vec<Task> = open
        .into_iter()
        .map(|t| finish_task(t, &mut registry, &mut warnings))
        .collect();
    for name in std::iter::once(preamble.join("\n"))
        .chain(tasks.iter().map(|t| t.body.clone()))
        .flat_map(|text| units::named_judicial_offices(&text))
    {
        registry.insert(&name);
    }
    warnings.sort_by_key(|w| w.line);

    let plan = Plan {
        id: PlanId::derive(&title, meta_date),
        title,
        issuer,
        published: meta_date,
        preamble: preamble.join("\n"),
        sections,
        tasks,
        units: registry,
    };
    Ok(ParsedPlan { plan, warnings })
}

fn finish_task(t: OpenTask, registry: &mut UnitRegistry, warnings: &mut Vec<ParseWarning>) -> Task {
    let (text, units_raw): (&str, Vec<String>) = match units::split_units_note(&t.text) {
        Some(note) => {
            let stray = note
                .after
                .trim_matches(|c: char| "。.；;，,".contains(c) || c.is_whitespace());
            if !stray.is_empty() {
                warnings.push(ParseWarning {
                    line: t.line,
                    kind: WarningKind::TextAfterUnits(stray.to_string()),
                });
            }
            (
                note.before,
                note.units.iter().map(|u| u.to_string()).collect(),
            )
        }
        None => {
            warnings.push(ParseWarning {
                line: t.line,
                kind: WarningKind::TaskWithoutUnits(t.number),
            });
            (t.text.as_str(), Vec::new())
        }
    };
    for raw in &units_raw {
        registry.insert(raw);
    }
    let (title, body) = match text.find('。') {
        Some(i) => (&text[..i], text[i + '。'.len_utf8()..].trim()),
        None => (text, ""),
    };
    Task {
        id: TaskId(t.number),
        section: t.section,
        title: title.trim().to_string(),
        body: body.to_string(),
        responsible: units_raw.iter().map(|r| Responsible::from_raw(r)).collect(),
        units_raw,
    }
}

/// The closing signature: the issuer's name again, or a (possibly garbled) date line.
fn is_signature(text: &str, issuer: Option<&str>) -> bool {
    let named = match issuer {
        Some(name) => text == name,
        None => {
            text.chars().count() <= 24
                && ["局", "委员会", "政府", "办公室"]
                    .iter()
                    .any(|s| text.ends_with(s))
        }
    };
    named || looks_like_date(text)
}

/// A short line starting with a four-digit year and 年, such as `2023年6月1日` or `2023年61日`.
fn looks_like_date(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits == 4
        && text[4..].starts_with('年')
        && text.chars().count() <= 12
        && text
            .chars()
            .skip(5)
            .all(|c| c.is_ascii_digit() || "月日号".contains(c))
}

#[cfg(test)]
mod tests;
