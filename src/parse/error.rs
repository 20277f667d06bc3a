//! Parse errors (fatal) and warnings (findings worth a look); typed, the UI words them.

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
    /// The text holds nothing but blank lines, web-page debris and notice furniture.
    Empty,
    /// A title was found, but no task: no numbered item, no table row with a task.
    NoTasks,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParseErrorKind::Empty => write!(f, "empty plan text"),
            ParseErrorKind::NoTasks => write!(f, "no task found"),
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
    /// A task (by its id, 1..N in reading order) that names no unit at all.
    TaskWithoutUnits(u32),
    /// An item number out of sequence (numbering that restarts at 1 in a new section or
    /// under a new heading is in sequence).
    NumberOutOfSequence {
        /// The number that was expected.
        expected: u32,
        /// The number that was found.
        found: u32,
    },
    /// Text after a task's responsibility note on the same line; it is kept in the body.
    TextAfterNote(String),
    /// Tasks were found but no section heading: they were put into one unnamed section.
    ImplicitSection,
    /// A numbered item before the first section heading; it was kept in the preamble.
    ItemBeforeFirstSection,
    /// A note line (`牵头单位：…`, `完成时限：…`) with no task before it; ignored.
    NoteWithoutTask,
    /// The text stops in the middle of a task (a copy cut off): the tasks so far are kept.
    Truncated,
    /// The text stops inside a responsibility note; the cut-off last unit name is dropped
    /// (it is kept here).
    TruncatedNote(String),
    /// A table row with a different number of cells than its header row.
    TableRowShape {
        /// Cells in the header row.
        expected: usize,
        /// Cells in this row.
        found: usize,
    },
}
