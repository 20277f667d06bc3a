//! Serialised snapshots of the plan and its progress: versions, migrations, export, import.
//!
//! An export file is one JSON document:
//! `{"format":"workplan","version":2,"saved_at":<ms>,"plan":{…},"progress":{…}}`;
//! units email it to the office. [`decode`] accepts any known version and migrates it.
//! Browser storage keeps the plan and its progress under separate keys, each versioned on
//! its own (see [`stored`](self::stored) for the layout).

mod bundle;
mod check;
mod codec;
mod compact;
mod import_backup;
mod migrate;
mod stored;
mod versioned;

pub use bundle::{
    BUNDLE, Bundle, EMBED_ID, Entry, Incoming, decode_any, decode_bundle, embed_element, embedded,
    encode_bundle, with_embedded,
};
pub use check::{
    CLOCK_SLACK_MS, CheckReport, DEMOTED_AT, Dropped, MAX_IMPORT_BYTES, MAX_TEXT_CHARS,
    check_incoming, check_size,
};
pub use codec::{CURRENT_VERSION, DOC, FORMAT, decode, encode, encode_pretty, json_within};
pub use import_backup::{
    IMPORT_BACKUP, ImportBackup, PlanBackup, decode_import_backup, encode_import_backup,
};
pub use stored::{
    PLAN, PROGRESS, PlanMeta, TRASH, Trashed, decode_plan, decode_plan_meta, decode_progress,
    decode_trash, encode_plan, encode_progress, encode_trash,
};
pub use versioned::Kind;

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
    /// A workplan snapshot whose content is damaged: where in the text, when known (1-based
    /// line and column), and what was wrong (for maintainers; in English).
    Invalid {
        /// Line and column of the damage.
        at: Option<(usize, usize)>,
        /// What was wrong.
        detail: String,
    },
    /// An HTML file that carries no embedded data.
    NoEmbeddedData,
    /// The file is larger than an import takes.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

impl SnapshotError {
    /// Damage found apart from the text's layout (no line and column).
    pub fn invalid(detail: impl Into<String>) -> SnapshotError {
        SnapshotError::Invalid {
            at: None,
            detail: detail.into(),
        }
    }
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
            SnapshotError::Invalid { detail, .. } => write!(f, "damaged snapshot: {detail}"),
            SnapshotError::NoEmbeddedData => write!(f, "a page without embedded data"),
            SnapshotError::TooLarge { bytes, limit } => {
                write!(f, "file of {bytes} bytes over the limit of {limit}")
            }
        }
    }
}

impl std::error::Error for SnapshotError {}
