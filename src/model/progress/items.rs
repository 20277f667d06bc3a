//! A task's measures and log entries: added, reworded, checked, removed, corrected and
//! withdrawn, with their texts checked (trimmed, not empty, not over [`MAX_TEXT_CHARS`]).

use super::{LogEntry, Measure, ProgressError, TaskProgress};
use crate::model::date::Date;
use crate::model::stamp::{ItemId, Stamp, Stamped};

impl TaskProgress {
    /// Adds a measure.
    pub fn add_measure(
        &mut self,
        id: ItemId,
        text: &str,
        stamp: &Stamp,
    ) -> Result<(), ProgressError> {
        let text = required(text)?;
        self.measures.insert(id, new_measure(text, stamp));
        Ok(())
    }

    /// Edits, checks or removes a measure; `seed_text` creates a seeded measure on first touch.
    pub fn update_measure(
        &mut self,
        id: &ItemId,
        seed_text: Option<&str>,
        change: MeasureChange,
        stamp: &Stamp,
    ) -> Result<(), ProgressError> {
        // Validate before touching anything, so a refused edit changes nothing.
        let change = match change {
            MeasureChange::Text(t) => MeasureChange::Text(required(&t)?.to_string()),
            other => other,
        };
        if !self.measures.contains_key(id) {
            let seed = seed_text.ok_or_else(|| ProgressError::NoSuchItem(id.clone()))?;
            let zero = Stamp {
                at: 0,
                n: 0,
                ..stamp.clone()
            };
            let mut m = new_measure(seed, &zero);
            m.seed = Some(seed.to_string());
            self.measures.insert(id.clone(), m);
        }
        let m = self
            .measures
            .get_mut(id)
            .ok_or_else(|| ProgressError::NoSuchItem(id.clone()))?;
        match change {
            MeasureChange::Text(t) => m.text = Stamped::new(t, stamp),
            MeasureChange::Done(d) => m.done = Stamped::new(d, stamp),
            MeasureChange::Removed(r) => m.removed = Stamped::new(r, stamp),
        }
        Ok(())
    }

    /// Appends a log entry written by `stamp.by`.
    pub fn add_log(
        &mut self,
        id: ItemId,
        date: Date,
        text: &str,
        stamp: &Stamp,
    ) -> Result<(), ProgressError> {
        let text = required(text)?;
        let entry = LogEntry {
            date,
            created: stamp.clone(),
            revisions: vec![Stamped::new(text.to_string(), stamp)],
            withdrawn: Stamped::new(false, stamp),
        };
        self.log.insert(id, entry);
        Ok(())
    }

    /// Corrects a log entry: only its author may; the earlier wording is kept.
    pub fn correct_log(
        &mut self,
        id: &ItemId,
        text: &str,
        stamp: &Stamp,
    ) -> Result<(), ProgressError> {
        let entry = self.log_entry(id)?;
        if entry.created.by != stamp.by {
            return Err(ProgressError::NotAuthor);
        }
        let text = required(text)?;
        if entry.text() != text {
            entry.revisions.push(Stamped::new(text.to_string(), stamp));
        }
        Ok(())
    }

    fn log_entry(&mut self, id: &ItemId) -> Result<&mut LogEntry, ProgressError> {
        self.log
            .get_mut(id)
            .ok_or_else(|| ProgressError::NoSuchItem(id.clone()))
    }

    /// Withdraws or restores a log entry (it is never deleted).
    pub fn set_log_withdrawn(
        &mut self,
        id: &ItemId,
        withdrawn: bool,
        stamp: &Stamp,
    ) -> Result<(), ProgressError> {
        let entry = self.log_entry(id)?;
        entry.withdrawn = Stamped::new(withdrawn, stamp);
        Ok(())
    }
}

/// One change to a measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeasureChange {
    /// New wording.
    Text(String),
    /// Checked or unchecked.
    Done(bool),
    /// Removed or restored.
    Removed(bool),
}

/// The longest text (a measure, a log entry) kept, in characters: long enough for any
/// report, short enough that one paste cannot fill the browser's storage.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Trimmed text, refused when empty or longer than [`MAX_TEXT_CHARS`].
fn required(text: &str) -> Result<&str, ProgressError> {
    let text = within_limit(text)?;
    if text.is_empty() {
        Err(ProgressError::EmptyText)
    } else {
        Ok(text)
    }
}

/// Trimmed text, refused when longer than [`MAX_TEXT_CHARS`].
pub(super) fn within_limit(text: &str) -> Result<&str, ProgressError> {
    let text = text.trim();
    let n = text.chars().count();
    if n > MAX_TEXT_CHARS {
        Err(ProgressError::TooLong(n))
    } else {
        Ok(text)
    }
}

fn new_measure(text: &str, stamp: &Stamp) -> Measure {
    Measure {
        created: stamp.clone(),
        text: Stamped::new(text.to_string(), stamp),
        done: Stamped::new(false, stamp),
        removed: Stamped::new(false, stamp),
        seed: None,
    }
}
