//! Serialised snapshots of the plan and its progress: versions, migrations, export, import, merge.
//!
//! A snapshot is one JSON document:
//! `{"format":"workplan","version":1,"saved_at":<ms>,"plan":{…},"progress":{…}}`.
//! The same document is what the app keeps in browser storage and what units
//! email to the office. [`decode`] accepts any known version and migrates it.

mod codec;
mod merge;

pub use codec::{CURRENT_VERSION, FORMAT, decode, encode, encode_pretty};
pub use merge::{MergeReport, merge_into};

use crate::model::{Plan, Progress};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A plan together with its recorded progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was written (ms since epoch).
    pub saved_at: i64,
    /// The plan.
    pub plan: Plan,
    /// Its progress.
    pub progress: Progress,
}

/// Why a snapshot could not be read or merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text is not JSON at all (e.g. another kind of file).
    NotJson {
        /// 1-based line of the syntax error.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The JSON ends early: the file was cut off.
    Truncated,
    /// Valid JSON, but not a workplan snapshot.
    NotWorkplan,
    /// A snapshot written by a newer (or unknown) version of the app.
    UnknownVersion(u64),
    /// A workplan snapshot whose content is damaged; the detail says where.
    Invalid(String),
    /// The snapshot belongs to another plan.
    OtherPlan {
        /// The incoming plan's title.
        title: String,
    },
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotJson { line, column } => {
                write!(f, "not JSON (line {line}, column {column})")
            }
            SnapshotError::Truncated => write!(f, "truncated JSON"),
            SnapshotError::NotWorkplan => write!(f, "not a workplan snapshot"),
            SnapshotError::UnknownVersion(v) => write!(f, "unknown snapshot version {v}"),
            SnapshotError::Invalid(d) => write!(f, "damaged snapshot: {d}"),
            SnapshotError::OtherPlan { title } => write!(f, "snapshot of another plan: {title}"),
        }
    }
}

impl std::error::Error for SnapshotError {}
