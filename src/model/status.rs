//! Task status (未启动 / 推进中 / 已完成 / 滞后) and the derived 逾期 flag.

use super::date::Date;
use serde::{Deserialize, Serialize};

/// The status a unit reports for a task or its own part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// 未启动
    NotStarted,
    /// 推进中
    InProgress,
    /// 已完成
    Done,
    /// 滞后
    Lagging,
}

impl Status {
    /// Every status, in display order (also the order of the 1–4 keyboard shortcuts).
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Lagging,
    ];

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Done => "已完成",
            Status::Lagging => "滞后",
        }
    }

    /// A stable ASCII key, used in CSS classes and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Lagging => "lagging",
        }
    }

    /// Parses [`Status::key`].
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Combines the parts reported by several units into one task status:
    /// all done → done; any lagging → lagging; any started → in progress.
    pub fn combine(parts: &[Status]) -> Status {
        if parts.is_empty() {
            Status::NotStarted
        } else if parts.iter().all(|s| *s == Status::Done) {
            Status::Done
        } else if parts.contains(&Status::Lagging) {
            Status::Lagging
        } else if parts
            .iter()
            .any(|s| matches!(s, Status::InProgress | Status::Done))
        {
            Status::InProgress
        } else {
            Status::NotStarted
        }
    }
}

/// Whether a task is overdue (逾期): its deadline has passed and it is not done.
pub fn is_overdue(status: Status, deadline: Option<Date>, today: Date) -> bool {
    status != Status::Done && deadline.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combine_parts() {
        use Status::*;
        assert_eq!(Status::combine(&[]), NotStarted);
        assert_eq!(Status::combine(&[Done, Done]), Done);
        assert_eq!(Status::combine(&[Done, NotStarted]), InProgress);
        assert_eq!(Status::combine(&[Done, Lagging, InProgress]), Lagging);
        assert_eq!(Status::combine(&[NotStarted, NotStarted]), NotStarted);
    }

    #[test]
    fn overdue_against_injected_today() {
        let deadline = Date::new(2023, 9, 30);
        let before = Date::new(2023, 9, 30).expect("date");
        let after = Date::new(2023, 10, 1).expect("date");
        assert!(!is_overdue(Status::InProgress, deadline, before));
        assert!(is_overdue(Status::InProgress, deadline, after));
        assert!(is_overdue(Status::Lagging, deadline, after));
        assert!(!is_overdue(Status::Done, deadline, after));
        assert!(!is_overdue(Status::NotStarted, None, after));
    }

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
    }
}
