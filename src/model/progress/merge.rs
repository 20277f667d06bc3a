//! Field-by-field merging of two copies of a task's progress.

use super::TaskProgress;
use crate::model::stamp::merge_field;

impl TaskProgress {
    /// Merges another copy into this one, field by field: the later change wins;
    /// log revisions are united, so no wording is lost.
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
                    mine.revisions.sort_by(|a, b| a.stamp.cmp(&b.stamp));
                    mine.withdrawn.merge(&e.withdrawn);
                }
                None => {
                    self.log.insert(id.clone(), e.clone());
                }
            }
        }
    }
}
