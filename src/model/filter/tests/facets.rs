//! The unit facet's values and every facet's counts, with and without the caches.

use super::*;

#[test]
fn unit_options_are_groups_then_offices_then_judicial_offices() {
    assert_eq!(
        unit_options(&plan()),
        [
            "各科室",
            "各司法所",
            "普法与依法治理科",
            "办公室",
            "文源司法所",
            "暮云司法所",
            "区委政法委"
        ]
    );
}

#[test]
fn facet_counts_apply_the_other_facets() {
    let plan = plan();
    let progress = Progress::default();
    let all = facet_counts(&plan, &progress, today(), &Filter::default());
    assert_eq!(all.total, 5);
    assert_eq!(
        (all.section(SectionId(1)), all.section(SectionId(2))),
        (3, 2)
    );
    assert_eq!(
        (
            all.unit("各科室"),
            all.unit("各司法所"),
            all.unit("文源司法所")
        ),
        (2, 2, 2)
    );
    assert_eq!(all.status(Status::NotStarted), 5);
    assert_eq!(all.overdue, 0);
    let f = Filter {
        sections: [SectionId(2)].into(),
        ..units(&["各司法所"])
    };
    let c = facet_counts(&plan, &progress, today(), &f);
    assert_eq!(c.total, 1);
    // Sections count with the unit facet applied, units with the section facet applied.
    assert_eq!((c.section(SectionId(1)), c.section(SectionId(2))), (1, 1));
    assert_eq!(
        (c.unit("各司法所"), c.unit("各科室"), c.unit("区委政法委")),
        (1, 0, 1)
    );
    assert_eq!(c.status(Status::NotStarted), 1);
}

#[test]
fn cached_matching_agrees_with_direct_matching() {
    use crate::model::{
        FilterCache, PlanFacts, ProgressText, SearchText, StateCache, facet_counts_with,
    };
    let plan = crate::parse::parse_plan(crate::DEFAULT_PLAN_TEXT)
        .expect("parses")
        .plan;
    let mut progress = Progress::default();
    progress
        .task_mut(crate::model::TaskId(4))
        .set_status(Some(Status::Done), &stamp(1));
    let ctx = FilterContext {
        plan: &plan,
        progress: &progress,
        today: today(),
    };
    let (facts, states) = (
        PlanFacts::build(&plan),
        StateCache::build(&plan, &progress, today()),
    );
    let (text, notes) = (
        SearchText::build(&plan),
        ProgressText::build(&plan, &progress),
    );
    let cache = FilterCache {
        facts: &facts,
        states: &states,
        search: Some((&text, &notes)),
    };
    for query in ["", "合法性审查", "２０２３ 工作要点", "没有这个词"] {
        for statuses in [vec![], vec![Status::Done]] {
            let f = Filter {
                query: query.into(),
                statuses: statuses.into_iter().collect(),
                ..Filter::default()
            };
            let direct: Vec<_> = f.prepare().matching(&ctx).iter().map(|t| t.id).collect();
            let cached: Vec<_> = f
                .prepare()
                .matching_with(&ctx, cache)
                .iter()
                .map(|t| t.id)
                .collect();
            assert_eq!(direct, cached, "{query}");
            assert_eq!(
                facet_counts(&plan, &progress, today(), &f),
                facet_counts_with(&ctx, &f, Some(cache))
            );
        }
    }
}
