//! What merging another copy would change (the merge preview): each field whose value would
//! change, old → new, the new log entries, and the conflicts.
//!
//! A conflict is a field both copies changed, to different values, without either having
//! seen the other's change. A copy has seen a change when it holds a change from the same
//! replica at least as late: files carry a copy's whole state, and a replica's clock only
//! moves on. What a copy saw but later overwrote leaves no trace, so in doubt the preview
//! says conflict; the merge still keeps the later change, and the preview shows both.

use super::change::{Change, ChangeValue, Field};
use super::report::ReportPart;
use super::{LogEntry, Progress, TaskProgress};
use crate::model::order;
use crate::model::stamp::{ReplicaId, Stamp, Stamped};
use crate::model::task::TaskId;
use std::collections::HashMap;

/// What merging an incoming copy into this one would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgressDiff {
    /// Fields the merge changes here (incoming wins, no conflict).
    pub changes: Vec<Change>,
    /// Fields both sides changed without seeing the other's change.
    pub conflicts: Vec<Change>,
    /// Log entries this copy does not have yet.
    pub new_log: Vec<(TaskId, LogEntry)>,
}

impl ProgressDiff {
    /// The tasks the merge touches, in order, each once.
    pub fn tasks(&self) -> Vec<TaskId> {
        let mut ids: Vec<TaskId> = self
            .changes
            .iter()
            .chain(self.conflicts.iter().filter(|c| c.theirs_wins))
            .map(|c| c.task)
            .chain(self.new_log.iter().map(|(t, _)| *t))
            .collect();
        order::sort(&mut ids);
        ids.dedup();
        ids
    }

    /// Whether merging changes nothing here.
    pub fn is_empty(&self) -> bool {
        self.tasks().is_empty()
    }
}

/// The latest change a copy holds from each replica.
type Seen<'a> = HashMap<&'a ReplicaId, (i64, u32)>;

fn seen(progress: &Progress) -> Seen<'_> {
    let mut out: Seen<'_> = HashMap::new();
    for s in progress.tasks.values().flat_map(TaskProgress::stamps) {
        let e = out.entry(&s.replica).or_insert((s.at, s.n));
        *e = (*e).max((s.at, s.n));
    }
    out
}

fn has_seen(seen: &Seen<'_>, stamp: &Stamp) -> bool {
    seen.get(&stamp.replica)
        .is_some_and(|latest| *latest >= (stamp.at, stamp.n))
}

struct Differ<'a> {
    ours: Seen<'a>,
    theirs: Seen<'a>,
    out: ProgressDiff,
}

