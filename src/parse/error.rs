//! Parse errors (fatal) and warnings (lines the parser could not place).

use std::fmt;

/// A fatal problem: the text is not a work plan the parser can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number where the problem was found (0 when it concerns the whole text).
    pub line: usize,
    /// What went wrong.
    pub kind: ParseErrorKind,
}

/// The kinds of fatal parse problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text holds nothing but blank lines and web-page debris.
    Empty,
    /// No section heading such as `一、…` was found.
    NoSections,
    /// No numbered task such as `1.…` was found.
    NoTasks,
    /// A numbered task came before the first section heading.
    TaskOutsideSection(u32),
    /// Two tasks carry the same number.
    DuplicateTask(u32),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParseErrorKind::Empty => write!(f, "empty plan text"),
            ParseErrorKind::NoSections => write!(f, "no section heading found"),
            ParseErrorKind::NoTasks => write!(f, "no numbered task found"),
            ParseErrorKind::TaskOutsideSection(n) => {
                write!(f, "line {}: task {n} comes before any section", self.line)
            }
            ParseErrorKind::DuplicateTask(n) => {
                write!(f, "line {}: task number {n} used twice", self.line)
            }
        }
    }
}

impl std::error::Error for ParseError {}

/// A non-fatal finding: the plan was read, but something deserves a look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseWarning {
    /// 1-based line number.
    pub line: usize,
    /// What was found.
    pub kind: WarningKind,
}

/// The kinds of warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// A line that fits nowhere in the grammar; its text is kept here.
    UnplacedLine(String),
    /// A task without a `(责任部门:…)` note.
    TaskWithoutUnits(u32),
    /// A task number out of sequence.
    NumberOutOfSequence {
        /// The number that was expected.
        expected: u32,
        /// The number that was found.
        found: u32,
    },
    /// Text after a task's `(责任部门:…)` note on the same line.
    TextAfterUnits(String),
}
