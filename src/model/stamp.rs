//! Change stamps: when and by whom a field was last set, for field-by-field merging.

use super::unit::UnitId;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Identifies one copy of the data (one browser profile); breaks ties between equal times.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReplicaId(pub String);

/// Id of a measure or log entry, unique across copies (`<replica>.<time>.<n>`, or `seed-…`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

/// When a change was made (milliseconds since the Unix epoch), by which unit, in which copy.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since 1970-01-01T00:00Z.
    pub at: i64,
    /// The unit that made the change (本部门 at the time), if one was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<UnitId>,
    /// The copy that made the change.
    pub replica: ReplicaId,
}

impl Ord for Stamp {
    /// Later wins; equal times are ordered by replica, then unit, so every copy agrees.
    fn cmp(&self, other: &Stamp) -> Ordering {
        (self.at, &self.replica, &self.by).cmp(&(other.at, &other.replica, &other.by))
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Stamp) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A value with the stamp of its last change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped<T> {
    /// The value.
    pub value: T,
    /// Its last change.
    pub stamp: Stamp,
}

impl<T: Clone> Stamped<T> {
    /// Wraps a value.
    pub fn new(value: T, stamp: &Stamp) -> Stamped<T> {
        Stamped {
            value,
            stamp: stamp.clone(),
        }
    }

    /// Keeps whichever of the two was changed last.
    pub fn merge(&mut self, other: &Stamped<T>) {
        if other.stamp > self.stamp {
            *self = other.clone();
        }
    }
}

/// Merges an optional stamped field: the later change wins, a present value beats absence.
pub fn merge_field<T: Clone>(mine: &mut Option<Stamped<T>>, theirs: &Option<Stamped<T>>) {
    match (mine.as_mut(), theirs) {
        (Some(m), Some(t)) => m.merge(t),
        (None, Some(t)) => *mine = Some(t.clone()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(at: i64, replica: &str) -> Stamp {
        Stamp {
            at,
            by: None,
            replica: ReplicaId(replica.into()),
        }
    }

    #[test]
    fn later_change_wins_either_way() {
        let old = Stamped::new(1, &stamp(10, "a"));
        let new = Stamped::new(2, &stamp(20, "b"));
        let mut x = old.clone();
        x.merge(&new);
        let mut y = new.clone();
        y.merge(&old);
        assert_eq!(x, new);
        assert_eq!(y, new);
    }

    #[test]
    fn ties_break_on_replica() {
        let a = Stamped::new("a", &stamp(10, "a"));
        let b = Stamped::new("b", &stamp(10, "b"));
        let mut x = a.clone();
        x.merge(&b);
        let mut y = b.clone();
        y.merge(&a);
        assert_eq!(x, y);
    }

    #[test]
    fn absent_field_takes_the_other() {
        let mut none: Option<Stamped<i32>> = None;
        merge_field(&mut none, &Some(Stamped::new(3, &stamp(1, "a"))));
        assert_eq!(none.map(|s| s.value), Some(3));
    }
}
