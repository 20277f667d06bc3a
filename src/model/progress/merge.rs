//! Field-by-field merging of two copies of a task's progress.

use super::TaskProgress;
use crate::model::order;
use crate::model::stamp::merge_field;

impl TaskProgress {
    /// Merges another copy into this one, field by field: the later change wins;
    /// log revisions are united, so no wording is lost; an item's `created` is the earlier.
    pub fn merge(&mut self, other: &TaskProgress) {
        merge_field(&mut self.status, &other.status);
        merge_field(&mut self.percent, &other.percent);
        merge_field(&mut self.deadline, &other.deadline);
        for (unit, part) in &other.parts {
            self.parts
                .entry(unit.clone())
                .and_modify(|p| p.merge(part))
                .or_insert_with(|| part.clone());
        }
        for (id, m) in &other.measures {
            match self.measures.get_mut(id) {
                Some(mine) => {
                    mine.text.merge(&m.text);
                    mine.done.merge(&m.done);
                    mine.removed.merge(&m.removed);
                    if m.created < mine.created {
                        mine.created = m.created.clone();
                    }
                    if mine.seed.is_none() {
                        mine.seed = m.seed.clone();
                    }
                }
                None => {
                    self.measures.insert(id.clone(), m.clone());
                }
            }
        }
        for (id, e) in &other.log {
            match self.log.get_mut(id) {
                Some(mine) => {
                    for r in &e.revisions {
                        if !mine.revisions.contains(r) {
                            mine.revisions.push(r.clone());
                        }
                    }
                    order::sort_by(&mut mine.revisions, |a, b| a.stamp.cmp(&b.stamp));
                    mine.withdrawn.merge(&e.withdrawn);
                    // An import from a PC whose clock ran ahead moves `created` back in the
                    // importer's copy only: keep the earlier, as for measures, so both agree.
                    if e.created < mine.created {
                        mine.created = e.created.clone();
                    }
                }
                None => {
                    self.log.insert(id.clone(), e.clone());
                }
            }
        }
        super::report::merge_reports(&mut self.reports, &other.reports);
    }
}

/// How another copy of progress stands to this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Both hold the same.
    Same,
    /// The other holds everything this one does, and more: it is newer.
    Newer,
    /// This one holds everything the other does, and more: the other is older.
    Older,
    /// Each holds changes the other lacks.
    Diverged,
}

impl super::Progress {
    /// How `other` stands to this copy, judged by what a merge of the two would give.
    pub fn relation(&self, other: &super::Progress) -> Relation {
        let mut union = self.clone();
        union.merge(other);
        match (union == *self, union == *other) {
            (true, true) => Relation::Same,
            (false, true) => Relation::Newer,
            (true, false) => Relation::Older,
            (false, false) => Relation::Diverged,
        }
    }
}
