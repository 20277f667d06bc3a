//! Per-section figures for the 通报: tasks, counts by status, overdue, and share done.

use super::{Counts, distinct};
use crate::model::plan::{Plan, SectionId};
use crate::model::states::StateCache;
use crate::model::task::TaskId;
use crate::model::text::chinese_numeral;

/// The figures of one section over the counted tasks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionStats {
    /// The section.
    pub section: SectionId,
    /// Its heading as shown, numbered by position: `一、以贯彻…`.
    pub heading: String,
    /// Counts over its counted tasks (`counts.total` tasks).
    pub counts: Counts,
    /// Done tasks / tasks, in percent, rounded half up.
    pub percent_done: u8,
}

/// The heading of a section as shown, numbered by its position: `一、…`.
pub fn section_heading(plan: &Plan, section: SectionId) -> String {
    let Some(s) = plan.section(section) else {
        return String::new();
    };
    match plan.section_number(section) {
        Some(n) => format!("{}、{}", chinese_numeral(n), s.title),
        None => s.title.clone(),
    }
}

/// The figures of every section with at least one counted task, in plan order.
pub fn section_stats(plan: &Plan, states: &StateCache, ids: &[TaskId]) -> Vec<SectionStats> {
    let mut out: Vec<SectionStats> = plan
        .sections
        .iter()
        .map(|s| SectionStats {
            section: s.id,
            heading: section_heading(plan, s.id),
            counts: Counts::default(),
            percent_done: 0,
        })
        .collect();
    for id in distinct(ids) {
        let (Some(task), Some(state)) = (plan.task(id), states.get(id)) else {
            continue;
        };
        if let Some(s) = out.iter_mut().find(|s| s.section == task.section) {
            s.counts.add(state);
        }
    }
    out.retain(|s| s.counts.total > 0);
    for s in &mut out {
        s.percent_done = s.counts.percent_done();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::model::stats::count;
    use crate::model::stats::testkit::{Kit, ids};

    #[test]
    fn counts_and_share_done_per_section() {
        let mut kit = Kit::plan_2023();
        kit.set_status(1, Status::Done);
        kit.set_status(2, Status::Done);
        kit.set_status(3, Status::Lagging);
        kit.set_status(4, Status::Done);
        kit.set_status(5, Status::InProgress);
        kit.set_deadline(5, 2023, 6, 1);
        let states = kit.states();
        let all = section_stats(&kit.plan, &states, &ids(1..=19));
        assert_eq!(all.len(), 6);
        let first = &all[0];
        assert_eq!(
            first.heading,
            "一、以贯彻党的二十大精神为主线,铸牢政治绝对忠诚"
        );
        assert_eq!(
            (first.counts.total, first.counts.by_status),
            (3, [0, 0, 2, 1])
        );
        assert_eq!(first.percent_done, 67, "2 of 3 rounded");
        let second = &all[1];
        assert_eq!(
            (second.counts.by_status, second.counts.overdue),
            ([1, 1, 1, 0], 1)
        );
        assert_eq!(second.percent_done, 33);
        assert_eq!(all[2].percent_done, 0);

        let some = section_stats(&kit.plan, &states, &ids([4, 16, 99]));
        let headings: Vec<u32> = some.iter().map(|s| s.section.0).collect();
        assert_eq!(
            headings,
            [2, 6],
            "sections without counted tasks are left out"
        );
        assert_eq!(some[0].percent_done, 100);
        let total = count(&states, &ids(1..=19));
        assert_eq!((total.total, total.percent_done()), (19, 16), "3 of 19");
    }
}
