//! A unit's report (报送) on a task for one month: 进展情况, 存在问题, 下一步措施, each part
//! stamped on its own so that two copies merge part by part.

use super::items::within_limit;
pub use super::month::Month;
use super::{ProgressError, TaskProgress};
use crate::model::stamp::{Stamp, Stamped, merge_field};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One of the report's three parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportPart {
    /// 进展情况.
    Progress,
    /// 存在问题.
    Problems,
    /// 下一步措施.
    Next,
}

impl ReportPart {
    /// The three parts in reading order.
    pub const ALL: [ReportPart; 3] = [ReportPart::Progress, ReportPart::Problems, ReportPart::Next];
}

/// One unit's report on one task for one month. A part never written is `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitReport {
    /// 进展情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Stamped<String>>,
    /// 存在问题.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<Stamped<String>>,
    /// 下一步措施.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Stamped<String>>,
}

impl UnitReport {
    /// One part's field.
    pub fn part(&self, part: ReportPart) -> Option<&Stamped<String>> {
        match part {
            ReportPart::Progress => self.progress.as_ref(),
            ReportPart::Problems => self.problems.as_ref(),
            ReportPart::Next => self.next.as_ref(),
        }
    }

    fn part_mut(&mut self, part: ReportPart) -> &mut Option<Stamped<String>> {
        match part {
            ReportPart::Progress => &mut self.progress,
            ReportPart::Problems => &mut self.problems,
            ReportPart::Next => &mut self.next,
        }
    }

    /// One part's text ("" when never written).
    pub fn text(&self, part: ReportPart) -> &str {
        self.part(part).map_or("", |s| s.value.as_str())
    }

    /// Whether every part is empty.
    pub fn is_blank(&self) -> bool {
        ReportPart::ALL.iter().all(|p| self.text(*p).is_empty())
    }

    /// Merges another copy, part by part.
    pub fn merge(&mut self, other: &UnitReport) {
        for part in ReportPart::ALL {
            merge_field(self.part_mut(part), &other.part(part).cloned());
        }
    }

    /// The stamps of its parts.
    pub fn stamps(&self) -> impl Iterator<Item = &Stamp> {
        ReportPart::ALL
            .into_iter()
            .filter_map(|p| self.part(p).map(|s| &s.stamp))
    }

    /// Its stamps, mutably.
    pub fn stamps_mut(&mut self) -> impl Iterator<Item = &mut Stamp> {
        [&mut self.progress, &mut self.problems, &mut self.next]
            .into_iter()
            .filter_map(|s| s.as_mut().map(|s| &mut s.stamp))
    }
}

/// Reports by month, then by unit name.
pub type Reports = BTreeMap<Month, BTreeMap<String, UnitReport>>;

impl TaskProgress {
    /// Writes one part of `unit`'s report for `month` (trimmed; empty clears it).
    pub fn set_report(
        &mut self,
        month: Month,
        unit: &str,
        part: ReportPart,
        text: &str,
        stamp: &Stamp,
    ) -> Result<(), ProgressError> {
        let text = within_limit(text)?;
        let current = self.report(month, unit).map_or("", |r| r.text(part));
        if current == text {
            // The same words again are no change: nothing to stamp, merge or export.
            return Ok(());
        }
        let report = self
            .reports
            .entry(month)
            .or_default()
            .entry(unit.to_string())
            .or_default();
        *report.part_mut(part) = Some(Stamped::new(text.to_string(), stamp));
        Ok(())
    }

    /// `unit`'s report for `month`, if it wrote one.
    pub fn report(&self, month: Month, unit: &str) -> Option<&UnitReport> {
        self.reports.get(&month).and_then(|m| m.get(unit))
    }

    /// The newest month's non-blank reports, by unit, if any.
    pub fn latest_reports(&self) -> Option<(Month, Vec<(&str, &UnitReport)>)> {
        self.reports.iter().rev().find_map(|(month, units)| {
            let filled: Vec<(&str, &UnitReport)> = units
                .iter()
                .filter(|(_, r)| !r.is_blank())
                .map(|(u, r)| (u.as_str(), r))
                .collect();
            (!filled.is_empty()).then_some((*month, filled))
        })
    }
}

/// Merges `other`'s reports into `mine`.
pub(super) fn merge_reports(mine: &mut Reports, other: &Reports) {
    for (month, units) in other {
        let slot = mine.entry(*month).or_default();
        for (unit, report) in units {
            slot.entry(unit.clone()).or_default().merge(report);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(at: i64) -> Stamp {
        crate::model::stats::testkit::stamp(at, None)
    }

    #[test]
    fn parts_merge_one_by_one() {
        let m = Month::parse("2023-07").expect("month");
        let mut a = TaskProgress::default();
        let mut b = TaskProgress::default();
        a.set_report(m, "办公室", ReportPart::Progress, "已完成调研", &stamp(10))
            .expect("ok");
        b.set_report(m, "办公室", ReportPart::Problems, "人手不足", &stamp(20))
            .expect("ok");
        b.set_report(m, "办公室", ReportPart::Progress, "旧的说法", &stamp(5))
            .expect("ok");
        a.merge(&b);
        let r = a.report(m, "办公室").expect("report");
        assert_eq!(r.text(ReportPart::Progress), "已完成调研");
        assert_eq!(r.text(ReportPart::Problems), "人手不足");
        assert_eq!(r.text(ReportPart::Next), "");
    }

    #[test]
    fn the_same_words_again_are_no_change() {
        let m = Month::parse("2023-07").expect("month");
        let mut t = TaskProgress::default();
        t.set_report(m, "办公室", ReportPart::Next, "", &stamp(5))
            .expect("ok");
        assert!(t.reports.is_empty(), "nothing written is nothing stored");
        t.set_report(m, "办公室", ReportPart::Next, "继续推进", &stamp(10))
            .expect("ok");
        let before = t.clone();
        t.set_report(m, "办公室", ReportPart::Next, " 继续推进 ", &stamp(20))
            .expect("ok");
        assert_eq!(t, before, "the stamp of the first writing stays");
        t.set_report(m, "办公室", ReportPart::Next, "", &stamp(30))
            .expect("ok");
        assert_eq!(
            t.report(m, "办公室").map(|r| r.text(ReportPart::Next)),
            Some(""),
            "clearing is a change"
        );
        assert_ne!(t, before);
    }

    #[test]
    fn latest_skips_blank_months() {
        let mut t = TaskProgress::default();
        let june = Month::parse("2023-06").expect("month");
        let july = Month::parse("2023-07").expect("month");
        t.set_report(june, "甲", ReportPart::Next, "继续", &stamp(1))
            .expect("ok");
        t.set_report(july, "甲", ReportPart::Next, "  ", &stamp(2))
            .expect("ok");
        let (month, reports) = t.latest_reports().expect("some");
        assert_eq!(month, june);
        assert_eq!(reports.len(), 1);
        assert!(matches!(
            t.set_report(
                july,
                "甲",
                ReportPart::Next,
                &"长".repeat(10_001),
                &stamp(3)
            ),
            Err(ProgressError::TooLong(10_001))
        ));
    }
}
