//! Change stamps: when and by whom a field was last set, for field-by-field merging, and the
//! hybrid logical clock that issues them.

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

/// When a change was made, by which unit, in which copy: a hybrid logical clock reading.
///
/// `at` is the wall time (ms since the Unix epoch) as the copy's clock saw it, or later:
/// a copy never stamps a change earlier than anything it has already seen, so a new edit
/// wins over everything it has seen even when another PC's clock runs ahead. `n` counts
/// changes within one millisecond.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since 1970-01-01T00:00Z.
    pub at: i64,
    /// The logical counter: orders changes with the same `at`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub n: u32,
    /// The unit that made the change (本部门 at the time), if one was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<UnitId>,
    /// The copy that made the change.
    pub replica: ReplicaId,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Ord for Stamp {
    /// Later wins; equal clock readings are ordered by replica, then unit, so every copy agrees.
    fn cmp(&self, other: &Stamp) -> Ordering {
        (self.at, self.n, &self.replica, &self.by).cmp(&(
            other.at,
            other.n,
            &other.replica,
            &other.by,
        ))
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Stamp) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A copy's hybrid logical clock: the latest reading it has issued or seen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    at: i64,
    n: u32,
}

impl Clock {
    /// The next reading at wall time `wall`: the wall time when it is ahead of everything
    /// seen, else the latest reading seen with its counter moved on.
    pub fn tick(&mut self, wall: i64) -> (i64, u32) {
        if wall > self.at {
            *self = Clock { at: wall, n: 0 };
        } else if self.n == u32::MAX {
            *self = Clock {
                at: self.at + 1,
                n: 0,
            };
        } else {
            self.n += 1;
        }
        (self.at, self.n)
    }

    /// Takes note of a stamp made elsewhere, so that later readings come after it.
    pub fn observe(&mut self, stamp: &Stamp) {
        if (stamp.at, stamp.n) > (self.at, self.n) {
            *self = Clock {
                at: stamp.at,
                n: stamp.n,
            };
        }
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
            n: 0,
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
    fn the_clock_never_goes_back() {
        let mut c = Clock::default();
        assert_eq!(c.tick(100), (100, 0));
        assert_eq!(c.tick(100), (100, 1));
        assert_eq!(c.tick(90), (100, 2), "a clock set back still moves on");
        c.observe(&stamp(5_000, "far"));
        assert_eq!(
            c.tick(200),
            (5_000, 1),
            "after seeing a future stamp, edits come after it"
        );
        assert_eq!(c.tick(6_000), (6_000, 0));
        c.observe(&stamp(10, "old"));
        assert_eq!(c.tick(6_000), (6_000, 1), "an old stamp changes nothing");
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
