//! Unit tests for the plan parser on small hand-written plans.

use super::*;

const SMALL: &str = "首页 > 规划计划\n\n某区工作要点\n发布时间：2024年3月5日 来源：某区司法局\n总体要求是：干好。\n一、第一部分\n1．做甲。细节一；细节二。（责任部门：办公室、各司法所）\n2.做乙。\n续写内容。(责任部门:各科室)\n二、第二部分\n3、做丙。(责任单位:甲司法所)\n某区司法局\n2024年35日\n扫一扫在手机打开当前页\n";

#[test]
fn parses_a_small_plan() {
    let parsed = parse_plan(SMALL).expect("parses");
    let plan = &parsed.plan;
    assert_eq!(plan.title, "某区工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("某区司法局"));
    assert_eq!(
        plan.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(plan.preamble, "总体要求是：干好。");
    assert_eq!(plan.sections.len(), 2);
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.tasks[0].title, "做甲");
    assert_eq!(plan.tasks[0].body, "细节一；细节二。");
    assert_eq!(plan.tasks[1].body, "续写内容。");
    assert_eq!(plan.tasks[2].section, SectionId(2));
    assert_eq!(plan.tasks[2].units_raw, vec!["甲司法所"]);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn unplaced_lines_become_warnings_with_line_numbers() {
    let text = "标题\n一、部分\n1.做甲。(责任部门:办公室)\n这行放不下\n";
    let parsed = parse_plan(text).expect("parses");
    assert_eq!(
        parsed.warnings,
        vec![ParseWarning {
            line: 4,
            kind: WarningKind::UnplacedLine("这行放不下".into())
        }]
    );
}

#[test]
fn missing_units_and_gaps_are_reported() {
    let text = "标题\n一、部分\n1.做甲。\n3.做丙。(责任部门:办公室)\n";
    let parsed = parse_plan(text).expect("parses");
    let kinds: Vec<_> = parsed
        .warnings
        .iter()
        .map(|w| (w.line, w.kind.clone()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (3, WarningKind::TaskWithoutUnits(1)),
            (
                4,
                WarningKind::NumberOutOfSequence {
                    expected: 2,
                    found: 3
                }
            ),
        ]
    );
}

#[test]
fn fatal_errors_carry_lines() {
    assert_eq!(
        parse_plan("").map(|_| ()),
        Err(ParseError {
            line: 0,
            kind: ParseErrorKind::Empty
        })
    );
    assert_eq!(
        parse_plan("标题\n正文").map(|_| ()),
        Err(ParseError {
            line: 0,
            kind: ParseErrorKind::NoSections
        })
    );
    assert_eq!(
        parse_plan("标题\n1.做甲。\n一、部分").map(|_| ()),
        Err(ParseError {
            line: 2,
            kind: ParseErrorKind::TaskOutsideSection(1)
        })
    );
    assert_eq!(
        parse_plan("标题\n一、部分\n1.甲。\n1.乙。").map(|_| ()),
        Err(ParseError {
            line: 4,
            kind: ParseErrorKind::DuplicateTask(1)
        })
    );
    assert_eq!(
        parse_plan("标题\n一、部分\n").map(|_| ()),
        Err(ParseError {
            line: 0,
            kind: ParseErrorKind::NoTasks
        })
    );
}

#[test]
fn plan_id_is_stable_across_copies() {
    let a = parse_plan(SMALL).expect("parses").plan;
    let b = parse_plan(&SMALL.replace('\n', "\r\n"))
        .expect("parses")
        .plan;
    assert_eq!(a.id, b.id);
    assert_eq!(
        a.tasks.iter().map(|t| t.id).collect::<Vec<_>>(),
        b.tasks.iter().map(|t| t.id).collect::<Vec<_>>()
    );
}
