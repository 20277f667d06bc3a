//! Plans told apart by their numbering: (一) items, three levels, verb-style division,
//! two-digit numerals, unnumbered headings, deadlines, (一) items with 1. points.

use super::{assert_well_formed, counts, parse, units, warnings};
use workplan::model::{Role, SectionId};
use workplan::parse::WarningKind;

#[test]
fn city_plan_with_paren_items_and_tortoise_shell_notes() {
    let parsed = parse("01-city-paren-items.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (3, 7, 10, 6));
    assert_eq!(
        units(&plan.tasks[0]),
        [
            ("市局办公室", Role::Lead),
            ("各县（市、区）司法局", Role::Responsible)
        ]
    );
    // A comma between the roles.
    assert_eq!(
        units(&plan.tasks[1]),
        [("机关党委", Role::Lead), ("市局各处室", Role::Responsible)]
    );
    assert!(plan.tasks[1].body.contains("各级党委（党组）"));
    assert_eq!(plan.tasks[4].deadline.as_deref(), Some("年底前"));
    assert_eq!(plan.tasks[6].title, "提升法律援助质效");
    assert_eq!(plan.tasks[2].section, SectionId(2));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn three_levels_make_headings() {
    let parsed = parse("02-three-level.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 6, 9, 0));
    let headings: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("（一）深化“放管服”改革"),
            Some("（一）深化“放管服”改革"),
            Some("（二）推进政府治理规范化"),
            Some("（一）深化行政执法体制改革"),
            Some("（二）加大重点领域执法力度"),
            Some("（二）加大重点领域执法力度"),
        ]
    );
    assert_eq!(plan.tasks[1].deadline.as_deref(), Some("6月底前"));
    assert_eq!(plan.tasks[3].deadline.as_deref(), Some("2024年10月底前"));
    assert_eq!(plan.tasks[3].units.len(), 4);
    assert!(plan.preamble.contains("（2021—2025年）"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn state_council_verb_style_division() {
    let parsed = parse("03-state-council-division.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    // 一、总体要求 (text only) is part of the preamble; 三、有关要求 stays an empty section.
    assert_eq!(counts(plan), (2, 4, 6, 3));
    assert!(plan.preamble.contains("一、总体要求"));
    assert_eq!(plan.sections[0].numeral, "二");
    assert_eq!(
        units(&plan.tasks[0]),
        [
            ("商务部", Role::Lead),
            ("国家发展改革委", Role::Lead),
            ("工业和信息化部", Role::Responsible),
            ("财政部", Role::Responsible),
        ]
    );
    assert_eq!(units(&plan.tasks[1])[2], ("各有关部门", Role::Responsible));
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("2024年6月底前"));
    assert_eq!(
        plan.tasks[2].heading.as_deref(),
        Some("（二）深化重点领域改革")
    );
    assert_eq!(units(&plan.tasks[3]), [("财政部", Role::Responsible)]);
    assert_eq!(
        warnings(&parsed),
        [(
            25,
            WarningKind::UnplacedLine(
                "各部门要强化责任担当，加强协调配合，确保各项任务按期完成。".into()
            )
        )]
    );
}

#[test]
fn two_digit_numerals() {
    let parsed = parse("10-two-digit-numbering.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (4, 24, 22, 0));
    assert_eq!(plan.tasks[23].title, "加强国防动员");
    assert_eq!(plan.tasks[23].section, SectionId(4));
    assert_eq!(
        units(&plan.tasks[21]),
        [
            ("区委政法委", Role::Responsible),
            ("区公安分局", Role::Responsible)
        ]
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn unnumbered_headings_are_sections() {
    let parsed = parse("11-unnumbered-headings.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (3, 5, 6, 0));
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["党建引领", "平安建设", "民生服务"]);
    assert!(plan.sections.iter().all(|s| s.numeral.is_empty()));
    assert_eq!(plan.tasks[2].section, SectionId(2));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn deadlines_in_notes_lines_and_text() {
    let parsed = parse("12-deadlines.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 5, 5, 1));
    let deadlines: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.deadline.as_deref()).collect();
    assert_eq!(
        deadlines,
        [
            Some("3月底前"),
            Some("年底前"),
            Some("2024年10月底前"),
            Some("12月31日前"),
            Some("长期坚持")
        ]
    );
    assert_eq!(units(&plan.tasks[0]), [("法治督察科", Role::Responsible)]);
    assert_eq!(
        units(&plan.tasks[4]),
        [
            ("法律援助中心", Role::Lead),
            ("律师管理科", Role::Cooperating)
        ]
    );
    // An unnumbered heading inside a numbered section heads its tasks.
    assert_eq!(plan.tasks[3].heading.as_deref(), Some("法律援助"));
    assert_eq!(plan.tasks[2].heading, None);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn paren_items_with_points_and_a_note_after_them() {
    let parsed = parse("15-paren-items-with-points.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 3, 2));
    let t = &plan.tasks[0];
    assert_eq!(t.title, "推动习近平法治思想入脑入心");
    assert!(t.body.starts_with("1.将习近平法治思想") && t.body.contains("2.组织开展"));
    assert_eq!(
        units(t),
        [
            ("普法与依法治理科", Role::Lead),
            ("各司法所", Role::Responsible)
        ]
    );
    assert_eq!(
        units(&plan.tasks[2]),
        [
            ("人民参与和促进法治科", Role::Lead),
            ("各司法所", Role::Cooperating)
        ]
    );
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("年底前"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn general_requirements_part_is_preamble() {
    let parsed = parse("16-general-requirements-part.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 3, 1));
    let numerals: Vec<&str> = plan.sections.iter().map(|s| s.numeral.as_str()).collect();
    assert_eq!(numerals, ["二", "三"]);
    assert_eq!(
        plan.preamble.lines().collect::<Vec<_>>(),
        [
            "为深入推进法治政府建设，结合我市实际，制定本方案。",
            "一、总体要求",
            "（一）指导思想。坚持以习近平法治思想为指导，全面推进依法行政。",
            "（二）工作目标。到2024年底，法治政府建设取得新成效。",
        ]
    );
    assert_eq!(
        units(&plan.tasks[0]),
        [
            ("市司法局", Role::Lead),
            ("市政府各部门", Role::Responsible)
        ]
    );
    assert_eq!(plan.tasks[2].section, SectionId(2));
    assert_eq!(
        units(&plan.tasks[2]),
        [("各县、市、区政府", Role::Responsible)]
    );
    assert!(plan.tasks.iter().all(|t| t.deadline.is_none()));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}