impl Differ<'_> {
    fn field<T: Clone + PartialEq>(
        &mut self,
        task: TaskId,
        field: Field,
        ours: Option<&Stamped<T>>,
        theirs: Option<&Stamped<T>>,
        wrap: impl Fn(T) -> ChangeValue,
    ) {
        let Some(t) = theirs else { return };
        let unwrap =
            |s: Option<&Stamped<T>>| s.map_or(ChangeValue::Unset, |s| wrap(s.value.clone()));
        let change = Change {
            task,
            field,
            ours: unwrap(ours),
            theirs: unwrap(theirs),
            theirs_wins: ours.is_none_or(|o| t.stamp > o.stamp),
            by: t.stamp.by.clone(),
        };
        match ours {
            // Nothing here, nothing there: the field shows the same before and after.
            None if change.theirs.is_blank() => {}
            Some(o) if o.stamp == t.stamp || o.value == t.value => {}
            Some(o) if !has_seen(&self.ours, &t.stamp) && !has_seen(&self.theirs, &o.stamp) => {
                self.out.conflicts.push(change);
            }
            _ if change.theirs_wins => self.out.changes.push(change),
            _ => {}
        }
    }

    fn task(&mut self, id: TaskId, ours: &TaskProgress, theirs: &TaskProgress) {
        self.field(
            id,
            Field::Status,
            ours.status.as_ref(),
            theirs.status.as_ref(),
            ChangeValue::Status,
        );
        self.field(
            id,
            Field::Percent,
            ours.percent.as_ref(),
            theirs.percent.as_ref(),
            ChangeValue::Percent,
        );
        self.field(
            id,
            Field::Deadline,
            ours.deadline.as_ref(),
            theirs.deadline.as_ref(),
            ChangeValue::Date,
        );
        for (unit, part) in &theirs.parts {
            self.field(
                id,
                Field::Part(unit.clone()),
                ours.parts.get(unit),
                Some(part),
                ChangeValue::Status,
            );
        }
        for (mid, m) in &theirs.measures {
            let mine = ours.measures.get(mid);
            // A seeded measure still worded as in the plan text shows that wording here too.
            let as_seeded = mine.is_none() && m.seed.as_ref() == Some(&m.text.value);
            if !as_seeded {
                self.field(
                    id,
                    Field::MeasureText(mid.clone()),
                    mine.map(|x| &x.text),
                    Some(&m.text),
                    ChangeValue::Text,
                );
            }
            self.field(
                id,
                Field::MeasureDone(mid.clone()),
                mine.map(|x| &x.done),
                Some(&m.done),
                ChangeValue::Flag,
            );
            self.field(
                id,
                Field::MeasureRemoved(mid.clone()),
                mine.map(|x| &x.removed),
                Some(&m.removed),
                ChangeValue::Flag,
            );
        }
        for (lid, e) in &theirs.log {
            let Some(mine) = ours.log.get(lid) else {
                // A withdrawn entry merges in unseen: it is no new record to show.
                if !e.withdrawn.value {
                    self.out.new_log.push((id, e.clone()));
                }
                continue;
            };
            let latest = |x: &LogEntry| x.revisions.last().cloned();
            self.field(
                id,
                Field::LogText(lid.clone()),
                latest(mine).as_ref(),
                latest(e).as_ref(),
                ChangeValue::Text,
            );
            self.field(
                id,
                Field::LogWithdrawn(lid.clone()),
                Some(&mine.withdrawn),
                Some(&e.withdrawn),
                ChangeValue::Flag,
            );
        }
        for (month, units) in &theirs.reports {
            for (unit, report) in units {
                let mine = ours.report(*month, unit);
                for part in ReportPart::ALL {
                    let field = Field::Report(*month, unit.clone(), part);
                    self.field(
                        id,
                        field,
                        mine.and_then(|r| r.part(part)),
                        report.part(part),
                        ChangeValue::Text,
                    );
                }
            }
        }
    }
}

impl Progress {
    /// What merging `incoming` into this copy would change, and where both sides changed
    /// the same field without seeing the other's change.
    pub fn diff(&self, incoming: &Progress) -> ProgressDiff {
        let mut differ = Differ {
            ours: seen(self),
            theirs: seen(incoming),
            out: ProgressDiff::default(),
        };
        let empty = TaskProgress::default();
        for (id, tp) in &incoming.tasks {
            differ.task(*id, self.tasks.get(id).unwrap_or(&empty), tp);
        }
        differ.out
    }
}

impl TaskProgress {
    /// The current value of one field.
    pub fn value(&self, field: &Field) -> ChangeValue {
        fn get<T: Clone>(s: Option<&Stamped<T>>, wrap: impl Fn(T) -> ChangeValue) -> ChangeValue {
            s.map_or(ChangeValue::Unset, |s| wrap(s.value.clone()))
        }
        let text = |s: Option<&Stamped<String>>| get(s, ChangeValue::Text);
        match field {
            Field::Status => get(self.status.as_ref(), ChangeValue::Status),
            Field::Percent => get(self.percent.as_ref(), ChangeValue::Percent),
            Field::Deadline => get(self.deadline.as_ref(), ChangeValue::Date),
            Field::Part(u) => get(self.parts.get(u), ChangeValue::Status),
            Field::MeasureText(id) => text(self.measures.get(id).map(|m| &m.text)),
            Field::MeasureDone(id) => {
                get(self.measures.get(id).map(|m| &m.done), ChangeValue::Flag)
            }
            Field::MeasureRemoved(id) => {
                get(self.measures.get(id).map(|m| &m.removed), ChangeValue::Flag)
            }
            Field::LogText(id) => text(self.log.get(id).and_then(|e| e.revisions.last())),
            Field::LogWithdrawn(id) => {
                get(self.log.get(id).map(|e| &e.withdrawn), ChangeValue::Flag)
            }
            Field::Report(month, unit, part) => {
                text(self.report(*month, unit).and_then(|r| r.part(*part)))
            }
        }
    }
}
