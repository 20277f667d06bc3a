//! The caches the app derives once agree with deriving everything afresh: each task's state
//! from the plan's precomputed facts equals its own derivation, each summary the summary of
//! its tasks' states, and matching and facet counts read through the caches (with or without
//! the search texts) equal the uncached ones, for any progress, filter and day. Each facet
//! count is the number of tasks the filter shows with that value chosen alone in its facet, and
//! the counts list the tasks the filter shows.

use super::config;
use super::roundtrip::known_plans;
use super::strategies::progress;
use proptest::collection::btree_set;
use proptest::prelude::*;
use workplan::model::{
    Date, FilterCache, FilterContext, Plan, PlanFacts, Progress, ProgressText, Role, SearchText,
    StateCache, Status, TaskId, facet_counts, facet_counts_with, summarise, task_state,
    unit_options,
};
use workplan::model::{Filter, SectionId};

/// Words found in plan titles and bodies, in generated measures and log entries, and nowhere.
const WORDS: [&str; 10] = [
    "法治",
    "调解",
    "工作",
    "会议",
    "三审",
    "emoji",
    "原文",
    "ｓｃｒｉｐｔ",
    "0",
    "没有这个词",
];

/// A plan and progress of some of its tasks.
fn plan_and_progress() -> impl Strategy<Value = (&'static Plan, Progress)> {
    (0..known_plans().len()).prop_flat_map(|i| {
        let plan = &known_plans()[i];
        let max = plan.tasks.iter().map(|t| t.id.0).max().unwrap_or(1);
        (Just(plan), progress(max))
    })
}

/// A filter over `plan`: any facets, including unit values the plan offers and one it lacks.
fn filter(plan: &Plan) -> impl Strategy<Value = Filter> {
    let mut units = unit_options(plan);
    units.push("不存在的部门".to_string());
    let sections: Vec<SectionId> = plan.sections.iter().map(|s| s.id).collect();
    (
        prop::sample::subsequence(sections.clone(), 0..=sections.len().min(2)),
        prop::sample::subsequence(units.clone(), 0..=units.len().min(2)),
        prop::option::of(prop::sample::select(vec![
            Role::Lead,
            Role::Responsible,
            Role::Cooperating,
        ])),
        btree_set(prop::sample::select(Status::ALL.to_vec()), 0..2),
        any::<bool>(),
        prop::option::of((0i64..1_096).prop_map(|d| Date::from_days_since_epoch(18_993 + d))),
        prop::sample::subsequence(WORDS.to_vec(), 0..3),
    )
        .prop_map(
            |(sections, units, role, statuses, overdue, updated_since, words)| Filter {
                sections: sections.into_iter().collect(),
                units: units.into_iter().collect(),
                role,
                statuses,
                overdue,
                updated_since,
                query: words.join(" "),
            },
        )
}

pub(super) fn case() -> impl Strategy<Value = (&'static Plan, Progress, Filter, Date)> {
    plan_and_progress().prop_flat_map(|(plan, progress)| {
        let today = (0i64..730).prop_map(|d| Date::from_days_since_epoch(19_358 + d));
        (Just(plan), Just(progress), filter(plan), today)
    })
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn cached_states_match_each_task_derived_afresh((plan, progress, _f, today) in case()) {
        let facts = PlanFacts::build(plan);
        let states = StateCache::from_facts(&facts, plan, &progress, today);
        prop_assert_eq!(&states, &StateCache::build(plan, &progress, today));
        for t in &plan.tasks {
            let fresh = task_state(t, plan, progress.task(t.id), today);
            prop_assert_eq!(states.get(t.id), Some(&fresh), "task {}", t.id.0);
        }
        let sections = plan.sections.iter().map(|s| Some(s.id));
        for section in sections.chain([None]) {
            let fresh = summarise(
                plan.tasks
                    .iter()
                    .filter(|t| section.is_none_or(|s| t.section == s))
                    .filter_map(|t| states.get(t.id)),
            );
            prop_assert_eq!(states.summary(section), fresh, "section {:?}", section);
        }
    }

    #[test]
    fn cached_filtering_matches_uncached((plan, progress, filter, today) in case()) {
        let facts = PlanFacts::build(plan);
        let states = StateCache::from_facts(&facts, plan, &progress, today);
        let (text, notes) = (SearchText::build(plan), ProgressText::build(plan, &progress));
        let ctx = FilterContext { plan, progress: &progress, today };
        let prepared = filter.prepare();
        let direct: Vec<TaskId> = prepared.matching(&ctx).iter().map(|t| t.id).collect();
        let counts = facet_counts(plan, &progress, today, &filter);
        for search in [None, Some((&text, &notes))] {
            let cache = FilterCache { facts: &facts, states: &states, search };
            let cached: Vec<TaskId> =
                prepared.matching_with(&ctx, cache).iter().map(|t| t.id).collect();
            prop_assert_eq!(&cached, &direct);
            prop_assert_eq!(&facet_counts_with(&ctx, &filter, Some(cache)), &counts);
        }
    }

    #[test]
    fn facet_counts_are_the_matches_with_that_value((plan, progress, filter, today) in case()) {
        let ctx = FilterContext { plan, progress: &progress, today };
        let shown = |f: Filter| f.prepare().matching(&ctx).len();
        let counts = facet_counts(plan, &progress, today, &filter);
        prop_assert_eq!(counts.total, shown(filter.clone()));
        let matching: Vec<(SectionId, TaskId)> =
            filter.prepare().matching(&ctx).iter().map(|t| (t.section, t.id)).collect();
        prop_assert_eq!(&counts.matching, &matching);
        for (unit, n) in &counts.units {
            let f = Filter { units: [unit.clone()].into_iter().collect(), ..filter.clone() };
            prop_assert_eq!(*n, shown(f), "unit {}", unit);
        }
        for (section, n) in &counts.sections {
            let f = Filter { sections: [*section].into_iter().collect(), ..filter.clone() };
            prop_assert_eq!(*n, shown(f), "section {}", section.0);
        }
        for (status, n) in &counts.statuses {
            let f = Filter { statuses: [*status].into_iter().collect(), ..filter.clone() };
            prop_assert_eq!(*n, shown(f), "status {:?}", status);
        }
        prop_assert_eq!(counts.overdue, shown(Filter { overdue: true, ..filter.clone() }));
    }
}
