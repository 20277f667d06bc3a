//! The statistics agree with the list: the unit × status matrix counts the tasks the filter
//! shows, and every non-zero count links to a filter that shows exactly the tasks counted
//! there, whatever the filter the matrix was made under (units, groups, roles, statuses).

use super::caches::case;
use super::config;
use proptest::prelude::*;
use std::collections::BTreeSet;
use workplan::model::{
    FilterContext, MatrixColumn, StateCache, Status, TaskId, drill_down, unit_matrix,
};

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn every_matrix_count_is_the_list_its_link_shows((plan, progress, filter, today) in case()) {
        let ctx = FilterContext { plan, progress: &progress, today };
        let states = StateCache::build(plan, &progress, today);
        let shown = |f: &workplan::model::Filter| -> BTreeSet<TaskId> {
            f.prepare().matching(&ctx).iter().map(|t| t.id).collect()
        };
        let counted: Vec<TaskId> = filter.prepare().matching(&ctx).iter().map(|t| t.id).collect();
        let all: BTreeSet<TaskId> = counted.iter().copied().collect();
        let m = unit_matrix(plan, &states, &counted, &filter);
        prop_assert_eq!(m.totals.total, counted.len());
        for row in &m.rows {
            prop_assert!(row.counts.total > 0, "row {} has tasks", row.unit.label());
            let in_row = shown(&drill_down(&filter, &row.unit, MatrixColumn::Total));
            prop_assert!(in_row.is_subset(&all), "row {} is inside the list", row.unit.label());
            for col in MatrixColumn::ALL {
                let n = col.count(&row.counts);
                if n == 0 {
                    continue;
                }
                let linked = shown(&drill_down(&filter, &row.unit, col));
                prop_assert_eq!(linked.len(), n, "{} {:?} under {:?}", row.unit.label(), col, filter);
                prop_assert!(linked.is_subset(&in_row));
            }
            let by_status: usize = Status::ALL.iter().map(|s| row.counts.status(*s)).sum();
            prop_assert_eq!(by_status, row.counts.total);
        }
    }
}
